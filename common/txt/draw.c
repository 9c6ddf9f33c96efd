/* draw — a laid-out text into an 8-bit coverage bitmap (the printer's raster, the
 * PNG of dawr-shape). Glyphs come from the glyph cache; overlapping ink keeps the
 * maximum so that marks over letters do not darken the joins. */
#include "txt_int.h"

/* Keeps the maximum of @n coverage bytes; restrict lets gcc use vector max. */
static void draw_span(uint8_t *restrict dst, const uint8_t *restrict src, int n)
{
    for (int i = 0; i < n; i++)
        dst[i] = src[i] > dst[i] ? src[i] : dst[i];
}

static void draw_glyph(txt_bitmap *bm, const txt_glyph_image *img, int gx, int gy)
{
    int c0 = gx < 0 ? -gx : 0;
    int c1 = gx + img->width > bm->width ? bm->width - gx : img->width;
    if (c1 <= c0)
        return;
    int r0 = gy < 0 ? -gy : 0;
    int r1 = gy + img->height > bm->height ? bm->height - gy : img->height;
    for (int row = r0; row < r1; row++) {
        const uint8_t *src = img->pixels + (size_t)row * (size_t)img->pitch;
        uint8_t *dst = bm->pixels + (size_t)(gy + row) * (size_t)bm->stride;
        draw_span(dst + gx + c0, src + c0, c1 - c0);
    }
}

void txt_layout_draw(const txt_layout *lo, txt_bitmap *bm, int x, int y)
{
    if (lo == NULL || bm == NULL || bm->pixels == NULL || !lo->laid_out)
        return;
    for (size_t i = 0; i < lo->nglyphs; i++) {
        const txt_glyph *g = &lo->glyphs[i];
        const txt_glyph_image *img = txt_font_glyph_image(g->font, lo->px, g->index);
        if (img == NULL || img->width == 0)
            continue;
        draw_glyph(bm, img, x + g->x + g->x_offset + img->left,
                   y + g->y - g->y_offset - img->top);
    }
}
