/* panel-call — the newest call, as large as the panel allows: the ticket label
 * («A-017») and the counter («شباك ٣ — Counter 3»). For the first seconds of an
 * announcement a thick bright frame flashes around it so eyes turn to it with the
 * chime; the frame is drawn over the cached panel, so flashing costs no redraw. */
#include <stdlib.h>

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

static void call_draw(struct display *d, SDL_Rect a)
{
    const struct board_call *c = board_current(d->board);
    SDL_Rect box = call_box(d, a);
    draw_round_rect(d->draw, box, display_px(d, 28), display_panel);

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

    /* The label: 33% of the screen height in landscape (cap height ≥ 20%), shrunk
     * only if the panel is too narrow for it (portrait). */
    struct draw_style big = {.px = d->h * 33 / 100, .bold = true, .dir = TXT_DIR_LTR};
    int lw = display_text_width(d, c->label, &big), maxw = box.w * 92 / 100;
    if (lw > maxw)
        big.px = big.px * maxw / lw;
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
