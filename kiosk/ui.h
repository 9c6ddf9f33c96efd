/* ui — what every kiosk screen draws with: the scale from the 1080-pixel-wide design
 * to the window, the colours, text in the UI language and direction, and the side
 * on which a line starts (right in Arabic, left in English). */
#ifndef DAWR_KIOSK_UI_H
#define DAWR_KIOSK_UI_H

#include "kiosk.h"

extern const SDL_Color ui_bg, ui_ink, ui_muted, ui_primary, ui_on_primary, ui_surface,
    ui_line, ui_warn, ui_on_warn, ui_ok;

/* Design pixels (1080-wide portrait) to window pixels. */
int ui_px(const struct kiosk *k, int design);
/* @ar or @en by the UI language. Borrowed. */
const char *ui_tr(const struct kiosk *k, const char *ar, const char *en);
/* A text style in the UI's direction and digits. */
struct draw_style ui_style(const struct kiosk *k, int design_px, bool bold);
/* Draws @text inside @box, wrapped to its width, aligned by @align (TXT_ALIGN_START
 * is the UI's start side) and centred vertically. Returns the text height. */
int ui_text(struct kiosk *k, const char *text, int design_px, bool bold, SDL_Rect box,
            txt_align align, SDL_Color c);
/* Like ui_text() but in the given direction, for text in the other language. */
int ui_text_dir(struct kiosk *k, const char *text, int design_px, bool bold, SDL_Rect box,
                txt_align align, txt_dir dir, SDL_Color c);
/* True if (@x, @y) is inside @r. */
bool ui_inside(SDL_Rect r, int x, int y);
/* The column screens lay out in: the window less the margins, at most the design
 * width, centred. */
SDL_Rect ui_column(const struct kiosk *k);

#endif
