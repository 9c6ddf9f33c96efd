/* screen-status — "check my request": the request number (as on the slip, typed as
 * ten digits; the dash is put in for you) and the last four digits of the ID. The
 * answer is the status only, never the application's details (DESIGN.md §6). */
#include <stdio.h>
#include <string.h>

#include "kiosk.h"
#include "ui.h"
#include "widget.h"
#include "worker.h"

struct status_layout {
    SDL_Rect title, ref_label, last4_label, answer, keys;
    struct textbox ref, last4;
    struct button back, ask;
};

static void status_layout(struct kiosk *k, struct status_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y;
    L->title = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 130);
    L->ref_label = (SDL_Rect){col.x, y, col.w, ui_px(k, 70)};
    y += ui_px(k, 80);
    L->ref = (struct textbox){
        .r = {col.x, y, col.w, ui_px(k, 130)},
        .field = k->status_ref,
        .focused = k->status_focus == 0,
    };
    y += ui_px(k, 150);
    L->last4_label = (SDL_Rect){col.x, y, col.w, ui_px(k, 70)};
    y += ui_px(k, 80);
    L->last4 = (struct textbox){
        .r = {col.x, y, col.w, ui_px(k, 130)},
        .field = k->status_last4,
        .focused = k->status_focus == 1,
    };
    y += ui_px(k, 150);
    int kh = ui_px(k, 480);
    if (kh > (col.y + col.h - y) / 2)
        kh = (col.y + col.h - y) / 2;
    int km = ui_px(k, 12);
    L->keys = (SDL_Rect){km, col.y + col.h - kh, k->w - 2 * km, kh};
    if (L->keys.w > ui_px(k, 1400))
        L->keys = (SDL_Rect){(k->w - ui_px(k, 1400)) / 2, L->keys.y, ui_px(k, 1400), kh};
    int bh = ui_px(k, 140), gap = ui_px(k, 28);
    int by = L->keys.y - ui_px(k, 24) - bh;
    L->answer = (SDL_Rect){col.x, y, col.w, by - y - ui_px(k, 10)};
    int bw = (col.w - gap) / 2;
    L->back = (struct button){
        .r = {k->english ? col.x : col.x + col.w - bw, by, bw, bh},
        .label = ui_tr(k, "رجوع", "Back"),
        .kind = BUTTON_SECONDARY,
    };
    L->ask = (struct button){
        .r = {k->english ? col.x + bw + gap : col.x, by, bw, bh},
        .label = ui_tr(k, "استعلم", "Check"),
        .kind = k->status_busy ? BUTTON_DISABLED : BUTTON_PRIMARY,
    };
}

static void status_draw(struct kiosk *k)
{
    struct status_layout L;
    status_layout(k, &L);
    ui_text(k, ui_tr(k, "متابعة طلب سابق", "Check my request"), 64, true, L.title,
            TXT_ALIGN_START, ui_ink);
    ui_text(k, ui_tr(k, "رقم الطلب (عشرة أرقام)", "Request number (ten digits)"), 40,
            false, L.ref_label, TXT_ALIGN_START, ui_muted);
    textbox_draw(k, &L.ref);
    ui_text(k, ui_tr(k, "آخر أربعة أرقام من رقم الهوية", "Last four digits of your ID"),
            40, false, L.last4_label, TXT_ALIGN_START, ui_muted);
    textbox_draw(k, &L.last4);
    if (k->status_busy) {
        ui_text(k, ui_tr(k, "جارٍ الاستعلام…", "Checking…"), 44, false, L.answer,
                TXT_ALIGN_CENTER, ui_muted);
    } else if (k->status_ar[0] != '\0') {
        draw_round_rect(k->draw, L.answer, ui_px(k, 20),
                        k->status_ok ? ui_surface : ui_warn);
        SDL_Rect in = {L.answer.x + ui_px(k, 24), L.answer.y, L.answer.w - ui_px(k, 48),
                       L.answer.h};
        ui_text(k, ui_tr(k, k->status_ar, k->status_en), k->status_ok ? 52 : 40, true, in,
                TXT_ALIGN_CENTER, k->status_ok ? ui_primary : ui_on_warn);
    }
    button_draw(k, &L.back);
    button_draw(k, &L.ask);
    keypad_draw(k, &k->keyboard, L.keys);
}

