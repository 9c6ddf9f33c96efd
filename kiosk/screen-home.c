/* screen-home — the first thing a beneficiary sees: one big button per service with
 * how many are waiting, the priority option, the language switch, and the ways to
 * follow up a request or rate the service. When the server cannot be reached it says
 * so and offers no ticket (DESIGN.md §6). */
#include <stdio.h>

#include "kiosk.h"
#include "ui.h"
#include "widget.h"

/* Everything on the screen, laid out from the window size; drawing and tapping both
 * start from here. */
struct home_layout {
    SDL_Rect title, subtitle, banner;
    struct button lang;
    struct button services[KIOSK_SERVICES_MAX];
    size_t nservices;
    struct checkbox priority;
    struct button follow_up, rate;
    struct button request; /* offline: support requests still go to the outbox */
    bool show_banner, show_request;
};

static void home_layout(struct kiosk *k, struct home_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y;
    int lang_w = ui_px(k, 250), lang_h = ui_px(k, 110);
    /* the switch sits in the corner where the line ends */
    L->lang = (struct button){
        .r = {k->english ? col.x + col.w - lang_w : col.x, y, lang_w, lang_h},
        .label = ui_tr(k, "English", "العربية"),
        .kind = BUTTON_SECONDARY,
        .px = 40,
    };
    L->title = (SDL_Rect){col.x, y, col.w, lang_h};
    y += lang_h + ui_px(k, 12);
    L->subtitle = (SDL_Rect){col.x, y, col.w, ui_px(k, 80)};
    y += ui_px(k, 80) + ui_px(k, 32);

    L->show_banner = k->link != KIOSK_LINK_ONLINE;
    if (L->show_banner) {
        L->banner = (SDL_Rect){col.x, y, col.w, ui_px(k, 170)};
        y += ui_px(k, 170) + ui_px(k, 32);
    }

    /* bottom up: the two secondary buttons, then the priority option */
    int bottom = col.y + col.h;
    int bh = ui_px(k, 150), gap = ui_px(k, 28);
    int half = (col.w - gap) / 2;
    L->follow_up = (struct button){
        .r = {k->english ? col.x : col.x + col.w - half, bottom - bh, half, bh},
        .label = ui_tr(k, "متابعة طلب سابق", "Check my request"),
        .kind = BUTTON_SECONDARY,
        .px = 40,
    };
    L->rate = (struct button){
        .r = {k->english ? col.x + col.w - half : col.x, bottom - bh, half, bh},
        .label = ui_tr(k, "قيّم الخدمة", "Rate our service"),
        .kind = BUTTON_SECONDARY,
        .px = 40,
    };
    int ph = ui_px(k, 130);
    L->priority = (struct checkbox){
        .r = {col.x, bottom - bh - gap - ph, col.w, ph},
        .label = ui_tr(k, "أولوية لكبار السن وذوي الإعاقة والحوامل",
                       "Priority for the elderly, disabled and pregnant"),
        .checked = k->priority,
    };

    /* the services share what is left, at most 190 design pixels each */
    int space = L->priority.r.y - gap - y;
    L->nservices = k->link == KIOSK_LINK_OFFLINE ? 0 : k->nservices;
    L->show_request = k->link == KIOSK_LINK_OFFLINE;
    if (L->show_request)
        L->request = (struct button){
            .r = {col.x, y, col.w, ui_px(k, 190)},
            .label = ui_tr(k, "تقديم طلب دعم", "Fill in a support request"),
            .kind = BUTTON_PRIMARY,
            .px = 52,
        };
    if (L->nservices == 0)
        return;
    int sgap = ui_px(k, 24);
    int sh = (space - sgap * (int)(L->nservices - 1)) / (int)L->nservices;
    if (sh > ui_px(k, 190))
        sh = ui_px(k, 190);
    for (size_t i = 0; i < L->nservices; i++) {
        const struct kiosk_service *s = &k->services[i];
        L->services[i] = (struct button){
            .r = {col.x, y, col.w, sh},
            .label = k->english ? s->name_en : s->name_ar,
            .badge = s->prefix,
            .kind = k->issuing ? BUTTON_DISABLED : BUTTON_PRIMARY,
            .px = 52,
        };
        y += sh + sgap;
    }
}

