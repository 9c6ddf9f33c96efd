/* txt — Arabic-first text layout and rasterising (DESIGN.md §7), no SDL.
 *
 * UTF-8 → fribidi paragraph levels → ICU line breaks on logical text → per line
 * fribidi reordering → runs split by level and font → harfbuzz shaping with the
 * paragraph as context → glyphs in visual order with byte clusters for carets.
 *
 * The call pattern is libraqm's: create → setters → txt_layout_layout() → getters →
 * destroy. Setters return false on bad arguments and never abort; they chain with &&.
 * Coordinates are in pixels, y grows downwards, (0,0) is the top-left of the layout box.
 */
#ifndef DAWR_TXT_H
#define DAWR_TXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Fonts ------------------------------------------------------------------ */

/* A font face loaded from a file, usable at any pixel size. Reference counted:
 * a layout that is given a font takes a reference and drops it on destroy. */
typedef struct txt_font txt_font;

/* Opens @path (TrueType/OpenType). On error returns NULL and, if @cause is not NULL,
 * sets *cause to a message the caller frees. */
txt_font *txt_font_open(const char *path, char **cause);
txt_font *txt_font_ref(txt_font *font);
void txt_font_unref(txt_font *font); /* NULL is fine */
/* True if the font has a glyph for @cp. */
bool txt_font_has_char(const txt_font *font, uint32_t cp);
/* Borrowed; valid while the font lives. */
const char *txt_font_path(const txt_font *font);
/* Writes glyph @index's name (as hb-shape prints it; "gidN" when the font has no
 * names) into @name of @size bytes. False if the name is the "gidN" fallback. */
bool txt_font_glyph_name(txt_font *font, uint32_t index, char *name, size_t size);

/* A rasterised glyph from the glyph cache: 8-bit coverage, @pitch bytes a row.
 * Owned by the cache; valid until the font is freed or txt_cache_clear() runs. */
typedef struct txt_glyph_image {
    int width, height, pitch;
    int left, top; /* bearing: pen position + left, baseline - top */
    const uint8_t *pixels;
} txt_glyph_image;

/* Rasterises glyph @index of @font at @px pixels, by glyph index (not codepoint),
 * through a cache keyed by (font, size, glyph). NULL if FreeType fails. */
const txt_glyph_image *txt_font_glyph_image(txt_font *font, int px, uint32_t index);
/* Empties every glyph cache and every cache of shaped words (the benchmark's "cold"
 * case). */
void txt_cache_clear(void);

/* ---- Layout ----------------------------------------------------------------- */

typedef struct txt_layout txt_layout;

typedef enum { TXT_DIR_AUTO, TXT_DIR_RTL, TXT_DIR_LTR } txt_dir;
typedef enum {
    TXT_ALIGN_START, /* right in an RTL paragraph, left in LTR */
    TXT_ALIGN_END,
    TXT_ALIGN_LEFT,
    TXT_ALIGN_RIGHT,
    TXT_ALIGN_CENTER,
} txt_align;
typedef enum { TXT_DIGITS_LATN, TXT_DIGITS_ARAB } txt_digits;

txt_layout *txt_layout_create(void);
void txt_layout_destroy(txt_layout *lo); /* NULL is fine */

/* The text is copied. Newlines start new paragraphs. Invalid UTF-8 is replaced. */
bool txt_layout_set_text(txt_layout *lo, const char *utf8, size_t len);
/* Adds a font to the fallback list, in order of preference (Arabic font, Latin font,
 * symbol font). Each run of text uses the first font that covers it. Takes a ref. */
bool txt_layout_add_font(txt_layout *lo, txt_font *font);
bool txt_layout_set_size(txt_layout *lo, int px);           /* pixel size, default 32 */
bool txt_layout_set_width(txt_layout *lo, int px);          /* 0: no wrapping */
bool txt_layout_set_direction(txt_layout *lo, txt_dir dir); /* base direction */
bool txt_layout_set_align(txt_layout *lo, txt_align align);
/* TXT_DIGITS_ARAB shows 0-9 as ٠-٩ (applied before shaping; clusters still refer to
 * the original text; the digits keep their bidi class, so "A-017" reads A-٠١٧). */
