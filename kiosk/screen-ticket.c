/* screen-ticket — the ticket just issued: its number in large type, the service, how
 * many are ahead and the expected wait as a range (never a promise, DESIGN.md §5),
 * and what the printer is doing. Goes home by itself after a few seconds, unless
 * printing failed: then the ticket stays until touched, so it can be written down. */
#include <stdio.h>
#include <stdlib.h>

#include "kiosk.h"
#include "util.h"
#include "ui.h"
#include "widget.h"

#define TICKET_SHOW_MS 12000

struct ticket_layout {
    SDL_Rect heading, card, label, service, ahead, wait, print, note;
    struct button done;
};

static void ticket_layout(struct kiosk *k, struct ticket_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y + ui_px(k, 40);
    L->heading = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 140);
    int card_h = ui_px(k, 680);
    L->card = (SDL_Rect){col.x, y, col.w, card_h};
    int pad = ui_px(k, 40);
    int cx = col.x + pad, cw = col.w - 2 * pad;
    int cy = y + ui_px(k, 40);
    L->label = (SDL_Rect){cx, cy, cw, ui_px(k, 260)};
    cy += ui_px(k, 270);
    L->service = (SDL_Rect){cx, cy, cw, ui_px(k, 100)};
    cy += ui_px(k, 130);
    L->ahead = (SDL_Rect){cx, cy, cw, ui_px(k, 90)};
    cy += ui_px(k, 100);
    L->wait = (SDL_Rect){cx, cy, cw, ui_px(k, 90)};
    /* sized so that it all fits above the button in landscape (1440 design px) */
    y += card_h + ui_px(k, 32);
    L->print = (SDL_Rect){col.x, y, col.w, ui_px(k, 120)};
    y += ui_px(k, 130);
    L->note = (SDL_Rect){col.x, y, col.w, ui_px(k, 100)};
    int bh = ui_px(k, 160);
    L->done = (struct button){
        .r = {col.x, col.y + col.h - bh, col.w, bh},
        .label = ui_tr(k, "تم", "Done"),
        .kind = BUTTON_PRIMARY,
        .px = 56,
    };
}

/* Minutes, rounded up, never below one. */
static long ticket_minutes(long s)
{
    long m = (s + 59) / 60;
    return m < 1 ? 1 : m;
}

