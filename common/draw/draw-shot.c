/* draw-shot — writes what a renderer drew as an RGB PNG: the --screenshot of the kiosk,
 * the display and the showcase, which tests and docs look at. libpng directly: SDL2
 * itself can only write BMP. */
#include "draw.h"

#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int draw_screenshot(SDL_Renderer *r, int w, int h, const char *path, char **cause)
{
    size_t stride = (size_t)w * 3;
    unsigned char *px = xmalloc(stride * (size_t)h);
    if (SDL_RenderReadPixels(r, NULL, SDL_PIXELFORMAT_RGB24, px, (int)stride) != 0) {
        *cause = xasprintf("cannot read the frame: %s", SDL_GetError());
        free(px);
        return -1;
    }
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        *cause = xasprintf("%s: %s", path, strerror(errno));
        free(px);
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (png == NULL || info == NULL || setjmp(png_jmpbuf(png))) {
        *cause = xasprintf("%s: cannot encode PNG", path);
        png_destroy_write_struct(&png, &info);
        fclose(f);
        free(px);
        return -1;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < h; y++)
        png_write_row(png, px + (size_t)y * stride);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(px);
    if (fclose(f) != 0) {
        *cause = xasprintf("%s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}
