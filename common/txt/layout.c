/* layout — the layout object: its settings, and the pipeline that turns text into
 * lines of positioned glyphs (DESIGN.md §7). Per paragraph: bidi levels, fonts and
 * scripts, break opportunities; the paragraph is shaped once in logical order (with
 * the paragraph as context) to measure it, filled greedily when a width is set; then
 * each line is reordered visually and split into runs, whose glyphs are cut from the
 * measuring pass or, where harfbuzz says a cut is unsafe, shaped again. */
#include "txt_int.h"
#include "txt_bidi.h"

#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

txt_layout *txt_layout_create(void)
{
    txt_layout *lo = xcalloc(1, sizeof *lo);
    lo->px = 32;
    lo->spacing = 1.0f;
    lo->text = xstrdup("");
    lo->buf = hb_buffer_create();
    return lo;
}

void txt_layout_destroy(txt_layout *lo)
{
    if (lo == NULL)
        return;
    for (size_t i = 0; i < lo->nfonts; i++)
        txt_font_unref(lo->fonts[i]);
    free(lo->fonts);
    free(lo->text);
    free(lo->cps);
    free(lo->offs);
    free(lo->levels);
    free(lo->font_of);
    free(lo->script);
    free(lo->line_ok);
    free(lo->grapheme);
    free(lo->adv);
    free(lo->cut);
    free(lo->glyphs);
    free(lo->lines);
    free(lo->map);
    free(lo->shaped);
    free(lo->sruns);
    hb_buffer_destroy(lo->buf);
    txt_brk_free(&lo->brk);
    free(lo);
}

static void layout_dirty(txt_layout *lo)
{
    lo->laid_out = false;
    lo->nglyphs = lo->nlines = 0;
    lo->box_w = lo->box_h = 0;
}

bool txt_layout_set_text(txt_layout *lo, const char *utf8, size_t len)
{
    if (lo == NULL || (utf8 == NULL && len > 0) || len > (size_t)INT32_MAX / 4)
        return false;
    free(lo->text);
    lo->text = xstrndup(utf8 != NULL ? utf8 : "", len);
    lo->len = len;
    layout_dirty(lo);
    return true;
}

bool txt_layout_add_font(txt_layout *lo, txt_font *font)
{
    if (lo == NULL || font == NULL || lo->nfonts >= 100)
        return false;
    lo->fonts =
        xreallocarray_grow(lo->fonts, &lo->fonts_cap, lo->nfonts + 1, sizeof *lo->fonts);
    lo->fonts[lo->nfonts++] = txt_font_ref(font);
    layout_dirty(lo);
    return true;
}

bool txt_layout_set_size(txt_layout *lo, int px)
{
    if (lo == NULL || px <= 0 || px > 4096)
        return false;
    lo->px = px;
    layout_dirty(lo);
    return true;
}

bool txt_layout_set_width(txt_layout *lo, int px)
{
    if (lo == NULL || px < 0)
        return false;
    lo->width = px;
    layout_dirty(lo);
    return true;
}

bool txt_layout_set_direction(txt_layout *lo, txt_dir dir)
{
    if (lo == NULL || (dir != TXT_DIR_AUTO && dir != TXT_DIR_RTL && dir != TXT_DIR_LTR))
        return false;
    lo->dir = dir;
    layout_dirty(lo);
    return true;
}

bool txt_layout_set_align(txt_layout *lo, txt_align align)
{
    if (lo == NULL || align < TXT_ALIGN_START || align > TXT_ALIGN_CENTER)
        return false;
    lo->align = align;
    layout_dirty(lo);
    return true;
}

bool txt_layout_set_digits(txt_layout *lo, txt_digits digits)
{
    if (lo == NULL || (digits != TXT_DIGITS_LATN && digits != TXT_DIGITS_ARAB))
        return false;
    lo->digits = digits;
    layout_dirty(lo);
    return true;
}

bool txt_layout_set_line_spacing(txt_layout *lo, float factor)
{
    if (lo == NULL || !(factor > 0.0f && factor <= 10.0f))
        return false;
    lo->spacing = factor;
    layout_dirty(lo);
    return true;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || (c >= 0x2000 && c <= 0x200a) ||
           c == 0x205f || c == 0x1680;
}