/* English names of the statuses; the Arabic comes from the server. */
static const char *status_english(const char *code)
{
    static const char *const names[][2] = {
        {"submitted", "Received; waiting to be checked by staff"},
        {"verified", "Checked by staff; sent to the committee"},
        {"under_review", "Being studied by the research committee"},
        {"accepted", "Accepted"},
        {"rejected", "Not accepted"},
        {"needs_info", "More information is needed: please visit us"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], code) == 0)
            return names[i][1];
    return code;
}

void status_result(struct kiosk *k, const struct worker_result *r)
{
    k->status_busy = false;
    k->status_ok = r->ok;
    if (r->ok) {
        snprintf(k->status_ar, sizeof k->status_ar, "حالة طلبك: %s", r->status_ar);
        snprintf(k->status_en, sizeof k->status_en, "Status: %s",
                 status_english(r->status));
    } else {
        snprintf(k->status_ar, sizeof k->status_ar, "%s", r->error_ar);
        snprintf(k->status_en, sizeof k->status_en, "%s", r->error_en);
    }
}

static void status_ask(struct kiosk *k)
{
    size_t rl, ll;
    const char *ref = field_text(k->status_ref, &rl);
    const char *last4 = field_text(k->status_last4, &ll);
    k->status_ok = false;
    if (rl != 10 || ll != 4) {
        snprintf(k->status_ar, sizeof k->status_ar,
                 "اكتب رقم الطلب كاملاً (عشرة أرقام) وآخر أربعة أرقام من الهوية.");
        snprintf(k->status_en, sizeof k->status_en,
                 "Type the whole request number (ten digits) and the last four digits "
                 "of your ID.");
        return;
    }
    if (k->worker == NULL)
        return;
    char formatted[16];
    snprintf(formatted, sizeof formatted, "%.4s-%s", ref, ref + 4);
    k->status_busy = true;
    k->status_ar[0] = k->status_en[0] = '\0';
    worker_lookup(k->worker, formatted, last4);
}

static void status_tap(struct kiosk *k, int x, int y)
{
    struct status_layout L;
    status_layout(k, &L);
    if (button_hit(&L.back, x, y)) {
        kiosk_show(k, &screen_home);
        return;
    }
    if (button_hit(&L.ask, x, y)) {
        status_ask(k);
        return;
    }
    if (textbox_tap(k, &L.ref, x, y)) {
        k->status_focus = 0;
        return;
    }
    if (textbox_tap(k, &L.last4, x, y)) {
        k->status_focus = 1;
        return;
    }
    bool refused;
    struct field *f = k->status_focus == 0 ? k->status_ref : k->status_last4;
    enum keyboard_action a = keypad_tap(k, &k->keyboard, L.keys, x, y, f, &refused);
    if (a == KEYBOARD_ENTER) {
        if (k->status_focus == 0)
            k->status_focus = 1;
        else
            status_ask(k);
    } else if (a == KEYBOARD_INSERT && k->status_focus == 0 && field_chars(f) == 10) {
        k->status_focus = 1; /* the number is complete: on to the ID digits */
    }
}

static void status_enter(struct kiosk *k)
{
    field_wipe(k->status_ref);
    field_wipe(k->status_last4);
    k->status_focus = 0;
    k->status_busy = false;
    k->status_ar[0] = k->status_en[0] = '\0';
    keyboard_init(&k->keyboard, KEYBOARD_DIGITS_ONLY);
    textbox_style(k, k->status_ref, true);
    textbox_style(k, k->status_last4, true);
}

const struct screen screen_status = {
    .name = "status",
    .enter = status_enter,
    .draw = status_draw,
    .tap = status_tap,
};
