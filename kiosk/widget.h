/* widget — the kiosk's few widgets. Each is a plain struct a screen fills in when it
 * lays itself out; the same rectangles serve drawing and hit testing, so what is
 * drawn is what is touched. One file per widget (widget-*.c). */
#ifndef DAWR_KIOSK_WIDGET_H
#define DAWR_KIOSK_WIDGET_H

#include "kiosk.h"

enum button_kind {
    BUTTON_PRIMARY,   /* filled: the main action */
    BUTTON_SECONDARY, /* outlined */
    BUTTON_DISABLED,  /* greyed: cannot be used now */
};

/* A touch button: @label on the start side (or centred with no @detail), @detail on
 * the end side, an optional @badge (a service's letter) before the label. Strings
 * are borrowed for the call. */
struct button {
    SDL_Rect r;
    const char *label;
    const char *detail;
    const char *badge;
    enum button_kind kind;
    int px; /* label size in design pixels; 0: 48 */
};

void button_draw(struct kiosk *k, const struct button *b);
/* True if (@x, @y) hits an enabled button. */
bool button_hit(const struct button *b, int x, int y);

/* A check box with its label filling @r. */
struct checkbox {
    SDL_Rect r;
    const char *label;
    bool checked;
};

void checkbox_draw(struct kiosk *k, const struct checkbox *c);
bool checkbox_hit(const struct checkbox *c, int x, int y);

#endif
