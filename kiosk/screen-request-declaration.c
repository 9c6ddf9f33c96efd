/* screen-request-declaration — the applicant declares the data true and signs with a
 * finger (the policy's fourth step), then the request is saved to the outbox, which
 * sends it to the server now or when the server is back. */
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "kiosk.h"
#include "signature.h"
#include "ui.h"
#include "widget.h"
#include "worker.h"

#define DECLARATION_AR                                                                   \
    "أقر بأن جميع البيانات المقدمة صحيحة وأتحمل المسؤولية الكاملة عن صحتها"
#define DECLARATION_EN                                                                   \
    "I declare that all the information given is correct and I take full "               \
    "responsibility for its correctness"

struct decl_layout {
    SDL_Rect title, text, english, pad_label, pad;
    struct button clear, back, send;
};

static void decl_layout(struct kiosk *k, struct decl_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y;
    L->title = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 130);
    L->text = (SDL_Rect){col.x, y, col.w, ui_px(k, 220)};
    y += ui_px(k, 230);
    L->english = (SDL_Rect){col.x, y, col.w, ui_px(k, 120)};
    y += ui_px(k, 150);
    L->pad_label = (SDL_Rect){col.x, y, col.w, ui_px(k, 80)};
    y += ui_px(k, 90);
    int bh = ui_px(k, 150), gap = ui_px(k, 28);
    int bottom = col.y + col.h - bh - gap;
    int cw = ui_px(k, 380);
    L->pad = (SDL_Rect){col.x, y, col.w, bottom - bh - gap - y};
    if (L->pad.h > ui_px(k, 520))
        L->pad.h = ui_px(k, 520);
    L->clear = (struct button){
        .r = {k->english ? col.x + col.w - cw : col.x, L->pad.y + L->pad.h + gap, cw,
              ui_px(k, 110)},
        .label = ui_tr(k, "امسح التوقيع", "Clear"),
        .kind = BUTTON_SECONDARY,
        .px = 36,
    };
    int bw = (col.w - gap) / 3;
    L->back = (struct button){
        .r = {k->english ? col.x : col.x + col.w - bw, col.y + col.h - bh, bw, bh},
        .label = ui_tr(k, "السابق", "Back"),
        .kind = BUTTON_SECONDARY,
    };
    L->send = (struct button){
        .r = {k->english ? col.x + bw + gap : col.x, col.y + col.h - bh, col.w - bw - gap,
              bh},
        .label = ui_tr(k, "أقر وأرسل الطلب", "Declare and send"),
        .kind = signature_signed(k->signature) ? BUTTON_PRIMARY : BUTTON_DISABLED,
    };
}

static void decl_draw(struct kiosk *k)
{
    struct decl_layout L;
    decl_layout(k, &L);
    ui_text(k, ui_tr(k, "الإقرار والتوقيع", "Declaration and signature"), 64, true,
            L.title, TXT_ALIGN_START, ui_ink);
    /* the declaration is always shown in Arabic, with English under it */
    ui_text_dir(k, DECLARATION_AR, 52, true, L.text, TXT_ALIGN_RIGHT, TXT_DIR_RTL,
                ui_ink);
    ui_text_dir(k, DECLARATION_EN, 36, false, L.english, TXT_ALIGN_LEFT, TXT_DIR_LTR,
                ui_muted);
    ui_text(k, ui_tr(k, "وقّع بإصبعك في المربع", "Sign with your finger in the box"), 40,
            false, L.pad_label, TXT_ALIGN_START, ui_muted);
    sigpad_draw(k, k->signature, L.pad);
    button_draw(k, &L.clear);
    button_draw(k, &L.back);
    button_draw(k, &L.send);
}

static void decl_send(struct kiosk *k)
{
    unsigned char *png;
    size_t len;
    k->submit_failed = true;
    k->submitted_ref[0] = '\0';
    if (signature_png(k->signature, 600, 200, &png, &len) == 0) {
        request_set_signature(&k->request, png, len);
        char *json = request_json(&k->request);
        char *cause = NULL;
        if (json != NULL && k->outbox != NULL &&
            outbox_put(k->outbox, k->request.key, "/api/applications", json, &cause) ==
                0) {
            k->submit_failed = false;
            memcpy(k->submitted_key, k->request.key, sizeof k->submitted_key);
            if (k->worker != NULL)
                worker_deliver(k->worker);
        }
        free(cause); /* the screen says it failed; the cause may name a path only */
        if (json != NULL) {
            sodium_memzero(json, strlen(json));
            free(json);
        }
    }
    /* the request is in the outbox (or failed): nothing personal stays in memory */
    request_wipe(&k->request);
    signature_clear(k->signature);
    kiosk_show(k, &screen_request_done);
}

static void decl_tap(struct kiosk *k, int x, int y)
{
    struct decl_layout L;
    decl_layout(k, &L);
    if (ui_inside(L.pad, x, y)) {
        signature_add(k->signature, (float)(x - L.pad.x) / L.pad.w,
                      (float)(y - L.pad.y) / L.pad.h, true);
    } else if (button_hit(&L.clear, x, y)) {
        signature_clear(k->signature);
    } else if (button_hit(&L.back, x, y)) {
        kiosk_show(k, &screen_request_review);
    } else if (button_hit(&L.send, x, y)) {
        decl_send(k);
    }
}

static void decl_drag(struct kiosk *k, int x, int y)
{
    struct decl_layout L;
    decl_layout(k, &L);
    if (ui_inside(L.pad, x, y))
        signature_add(k->signature, (float)(x - L.pad.x) / L.pad.w,
                      (float)(y - L.pad.y) / L.pad.h, false);
}

static void decl_enter(struct kiosk *k)
{
    signature_clear(k->signature);
}

const struct screen screen_request_declaration = {
    .name = "request-declaration",
    .enter = decl_enter,
    .draw = decl_draw,
    .tap = decl_tap,
    .drag = decl_drag,
};
