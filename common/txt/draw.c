/* draw — a laid-out text into an 8-bit coverage bitmap (the printer's raster, the
 * PNG of dawr-shape). Glyphs come from the glyph cache; overlapping ink keeps the
 * maximum so that marks over letters do not darken the joins. */
#include "txt_int.h"

static void draw_glyph(txt_bitmap *bm, const txt_glyph_image *img, int gx, int gy)
{
    for (int row = 0; row < img->height; row++) {
        int y = gy + row;
        if (y < 0 || y >= bm->height)
            continue;
        const uint8_t *src = img->pixels + (size_t)row * (size_t)img->pitch;
        uint8_t *dst = bm->pixels + (size_t)y * (size_t)bm->stride;
        int c0 = gx < 0 ? -gx : 0;
        int c1 = gx + img->width > bm->width ? bm->width - gx : img->width;
        for (int col = c0; col < c1; col++) {
            if (src[col] > dst[gx + col])
                dst[gx + col] = src[col];
        }
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
