/* panel-waiting — how many people wait for each service: one tile per service, in
 * the server's order, starting from the reading-start side. */
#include <stdlib.h>

#include "display.h"
#include "util.h"

static void waiting_draw(struct display *d, SDL_Rect a)
{
    const struct board_service *sv;
    size_t n = board_services(d->board, &sv);
    int m = display_px(d, 24), gap = display_px(d, 16);
    SDL_Rect box = {a.x + m, a.y, a.w - 2 * m, a.h - m};
    if (n == 0)
        return;

    /* Portrait: two rows when there are many services. */
    size_t per_row = n, rows = 1;
    if (d->portrait && n > 3) {
        rows = 2;
        per_row = (n + 1) / 2;
    }
    int tw = (box.w - (int)(per_row - 1) * gap) / (int)per_row;
    int th = (box.h - (int)(rows - 1) * gap) / (int)rows;
    /* Wide tiles put the count beside the name; the names share one size, that of
     * the longest, so the row reads evenly. */
    bool wide = tw > th * 2;
    int ip = display_px(d, 18), name_px = th * 30 / 100;
    struct draw_style cs0 = {.px = th * 62 / 100, .bold = true};
    for (size_t i = 0; wide && i < n; i++) {
        const char *name = d->english ? sv[i].name_en : sv[i].name_ar;
        char *count = display_number(d, sv[i].waiting);
        struct draw_style ns = {.px = name_px,
                                .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
        int room = tw - display_text_width(d, count, &cs0) - 3 * ip;
        int nw = display_text_width(d, name[0] ? name : sv[i].code, &ns);
        if (nw > room && nw > 0)
            name_px = name_px * room / nw;
        free(count);
    }
    for (size_t i = 0; i < n; i++) {
        size_t col = i % per_row, row = i / per_row;
        int x = d->english ? box.x + (int)col * (tw + gap)
                           : box.x + box.w - (int)(col + 1) * tw - (int)col * gap;
        SDL_Rect t = {x, box.y + (int)row * (th + gap), tw, th};
        draw_round_rect(d->draw, t, display_px(d, 20), display_panel);
        d->check_area = t; /* text stays inside its tile */

        const char *name = d->english ? sv[i].name_en : sv[i].name_ar;
        if (name[0] == '\0')
            name = sv[i].code;
        char *count = display_number(d, sv[i].waiting);
        struct draw_style ns = {.px = th * 30 / 100,
                                .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
        struct draw_style cs = {.px = th * 42 / 100, .bold = true};
        if (wide) {
            cs = cs0;
            int chh = display_text_height(d, count, &cs);
            if (chh > th && chh > 0)
                cs.px = cs.px * th / chh;
            int cw = display_text_width(d, count, &cs);
            ns.px = name_px;
            int nw = display_text_width(d, name, &ns);
            int nh = display_text_height(d, name, &ns);
            chh = display_text_height(d, count, &cs);
            int xn = d->english ? t.x + ip : t.x + t.w - ip - nw;
            int xc = d->english ? t.x + t.w - ip - cw : t.x + ip;
            display_draw_text(d, name, &ns, xn, t.y + (th - nh) / 2, display_dim);
            display_draw_text(d, count, &cs, xc, t.y + (th - chh) / 2, display_text);
        } else {
            int bh = display_fit2(d, name, &ns, count, &cs, th * 96 / 100, tw * 90 / 100);
            int y = t.y + (th - bh) / 2;
            y += display_text_centred(d, name, &ns, t, y, display_dim);
            display_text_centred(d, count, &cs, t, y, display_text);
        }
        free(count);
    }
}

const struct panel panel_waiting = {"waiting", waiting_draw};
