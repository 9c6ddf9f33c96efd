/* widget-button — big touch buttons: rounded, high contrast, text never smaller than
 * 36 design pixels (about 9 mm on a 21.5" portrait screen). */
#include "widget.h"

#include "ui.h"

void button_draw(struct kiosk *k, const struct button *b)
{
    int radius = ui_px(k, 24);
    SDL_Color fg = ui_on_primary;
    switch (b->kind) {
    case BUTTON_PRIMARY:
        draw_round_rect(k->draw, b->r, radius, ui_primary);
        break;
    case BUTTON_SECONDARY:
        draw_round_rect(k->draw, b->r, radius, ui_surface);
        draw_round_frame(k->draw, b->r, radius, ui_px(k, 4), ui_line);
        fg = ui_primary;
        break;
    case BUTTON_DISABLED:
        draw_round_rect(k->draw, b->r, radius, (SDL_Color){0xD8, 0xD6, 0xD0, 0xFF});
        fg = ui_muted;
        break;
    }
    int pad = ui_px(k, 36);
    SDL_Rect inner = {b->r.x + pad, b->r.y, b->r.w - 2 * pad, b->r.h};
    int px = b->px ? b->px : 48;
    if (b->badge != NULL) {
        /* a square with the service letter, on the start side */
        int side = b->r.h - 2 * ui_px(k, 28);
        SDL_Rect sq = {k->english ? inner.x : inner.x + inner.w - side,
                       b->r.y + (b->r.h - side) / 2, side, side};
        SDL_Color sq_bg = b->kind == BUTTON_PRIMARY ? ui_on_primary : ui_primary;
        SDL_Color sq_fg = b->kind == BUTTON_PRIMARY ? ui_primary : ui_on_primary;
        draw_round_rect(k->draw, sq, ui_px(k, 16), sq_bg);
        ui_text_dir(k, b->badge, px, true, sq, TXT_ALIGN_CENTER, TXT_DIR_LTR, sq_fg);
        int used = side + ui_px(k, 28);
        inner.w -= used;
        if (k->english)
            inner.x += used;
    }
    if (b->detail == NULL) {
        ui_text(k, b->label, px, true, inner,
                b->badge != NULL ? TXT_ALIGN_START : TXT_ALIGN_CENTER, fg);
        return;
    }
    /* the detail keeps its natural width (at most half); the label gets the rest */
    struct draw_style st = ui_style(k, 36, false);
    const txt_layout *dl = draw_text_layout(k->draw, b->detail, &st);
    int dw = inner.w / 2, dh;
    if (dl != NULL)
        txt_layout_get_size(dl, &dw, &dh);
    if (dw > inner.w / 2)
        dw = inner.w / 2;
    int lw = inner.w - dw - ui_px(k, 24);
    SDL_Rect lr = {k->english ? inner.x : inner.x + inner.w - lw, inner.y, lw, inner.h};
    SDL_Rect dr = {k->english ? inner.x + lw : inner.x, inner.y, inner.w - lw, inner.h};
    ui_text(k, b->label, px, true, lr, TXT_ALIGN_START, fg);
    ui_text(k, b->detail, 36, false, dr, TXT_ALIGN_END, fg);
}

bool button_hit(const struct button *b, int x, int y)
{
    return b->kind != BUTTON_DISABLED && ui_inside(b->r, x, y);
}
