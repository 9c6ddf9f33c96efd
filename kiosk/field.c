/* field — see field.h. Owns the text buffer (wiped before every free), the caret,
 * and a txt layout rebuilt lazily after each change. Grapheme boundaries come from
 * ICU directly, so editing works (and is tested) without fonts; only visual caret
 * movement needs the layout. */
#include "field.h"

#include <sodium.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "util.h"

struct field {
    char *text; /* NUL-terminated, len bytes */
    size_t len, cap;
    size_t caret;
    size_t max_chars;

    txt_layout *layout; /* NULL until field_set_style() */
    bool dirty;         /* text changed since the last layout */
    bool laid_out;
};

/* Grows the buffer to hold @need bytes plus the NUL without ever leaving a copy of
 * the old text behind in freed memory (realloc could). */
static void field_reserve(struct field *f, size_t need)
{
    if (need + 1 <= f->cap)
        return;
    size_t cap = f->cap ? f->cap : 64;
    while (cap < need + 1)
        cap *= 2;
    char *p = xmalloc(cap);
    memcpy(p, f->text, f->len + 1);
    sodium_memzero(f->text, f->cap);
    free(f->text);
    f->text = p;
    f->cap = cap;
}

struct field *field_create(size_t max_chars)
{
    struct field *f = xcalloc(1, sizeof *f);
    f->max_chars = max_chars;
    f->cap = 64;
    f->text = xcalloc(1, f->cap);
    return f;
}

void field_destroy(struct field *f)
{
    if (f == NULL)
        return;
    sodium_memzero(f->text, f->cap);
    free(f->text);
    txt_layout_destroy(f->layout);
    free(f);
}

const char *field_text(const struct field *f, size_t *len)
{
    if (len != NULL)
        *len = f->len;
    return f->text;
}

size_t field_caret(const struct field *f)
{
    return f->caret;
}

static size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

size_t field_chars(const struct field *f)
{
    return utf8_count(f->text, f->len);
}

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF) with no control
 * characters: a field holds one line of typed text. */
static bool utf8_typed_text(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        unsigned c = p[i];
        unsigned cp, need, min;
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                return false;
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F, need = 1, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F, need = 2, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07, need = 3, min = 0x10000;
        } else {
            return false;
        }
        if (len - i <= need)
            return false;
        for (unsigned k = 1; k <= need; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        if (cp >= 0x80 && cp < 0xA0) /* C1 controls */
            return false;
        i += need + 1;
    }
    return true;
}

static void field_changed(struct field *f)
{
    f->dirty = true;
}

/* The grapheme boundary after (@forward) or before @index, by ICU's extended
 * grapheme cluster rules. Returns @index itself at the ends. */
static size_t field_grapheme_step(const struct field *f, size_t index, bool forward)
{
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, f->text, (int64_t)f->len, &err);
    UBreakIterator *bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &err);
    size_t out = index;
    if (U_SUCCESS(err)) {
        ubrk_setUText(bi, ut, &err);
        if (U_SUCCESS(err)) {
            int32_t b = forward ? ubrk_following(bi, (int32_t)index)
                                : ubrk_preceding(bi, (int32_t)index);
            if (b != UBRK_DONE)
                out = (size_t)b;
        }
    }
    ubrk_close(bi);
    utext_close(ut);
    return out;
}

/* The last grapheme boundary at or before @index. ICU snaps an offset inside a UTF-8
 * sequence to the sequence's start before answering, so walk forward from 0 instead
 * of asking "preceding"; fields are short. */
static size_t field_boundary_at_or_before(const struct field *f, size_t index)
{
    size_t b = 0;
    while (b < f->len) {
        size_t next = field_grapheme_step(f, b, true);
        if (next > index || next == b)
            break;
        b = next;
    }
    return b;
}

bool field_set_text(struct field *f, const char *utf8)
{
    size_t n = strlen(utf8);
    if (!utf8_typed_text(utf8, n))
        return false;
    if (f->max_chars != 0 && utf8_count(utf8, n) > f->max_chars)
        return false;
    sodium_memzero(f->text, f->cap);
    f->len = 0;
    field_reserve(f, n);
    memcpy(f->text, utf8, n + 1);
    f->len = n;
    f->caret = n;
    field_changed(f);
    return true;
}

bool field_insert(struct field *f, const char *utf8)
{
    size_t n = strlen(utf8);
    if (n == 0)
        return true;
    if (!utf8_typed_text(utf8, n))
        return false;
    if (f->max_chars != 0 && field_chars(f) + utf8_count(utf8, n) > f->max_chars)
        return false;
    field_reserve(f, f->len + n);
    memmove(f->text + f->caret + n, f->text + f->caret, f->len - f->caret + 1);
    memcpy(f->text + f->caret, utf8, n);
    f->len += n;
    f->caret += n;
    /* A haraka typed after a letter joins the letter's grapheme, so the caret is
     * still on a boundary; text typed inside a grapheme cannot happen because the
     * caret never stops there. */
    field_changed(f);
    return true;
}