static void home_draw(struct kiosk *k)
{
    struct home_layout L;
    home_layout(k, &L);
    SDL_Rect t = L.title;
    /* the title keeps clear of the language switch */
    t.w -= L.lang.r.w + ui_px(k, 24);
    if (k->english == false)
        t.x += L.lang.r.w + ui_px(k, 24);
    ui_text(k, ui_tr(k, "أهلاً وسهلاً بكم", "Welcome"), 72, true, t, TXT_ALIGN_START,
            ui_ink);
    button_draw(k, &L.lang);
    ui_text(k,
            ui_tr(k, "اختر الخدمة لتحصل على رقم الانتظار",
                  "Choose a service to get your number"),
            44, false, L.subtitle, TXT_ALIGN_START, ui_muted);

    if (L.show_banner) {
        draw_round_rect(k->draw, L.banner, ui_px(k, 20), ui_warn);
        SDL_Rect in = {L.banner.x + ui_px(k, 32), L.banner.y, L.banner.w - ui_px(k, 64),
                       L.banner.h};
        const char *msg =
            k->link == KIOSK_LINK_UNKNOWN
                ? ui_tr(k, "جارٍ الاتصال بالخادم…", "Connecting to the server…")
                : ui_tr(
                      k,
                      "لا يمكن إصدار التذاكر الآن لتعذّر الاتصال بالخادم. "
                      "يمكنك تقديم طلب الدعم وسيُرسل لاحقاً.",
                      "Tickets cannot be issued now: the server cannot be reached. "
                      "You can still fill in a support request; it will be sent later.");
        ui_text(k, msg, 38, true, in, TXT_ALIGN_START, ui_on_warn);
    }

    char details[KIOSK_SERVICES_MAX][96];
    for (size_t i = 0; i < L.nservices; i++) {
        int n = k->services[i].waiting;
        if (k->english)
            snprintf(details[i], sizeof details[i], "%d waiting", n);
        else if (n == 0)
            snprintf(details[i], sizeof details[i], "لا أحد ينتظر");
        else
            snprintf(details[i], sizeof details[i], "ينتظر %d", n);
        L.services[i].detail = details[i];
        button_draw(k, &L.services[i]);
    }
    if (k->issue_error_ar[0] != '\0' && L.nservices > 0) {
        SDL_Rect last = L.services[L.nservices - 1].r;
        SDL_Rect er = {last.x, last.y + last.h + ui_px(k, 8), last.w, ui_px(k, 60)};
        ui_text(k, ui_tr(k, k->issue_error_ar, k->issue_error_en), 36, true, er,
                TXT_ALIGN_START, (SDL_Color){0x9A, 0x1B, 0x1B, 0xFF});
    }
    if (L.show_request)
        button_draw(k, &L.request);
    checkbox_draw(k, &L.priority);
    button_draw(k, &L.follow_up);
    button_draw(k, &L.rate);
}

static void home_tap(struct kiosk *k, int x, int y)
{
    struct home_layout L;
    home_layout(k, &L);
    if (button_hit(&L.lang, x, y)) {
        k->english = !k->english;
        return;
    }
    if (checkbox_hit(&L.priority, x, y)) {
        k->priority = !k->priority;
        return;
    }
    if (L.show_request && button_hit(&L.request, x, y)) {
        kiosk_show(k, &screen_request_docs);
        k->request_service = -1; /* offline: no ticket can be issued */
        return;
    }
    for (size_t i = 0; i < L.nservices; i++) {
        if (button_hit(&L.services[i], x, y)) {
            kiosk_issue_ticket(k, i);
            return;
        }
    }
    if (button_hit(&L.follow_up, x, y)) {
        kiosk_show(k, &screen_status);
        return;
    }
    if (button_hit(&L.rate, x, y))
        kiosk_show(k, &screen_rating);
}

static void home_enter(struct kiosk *k)
{
    k->request_service = -1;
    k->request_ticket[0] = '\0';
    k->priority = false;
    k->issue_error_ar[0] = k->issue_error_en[0] = '\0';
}

const struct screen screen_home = {
    .name = "home",
    .enter = home_enter,
    .draw = home_draw,
    .tap = home_tap,
};