static void layout_grow(txt_layout *lo)
{
    size_t need = lo->n + 1;
    if (need <= lo->arr_cap)
        return;
    size_t cap = lo->arr_cap;
    lo->levels = xreallocarray_grow(lo->levels, &cap, need, sizeof *lo->levels);
    lo->font_of = xrealloc(lo->font_of, cap * sizeof *lo->font_of);
    lo->script = xrealloc(lo->script, cap * sizeof *lo->script);
    lo->line_ok = xrealloc(lo->line_ok, cap * sizeof *lo->line_ok);
    lo->grapheme = xrealloc(lo->grapheme, cap * sizeof *lo->grapheme);
    lo->adv = xrealloc(lo->adv, cap * sizeof *lo->adv);
    lo->cut = xrealloc(lo->cut, cap * sizeof *lo->cut);
    lo->map = xrealloc(lo->map, cap * sizeof *lo->map);
    lo->arr_cap = cap;
}

/* Shapes [ps, pe) in logical order, one run per level/font/script, so that adv[i]
 * holds the advance of the cluster starting at codepoint i. */
static void layout_measure(txt_layout *lo, size_t ps, size_t pe)
{
    memset(lo->adv + ps, 0, (pe - ps) * sizeof *lo->adv);
    lo->nshaped = lo->nsruns = 0;
    struct txt_run r;
    for (size_t s = ps; s < pe;) {
        size_t e = s + 1;
        while (e < pe && txt_itemize_same_run(lo, s, e))
            e++;
        r.start = s;
        r.end = e;
        r.level = lo->levels[s];
        r.font = lo->font_of[s];
        r.script = lo->script[s];
        int pen = 0;
        txt_shape_run(lo, ps, pe, &r, &pen, false);
        s = e;
    }
}

/* Where the line starting at @ls ends: the last break opportunity before the text
 * (trailing spaces not counted) gets wider than the layout; inside a word that is
 * wider than the whole line, the last grapheme boundary (between clusters) that fits. */
static size_t layout_fill(txt_layout *lo, size_t ps, size_t ls, size_t pe)
{
    int acc = 0;
    size_t best = ls;
    for (size_t i = ls; i < pe; i++) {
        /* never inside a cluster: harfbuzz may have merged a break opportunity
         * (a mark after a space) into one glyph group */
        if (i > ls && lo->line_ok[i] && lo->cut[i] != 0)
            best = i;
        acc += lo->adv[i];
        if (is_space(lo->cps[i]) || acc <= lo->width)
            continue;
        if (best > ls)
            return best;
        /* rare: graphemes are found only now, for this paragraph */
        txt_layout_graphemes_range(lo, ps, pe);
        size_t g = i;
        while (g > ls && !(lo->grapheme[g] && lo->cut[g] != 0))
            g--;
        if (g > ls)
            return g;
        for (g = ls + 1; g < pe && !(lo->grapheme[g] && lo->cut[g] != 0); g++)
            ;
        return g;
    }
    return pe;
}

/* Ascender and descender of the line whose glyphs are lo->glyphs[first, first+count);
 * an empty line takes the first font's. Indices, not a pointer: with an empty text
 * lo->glyphs is NULL, and NULL + 0 is undefined in C. */
static void layout_metrics(txt_layout *lo, size_t first, size_t count, int *asc,
                           int *desc)
{
    *asc = *desc = 0;
    txt_font *last = NULL;
    for (size_t i = 0; i < count + (count == 0); i++) {
        txt_font *f = count ? lo->glyphs[first + i].font : lo->fonts[0];
        if (f == last)
            continue;
        last = f;
        const struct txt_font_size *s = txt_font_size_get(f, lo->px);
        if (s->ascender > *asc)
            *asc = s->ascender;
        if (s->descender < *desc)
            *desc = s->descender;
    }
}

