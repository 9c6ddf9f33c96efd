/* panel-recent — the calls before the newest one (six, or as many as fit), newest
 * at the top: label on the reading-start side, counter on the other. */
#include <stdlib.h>

#include "display.h"
#include "util.h"

static void recent_draw(struct display *d, SDL_Rect a)
{
    const struct board_call *rec;
    size_t n = board_recent(d->board, &rec);
    int m = display_px(d, 24), pad = display_px(d, 30);
    SDL_Rect box = {a.x + m, a.y + m, a.w - 2 * m, a.h - 2 * m};
    struct draw_style head = {.px = display_px(d, 36),
                              .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    const char *title = d->english ? "Previous calls — النداءات السابقة"
                                   : "النداءات السابقة — Previous calls";

    draw_round_rect(d->draw, box, display_px(d, 28), display_panel);
    d->check_area = box; /* text stays inside the panel's box */
    int y = box.y + display_px(d, 16);
    y += display_text_centred(d, title, &head, box, y, display_dim);

    /* As many rows as fit at a readable height (portrait has room for fewer). */
    int space = box.y + box.h - y - display_px(d, 12);
    int rows = space / display_px(d, 48);
    if (rows > BOARD_RECENT)
        rows = BOARD_RECENT;
    if (rows < 1)
        rows = 1;
    if (n > (size_t)rows)
        n = (size_t)rows;
    int row_h = space / rows;
    struct draw_style lab = {.px = row_h * 62 / 100, .bold = true, .dir = TXT_DIR_LTR};
    struct draw_style ctr = {.px = row_h * 40 / 100,
                             .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    for (size_t i = 0; i < n; i++) {
        int ry = y + (int)i * row_h;
        SDL_Rect line = {box.x + pad, ry + row_h - 2, box.w - 2 * pad, 2};
        if (i + 1 < n)
            draw_rect(d->draw, line, display_bg);
        char *counter = display_counter_text(d, rec[i].counter);
        /* Shrink the counter text if a narrow panel cannot hold it beside the label. */
        int lw = display_text_width(d, rec[i].label, &lab);
        int room = box.w - 3 * pad - lw;
        struct draw_style cs = ctr;
        int cw = display_text_width(d, counter, &cs);
        if (cw > room && cw > 0) {
            cs.px = cs.px * room / cw;
            cw = display_text_width(d, counter, &cs);
        }
        int lx = d->english ? box.x + pad : box.x + box.w - pad - lw;
        int cx = d->english ? box.x + box.w - pad - cw : box.x + pad;
        display_draw_text(d, rec[i].label, &lab, lx,
                  ry + (row_h - display_text_height(d, rec[i].label, &lab)) / 2,
                  display_text);
        display_draw_text(d, counter, &cs, cx,
                  ry + (row_h - display_text_height(d, counter, &cs)) / 2, display_dim);
        free(counter);
    }
}

const struct panel panel_recent = {"recent", recent_draw};