bool txt_layout_set_digits(txt_layout *lo, txt_digits digits);
/* Line height as a multiple of the font's natural height, default 1.0. */
bool txt_layout_set_line_spacing(txt_layout *lo, float factor);

/* Runs the pipeline. False on failure (no fonts, no text set). */
bool txt_layout_layout(txt_layout *lo);

/* One positioned glyph, in visual order (left to right) within its line. */
typedef struct txt_glyph {
    uint32_t index; /* glyph index in @font */
    txt_font *font; /* borrowed */
    int x, y;       /* pen position on the baseline, pixels (y grows downwards) */
    int x_advance;  /* pixels */
    /* harfbuzz's offsets, y upwards: draw the glyph origin at
     * (x + x_offset, y - y_offset). */
    int x_offset, y_offset;
    uint32_t cluster; /* byte offset into the text given to txt_layout_set_text */
    int level;        /* bidi embedding level; odd is RTL */
} txt_glyph;

typedef struct txt_line {
    size_t first_glyph, glyph_count; /* into txt_layout_get_glyphs() */
    size_t start, end;               /* byte range of the logical text on this line */
    int x, width;                    /* left edge after alignment, ink advance width */
    int baseline;                    /* y of the baseline */
    int top, height;                 /* the line box */
    int level;                       /* paragraph level: 1 is RTL, 0 is LTR */
} txt_line;

/* Borrowed arrays, valid until the next setter or layout call or destroy. */
const txt_glyph *txt_layout_get_glyphs(const txt_layout *lo, size_t *count);
const txt_line *txt_layout_get_lines(const txt_layout *lo, size_t *count);
/* Size of the laid-out box: the widest line (with the width set and the lines
 * aligned right or centred, up to the right edge of the rightmost line) and the sum
 * of line heights. */
void txt_layout_get_size(const txt_layout *lo, int *width, int *height);
/* Resolved base direction of the first paragraph (after TXT_DIR_AUTO). */
txt_dir txt_layout_get_resolved_direction(const txt_layout *lo);

/* ---- Carets ----------------------------------------------------------------- */

/* Where the caret for logical byte offset @index is drawn: x, top of its line and
 * line height. Correct inside ligatures (lam-alef splits its advance) and at
 * direction boundaries (the caret sits with the character at @index). */
bool txt_layout_index_to_position(const txt_layout *lo, size_t index, int *x, int *y,
                                  int *height);
/* The byte offset of the caret position nearest to (@x, @y). */
bool txt_layout_position_to_index(const txt_layout *lo, int x, int y, size_t *index);
/* Grapheme boundaries: the next/previous caret stop in logical order. */
size_t txt_layout_next_grapheme(const txt_layout *lo, size_t index);
size_t txt_layout_prev_grapheme(const txt_layout *lo, size_t index);

/* ---- Drawing ---------------------------------------------------------------- */

/* An 8-bit coverage bitmap (0 = paper/background, 255 = ink). Not owned by txt. */
typedef struct txt_bitmap {
    uint8_t *pixels;
    int width, height, stride;
} txt_bitmap;

/* Draws the layout with its top-left at (@x, @y), clipping to the bitmap, keeping the
 * maximum of the existing pixel and the glyph's coverage. */
void txt_layout_draw(const txt_layout *lo, txt_bitmap *bm, int x, int y);

/* ---- Utilities -------------------------------------------------------------- */

/* Frees what txt keeps between layouts (spare ICU break iterators). Call it at exit,
 * after destroying the layouts and before ICU's u_cleanup(), to be leak-clean. */
void txt_cleanup(void);

/* Returns a newly allocated copy of @utf8 with 0-9 replaced by U+0660..U+0669. */
char *txt_arabic_digits(const char *utf8);

#endif
