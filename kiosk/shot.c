/* shot — see shot.h. libpng directly: SDL2 itself can only write BMP. */
#include "shot.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int shot_save(SDL_Renderer *r, int w, int h, const char *path, char **cause)
{
    size_t pitch = (size_t)w * 3;
    unsigned char *pixels = xmalloc(pitch * (size_t)h);
    if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, pixels, (int)pitch) != 0) {
        *cause = xasprintf("cannot read the frame: %s", SDL_GetError());
        free(pixels);
        return -1;
    }
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        *cause = xasprintf("cannot create %s", path);
        free(pixels);
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (png != NULL && info != NULL && setjmp(png_jmpbuf(png)) == 0) {
        png_init_io(png, f);
        png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                     PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        for (int y = 0; y < h; y++)
            png_write_row(png, pixels + (size_t)y * pitch);
        png_write_end(png, NULL);
        rc = 0;
    }
    png_destroy_write_struct(&png, &info);
    if (fclose(f) != 0)
        rc = -1;
    if (rc != 0)
        *cause = xasprintf("cannot write %s", path);
    free(pixels);
    return rc;
}
