/* screen-rating — "rate our service": the ticket's letter and number, then one of
 * five faces, then thanks (the policy's goal of measuring beneficiary satisfaction).
 * The server rates by the ticket's secret token, which the kiosk kept for the tickets
 * it issued; a ticket from elsewhere is rated through the QR code printed on it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk.h"
#include "ui.h"
#include "widget.h"
#include "worker.h"

#define RATING_THANKS_MS 6000

static const char *const score_ar[5] = {"سيئ جداً", "سيئ", "مقبول", "جيد", "ممتاز"};
static const char *const score_en[5] = {"Very poor", "Poor", "Fair", "Good", "Excellent"};
static const SDL_Color score_colour[5] = {
    {0xB0, 0x1E, 0x1E, 0xFF}, {0xD0, 0x6A, 0x1A, 0xFF}, {0xC9, 0xA2, 0x00, 0xFF},
    {0x5C, 0x9A, 0x2E, 0xFF}, {0x0B, 0x5D, 0x3B, 0xFF},
};

struct rating_layout {
    SDL_Rect title, prompt, label, message, keys, faces[5];
    struct button letters[KIOSK_SERVICES_MAX];
    size_t nletters;
    struct button back, next;
};

static void rating_layout(struct kiosk *k, struct rating_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y;
    L->title = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 130);
    L->prompt = (SDL_Rect){col.x, y, col.w, ui_px(k, 90)};
    y += ui_px(k, 110);
    int bh = ui_px(k, 140), gap = ui_px(k, 28), bw = (col.w - gap) / 2;
    int kh = k->rating_state == 0 || k->rating_state == 4 ? ui_px(k, 480) : 0;
    int km = ui_px(k, 12);
    L->keys = (SDL_Rect){km, col.y + col.h - kh, k->w - 2 * km, kh};
    int by = L->keys.y - (kh ? ui_px(k, 24) : 0) - bh;
    L->back = (struct button){
        .r = {k->english ? col.x : col.x + col.w - bw, by, bw, bh},
        .label = ui_tr(k, "رجوع", "Back"),
        .kind = BUTTON_SECONDARY,
    };
    L->next = (struct button){
        .r = {k->english ? col.x + bw + gap : col.x, by, bw, bh},
        .label = ui_tr(k, "التالي", "Next"),
        .kind = kh ? BUTTON_PRIMARY : BUTTON_DISABLED,
    };
    /* the service letters, left to right like the label itself */
    L->nletters = k->nservices;
    int lw = ui_px(k, 150), lgap = ui_px(k, 20);
    int total = (int)L->nletters * lw + ((int)L->nletters - 1) * lgap;
    int lx = col.x + (col.w - total) / 2;
    for (size_t i = 0; i < L->nletters; i++) {
        L->letters[i] = (struct button){
            .r = {lx + (int)i * (lw + lgap), y, lw, ui_px(k, 130)},
            .label = k->services[i].prefix,
            .kind = strcmp(k->rating_prefix, k->services[i].prefix) == 0
                        ? BUTTON_PRIMARY
                        : BUTTON_SECONDARY,
            .px = 56,
        };
    }
    y += ui_px(k, 160);
    L->label = (SDL_Rect){col.x, y, col.w, ui_px(k, 170)};
    y += ui_px(k, 190);
    L->message = (SDL_Rect){col.x, y, col.w, ui_px(k, 140)};
    /* faces: a row from very poor (left) to excellent (right) in both languages,
     * like the scale on the printed survey */
    int fy = col.y + ui_px(k, 360);
    int fw = (col.w - 4 * ui_px(k, 16)) / 5;
    for (int i = 0; i < 5; i++)
        L->faces[i] =
            (SDL_Rect){col.x + i * (fw + ui_px(k, 16)), fy, fw, fw + ui_px(k, 80)};
}

