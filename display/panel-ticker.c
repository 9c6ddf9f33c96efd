/* panel-ticker — the configured message scrolling along the bottom. Arabic text
 * moves to the right (new words enter where an Arabic reader's eye is going next),
 * English to the left. Two copies are drawn so the loop has no gap. */
#include "display.h"

#define SPEED 110 /* design pixels per second */

static void ticker_draw(struct display *d, SDL_Rect a)
{
    draw_rect(d->draw, a, display_ticker);
    if (d->ticker == NULL || d->ticker[0] == '\0')
        return;
    int px = a.h * 55 / 100;
    if (px > display_px(d, 46))
        px = display_px(d, 46);
    struct draw_style st = {
        .px = px, .bold = true, .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    int w = display_text_width(d, d->ticker, &st);
    int th = display_text_height(d, d->ticker, &st);
    if (th > a.h && th > 0) {
        st.px = st.px * a.h / th;
        w = display_text_width(d, d->ticker, &st);
    }
    if (w <= 0)
        return;
    int span = w + display_px(d, 160);
    long long moved = (d->now_ms - d->ticker_t0) * display_px(d, SPEED) / 1000;
    int off = (int)(moved % span);
    int y = a.y + (a.h - display_text_height(d, d->ticker, &st)) / 2;
    SDL_Color ink = display_bg;

    SDL_RenderSetClipRect(d->renderer, &a);
    if (d->english) {
        int x = a.x + a.w / 4 - off; /* the first frame starts with text on screen */
        for (; x < a.x + a.w; x += span)
            draw_text(d->draw, d->ticker, &st, x, y, ink);
    } else {
        int x = a.x + a.w * 3 / 4 - w + off;
        while (x > a.x)
            x -= span;
        for (; x < a.x + a.w; x += span)
            draw_text(d->draw, d->ticker, &st, x, y, ink);
    }
    SDL_RenderSetClipRect(d->renderer, NULL);
}

const struct panel panel_ticker = {"ticker", ticker_draw};
