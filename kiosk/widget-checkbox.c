/* widget-checkbox — a large tick box with its label; the whole row is the target. */
#include "widget.h"

#include "ui.h"

void checkbox_draw(struct kiosk *k, const struct checkbox *c)
{
    int side = ui_px(k, 72);
    int gap = ui_px(k, 28);
    SDL_Rect box = {k->english ? c->r.x : c->r.x + c->r.w - side,
                    c->r.y + (c->r.h - side) / 2, side, side};
    draw_round_rect(k->draw, box, ui_px(k, 12), c->checked ? ui_primary : ui_surface);
    draw_round_frame(k->draw, box, ui_px(k, 12), ui_px(k, 5), ui_primary);
    if (c->checked) {
        /* a tick drawn as two thick strokes of small squares: no font needed */
        int t = ui_px(k, 7);
        for (int i = 0; i <= 10; i++) {
            int x = box.x + side * (22 + i * 2) / 100,
                y = box.y + side * (50 + i * 2) / 100;
            draw_rect(k->draw, (SDL_Rect){x, y, t, t}, ui_on_primary);
        }
        for (int i = 0; i <= 20; i++) {
            int x = box.x + side * (42 + i * 2) / 100,
                y = box.y + side * (70 - i * 2) / 100;
            draw_rect(k->draw, (SDL_Rect){x, y, t, t}, ui_on_primary);
        }
    }
    SDL_Rect lr = {k->english ? c->r.x + side + gap : c->r.x, c->r.y, c->r.w - side - gap,
                   c->r.h};
    ui_text(k, c->label, 40, false, lr, TXT_ALIGN_START, ui_ink);
}

bool checkbox_hit(const struct checkbox *c, int x, int y)
{
    return ui_inside(c->r, x, y);
}
