/* widget-signature — the signature pad: a white box with a line to sign on, and the
 * strokes drawn as they come. */
#include <stdlib.h>

#include "widget.h"

#include "ui.h"

void sigpad_draw(struct kiosk *k, const struct signature *s, SDL_Rect r)
{
    draw_round_rect(k->draw, r, ui_px(k, 16), ui_surface);
    draw_round_frame(k->draw, r, ui_px(k, 16), ui_px(k, 4), ui_primary);
    int line_y = r.y + r.h * 3 / 4;
    draw_rect(k->draw, (SDL_Rect){r.x + r.w / 12, line_y, r.w * 10 / 12, ui_px(k, 3)},
              (SDL_Color){0xA0, 0xA0, 0xA0, 0xFF});
    int t = ui_px(k, 6);
    if (t < 2)
        t = 2;
    for (size_t i = 0; i < s->n; i++) {
        int x1 = r.x + (int)(s->pts[i].x * r.w), y1 = r.y + (int)(s->pts[i].y * r.h);
        int x0 = x1, y0 = y1;
        if (i > 0 && !s->pts[i].start) {
            x0 = r.x + (int)(s->pts[i - 1].x * r.w);
            y0 = r.y + (int)(s->pts[i - 1].y * r.h);
        }
        int dx = x1 - x0, dy = y1 - y0;
        int steps = (abs(dx) > abs(dy) ? abs(dx) : abs(dy)) / (t / 2 + 1) + 1;
        for (int j = 0; j <= steps; j++)
            draw_rect(k->draw,
                      (SDL_Rect){x0 + dx * j / steps - t / 2, y0 + dy * j / steps - t / 2,
                                 t, t},
                      ui_ink);
    }
}
