/* style — the display's colours, its scale, and the small text helpers every panel
 * uses (centring, bilingual counter names, digits). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "util.h"

const SDL_Color display_bg = {0x0b, 0x25, 0x45, 0xff};
const SDL_Color display_panel = {0x13, 0x31, 0x5c, 0xff};
const SDL_Color display_text = {0xff, 0xff, 0xff, 0xff};
const SDL_Color display_dim = {0xb8, 0xc7, 0xdb, 0xff};
/* The label's gold is used for nothing else, so tests can find it on screen. */
const SDL_Color display_label = {0xff, 0xd5, 0x4f, 0xff};
const SDL_Color display_accent = {0x1e, 0x88, 0x6e, 0xff};
const SDL_Color display_alert = {0xc6, 0x28, 0x28, 0xff};
const SDL_Color display_ticker = {0xf3, 0xe6, 0xc4, 0xff};

int display_px(const struct display *d, float design)
{
    int px = (int)(design * d->unit + 0.5f);
    return px > 0 ? px : 1;
}

char *display_number(const struct display *d, long n)
{
    char *s = xasprintf("%ld", n);
    if (d->digits == TXT_DIGITS_ARAB) {
        char *a = txt_arabic_digits(s);
        free(s);
        s = a;
    }
    return s;
}

char *display_counter_text(const struct display *d, int counter)
{
    char *n = display_number(d, counter);
    char *s = d->english ? xasprintf("Counter %d — شباك %s", counter, n)
                         : xasprintf("شباك %s — Counter %d", n, counter);
    free(n);
    return s;
}

int display_text_width(struct display *d, const char *utf8, const struct draw_style *st)
{
    const txt_layout *lo = draw_text_layout(d->draw, utf8, st);
    int w = 0, h = 0;
    if (lo)
        txt_layout_get_size(lo, &w, &h);
    return w;
}

int display_text_height(struct display *d, const char *utf8, const struct draw_style *st)
{
    const txt_layout *lo = draw_text_layout(d->draw, utf8, st);
    int w = 0, h = 0;
    if (lo)
        txt_layout_get_size(lo, &w, &h);
    return h;
}

bool display_text_ink(struct display *d, const char *utf8, const struct draw_style *st,
                      int *top, int *bottom)
{
    const txt_layout *lo = draw_text_layout(d->draw, utf8, st);
    size_t n = 0;
    const txt_glyph *g = lo ? txt_layout_get_glyphs(lo, &n) : NULL;
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        const txt_glyph_image *img = txt_font_glyph_image(g[i].font, st->px, g[i].index);
        if (img == NULL || img->height == 0)
            continue;
        int t = g[i].y - g[i].y_offset - img->top, b = t + img->height;
        if (!any || t < *top)
            *top = t;
        if (!any || b > *bottom)
            *bottom = b;
        any = true;
    }
    return any;
}

int display_text_centred(struct display *d, const char *utf8, struct draw_style *st,
                         SDL_Rect area, int y, SDL_Color c)
{
    /* Shrunk to fit: a sentence sized for 1920 px may not fit a small screen's
     * panel, whose proportions differ once margins and line heights are rounded. */
    int w = display_text_width(d, utf8, st), room = area.w * 96 / 100;
    if (w > room && w > 0) {
        st->px = st->px * room / w;
        w = display_text_width(d, utf8, st);
    }
    return display_draw_text(d, utf8, st, area.x + (area.w - w) / 2, y, c);
}

int display_draw_text(struct display *d, const char *utf8, const struct draw_style *st,
                      int x, int y, SDL_Color c)
{
    if (d->check_layout) {
        int w = display_text_width(d, utf8, st), top = 0, bottom = 0;
        /* Vertically the ink counts (a line box's leading may hang over a tight
         * panel without any pixel showing there). */
        if (!display_text_ink(d, utf8, st, &top, &bottom))
            top = bottom = 0;
        SDL_Rect a = d->check_area;
        if (x < a.x || x + w > a.x + a.w || y + top < a.y || y + bottom > a.y + a.h) {
            d->overflows++;
            fprintf(stderr,
                    "dawr-display: layout overflow in %s: text %dx%d at %d,%d outside "
                    "%dx%d+%d+%d\n",
                    d->check_panel, w, bottom - top, x, y + top, a.w, a.h, a.x, a.y);
        }
    }
    return draw_text(d->draw, utf8, st, x, y, c);
}

int display_fit2(struct display *d, const char *t1, struct draw_style *st1,
                 const char *t2, struct draw_style *st2, int avail, int max_w)
{
    for (int tries = 0; tries < 8; tries++) {
        int h = display_text_height(d, t1, st1) + display_text_height(d, t2, st2);
        int w = display_text_width(d, t1, st1), w2 = display_text_width(d, t2, st2);
        if (w2 > w)
            w = w2;
        float f = 1.0f;
        if (h > avail && h > 0)
            f = (float)avail / (float)h;
        if (max_w > 0 && w > max_w && (float)max_w / (float)w < f)
            f = (float)max_w / (float)w;
        if (f >= 1.0f)
            return h;
        /* Line heights round, so shrink a little more than the ratio says. */
        st1->px = (int)(st1->px * f * 0.98f);
        st2->px = (int)(st2->px * f * 0.98f);
        if (st1->px < 6 || st2->px < 6)
            break;
    }
    return display_text_height(d, t1, st1) + display_text_height(d, t2, st2);
}
