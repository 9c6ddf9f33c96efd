/* screen-request-done — the request is saved: its reference once the server has it,
 * or word that it will be sent when the connection is back, and what happens next
 * (the policy's fifth step: the research committee answers within two weeks). */
#include <stdio.h>

#include "kiosk.h"
#include "ui.h"
#include "widget.h"

struct done_layout {
    SDL_Rect title, status, ref, next;
    struct button done;
};

static void done_layout(struct kiosk *k, struct done_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y + ui_px(k, 80);
    L->title = (SDL_Rect){col.x, y, col.w, ui_px(k, 140)};
    y += ui_px(k, 180);
    L->status = (SDL_Rect){col.x, y, col.w, ui_px(k, 200)};
    y += ui_px(k, 220);
    L->ref = (SDL_Rect){col.x, y, col.w, ui_px(k, 200)};
    y += ui_px(k, 330); /* room for the ticket line under the reference */
    L->next = (SDL_Rect){col.x, y, col.w, ui_px(k, 300)};
    int bh = ui_px(k, 160);
    L->done = (struct button){
        .r = {col.x, col.y + col.h - bh, col.w, bh},
        .label = ui_tr(k, "تم", "Done"),
        .kind = BUTTON_PRIMARY,
        .px = 56,
    };
}

static void done_draw(struct kiosk *k)
{
    struct done_layout L;
    done_layout(k, &L);
    if (k->submit_failed) {
        ui_text(k, ui_tr(k, "تعذّر حفظ الطلب", "The request could not be saved"), 64, true,
                L.title, TXT_ALIGN_CENTER, (SDL_Color){0xB0, 0x1E, 0x1E, 0xFF});
        ui_text(k,
                ui_tr(k, "نعتذر منك. خذ رقم انتظار وسيساعدك الموظف في تعبئة الطلب.",
                      "We are sorry. Please take a number; a member of staff will help "
                      "you fill in the request."),
                44, false, L.status, TXT_ALIGN_CENTER, ui_ink);
        button_draw(k, &L.done);
        return;
    }
    ui_text(k, ui_tr(k, "شكراً لك، تم حفظ طلبك", "Thank you, your request is saved"), 64,
            true, L.title, TXT_ALIGN_CENTER, ui_primary);
    char buf[256];
    if (k->submitted_ref[0] != '\0') {
        ui_text(k, ui_tr(k, "رقم طلبك", "Your request number"), 44, false, L.status,
                TXT_ALIGN_CENTER, ui_muted);
        struct draw_style st = ui_style(k, 110, true);
        /* an identifier typed at the counter: Latin digits, as on the ticket */
        st.dir = TXT_DIR_LTR;
        st.digits = TXT_DIGITS_LATN;
        st.width = L.ref.w;
        st.align = TXT_ALIGN_CENTER;
        draw_text(k->draw, k->submitted_ref, &st, L.ref.x, L.ref.y, ui_ink);
        if (k->request_ticket[0] != '\0') {
            char line[96];
            snprintf(line, sizeof line, "%s %s", ui_tr(k, "رقم انتظارك:", "Your number:"),
                     k->request_ticket);
            /* Latin digits like the label on the ticket and the wall display */
            struct draw_style ls = ui_style(k, 52, true);
            ls.digits = TXT_DIGITS_LATN;
            ls.width = L.ref.w;
            ls.align = TXT_ALIGN_CENTER;
            draw_text(k->draw, line, &ls, L.ref.x, L.ref.y + L.ref.h + ui_px(k, 10),
                      ui_primary);
        }
    } else {
        snprintf(buf, sizeof buf, "%s",
                 k->link == KIOSK_LINK_ONLINE
                     ? ui_tr(k, "جارٍ إرسال طلبك…", "Sending your request…")
                     : ui_tr(k,
                             "الاتصال بالخادم منقطع الآن، وسيُرسل طلبك تلقائياً "
                             "عند عودته.",
                             "The server cannot be reached now; your request will be "
                             "sent as soon as it is back."));
        ui_text(k, buf, 44, false, L.status, TXT_ALIGN_CENTER, ui_ink);
    }
    ui_text(k,
            ui_tr(k,
                  "ستدرس لجنة البحث الاجتماعي طلبك، وتردّ عليك بالقبول أو الرفض خلال "
                  "أسبوعين.",
                  "The social research committee will study your request and answer "
                  "with acceptance or rejection within two weeks."),
            44, false, L.next, TXT_ALIGN_CENTER, ui_ink);
    button_draw(k, &L.done);
}

static void done_tap(struct kiosk *k, int x, int y)
{
    struct done_layout L;
    done_layout(k, &L);
    if (button_hit(&L.done, x, y))
        kiosk_show(k, &screen_home);
}

const struct screen screen_request_done = {
    .name = "request-done",
    .draw = done_draw,
    .tap = done_tap,
};
