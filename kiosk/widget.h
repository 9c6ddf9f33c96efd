/* widget — the kiosk's few widgets. Each is a plain struct a screen fills in when it
 * lays itself out; the same rectangles serve drawing and hit testing, so what is
 * drawn is what is touched. One file per widget (widget-*.c). */
#ifndef DAWR_KIOSK_WIDGET_H
#define DAWR_KIOSK_WIDGET_H

#include "kiosk.h"
#include "signature.h"

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

/* A text field on screen: the field model (borrowed) in a box. */
struct textbox {
    SDL_Rect r;
    struct field *field;
    bool focused;
    bool error; /* drawn with a red frame */
};

/* Lays the field out in the kiosk's fonts at the text-box size: left to right for
 * numbers, else in the UI's direction. Call when the language changes. */
void textbox_style(struct kiosk *k, struct field *f, bool digits_only);
void textbox_draw(struct kiosk *k, const struct textbox *t);
/* Moves the caret to a tap inside the box; false if the tap was outside. */
bool textbox_tap(struct kiosk *k, const struct textbox *t, int x, int y);

/* The on-screen keyboard filling @area. */
void keypad_draw(struct kiosk *k, const struct keyboard *kb, SDL_Rect area);
/* Applies a tap at (@x, @y) to @f: inserts or deletes, or switches layers. Returns
 * what the key did (KEYBOARD_ENTER: the person is done with this field); *@refused
 * is set when the field was full. */
enum keyboard_action keypad_tap(struct kiosk *k, struct keyboard *kb, SDL_Rect area,
                                int x, int y, struct field *f, bool *refused);

/* A QR code of @text, as large as fits in @r, centred. */
void qr_draw(struct kiosk *k, const char *text, SDL_Rect r);

/* The signature pad in @r showing @s. */
void sigpad_draw(struct kiosk *k, const struct signature *s, SDL_Rect r);

#endif