static void ticket_draw(struct kiosk *k)
{
    const struct kiosk_ticket *t = &k->ticket;
    struct ticket_layout L;
    ticket_layout(k, &L);
    char buf[256];

    ui_text(k, ui_tr(k, "تفضّل، هذا رقمك", "Here is your number"), 64, true, L.heading,
            TXT_ALIGN_CENTER, ui_ink);
    draw_round_rect(k->draw, L.card, ui_px(k, 32), ui_surface);
    draw_round_frame(k->draw, L.card, ui_px(k, 32), ui_px(k, 6), ui_primary);
    /* The label is an identifier the wall display calls out as written ("A-017"):
     * Latin letter, Latin digits, left to right in both languages. */
    struct draw_style st = ui_style(k, 230, true);
    st.dir = TXT_DIR_LTR;
    st.digits = TXT_DIGITS_LATN;
    st.width = L.label.w;
    st.align = TXT_ALIGN_CENTER;
    draw_text(k->draw, t->label, &st, L.label.x, L.label.y, ui_primary);

    ui_text(k, k->english ? t->service_en : t->service_ar, 52, true, L.service,
            TXT_ALIGN_CENTER, ui_ink);
    if (k->english) {
        if (t->people_ahead == 0)
            snprintf(buf, sizeof buf, "You are next");
        else
            snprintf(buf, sizeof buf, "%d %s ahead of you", t->people_ahead,
                     t->people_ahead == 1 ? "person" : "people");
    } else {
        if (t->people_ahead == 0)
            snprintf(buf, sizeof buf, "دورك التالي");
        else if (t->people_ahead == 1)
            snprintf(buf, sizeof buf, "أمامك شخص واحد");
        else if (t->people_ahead == 2)
            snprintf(buf, sizeof buf, "أمامك شخصان");
        else if (t->people_ahead <= 10)
            snprintf(buf, sizeof buf, "أمامك %d أشخاص", t->people_ahead);
        else
            snprintf(buf, sizeof buf, "أمامك %d شخصاً", t->people_ahead);
    }
    ui_text(k, buf, 48, false, L.ahead, TXT_ALIGN_CENTER, ui_ink);
    long lo = ticket_minutes(t->wait_min_s), hi = ticket_minutes(t->wait_max_s);
    if (hi < lo)
        hi = lo;
    if (lo == hi && k->english)
        snprintf(buf, sizeof buf, "Expected wait: about %ld minute%s", lo,
                 lo == 1 ? "" : "s");
    else if (lo == hi)
        snprintf(buf, sizeof buf, "الانتظار المتوقع: نحو %ld دقيقة", lo);
    else if (k->english)
        snprintf(buf, sizeof buf, "Expected wait: %ld–%ld minutes", lo, hi);
    else
        snprintf(buf, sizeof buf, "الانتظار المتوقع: %ld–%ld دقيقة", lo, hi);
    ui_text(k, buf, 44, false, L.wait, TXT_ALIGN_CENTER, ui_muted);

    const char *p = NULL;
    SDL_Color pc = ui_ink;
    switch (t->print) {
    case KIOSK_PRINT_NONE:
        break;
    case KIOSK_PRINT_BUSY:
        p = ui_tr(k, "جارٍ طباعة التذكرة…", "Printing your ticket…");
        break;
    case KIOSK_PRINT_DONE:
        p = ui_tr(k, "خذ تذكرتك من الطابعة", "Please take your ticket from the printer");
        pc = ui_ok;
        break;
    case KIOSK_PRINT_FAILED:
        snprintf(buf, sizeof buf, "%s",
                 ui_tr(k, "تعذّرت الطباعة، احفظ رقمك من الشاشة. ",
                       "The ticket could not be printed; please note your number. "));
        p = buf;
        draw_round_rect(k->draw, L.print, ui_px(k, 20), ui_warn);
        pc = ui_on_warn;
        break;
    }
    if (p != NULL)
        ui_text(k, p, 44, true, L.print, TXT_ALIGN_CENTER, pc);
    if (t->print == KIOSK_PRINT_FAILED) {
        ui_text(k, ui_tr(k, t->print_error_ar, t->print_error_en), 36, false, L.note,
                TXT_ALIGN_CENTER, ui_muted);
        /* the QR code the paper would have carried, where there is room for it */
        int top = L.note.y + L.note.h + ui_px(k, 10);
        SDL_Rect qr = {L.note.x, top, L.note.w, L.done.r.y - ui_px(k, 20) - top};
        if (t->token[0] != '\0' && k->server[0] != '\0' && qr.h >= ui_px(k, 240)) {
            char *url = xasprintf("%s/api/tickets/status/%s", k->server, t->token);
            qr_draw(k, url, qr);
            free(url);
        }
    } else
        ui_text(k,
                ui_tr(k, "انتظر حتى يظهر رقمك على الشاشة ويُنادى عليك",
                      "Wait until your number is shown and called"),
                40, false, L.note, TXT_ALIGN_CENTER, ui_muted);
    button_draw(k, &L.done);
}

static void ticket_tap(struct kiosk *k, int x, int y)
{
    struct ticket_layout L;
    ticket_layout(k, &L);
    if (button_hit(&L.done, x, y))
        kiosk_show(k, &screen_home);
}

static void ticket_tick(struct kiosk *k, uint64_t now_ms)
{
    if (k->ticket.print != KIOSK_PRINT_FAILED &&
        now_ms - k->screen_since_ms >= TICKET_SHOW_MS)
        kiosk_show(k, &screen_home);
}

const struct screen screen_ticket = {
    .name = "ticket",
    .draw = ticket_draw,
    .tap = ticket_tap,
    .tick = ticket_tick,
};
