/* panel-status — a small badge in the header's bottom corner while the event stream
 * is down, so staff know the board may be behind. Small on purpose: the room should
 * not be alarmed by it. */
#include "display.h"

static void status_draw(struct display *d, SDL_Rect a)
{
    if (!d->show_status || d->online)
        return;
    const char *t =
        d->english ? "Reconnecting… — جارٍ الاتصال" : "جارٍ الاتصال… — Reconnecting";
    struct draw_style st = {.px = display_px(d, 24),
                            .bold = true,
                            .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    int pad = display_px(d, 12);
    int w = display_text_width(d, t, &st) + 2 * pad,
        h = display_text_height(d, t, &st) + pad;
    SDL_Rect r = {a.x + (a.w - w) / 2, a.y + a.h - h - display_px(d, 10), w, h};
    draw_round_rect(d->draw, r, display_px(d, 10), display_alert);
    display_draw_text(d, t, &st, r.x + pad, r.y + pad / 2, display_text);
}

const struct panel panel_status = {"status", status_draw};
