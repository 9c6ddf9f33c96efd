/* screen-request-review — every answer once more before signing (the policy's
 * fourth step: confirm the data is correct). Tapping an answer goes back to that
 * question. */
#include "kiosk.h"
#include "ui.h"
#include "widget.h"

struct review_layout {
    SDL_Rect title, rows[REQUEST_STEPS];
    struct button back, next;
};

static void review_layout(struct kiosk *k, struct review_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y;
    L->title = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 130);
    int bh = ui_px(k, 150), gap = ui_px(k, 28);
    int bottom = col.y + col.h - bh - ui_px(k, 30);
    int rh = (bottom - y) / REQUEST_STEPS;
    if (rh > ui_px(k, 140))
        rh = ui_px(k, 140);
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        L->rows[i] = (SDL_Rect){col.x, y, col.w, rh - ui_px(k, 10)};
        y += rh;
    }
    int bw = (col.w - gap) / 3;
    L->back = (struct button){
        .r = {k->english ? col.x : col.x + col.w - bw, col.y + col.h - bh, bw, bh},
        .label = ui_tr(k, "السابق", "Back"),
        .kind = BUTTON_SECONDARY,
    };
    L->next = (struct button){
        .r = {k->english ? col.x + bw + gap : col.x, col.y + col.h - bh, col.w - bw - gap,
              bh},
        .label = ui_tr(k, "البيانات صحيحة", "This is correct"),
        .kind = BUTTON_PRIMARY,
    };
}

static void review_draw(struct kiosk *k)
{
    struct review_layout L;
    review_layout(k, &L);
    ui_text(k, ui_tr(k, "راجع بياناتك", "Check your answers"), 64, true, L.title,
            TXT_ALIGN_START, ui_ink);
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        SDL_Rect r = L.rows[i];
        draw_round_rect(k->draw, r, ui_px(k, 14), ui_surface);
        int qw = r.w * 2 / 5, pad = ui_px(k, 24);
        SDL_Rect q = {k->english ? r.x + pad : r.x + r.w - qw - pad, r.y, qw, r.h};
        SDL_Rect a = {k->english ? r.x + qw + 2 * pad : r.x + pad, r.y,
                      r.w - qw - 3 * pad, r.h};
        ui_text(k, ui_tr(k, request_steps[i].ar, request_steps[i].en), 34, false, q,
                TXT_ALIGN_START, ui_muted);
        const char *ans = request_answer(&k->request, i, k->english);
        ui_text(k, *ans ? ans : "—", 40, true, a, TXT_ALIGN_START, ui_ink);
    }
    button_draw(k, &L.back);
    button_draw(k, &L.next);
}

static void review_tap(struct kiosk *k, int x, int y)
{
    struct review_layout L;
    review_layout(k, &L);
    if (button_hit(&L.next, x, y)) {
        kiosk_show(k, &screen_request_declaration);
        return;
    }
    if (button_hit(&L.back, x, y)) {
        k->request.step = REQUEST_STEPS - 1;
        kiosk_show(k, &screen_request_form);
        return;
    }
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        if (ui_inside(L.rows[i], x, y)) {
            k->request.step = i;
            kiosk_show(k, &screen_request_form);
            return;
        }
    }
}

const struct screen screen_request_review = {
    .name = "request-review",
    .draw = review_draw,
    .tap = review_tap,
};
