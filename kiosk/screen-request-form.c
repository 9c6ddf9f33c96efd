/* screen-request-form — the support request, one question at a time: the question,
 * the answer box (or big choice buttons), the rule it breaks if any, and the
 * on-screen keyboard. "Next" checks the answer with the server's own rules
 * (common/form) before moving on, so mistakes are fixed here, not at the counter. */
#include <stdio.h>

#include "form.h"
#include "kiosk.h"
#include "ui.h"
#include "widget.h"

#define FORM_CHOICES_MAX 8

struct form_layout {
    SDL_Rect progress, question, hint, keys;
    struct textbox box;
    struct button choices[FORM_CHOICES_MAX];
    size_t nchoices;
    struct button back, next, cancel;
};

/* The error on screen (a form_err), or 0. */
static int form_error;

static const struct request_step *form_step(struct kiosk *k)
{
    return &request_steps[k->request.step];
}

static void form_layout(struct kiosk *k, struct form_layout *L)
{
    const struct request_step *st = form_step(k);
    SDL_Rect col = ui_column(k);
    int y = col.y;
    int cw = ui_px(k, 220), ch = ui_px(k, 100);
    L->cancel = (struct button){
        .r = {k->english ? col.x + col.w - cw : col.x, y, cw, ch},
        .label = ui_tr(k, "إلغاء", "Cancel"),
        .kind = BUTTON_SECONDARY,
        .px = 40,
    };
    L->progress = (SDL_Rect){col.x, y, col.w - cw - ui_px(k, 20), ch};
    if (!k->english)
        L->progress.x += cw + ui_px(k, 20);
    y += ch + ui_px(k, 24);
    L->question = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 130);

    /* the keyboard takes the lower part; back/next sit just above it */
    int kh = st->kind == REQUEST_TEXT
                 ? (st->layer == KEYBOARD_DIGITS_ONLY ? ui_px(k, 480) : ui_px(k, 500))
                 : 0;
    if (kh > (col.y + col.h - y) / 2)
        kh = (col.y + col.h - y) / 2;
    /* wider than the column: every pixel of width makes the keys easier to hit */
    int km = ui_px(k, 12);
    L->keys = (SDL_Rect){km, col.y + col.h - kh, k->w - 2 * km, kh};
    if (L->keys.w > ui_px(k, 1400))
        L->keys = (SDL_Rect){(k->w - ui_px(k, 1400)) / 2, L->keys.y, ui_px(k, 1400), kh};
    int bh = ui_px(k, 140), gap = ui_px(k, 28);
    int by = L->keys.y - (kh ? ui_px(k, 24) : 0) - bh;
    int bw = (col.w - gap) / 2;
    L->back = (struct button){
        .r = {k->english ? col.x : col.x + col.w - bw, by, bw, bh},
        .label = ui_tr(k, "السابق", "Back"),
        .kind = BUTTON_SECONDARY,
    };
    L->next = (struct button){
        .r = {k->english ? col.x + bw + gap : col.x, by, bw, bh},
        .label = k->request.step + 1 == REQUEST_STEPS ? ui_tr(k, "مراجعة", "Review")
                                                      : ui_tr(k, "التالي", "Next"),
        .kind = BUTTON_PRIMARY,
    };

    L->nchoices = 0;
    if (st->kind == REQUEST_TEXT) {
        L->box = (struct textbox){
            .r = {col.x, y, col.w, ui_px(k, 150)},
            .field = k->request.fields[k->request.step],
            .focused = true,
            .error = form_error != 0,
        };
        y += ui_px(k, 170);
        L->hint = (SDL_Rect){col.x, y, col.w, by - ui_px(k, 20) - y};
        return;
    }
    int n = 0;
    while (st->choices[n].code != NULL && n < FORM_CHOICES_MAX)
        n++;
    int space = by - ui_px(k, 40) - y, cgap = ui_px(k, 20);
    int h = (space - cgap * (n - 1)) / (n ? n : 1);
    if (h > ui_px(k, 150))
        h = ui_px(k, 150);
    for (int i = 0; i < n; i++) {
        L->choices[i] = (struct button){
            .r = {col.x, y, col.w, h},
            .label = k->english ? st->choices[i].en : st->choices[i].ar,
            .kind = k->request.choice[k->request.step] == i ? BUTTON_PRIMARY
                                                            : BUTTON_SECONDARY,
        };
        y += h + cgap;
    }
    L->nchoices = (size_t)n;
    L->hint = (SDL_Rect){col.x, y, col.w, by - y};
}