/* Lays out the line [ls, le) of paragraph [ps, pe) at the bottom of what is there. */
static void layout_line(txt_layout *lo, size_t ps, size_t pe, size_t ls, size_t le,
                        int par)
{
    size_t first = lo->nglyphs;
    int pen = 0;
    if (le > ls) {
        txt_bidi_line(lo->cps + ps, ls - ps, le - ls, par, lo->levels + ps, lo->map);
        size_t len = le - ls;
        for (size_t v = 0; v < len;) {
            size_t a = ps + (size_t)lo->map[v];
            size_t w = v + 1;
            int step = (lo->levels[a] & 1) ? -1 : 1;
            while (w < len &&
                   ps + (size_t)lo->map[w] == ps + (size_t)lo->map[w - 1] + step &&
                   txt_itemize_same_run(lo, a, ps + (size_t)lo->map[w]))
                w++;
            size_t b = ps + (size_t)lo->map[w - 1];
            struct txt_run r = {
                .start = step > 0 ? a : b,
                .end = (step > 0 ? b : a) + 1,
                .level = lo->levels[a],
                .font = lo->font_of[a],
                .script = lo->script[a],
            };
            txt_shape_line_run(lo, ps, pe, &r, &pen);
            v = w;
        }
    }

    /* Trailing spaces hang outside the line: they take no part in its width. */
    size_t content_end = le;
    while (content_end > ls && is_space(lo->cps[content_end - 1]))
        content_end--;
    int left = 0, right = 0;
    bool any = false;
    for (size_t i = first; i < lo->nglyphs; i++) {
        const txt_glyph *g = &lo->glyphs[i];
        if (g->cluster >= content_end)
            continue;
        if (!any || g->x < left)
            left = g->x;
        if (!any || g->x + g->x_advance > right)
            right = g->x + g->x_advance;
        any = true;
    }

    int asc, desc;
    layout_metrics(lo, first, lo->nglyphs - first, &asc, &desc);
    int natural = asc - desc;
    int height = (int)lroundf((float)natural * lo->spacing);
    int top = lo->box_h;
    int baseline = top + asc + (height - natural) / 2;
    for (size_t i = first; i < lo->nglyphs; i++)
        lo->glyphs[i].y = baseline;

    lo->lines =
        xreallocarray_grow(lo->lines, &lo->lines_cap, lo->nlines + 1, sizeof *lo->lines);
    lo->lines[lo->nlines++] = (txt_line){
        .first_glyph = first,
        .glyph_count = lo->nglyphs - first,
        .start = lo->offs[ls],
        .end = lo->offs[le],
        .x = left, /* content's left edge before alignment */
        .width = right - left,
        .baseline = baseline,
        .top = top,
        .height = height,
        .level = par,
    };
    lo->box_h += height;
}

static void layout_paragraph(txt_layout *lo, size_t ps, size_t pe)
{
    int par = txt_bidi_paragraph(lo->cps + ps, pe - ps, lo->dir, lo->levels + ps);
    if (par < 0) {
        par = lo->dir == TXT_DIR_RTL;
        memset(lo->levels + ps, par, pe - ps);
    }
    if (lo->nlines == 0)
        lo->resolved = par ? TXT_DIR_RTL : TXT_DIR_LTR;
    /* Arabic-Indic digits replace 0-9 only after the levels are resolved: as a
     * display option they keep the European digits' bidi class, so "A-017" still
     * reads A-٠١٧ left to right instead of turning into ٠١٧-A. */
    if (lo->digits == TXT_DIGITS_ARAB) {
        for (size_t i = ps; i < pe; i++) {
            if (lo->cps[i] >= '0' && lo->cps[i] <= '9')
                lo->cps[i] = 0x660 + (lo->cps[i] - '0');
        }
    }
    if (pe == ps) {
        layout_line(lo, ps, pe, ps, pe, par);
        return;
    }
    txt_itemize_paragraph(lo, ps, pe);
    lo->nshaped = lo->nsruns = 0;
    bool wrap = lo->width > 0;
    if (wrap &&
        !txt_brk_paragraph(&lo->brk, lo->cps + ps, pe - ps, lo->line_ok + ps, NULL))
        memset(lo->line_ok + ps, 0, pe - ps);
    layout_measure(lo, ps, pe);
    if (!wrap) {
        layout_line(lo, ps, pe, ps, pe, par);
        return;
    }
    for (size_t ls = ps; ls < pe;) {
        size_t le = layout_fill(lo, ps, ls, pe);
        layout_line(lo, ps, pe, ls, le, par);
        ls = le;
    }
}

