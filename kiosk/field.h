/* field — the model of one text field on the kiosk: UTF-8 text, a caret, editing by
 * grapheme and caret movement in visual order. No SDL: widget-field.c draws it.
 *
 * The caret is a byte offset into the text and always sits on a grapheme boundary
 * (ICU's rules: a letter and its harakat are one grapheme, a lam and an alef typed
 * one after the other are two). Left/right move on screen, not in memory: in mixed
 * Arabic/Latin text the caret goes to the caret stop whose x is next on that side,
 * which needs the field's txt layout, so the field keeps one.
 *
 * The text may be personal (names, national IDs): every buffer the field drops is
 * wiped first, and field_wipe() clears it all when the kiosk goes idle.
 */
#ifndef DAWR_KIOSK_FIELD_H
#define DAWR_KIOSK_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "txt.h"

struct field;

/* A field that holds at most @max_chars codepoints (0: no limit). Caller frees with
 * field_destroy(). */
struct field *field_create(size_t max_chars);
/* Wipes and frees. NULL is fine. */
void field_destroy(struct field *f);

/* Borrowed, NUL-terminated; valid until the next change to the field. */
const char *field_text(const struct field *f, size_t *len);
size_t field_caret(const struct field *f);
/* Codepoints in the field, what max_chars counts. */
size_t field_chars(const struct field *f);

/* Replaces the text and puts the caret at its end. False (field unchanged) if @utf8
 * is not valid UTF-8, holds a control character, or is longer than the limit. */
bool field_set_text(struct field *f, const char *utf8);
/* Inserts @utf8 at the caret and moves the caret after it. False as above. */
bool field_insert(struct field *f, const char *utf8);
/* Deletes the grapheme before the caret. False if the caret is at the start. */
bool field_backspace(struct field *f);
/* Deletes the grapheme after the caret. False if the caret is at the end. */
bool field_delete(struct field *f);
/* Logical start and end of the text. */
void field_home(struct field *f);
void field_end(struct field *f);
/* Puts the caret at @index, moved back to the grapheme boundary at or before it. */
void field_set_caret(struct field *f, size_t index);
/* One grapheme logically forward/back (what the keyboard's arrow keys do in memory
 * order). False at the ends. */
bool field_next(struct field *f);
bool field_prev(struct field *f);

/* Empties the field, zeroing every byte it held. */
void field_wipe(struct field *f);

/* ---- Layout and visual movement ---- */

/* How the field's text is laid out: fonts in fallback order (the field takes a
 * reference on each), pixel size, base direction and digit shapes. Until this is
 * called the field has no layout and cannot move visually. */
void field_set_style(struct field *f, txt_font *const *fonts, size_t nfonts, int px,
                     txt_dir dir, txt_digits digits);
/* The laid-out text, laid out again if the text changed. Borrowed; valid until the
 * next change to the field. NULL if there is no style or layout failed. */
const txt_layout *field_layout(struct field *f);
/* The caret's x, top and height in layout coordinates. False without a layout. */
bool field_caret_position(struct field *f, int *x, int *y, int *height);
/* Moves the caret to the nearest stop on screen to the left/right of where it is
 * drawn now. False if there is none that way (or no layout). */
bool field_left(struct field *f);
bool field_right(struct field *f);
/* Puts the caret at the stop nearest to a tap at (@x, @y) in layout coordinates. */
bool field_tap(struct field *f, int x, int y);

#endif