/* A face: a disc, two eyes, and a mouth whose curve goes from frown to smile. */
static void rating_face(struct kiosk *k, SDL_Rect r, int score, bool chosen)
{
    int d = r.w;
    SDL_Rect disc = {r.x, r.y, d, d};
    if (chosen)
        draw_round_rect(k->draw,
                        (SDL_Rect){r.x - ui_px(k, 8), r.y - ui_px(k, 8), d + ui_px(k, 16),
                                   r.h + ui_px(k, 16)},
                        ui_px(k, 20), ui_ink);
    draw_round_rect(k->draw, disc, d / 2, score_colour[score - 1]);
    int eye = d / 10;
    draw_round_rect(k->draw, (SDL_Rect){r.x + d * 3 / 10, r.y + d * 3 / 10, eye, eye},
                    eye / 2, ui_surface);
    draw_round_rect(k->draw, (SDL_Rect){r.x + d * 6 / 10, r.y + d * 3 / 10, eye, eye},
                    eye / 2, ui_surface);
    float curve = (score - 3) * 0.5f; /* -1 frown .. +1 smile */
    int t = d / 18 + 1;
    for (int i = 0; i <= 20; i++) {
        float u = (i - 10) / 10.0f; /* -1..1 across the mouth */
        int mx = r.x + d / 2 + (int)(u * d * 0.25f);
        int my = r.y + d * 68 / 100 + (int)(curve * (1 - u * u) * d * 0.12f);
        draw_rect(k->draw, (SDL_Rect){mx - t / 2, my - t / 2, t, t}, ui_surface);
    }
    SDL_Rect lr = {r.x - ui_px(k, 10), r.y + d, d + ui_px(k, 20), r.h - d};
    ui_text(k, k->english ? score_en[score - 1] : score_ar[score - 1], 32, true, lr,
            TXT_ALIGN_CENTER, ui_ink);
}

static void rating_label(struct kiosk *k, char *out, size_t size)
{
    const char *n = field_text(k->rating_number, NULL);
    int num = atoi(n);
    if (k->rating_prefix[0] == '\0' || *n == '\0')
        snprintf(out, size, "%s-%s", k->rating_prefix[0] ? k->rating_prefix : "_", n);
    else
        snprintf(out, size, "%s-%03d", k->rating_prefix, num);
}

static void rating_draw(struct kiosk *k)
{
    struct rating_layout L;
    rating_layout(k, &L);
    ui_text(k, ui_tr(k, "قيّم الخدمة", "Rate our service"), 64, true, L.title,
            TXT_ALIGN_START, ui_ink);
    char label[48];
    switch (k->rating_state) {
    case 0:
    case 4:
        ui_text(k,
                ui_tr(k, "اختر حرف تذكرتك ثم اكتب رقمها",
                      "Choose your ticket's letter, then type its number"),
                40, false, L.prompt, TXT_ALIGN_START, ui_muted);
        for (size_t i = 0; i < L.nletters; i++)
            button_draw(k, &L.letters[i]);
        rating_label(k, label, sizeof label);
        {
            struct draw_style st = ui_style(k, 120, true);
            st.dir = TXT_DIR_LTR;
            st.digits = TXT_DIGITS_LATN;
            st.width = L.label.w;
            st.align = TXT_ALIGN_CENTER;
            draw_text(k->draw, label, &st, L.label.x, L.label.y, ui_primary);
        }
        if (k->rating_msg_ar[0] != '\0') {
            draw_round_rect(k->draw, L.message, ui_px(k, 20), ui_warn);
            ui_text(k, ui_tr(k, k->rating_msg_ar, k->rating_msg_en), 38, true, L.message,
                    TXT_ALIGN_CENTER, ui_on_warn);
        }
        keypad_draw(k, &k->keyboard, L.keys);
        button_draw(k, &L.next);
        break;
    case 1:
    case 2:
        ui_text(k, ui_tr(k, "كيف كانت خدمتنا اليوم؟", "How was our service today?"), 48,
                true, L.prompt, TXT_ALIGN_CENTER, ui_ink);
        for (int i = 0; i < 5; i++)
            rating_face(k, L.faces[i], i + 1, k->rating_score == i + 1);
        break;
    case 3:
        ui_text(
            k,
            ui_tr(k, "شكراً لك! رأيك يساعدنا على تحسين خدماتنا.",
                  "Thank you! Your opinion helps us serve better."),
            56, true,
            (SDL_Rect){L.prompt.x, L.prompt.y + ui_px(k, 300), L.prompt.w, ui_px(k, 300)},
            TXT_ALIGN_CENTER, ui_primary);
        break;
    }
    button_draw(k, &L.back);
}

