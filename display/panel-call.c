/* panel-call — the newest call, as large as the panel allows: the ticket label
 * («A-017») and the counter («شباك ٣ — Counter 3»). For the first seconds of an
 * announcement a thick bright frame flashes around it so eyes turn to it with the
 * chime; the frame is drawn over the cached panel, so flashing costs no redraw. */
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "util.h"

#define FLASH_MS 2400 /* three on/off pulses */
#define PULSE_MS 400

/* The panel's box inside its area. */
static SDL_Rect call_box(const struct display *d, SDL_Rect a)
{
    int m = display_px(d, 24);
    return (SDL_Rect){a.x + m, a.y + m, a.w - 2 * m, a.h - 2 * m};
}

bool panel_call_flashing(const struct display *d)
{
    const struct board_call *c = board_current(d->board);
    if (c == NULL || c->at_ms == 0 || d->now_ms - c->at_ms >= FLASH_MS)
        return false;
    return ((d->now_ms - c->at_ms) / PULSE_MS) % 2 == 0;
}

void panel_call_flash(struct display *d, SDL_Rect a)
{
    if (!panel_call_flashing(d))
        return;
    draw_round_frame(d->draw, call_box(d, a), display_px(d, 28), display_px(d, 14),
                     display_accent);
}

/* A shrunk label's size, rounded down to a multiple of 8 px: labels of slightly
 * different widths then share one size, and so the glyphs already in the atlas,
 * instead of rasterising (and crowding the atlas with) a new set each call. */
static int label_px(int px)
{
    return px > 16 ? px / 8 * 8 : px;
}

/* Portrait: one line «A-017» across 1080 pixels would be a seventh of the
 * screen's height, too small to read across a hall. The prefix goes over the
 * number instead («A», then «017»), each line as wide as the panel allows, so
 * the characters themselves are over a fifth of the screen high; the counter
 * goes under them. Lines are stacked by their ink, not their line boxes, whose
 * ascent and descent would waste a third of the panel. */
static void call_draw_stacked(struct display *d, const struct board_call *c, SDL_Rect box,
                              int y)
{
    size_t plen = strcspn(c->label, "-");
    char *prefix = xstrndup(c->label, plen);
    const char *number = c->label + plen + 1;
    char *counter = display_counter_text(d, c->counter);
    int maxw = box.w * 92 / 100, avail = box.y + box.h - y;
    struct draw_style big = {.px = d->h * 33 / 100, .bold = true, .dir = TXT_DIR_LTR};
    struct draw_style sub = {.px = display_px(d, 76),
                             .bold = true,
                             .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    int sw = display_text_width(d, counter, &sub);
    if (sw > maxw && sw > 0)
        sub.px = sub.px * maxw / sw;
    int st = 0, sb = 0;
    if (!display_text_ink(d, counter, &sub, &st, &sb))
        st = sb = 0;

    int pt = 0, pb = 0, nt = 0, nb = 0, gap = 0, block = 0;
    for (int pass = 0; pass < 3; pass++) {
        int w1 = display_text_width(d, prefix, &big), w2 = display_text_width(d, number, &big);
        int w = w1 > w2 ? w1 : w2;
        if (w > maxw && w > 0)
            big.px = label_px(big.px * maxw / w);
        if (!display_text_ink(d, prefix, &big, &pt, &pb) ||
            !display_text_ink(d, number, &big, &nt, &nb))
            break;
        gap = big.px * 6 / 100;
        block = (pb - pt) + gap + (nb - nt) + 2 * gap + (sb - st);
        if (block <= avail * 99 / 100)
            break;
        big.px = label_px(big.px * (avail * 99 / 100) / block);
    }
    int top = y + (avail - block) / 2;
    display_text_centred(d, prefix, &big, box, top - pt, display_label);
    top += pb - pt + gap;
    display_text_centred(d, number, &big, box, top - nt, display_label);
    top += nb - nt + 2 * gap;
    display_text_centred(d, counter, &sub, box, top - st, display_text);
    free(counter);
    free(prefix);
}

static void call_draw(struct display *d, SDL_Rect a)
{
    const struct board_call *c = board_current(d->board);
    SDL_Rect box = call_box(d, a);
    draw_round_rect(d->draw, box, display_px(d, 28), display_panel);
    d->check_area = box; /* text stays inside the panel's box */

    struct draw_style head = {.px = display_px(d, 40),
                              .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    const char *title =
        d->english ? "Now calling — الرقم المنادى" : "الرقم المنادى — Now calling";
    int y = box.y + box.h * 3 / 100;
    y += display_text_centred(d, title, &head, box, y, display_dim);

    if (c == NULL) {
        struct draw_style idle = {.px = display_px(d, 56),
                                  .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
        const char *t = d->english ? "Please wait for your number — يرجى انتظار رقمك"
                                   : "يرجى انتظار رقمك — Please wait for your number";
        display_text_centred(d, t, &idle, box, box.y + box.h / 2 - idle.px, display_text);
        return;
    }

    char *dash = strchr(c->label, '-');
    if (d->portrait && dash != NULL && dash != c->label && dash[1] != '\0') {
        call_draw_stacked(d, c, box, y);
        return;
    }

    /* The label: 33% of the screen height in landscape (cap height ≥ 20%), shrunk
     * only if the panel is too narrow for it (portrait). */
    struct draw_style big = {.px = d->h * 33 / 100, .bold = true, .dir = TXT_DIR_LTR};
    int lw = display_text_width(d, c->label, &big), maxw = box.w * 92 / 100;
    if (lw > maxw)
        big.px = label_px(big.px * maxw / lw);
    struct draw_style sub = {.px = display_px(d, 76),
                             .bold = true,
                             .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    char *counter = display_counter_text(d, c->counter);
    int sw = display_text_width(d, counter, &sub);
    if (sw > maxw)
        sub.px = sub.px * maxw / sw;

    /* Centre label and counter together in the space under the title. */
    int block = display_fit2(d, c->label, &big, counter, &sub, box.y + box.h - y, maxw);
    int top = y + (box.y + box.h - y - block) / 2;
    top += display_text_centred(d, c->label, &big, box, top, display_label);
    display_text_centred(d, counter, &sub, box, top, display_text);
    free(counter);
}

const struct panel panel_call = {"call", call_draw};
