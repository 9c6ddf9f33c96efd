/* keyboard — the on-screen keyboard as data and geometry, no SDL: the layers (Arabic,
 * Arabic harakat and punctuation, English QWERTY with shift, digits), which key is
 * where inside a rectangle, and what a press does. widget-keyboard.c draws it.
 *
 * Rows are listed left to right as they appear on screen, on a grid of
 * KEYBOARD_UNITS units a row (an ordinary key is 2 units wide). Drawing and hit
 * testing both use keyboard_key_rect(), so what is drawn is what is hit.
 */
#ifndef DAWR_KIOSK_KEYBOARD_H
#define DAWR_KIOSK_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>

#define KEYBOARD_UNITS 24

enum keyboard_layer {
    KEYBOARD_ARABIC,
    KEYBOARD_HARAKAT, /* harakat and punctuation, the Arabic layout's second layer */
    KEYBOARD_ENGLISH,
    KEYBOARD_SHIFT, /* English capitals, for one key press */
    KEYBOARD_DIGITS,
    KEYBOARD_DIGITS_ONLY, /* for the national ID and mobile: no way to letters */
    KEYBOARD_LAYERS
};

enum keyboard_action {
    KEYBOARD_INSERT,    /* insert key->insert at the caret */
    KEYBOARD_BACKSPACE, /* delete one grapheme before the caret */
    KEYBOARD_ENTER,     /* done with this field */
    KEYBOARD_LAYER,     /* switch to key->layer */
    KEYBOARD_LETTERS,   /* back to the letters layer last used (Arabic or English) */
    KEYBOARD_NONE,      /* what a press outside every key does */
};

struct keyboard_key {
    const char *label;  /* what is drawn on the key; digits are drawn in UI digits */
    const char *insert; /* KEYBOARD_INSERT: the UTF-8 to insert */
    int units;          /* width on the KEYBOARD_UNITS grid */
    enum keyboard_action action;
    enum keyboard_layer layer; /* KEYBOARD_LAYER: the layer to switch to */
};

struct keyboard_rect {
    int x, y, w, h;
};

/* The static layout. Borrowed, valid for the program's life. */
size_t keyboard_rows(enum keyboard_layer layer);
const struct keyboard_key *keyboard_row(enum keyboard_layer layer, size_t row,
                                        size_t *count);

/* Where key @i of @row sits when the layer fills @area: its whole cell, gaps
 * included (a finger landing between two keys still hits one). Rows shorter than
 * the grid are centred. False if @row or @i is out of range. */
bool keyboard_key_rect(enum keyboard_layer layer, struct keyboard_rect area, size_t row,
                       size_t i, struct keyboard_rect *out);
/* The key under (@x, @y), or NULL. */
const struct keyboard_key *keyboard_hit(enum keyboard_layer layer,
                                        struct keyboard_rect area, int x, int y);

/* A keyboard in use: its layer, and the letters layer to come back to. */
struct keyboard {
    enum keyboard_layer layer;
    enum keyboard_layer letters; /* KEYBOARD_ARABIC or KEYBOARD_ENGLISH */
};

void keyboard_init(struct keyboard *kb, enum keyboard_layer layer);
/* What a press on @key means for the text field: KEYBOARD_INSERT (with *@insert
 * set, borrowed), KEYBOARD_BACKSPACE, KEYBOARD_ENTER or KEYBOARD_NONE. Layer keys
 * are handled here and return KEYBOARD_NONE; shift lasts for one letter. */
enum keyboard_action keyboard_press(struct keyboard *kb, const struct keyboard_key *key,
                                    const char **insert);

#endif
