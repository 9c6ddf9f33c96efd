/* panel-header — the association's name on the reading-start side, and on the other
 * side the clock with the weekday, Hijri and Gregorian dates (common/cal, in the
 * configured zone). */
#include <stdlib.h>

#include "cal.h"
#include "display.h"
#include "util.h"

static void header_draw(struct display *d, SDL_Rect a)
{
    cal_lang lang =
        d->english ? CAL_EN : (d->digits == TXT_DIGITS_ARAB ? CAL_AR : CAL_AR_LATN);
    int pad = display_px(d, 36);
    struct draw_style big = {.px = display_px(d, d->portrait ? 50 : 54), .bold = true};
    struct draw_style small = {.px = display_px(d, d->portrait ? 30 : 30)};
    const char *first = d->english ? d->name_en : d->name_ar;
    const char *second = d->english ? d->name_ar : d->name_en;

    draw_rect(d->draw, a, display_panel);
    draw_rect(d->draw,
              (SDL_Rect){a.x, a.y + a.h - display_px(d, 4), a.w, display_px(d, 4)},
              display_accent);
    a.h -= display_px(d, 4);

    /* Portrait is too narrow for names, clock and dates side by side: the dates get
     * a row of their own under the other two. */
    SDL_Rect full = a, dates_row = {0};
    if (d->portrait) {
        a.h = full.h * 60 / 100;
        dates_row =
            (SDL_Rect){full.x, full.y + a.h, full.w, full.h - a.h - display_px(d, 6)};
    }

    /* Logo at the very start, then the name block, in at most half the width. */
    int lw = 0;
    if (d->logo) {
        int tw, th;
        SDL_QueryTexture(d->logo, NULL, NULL, &tw, &th);
        int h = a.h * 84 / 100;
        lw = th > 0 ? tw * h / th : 0;
        SDL_Rect dst = {d->english ? a.x + pad : a.x + a.w - pad - lw,
                        a.y + (a.h - h) / 2, lw, h};
        SDL_RenderCopy(d->renderer, d->logo, NULL, &dst);
        lw += pad / 2;
    }
    int bh =
        display_fit2(d, first, &big, second, &small, a.h * 92 / 100, a.w * 45 / 100 - lw);
    int nw = display_text_width(d, first, &big),
        sw = display_text_width(d, second, &small);
    int y = a.y + (a.h - bh) / 2;
    int xs1 = d->english ? a.x + pad + lw : a.x + a.w - pad - lw - nw;
    int xs2 = d->english ? a.x + pad + lw : a.x + a.w - pad - lw - sw;
    y += display_draw_text(d, first, &big, xs1, y, display_text);
    display_draw_text(d, second, &small, xs2, y, display_dim);

    /* Clock block, end side: the time, and beside it the weekday with the Hijri
     * date over the Gregorian date. */
    char *clock = cal_format(d->now, d->tz, CAL_TIME, lang);
    char *wday = cal_format(d->now, d->tz, CAL_WEEKDAY, lang);
    char *hijri = cal_format(d->now, d->tz, CAL_HIJRI_LONG, lang);
    char *greg = cal_format(d->now, d->tz, CAL_GREGORIAN_LONG, lang);
    char *line1 = xasprintf("%s  %s", wday ? wday : "", hijri ? hijri : "");
    const char *line2 = greg ? greg : "";
    txt_dir dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL;
    struct draw_style cs = {.px = display_px(d, 64), .bold = true, .dir = dir};
    struct draw_style ds1 = {.px = display_px(d, 32), .dir = dir}, ds2 = ds1;
    int room = a.w - nw - lw - 3 * pad; /* what the name left */
    int ch = display_text_height(d, clock ? clock : "", &cs);
    if (ch > a.h * 90 / 100) {
        cs.px = cs.px * (a.h * 90 / 100) / ch;
        ch = display_text_height(d, clock ? clock : "", &cs);
    }
    int cw = display_text_width(d, clock ? clock : "", &cs);
    int cy = a.y + (a.h - ch) / 2;
    int xc = d->english ? a.x + a.w - pad - cw : a.x + pad;
    display_draw_text(d, clock ? clock : "", &cs, xc, cy, display_text);
    if (d->portrait) {
        char *one = xasprintf(d->english ? "%s, %s" : "%s، %s", line1, line2);
        struct draw_style os = {.px = display_px(d, 34), .dir = dir};
        int oh = display_text_height(d, one, &os), ow = display_text_width(d, one, &os);
        if (oh > dates_row.h && oh > 0)
            os.px = os.px * dates_row.h / oh;
        if (ow > dates_row.w - 2 * pad && ow > 0)
            os.px = os.px * (dates_row.w - 2 * pad) / ow;
        oh = display_text_height(d, one, &os);
        display_text_centred(d, one, &os, dates_row, dates_row.y + (dates_row.h - oh) / 2,
                             display_dim);
        free(one);
    } else {
        int dh =
            display_fit2(d, line1, &ds1, line2, &ds2, a.h * 90 / 100, room - cw - pad);
        int w1 = display_text_width(d, line1, &ds1),
            w2 = display_text_width(d, line2, &ds2);
        int dw = w1 > w2 ? w1 : w2;
        int dy = a.y + (a.h - dh) / 2;
        /* Dates beside the clock, towards the middle of the screen. */
        int xd = d->english ? xc - pad - dw : xc + cw + pad;
        dy += display_draw_text(d, line1, &ds1, d->english ? xd + dw - w1 : xd, dy,
                        display_dim);
        display_draw_text(d, line2, &ds2, d->english ? xd + dw - w2 : xd, dy, display_dim);
    }
    free(line1);
    free(clock);
    free(wday);
    free(hijri);
    free(greg);
}

const struct panel panel_header = {"header", header_draw};
