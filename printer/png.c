/* png — the png:DIR virtual printer: each ticket becomes DIR/ticket-NNNN.png, the
 * exact 1-bit image a real printer would get. Used by the demo and the tests.
 */
#include <errno.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "prn-int.h"

struct png_tr {
    struct prn_transport base;
    char *dir;
    unsigned next;
};

prn_err prn_png_write(const struct prn_image *img, const char *path)
{
    FILE *fp = fopen(path, "wb");
    if (fp == NULL)
        return errno == EACCES ? PRN_ERR_ACCESS : PRN_ERR_IO;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(fp);
        remove(path);
        return PRN_ERR_IO;
    }
    png_init_io(png, fp);
    png_set_IHDR(png, info, (png_uint_32)img->width, (png_uint_32)img->height, 1,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    /* 203 dpi = 7992 dots per metre, so viewers show the real paper size. */
    png_set_pHYs(png, info, 7992, 7992, PNG_RESOLUTION_METER);
    png_write_info(png, info);
    png_set_invert_mono(png); /* our 1 is ink; PNG grey 1 is white */
    for (int y = 0; y < img->height; y++)
        png_write_row(png, img->bits + (size_t)y * img->stride);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return fclose(fp) == 0 ? PRN_OK : PRN_ERR_IO;
}

static prn_err png_put_image(struct prn_transport *base, const struct prn_image *img,
                             char **path)
{
    struct png_tr *t = (struct png_tr *)base;
    for (;;) {
        char *p = xasprintf("%s/ticket-%04u.png", t->dir, t->next++);
        struct stat sb;
        if (stat(p, &sb) == 0) { /* never overwrite an earlier run's ticket */
            free(p);
            continue;
        }
        prn_err err = prn_png_write(img, p);
        if (err != PRN_OK) {
            free(p);
            return err;
        }
        *path = p;
        return PRN_OK;
    }
}

static void png_close(struct prn_transport *base)
{
    struct png_tr *t = (struct png_tr *)base;
    free(t->dir);
    free(t);
}

static const struct prn_transport_ops png_ops = {.put_image = png_put_image,
                                                 .close = png_close};

prn_err prn_png_open(const char *dir, struct prn_transport **out)
{
    *out = NULL;
    struct stat sb;
    if (*dir == '\0')
        return PRN_ERR_BAD_DEVICE;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return PRN_ERR_NOT_FOUND;
    struct png_tr *t = xcalloc(1, sizeof *t);
    t->base.ops = &png_ops;
    t->dir = xstrdup(dir);
    t->next = 1;
    *out = &t->base;
    return PRN_OK;
}
