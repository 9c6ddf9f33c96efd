/* signature — see signature.h. */
#include "signature.h"

#include <math.h>
#include <png.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void signature_clear(struct signature *s)
{
    s->n = 0;
}

void signature_add(struct signature *s, float x, float y, bool start)
{
    if (s->n >= SIGNATURE_POINTS_MAX)
        return;
    x = x < 0 ? 0 : x > 1 ? 1 : x;
    y = y < 0 ? 0 : y > 1 ? 1 : y;
    s->pts[s->n++] = (struct signature_point){x, y, start || s->n == 0};
}

bool signature_signed(const struct signature *s)
{
    /* total ink length of at least a fifth of the pad's width */
    float len = 0;
    for (size_t i = 1; i < s->n; i++)
        if (!s->pts[i].start)
            len += hypotf(s->pts[i].x - s->pts[i - 1].x, s->pts[i].y - s->pts[i - 1].y);
    return len >= 0.2f;
}

static void signature_disc(unsigned char *px, int w, int h, float cx, float cy, float r)
{
    for (int y = (int)(cy - r); y <= (int)(cy + r) + 1; y++)
        for (int x = (int)(cx - r); x <= (int)(cx + r) + 1; x++)
            if (x >= 0 && y >= 0 && x < w && y < h &&
                (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r)
                px[(size_t)y * (size_t)w + (size_t)x] = 0;
}

struct signature_out {
    struct buf b;
};

static void signature_write(png_structp png, png_bytep data, png_size_t len)
{
    struct signature_out *o = png_get_io_ptr(png);
    buf_append(&o->b, data, len);
}

static void signature_flush(png_structp png)
{
    (void)png;
}

int signature_png(const struct signature *s, int w, int h, unsigned char **png_out,
                  size_t *len)
{
    if (w <= 0 || h <= 0 || w > 4096 || h > 4096)
        return -1;
    unsigned char *px = xmalloc((size_t)w * (size_t)h);
    memset(px, 255, (size_t)w * (size_t)h);
    float r = h / 60.0f + 1.0f;
    for (size_t i = 0; i < s->n; i++) {
        float x1 = s->pts[i].x * (w - 1), y1 = s->pts[i].y * (h - 1);
        if (s->pts[i].start || i == 0) {
            signature_disc(px, w, h, x1, y1, r);
            continue;
        }
        float x0 = s->pts[i - 1].x * (w - 1), y0 = s->pts[i - 1].y * (h - 1);
        int steps = (int)(hypotf(x1 - x0, y1 - y0) / (r / 2)) + 1;
        for (int k = 1; k <= steps; k++)
            signature_disc(px, w, h, x0 + (x1 - x0) * k / steps,
                           y0 + (y1 - y0) * k / steps, r);
    }
    struct signature_out o = {{0}};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    int rc = -1;
    if (png != NULL && info != NULL && setjmp(png_jmpbuf(png)) == 0) {
        png_set_write_fn(png, &o, signature_write, signature_flush);
        png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8, PNG_COLOR_TYPE_GRAY,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                     PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        for (int y = 0; y < h; y++)
            png_write_row(png, px + (size_t)y * (size_t)w);
        png_write_end(png, NULL);
        rc = 0;
    }
    png_destroy_write_struct(&png, &info);
    free(px);
    if (rc != 0) {
        buf_free(&o.b);
        return -1;
    }
    *len = o.b.len;
    *png_out = (unsigned char *)buf_take(&o.b);
    return 0;
}
