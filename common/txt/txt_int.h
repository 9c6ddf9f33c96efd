/* txt_int — what the files of common/txt share and nobody else sees: the font and
 * layout structures, and the per-stage entry points of the pipeline (DESIGN.md §7).
 * Nothing here is thread-safe: a program lays text out from one thread. */
#ifndef DAWR_TXT_INT_H
#define DAWR_TXT_INT_H

#include "txt.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <hb-ot.h>
#include <unicode/ubrk.h>

/* ---- font.c ---- */

/* One harfbuzz font per pixel size, scaled so that one unit is one pixel: that is
 * what `hb-shape --font-size=PX` does, so our advances equal its output. */
struct txt_font_size {
    int px;
    hb_font_t *hb;
    int ascender, descender; /* pixels, descender negative */
};

struct txt_glyph_cache; /* cache.c */
struct txt_shape_cache; /* shapecache.c */

struct txt_font {
    int refs;
    char *path;
    char *data; /* the file, shared by FreeType and harfbuzz */
    size_t len;
    FT_Face ft;
    int ft_px; /* size FreeType is currently set to, 0 if none */
    hb_face_t *face;
    struct txt_font_size *sizes;
    size_t nsizes, sizes_cap;
    struct txt_glyph_cache *cache;
    struct txt_shape_cache *shapes;
    struct txt_font *next; /* every live font, for txt_cache_clear() */
};

/* The harfbuzz font of @font at @px, created on first use and kept with the font. */
struct txt_font_size *txt_font_size_get(txt_font *font, int px);
/* The FreeType library, opened with the first font and closed with the last. */
FT_Library txt_ft_library(void);
/* Every live font, for the cache. */
txt_font *txt_font_first(void);

/* ---- cache.c ---- */
void txt_glyph_cache_free(struct txt_glyph_cache *cache);

/* ---- shapecache.c (needs struct txt_shaped, below) ---- */
struct txt_shaped;
void txt_shape_cache_free(struct txt_shape_cache *c);
void txt_shape_cache_clear_all(void);
/* Glyphs of a piece shaped before with the same properties (@props: bit 0 RTL, then
 * harfbuzz's BOT/EOT flags shifted left by one), or NULL. Borrowed until the next
 * put or clear. */
const struct txt_shaped *txt_shape_cache_get(txt_font *font, int px, uint32_t props,
                                             hb_script_t script, const uint32_t *cps,
                                             size_t n, size_t *nglyphs);
void txt_shape_cache_put(txt_font *font, int px, uint32_t props, hb_script_t script,
                         const uint32_t *cps, size_t n, const struct txt_shaped *glyphs,
                         size_t nglyphs);

/* ---- utf8.c ---- */

/* Decodes @len bytes into codepoints; offs[i] is the byte offset of cp i and
 * offs[n] = len. Invalid bytes become U+FFFD, one per byte, so offsets stay exact.
 * Grows the arrays as needed; returns the codepoint count. */
size_t txt_utf8_decode(const char *s, size_t len, uint32_t **cps, uint32_t **offs,
                       size_t *cap);
/* Encodes @cp as UTF-8 into @out (4 bytes room); returns the byte count. */
size_t txt_utf8_encode(uint32_t cp, char *out);

/* ---- brk.c ---- */

/* ICU break iterators kept by a layout so that each paragraph only resets text. */
struct txt_brk {
    UBreakIterator *line, *chr;
    UChar *u16;
    uint32_t *u16_cp; /* UTF-16 index -> codepoint index (relative) */
    size_t cap;
};
/* Fills brk[i] (may the line break before cp i) and grapheme[i] (is cp i the start of
 * a grapheme) for the @n codepoints of one paragraph. Either array may be NULL. A line
 * break is only offered where a grapheme starts: UAX #14 allows one between a space
 * and a combining mark (LB10 makes the mark an AL) or before an emoji modifier that
 * follows a non-EB pictograph, though UAX #29 keeps both in one grapheme. */
bool txt_brk_paragraph(struct txt_brk *b, const uint32_t *cps, size_t n, bool *line_ok,
                       bool *grapheme);
void txt_brk_free(struct txt_brk *b);

/* ---- layout.c: the object every stage reads and writes ---- */

struct txt_run {
    size_t start, end; /* codepoint indices, absolute */
    int level;
    int font; /* index into lo->fonts */
    hb_script_t script;
};

/* A glyph of the measuring pass, kept so that lines can reuse it (shape.c). */
struct txt_shaped {
    uint32_t index, cluster; /* cluster: absolute codepoint index */
    int32_t x_advance, x_offset, y_offset;
    bool unsafe; /* HB_GLYPH_FLAG_UNSAFE_TO_BREAK: a line may not start here */
};

/* A run of the measuring pass and its glyphs in lo->shaped. */
struct txt_shaped_run {
    struct txt_run run;
    size_t first, count;
};

struct txt_layout {
    /* inputs */
    char *text;
    size_t len;
    txt_font **fonts;
    size_t nfonts, fonts_cap;
    int px, width;
    txt_dir dir;
    txt_align align;
    txt_digits digits;
    float spacing;

    /* per codepoint, valid after layout */
    uint32_t *cps, *offs;
    size_t n, cp_cap;
    uint8_t *levels;
    int8_t *font_of;
    hb_script_t *script;
    bool *line_ok, *grapheme; /* grapheme: see txt_layout_graphemes() */
    bool graphemes_ready;
    int32_t *adv; /* measured advance, for line filling */
    uint8_t *cut; /* 0: no cluster starts here, 1: lines may cut here, 2: unsafe */
    size_t arr_cap;

    /* results */
    txt_glyph *glyphs;
    size_t nglyphs, glyphs_cap;
    txt_line *lines;
    size_t nlines, lines_cap;
    txt_dir resolved;
    int box_w, box_h;
    bool laid_out;

    /* reused between calls */
    hb_buffer_t *buf;
    struct txt_brk brk;
    int *map;
    size_t map_cap;
    struct txt_shaped *shaped; /* measuring pass of the current paragraph */
    size_t nshaped, shaped_cap;
    struct txt_shaped_run *sruns;
    size_t nsruns, sruns_cap;
};

/* Paragraphs end at these (a CR LF pair counts once). */
static inline bool txt_is_paragraph_end(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2029 || c == 0x85;
}
/* Fills lo->grapheme for the whole text on first use (carets), or for one paragraph
 * (line filling inside an over-long word). */
void txt_layout_graphemes(const txt_layout *lo);
void txt_layout_graphemes_range(txt_layout *lo, size_t ps, size_t pe);

/* ---- itemize.c ---- */

/* Chooses a font and a script for each codepoint of paragraph [ps, pe). */
void txt_itemize_paragraph(txt_layout *lo, size_t ps, size_t pe);
/* Whether codepoints @a and @b (absolute) may share a run at level @level. */
bool txt_itemize_same_run(const txt_layout *lo, size_t a, size_t b);

/* ---- shape.c ---- */

/* Shapes run @r of paragraph [ps, pe), with the paragraph as context. With @emit the
 * glyphs are appended to lo->glyphs in visual order from pen x @*pen; without, the
 * run is the measuring pass: lo->adv[] receives each cluster's advance and the glyphs
 * are kept in lo->shaped for txt_shape_line_run(). */
void txt_shape_run(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r,
                   int *pen, bool emit);
/* Appends the glyphs of line run @r: cut from the measuring pass when harfbuzz says
 * the cut is safe (same result as shaping again), shaped again otherwise. */
void txt_shape_line_run(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r,
                        int *pen);

#endif