static void layout_align(txt_layout *lo)
{
    int box = lo->width;
    for (size_t l = 0; l < lo->nlines; l++) {
        if (lo->width == 0 && lo->lines[l].width > box)
            box = lo->lines[l].width;
    }
    lo->box_w = 0;
    for (size_t l = 0; l < lo->nlines; l++) {
        txt_line *ln = &lo->lines[l];
        txt_align a = lo->align;
        if (a == TXT_ALIGN_START)
            a = ln->level ? TXT_ALIGN_RIGHT : TXT_ALIGN_LEFT;
        else if (a == TXT_ALIGN_END)
            a = ln->level ? TXT_ALIGN_LEFT : TXT_ALIGN_RIGHT;
        int x = a == TXT_ALIGN_LEFT    ? 0
                : a == TXT_ALIGN_RIGHT ? box - ln->width
                                       : (box - ln->width) / 2;
        int shift = x - ln->x;
        for (size_t i = ln->first_glyph; i < ln->first_glyph + ln->glyph_count; i++)
            lo->glyphs[i].x += shift;
        ln->x = x;
        if (x + ln->width > lo->box_w)
            lo->box_w = x + ln->width;
    }
}

bool txt_layout_layout(txt_layout *lo)
{
    if (lo == NULL || lo->nfonts == 0)
        return false;
    layout_dirty(lo);
    lo->n = txt_utf8_decode(lo->text, lo->len, &lo->cps, &lo->offs, &lo->cp_cap);
    layout_grow(lo);
    lo->graphemes_ready = false;

    size_t ps = 0;
    for (size_t i = 0; i <= lo->n; i++) {
        if (i < lo->n && !txt_is_paragraph_end(lo->cps[i]))
            continue;
        layout_paragraph(lo, ps, i);
        if (i + 1 < lo->n && lo->cps[i] == '\r' && lo->cps[i + 1] == '\n')
            i++;
        ps = i + 1;
    }
    for (size_t i = 0; i < lo->nglyphs; i++)
        lo->glyphs[i].cluster = lo->offs[lo->glyphs[i].cluster];
    layout_align(lo);
    lo->laid_out = true;
    return true;
}

const txt_glyph *txt_layout_get_glyphs(const txt_layout *lo, size_t *count)
{
    if (count != NULL)
        *count = lo != NULL ? lo->nglyphs : 0;
    return lo != NULL ? lo->glyphs : NULL;
}

const txt_line *txt_layout_get_lines(const txt_layout *lo, size_t *count)
{
    if (count != NULL)
        *count = lo != NULL ? lo->nlines : 0;
    return lo != NULL ? lo->lines : NULL;
}

void txt_layout_get_size(const txt_layout *lo, int *width, int *height)
{
    if (width != NULL)
        *width = lo != NULL ? lo->box_w : 0;
    if (height != NULL)
        *height = lo != NULL ? lo->box_h : 0;
}

txt_dir txt_layout_get_resolved_direction(const txt_layout *lo)
{
    return lo != NULL && lo->laid_out ? lo->resolved : TXT_DIR_LTR;
}

void txt_layout_graphemes_range(txt_layout *lo, size_t ps, size_t pe)
{
    for (size_t i = ps; i <= pe && i <= lo->n; i++)
        lo->grapheme[i] = true;
    if (pe > ps &&
        !txt_brk_paragraph(&lo->brk, lo->cps + ps, pe - ps, NULL, lo->grapheme + ps)) {
        for (size_t i = ps; i < pe; i++)
            lo->grapheme[i] = true;
    }
}

void txt_layout_graphemes(const txt_layout *clo)
{
    /* Caret stops are only needed by text fields, so they are found on first use;
     * the flags are a cache, which is why a const layout may fill them. */
    txt_layout *lo = (txt_layout *)clo;
    if (lo->graphemes_ready || !lo->laid_out)
        return;
    size_t ps = 0;
    for (size_t i = 0; i <= lo->n; i++) {
        if (i < lo->n && !txt_is_paragraph_end(lo->cps[i]))
            continue;
        txt_layout_graphemes_range(lo, ps, i);
        ps = i + 1;
    }
    lo->graphemes_ready = true;
}