static void form_draw(struct kiosk *k)
{
    const struct request_step *st = form_step(k);
    struct form_layout L;
    form_layout(k, &L);
    char buf[128];
    if (k->english)
        snprintf(buf, sizeof buf, "Question %zu of %d", k->request.step + 1,
                 REQUEST_STEPS);
    else
        snprintf(buf, sizeof buf, "السؤال %zu من %d", k->request.step + 1, REQUEST_STEPS);
    ui_text(k, buf, 40, false, L.progress, TXT_ALIGN_START, ui_muted);
    button_draw(k, &L.cancel);
    ui_text(k, k->english ? st->en : st->ar, 64, true, L.question, TXT_ALIGN_START,
            ui_ink);
    if (st->kind == REQUEST_TEXT) {
        textbox_draw(k, &L.box);
        SDL_Rect h = L.hint;
        h.h = ui_px(k, 70);
        if (form_error != 0)
            ui_text(k,
                    ui_tr(k, form_err_message_ar(form_error),
                          form_err_message_en(form_error)),
                    40, true, h, TXT_ALIGN_START, (SDL_Color){0xB0, 0x1E, 0x1E, 0xFF});
        else if (st->hint_ar != NULL)
            ui_text(k, ui_tr(k, st->hint_ar, st->hint_en), 40, false, h, TXT_ALIGN_START,
                    ui_muted);
        keypad_draw(k, &k->keyboard, L.keys);
    } else {
        for (size_t i = 0; i < L.nchoices; i++)
            button_draw(k, &L.choices[i]);
        if (form_error != 0) {
            SDL_Rect h = L.hint;
            h.h = ui_px(k, 70);
            ui_text(k,
                    ui_tr(k, form_err_message_ar(form_error),
                          form_err_message_en(form_error)),
                    40, true, h, TXT_ALIGN_START, (SDL_Color){0xB0, 0x1E, 0x1E, 0xFF});
        }
    }
    button_draw(k, &L.back);
    button_draw(k, &L.next);
}

/* Shows question @step with its keyboard. */
static void form_go(struct kiosk *k, size_t step)
{
    k->request.step = step;
    form_error = 0;
    const struct request_step *st = form_step(k);
    if (st->kind == REQUEST_TEXT) {
        keyboard_init(&k->keyboard, k->english && st->layer == KEYBOARD_ARABIC
                                        ? KEYBOARD_ENGLISH
                                        : st->layer);
        textbox_style(k, k->request.fields[step], st->layer == KEYBOARD_DIGITS_ONLY);
    }
}

static void form_next(struct kiosk *k)
{
    form_error = request_check(&k->request, k->request.step);
    if (form_error != 0)
        return;
    if (k->request.step + 1 < REQUEST_STEPS)
        form_go(k, k->request.step + 1);
    else
        kiosk_show(k, &screen_request_review);
}

static void form_tap(struct kiosk *k, int x, int y)
{
    struct form_layout L;
    form_layout(k, &L);
    if (button_hit(&L.cancel, x, y)) {
        kiosk_show(k, &screen_home); /* wipes the request */
        return;
    }
    if (button_hit(&L.back, x, y)) {
        if (k->request.step == 0)
            kiosk_show(k, &screen_request_docs);
        else
            form_go(k, k->request.step - 1);
        return;
    }
    if (button_hit(&L.next, x, y)) {
        form_next(k);
        return;
    }
    for (size_t i = 0; i < L.nchoices; i++) {
        if (button_hit(&L.choices[i], x, y)) {
            k->request.choice[k->request.step] = (int)i;
            form_error = 0;
            return;
        }
    }
    if (form_step(k)->kind != REQUEST_TEXT)
        return;
    if (textbox_tap(k, &L.box, x, y))
        return;
    bool refused;
    enum keyboard_action a =
        keypad_tap(k, &k->keyboard, L.keys, x, y, L.box.field, &refused);
    if (a == KEYBOARD_ENTER)
        form_next(k);
    else if (a == KEYBOARD_INSERT || a == KEYBOARD_BACKSPACE)
        form_error = 0;
}

static void form_enter(struct kiosk *k)
{
    form_go(k, k->request.step);
}

const struct screen screen_request_form = {
    .name = "request-form",
    .enter = form_enter,
    .draw = form_draw,
    .tap = form_tap,
};
