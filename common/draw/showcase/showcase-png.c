/* showcase-png — writes an RGBA framebuffer to a PNG file with libpng, for
 * dawr-showcase --screenshot (the UI test and `make demo` look at the result). */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <png.h>

#include "showcase.h"
#include "util.h"

bool showcase_png_write(const char *path, const uint8_t *rgba, int width, int height,
                        int stride, char **cause)
{
    png_structp png = NULL;
    png_infop info = NULL;
    FILE *f = fopen(path, "wb");

    if (f == NULL) {
        *cause = xasprintf("%s: %s", path, strerror(errno));
        return false;
    }
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (png != NULL)
        info = png_create_info_struct(png);
    if (png == NULL || info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(f);
        *cause = xasprintf("%s: libpng failed", path);
        return false;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8,
                 PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < height; y++)
        png_write_row(png, rgba + (size_t)y * (size_t)stride);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    if (fclose(f) != 0) {
        *cause = xasprintf("%s: %s", path, strerror(errno));
        return false;
    }
    return true;
}