/* Removes bytes [@from, @to) and wipes the tail they leave behind. */
static void field_cut(struct field *f, size_t from, size_t to)
{
    size_t n = to - from;
    memmove(f->text + from, f->text + to, f->len - to + 1);
    f->len -= n;
    sodium_memzero(f->text + f->len + 1, n);
    field_changed(f);
}

bool field_backspace(struct field *f)
{
    if (f->caret == 0)
        return false;
    size_t from = field_grapheme_step(f, f->caret, false);
    field_cut(f, from, f->caret);
    f->caret = from;
    return true;
}

bool field_delete(struct field *f)
{
    if (f->caret >= f->len)
        return false;
    field_cut(f, f->caret, field_grapheme_step(f, f->caret, true));
    return true;
}

void field_home(struct field *f)
{
    f->caret = 0;
}

void field_end(struct field *f)
{
    f->caret = f->len;
}

void field_set_caret(struct field *f, size_t index)
{
    if (index >= f->len) {
        f->caret = f->len;
        return;
    }
    f->caret = field_boundary_at_or_before(f, index);
}

bool field_next(struct field *f)
{
    if (f->caret >= f->len)
        return false;
    f->caret = field_grapheme_step(f, f->caret, true);
    return true;
}

bool field_prev(struct field *f)
{
    if (f->caret == 0)
        return false;
    f->caret = field_grapheme_step(f, f->caret, false);
    return true;
}

void field_wipe(struct field *f)
{
    sodium_memzero(f->text, f->cap);
    f->len = 0;
    f->caret = 0;
    field_changed(f);
    /* The layout keeps its own copy of the text; give it an empty one now rather
     * than at the next draw. */
    if (f->layout != NULL)
        txt_layout_set_text(f->layout, "", 0);
}

/* ---- Layout ---- */

void field_set_style(struct field *f, txt_font *const *fonts, size_t nfonts, int px,
                     txt_dir dir, txt_digits digits)
{
    txt_layout_destroy(f->layout);
    f->layout = txt_layout_create();
    for (size_t i = 0; i < nfonts; i++)
        txt_layout_add_font(f->layout, fonts[i]);
    txt_layout_set_size(f->layout, px);
    txt_layout_set_direction(f->layout, dir);
    txt_layout_set_digits(f->layout, digits);
    txt_layout_set_width(f->layout, 0); /* one line: a field scrolls, never wraps */
    f->dirty = true;
}

const txt_layout *field_layout(struct field *f)
{
    if (f->layout == NULL)
        return NULL;
    if (f->dirty) {
        f->laid_out = txt_layout_set_text(f->layout, f->text, f->len) &&
                      txt_layout_layout(f->layout);
        f->dirty = false;
    }
    return f->laid_out ? f->layout : NULL;
}

bool field_caret_position(struct field *f, int *x, int *y, int *height)
{
    const txt_layout *lo = field_layout(f);
    if (lo == NULL)
        return false;
    return txt_layout_index_to_position(lo, f->caret, x, y, height);
}

/* Visual movement: of every caret stop (grapheme boundary), the one whose x is
 * nearest to the caret's on the side @dir (-1 left, +1 right). Two stops can share
 * an x where directions change; then the one logically nearest wins, so the caret
 * does not jump across the other run. */
static bool field_move_visual(struct field *f, int dir)
{
    const txt_layout *lo = field_layout(f);
    int cx, y, h;
    if (lo == NULL || !txt_layout_index_to_position(lo, f->caret, &cx, &y, &h))
        return false;
    bool found = false;
    size_t best = 0;
    int best_x = 0;
    size_t i = 0;
    for (;;) {
        int x;
        if (i != f->caret && txt_layout_index_to_position(lo, i, &x, &y, &h) &&
            (x - cx) * dir > 0) {
            size_t dist = i > f->caret ? i - f->caret : f->caret - i;
            size_t best_dist = best > f->caret ? best - f->caret : f->caret - best;
            if (!found || (x - best_x) * dir < 0 || (x == best_x && dist < best_dist)) {
                found = true;
                best = i;
                best_x = x;
            }
        }
        if (i >= f->len)
            break;
        i = field_grapheme_step(f, i, true);
    }
    if (found)
        f->caret = best;
    return found;
}

bool field_left(struct field *f)
{
    return field_move_visual(f, -1);
}

bool field_right(struct field *f)
{
    return field_move_visual(f, +1);
}

bool field_tap(struct field *f, int x, int y)
{
    const txt_layout *lo = field_layout(f);
    size_t index;
    if (lo == NULL || !txt_layout_position_to_index(lo, x, y, &index))
        return false;
    field_set_caret(f, index);
    return true;
}
