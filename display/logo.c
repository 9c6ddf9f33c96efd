/* logo — reads a PNG with libpng's simplified API (SDL2 alone reads only BMP) into
 * straight RGBA, and uploads it as a blended texture. Capped in size so a wrong file
 * cannot exhaust memory. */
#include "logo.h"

#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LOGO_MAX 2048 /* pixels on either side */

SDL_Texture *logo_load(SDL_Renderer *r, const char *path, char **cause)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        *cause = xasprintf("%s: %s", path, img.message);
        return NULL;
    }
    if (img.width > LOGO_MAX || img.height > LOGO_MAX) {
        *cause = xasprintf("%s: larger than %dx%d", path, LOGO_MAX, LOGO_MAX);
        png_image_free(&img);
        return NULL;
    }
    img.format = PNG_FORMAT_RGBA;
    size_t stride = PNG_IMAGE_ROW_STRIDE(img);
    unsigned char *px = xmalloc(PNG_IMAGE_BUFFER_SIZE(img, stride));
    if (!png_image_finish_read(&img, NULL, px, (png_int_32)stride, NULL)) {
        *cause = xasprintf("%s: %s", path, img.message);
        free(px);
        return NULL;
    }
    SDL_Texture *t =
        SDL_CreateTexture(r, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC,
                          (int)img.width, (int)img.height);
    if (t == NULL || SDL_UpdateTexture(t, NULL, px, (int)stride) != 0) {
        *cause = xasprintf("%s: %s", path, SDL_GetError());
        if (t)
            SDL_DestroyTexture(t);
        free(px);
        return NULL;
    }
    SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
    free(px);
    return t;
}
