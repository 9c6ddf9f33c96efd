/* screen-request-docs — before the form: what to bring to the counter, so nobody
 * fills in a request and is then sent home for a missing paper (the policy's second
 * step: the employee checks every required item was supplied). */
#include "kiosk.h"
#include "ui.h"
#include "widget.h"

static const char *const docs_ar[] = {
    "الهوية الوطنية أو الإقامة",           "ما يثبت الدخل، مثل تعريف بالراتب",
    "عقد الإيجار أو صك الملكية",           "فواتير الخدمات إن كان الطلب لسدادها",
    "التقارير الطبية إن كان الطلب للعلاج",
};
static const char *const docs_en[] = {
    "National ID or iqama",
    "Proof of income, such as a salary letter",
    "Rental contract or title deed",
    "Utility bills, if you ask for help paying them",
    "Medical reports, if you ask for treatment",
};
#define NDOCS (sizeof docs_ar / sizeof docs_ar[0])

struct docs_layout {
    SDL_Rect title, intro, items[NDOCS], note;
    struct button start, back;
};

static void docs_layout(struct kiosk *k, struct docs_layout *L)
{
    SDL_Rect col = ui_column(k);
    int y = col.y;
    L->title = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
    y += ui_px(k, 130);
    L->intro = (SDL_Rect){col.x, y, col.w, ui_px(k, 130)};
    y += ui_px(k, 160);
    for (size_t i = 0; i < NDOCS; i++) {
        L->items[i] = (SDL_Rect){col.x, y, col.w, ui_px(k, 110)};
        y += ui_px(k, 126);
    }
    L->note = (SDL_Rect){col.x, y + ui_px(k, 20), col.w, ui_px(k, 130)};
    int bh = ui_px(k, 160), gap = ui_px(k, 28);
    int bw = (col.w - gap) / 3;
    L->back = (struct button){
        .r = {k->english ? col.x : col.x + col.w - bw, col.y + col.h - bh, bw, bh},
        .label = ui_tr(k, "رجوع", "Back"),
        .kind = BUTTON_SECONDARY,
    };
    L->start = (struct button){
        .r = {k->english ? col.x + bw + gap : col.x, col.y + col.h - bh, col.w - bw - gap,
              bh},
        .label = ui_tr(k, "ابدأ تعبئة الطلب", "Start the form"),
        .kind = BUTTON_PRIMARY,
    };
}

static void docs_draw(struct kiosk *k)
{
    struct docs_layout L;
    docs_layout(k, &L);
    ui_text(k, ui_tr(k, "طلب دعم", "Support request"), 72, true, L.title, TXT_ALIGN_START,
            ui_ink);
    ui_text(k,
            ui_tr(k, "أحضر معك إلى الموظف عند مناداة رقمك:",
                  "When your number is called, bring to the counter:"),
            44, false, L.intro, TXT_ALIGN_START, ui_muted);
    for (size_t i = 0; i < NDOCS; i++) {
        SDL_Rect r = L.items[i];
        int dot = ui_px(k, 22);
        SDL_Rect d = {k->english ? r.x : r.x + r.w - dot, r.y + (r.h - dot) / 2, dot,
                      dot};
        draw_round_rect(k->draw, d, dot / 2, ui_primary);
        SDL_Rect t = {k->english ? r.x + dot * 2 : r.x, r.y, r.w - dot * 2, r.h};
        ui_text(k, k->english ? docs_en[i] : docs_ar[i], 44, false, t, TXT_ALIGN_START,
                ui_ink);
    }
    ui_text(k,
            ui_tr(k, "تستغرق تعبئة الطلب بضع دقائق. خذ وقتك، ويمكنك الرجوع لأي سؤال.",
                  "The form takes a few minutes. Take your time; you can go back to any "
                  "question."),
            40, false, L.note, TXT_ALIGN_START, ui_muted);
    button_draw(k, &L.back);
    button_draw(k, &L.start);
}

static void docs_tap(struct kiosk *k, int x, int y)
{
    struct docs_layout L;
    docs_layout(k, &L);
    if (button_hit(&L.back, x, y))
        kiosk_show(k, &screen_home);
    else if (button_hit(&L.start, x, y)) {
        k->request.step = 0;
        kiosk_show(k, &screen_request_form);
    }
}

const struct screen screen_request_docs = {
    .name = "request-docs",
    .draw = docs_draw,
    .tap = docs_tap,
};