void rating_result(struct kiosk *k, const struct worker_result *r)
{
    if (r->ok) {
        k->rating_state = 3;
        k->screen_since_ms = kiosk_now();
        return;
    }
    k->rating_state = 4;
    snprintf(k->rating_msg_ar, sizeof k->rating_msg_ar, "%s", r->error_ar);
    snprintf(k->rating_msg_en, sizeof k->rating_msg_en, "%s", r->error_en);
}

/* The token of a ticket this kiosk issued, or NULL. */
static const char *rating_token(struct kiosk *k, const char *label)
{
    size_t n = k->nissued < 256 ? k->nissued : 256;
    for (size_t i = 0; i < n; i++) {
        size_t j = (k->nissued - 1 - i) % 256; /* newest first */
        if (strcmp(k->issued[j].label, label) == 0)
            return k->issued[j].token;
    }
    return NULL;
}

static void rating_next(struct kiosk *k)
{
    char label[48];
    rating_label(k, label, sizeof label);
    if (k->rating_prefix[0] == '\0' || field_chars(k->rating_number) == 0) {
        snprintf(k->rating_msg_ar, sizeof k->rating_msg_ar,
                 "اختر الحرف واكتب رقم التذكرة.");
        snprintf(k->rating_msg_en, sizeof k->rating_msg_en,
                 "Choose the letter and type the ticket's number.");
        return;
    }
    if (rating_token(k, label) == NULL) {
        snprintf(k->rating_msg_ar, sizeof k->rating_msg_ar,
                 "لم تصدر هذه التذكرة من هذا الجهاز. امسح رمز QR في تذكرتك للتقييم.");
        snprintf(k->rating_msg_en, sizeof k->rating_msg_en,
                 "This ticket was not issued here. Scan the QR code on it to rate.");
        return;
    }
    k->rating_msg_ar[0] = k->rating_msg_en[0] = '\0';
    k->rating_state = 1;
}

static void rating_tap(struct kiosk *k, int x, int y)
{
    struct rating_layout L;
    rating_layout(k, &L);
    if (button_hit(&L.back, x, y)) {
        if (k->rating_state == 1)
            k->rating_state = 0;
        else
            kiosk_show(k, &screen_home);
        return;
    }
    if (k->rating_state == 1) {
        for (int i = 0; i < 5; i++) {
            if (ui_inside(L.faces[i], x, y) && k->worker != NULL) {
                char label[48];
                rating_label(k, label, sizeof label);
                const char *token = rating_token(k, label);
                if (token == NULL)
                    return;
                k->rating_score = i + 1;
                k->rating_state = 2;
                worker_rate(k->worker, token, i + 1);
            }
        }
        return;
    }
    if (k->rating_state != 0 && k->rating_state != 4)
        return;
    if (button_hit(&L.next, x, y)) {
        rating_next(k);
        return;
    }
    for (size_t i = 0; i < L.nletters; i++) {
        if (button_hit(&L.letters[i], x, y)) {
            snprintf(k->rating_prefix, sizeof k->rating_prefix, "%s",
                     k->services[i].prefix);
            k->rating_state = 0;
            return;
        }
    }
    bool refused;
    enum keyboard_action a =
        keypad_tap(k, &k->keyboard, L.keys, x, y, k->rating_number, &refused);
    if (a == KEYBOARD_ENTER)
        rating_next(k);
    else if (a != KEYBOARD_NONE)
        k->rating_state = 0;
}

static void rating_tick(struct kiosk *k, uint64_t now_ms)
{
    if (k->rating_state == 3 && now_ms - k->screen_since_ms >= RATING_THANKS_MS)
        kiosk_show(k, &screen_home);
}

static void rating_enter(struct kiosk *k)
{
    k->rating_prefix[0] = '\0';
    field_wipe(k->rating_number);
    k->rating_score = 0;
    k->rating_state = 0;
    k->rating_msg_ar[0] = k->rating_msg_en[0] = '\0';
    keyboard_init(&k->keyboard, KEYBOARD_DIGITS_ONLY);
}

const struct screen screen_rating = {
    .name = "rating",
    .enter = rating_enter,
    .draw = rating_draw,
    .tap = rating_tap,
    .tick = rating_tick,
};
