/* shape — runs through harfbuzz. A run is added with the whole paragraph as context
 * (item offset and length), so Arabic joins across font and direction boundaries as
 * it would in one piece; BOT/EOT are set only at paragraph ends. harfbuzz returns RTL
 * runs already in visual order and mirrors brackets itself. The measuring pass goes
 * through the word cache (shapecache.c); lines cut their glyphs from it. */
#include "txt_int.h"

#include "util.h"

#include <string.h>

/* Runs harfbuzz on [start, end) of paragraph [ps, pe), the paragraph as context; the
 * result stays in lo->buf. */
static void shape_hb(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r)
{
    hb_buffer_t *buf = lo->buf;
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf32(buf, lo->cps + ps, (int)(pe - ps), (unsigned)(r->start - ps),
                        (int)(r->end - r->start));
    hb_buffer_set_direction(buf, (r->level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    if (r->script != HB_SCRIPT_INVALID)
        hb_buffer_set_script(buf, r->script);
    hb_buffer_guess_segment_properties(buf);
    unsigned flags = HB_BUFFER_FLAG_DEFAULT;
    if (r->start == ps)
        flags |= HB_BUFFER_FLAG_BOT;
    if (r->end == pe)
        flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buf, (hb_buffer_flags_t)flags);
    hb_shape(txt_font_size_get(lo->fonts[r->font], lo->px)->hb, buf, NULL, 0);
}

/* Where a run is cut into cacheable pieces: after each stretch of spaces. */
static bool shape_piece_start(const txt_layout *lo, size_t i)
{
    return lo->cps[i - 1] == ' ' && lo->cps[i] != ' ';
}

#define SHAPE_PIECE_MAX 64 /* longer pieces are not worth a cache entry */

static uint32_t shape_props(const struct txt_run *r, size_t ps, size_t pe, size_t s,
                            size_t e)
{
    uint32_t flags =
        (s == ps ? HB_BUFFER_FLAG_BOT : 0) | (e == pe ? HB_BUFFER_FLAG_EOT : 0);
    return (uint32_t)(r->level & 1) | flags << 1;
}

/* A piece can be cached when nothing outside it can change its shape: it starts at
 * the paragraph start or after a space and ends at the paragraph end or with one. */
static bool shape_piece_ok(const txt_layout *lo, size_t ps, size_t pe, size_t s, size_t e)
{
    return e - s <= SHAPE_PIECE_MAX && (s == ps || lo->cps[s - 1] == ' ') &&
           (e == pe || lo->cps[e - 1] == ' ');
}

/* Appends the run's glyphs from the word cache if every piece is there. */
static bool shape_from_cache(txt_layout *lo, size_t ps, size_t pe,
                             const struct txt_run *r)
{
    txt_font *font = lo->fonts[r->font];
    size_t first = lo->nshaped;
    bool rtl = r->level & 1;
    /* pieces in visual order: logical order for LTR, reversed for RTL */
    size_t e = r->end, s = r->start;
    for (;;) {
        size_t a, b;
        if (rtl) {
            b = e;
            a = b - 1;
            while (a > r->start && !shape_piece_start(lo, a))
                a--;
        } else {
            a = s;
            b = a + 1;
            while (b < r->end && !shape_piece_start(lo, b))
                b++;
        }
        size_t n;
        const struct txt_shaped *g =
            shape_piece_ok(lo, ps, pe, a, b)
                ? txt_shape_cache_get(font, lo->px, shape_props(r, ps, pe, a, b),
                                      r->script, lo->cps + a, b - a, &n)
                : NULL;
        if (g == NULL) {
            lo->nshaped = first;
            return false;
        }
        lo->shaped = xreallocarray_grow(lo->shaped, &lo->shaped_cap, lo->nshaped + n,
                                        sizeof *lo->shaped);
        for (size_t i = 0; i < n; i++) {
            lo->shaped[lo->nshaped] = g[i];
            lo->shaped[lo->nshaped++].cluster += (uint32_t)a;
        }
        if (rtl ? a == r->start : b == r->end)
            return true;
        if (rtl)
            e = a;
        else
            s = b;
    }
}

/* Whether a line may be cut before codepoint @at without shaping again: a glyph
 * starts that cluster and harfbuzz did not mark it unsafe to break (lo->cut). */
static bool shape_cut_ok(const txt_layout *lo, size_t at)
{
    return lo->cut[at] == 1;
}

/* Notes in lo->cut, for each codepoint of @r, whether a glyph cluster starts there and
 * whether harfbuzz allows a cut before it. */
static void shape_note_cuts(txt_layout *lo, const struct txt_run *r,
                            const struct txt_shaped *g, size_t n)
{
    memset(lo->cut + r->start, 0, r->end - r->start);
    for (size_t i = 0; i < n; i++) {
        if (g[i].unsafe)
            lo->cut[g[i].cluster] = 2;
        else if (lo->cut[g[i].cluster] == 0)
            lo->cut[g[i].cluster] = 1;
    }
}

/* Puts every cacheable piece of the freshly shaped run g[0..n) into the word cache,
 * where harfbuzz agrees that cutting there changes nothing. Clusters run up (LTR) or
 * down (RTL) the glyph array, so each piece is one slice of it. */
static void shape_to_cache(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r,
                           const struct txt_shaped *g, size_t n)
{
    struct txt_shaped piece[SHAPE_PIECE_MAX * 4];
    txt_font *font = lo->fonts[r->font];
    bool rtl = r->level & 1;
    size_t i = rtl ? n : 0;
    for (size_t a = r->start; a < r->end;) {
        size_t b = a + 1;
        while (b < r->end && !shape_piece_start(lo, b))
            b++;
        size_t j = i, from, to;
        if (rtl) {
            while (j > 0 && g[j - 1].cluster < b)
                j--;
            from = j, to = i;
        } else {
            while (j < n && g[j].cluster < b)
                j++;
            from = i, to = j;
        }
        i = j;
        if (to - from <= sizeof piece / sizeof *piece &&
            shape_piece_ok(lo, ps, pe, a, b) && (a == r->start || shape_cut_ok(lo, a)) &&
            (b == r->end || shape_cut_ok(lo, b))) {
            for (size_t k = from; k < to; k++) {
                piece[k - from] = g[k];
                piece[k - from].cluster -= (uint32_t)a;
            }
            txt_shape_cache_put(font, lo->px, shape_props(r, ps, pe, a, b), r->script,
                                lo->cps + a, b - a, piece, to - from);
        }
        a = b;
    }
}

void txt_shape_run(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r,
                   int *pen, bool emit)
{
    txt_font *font = lo->fonts[r->font];
    if (emit) {
        shape_hb(lo, ps, pe, r);
        unsigned count;
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(lo->buf, &count);
        const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(lo->buf, &count);
        lo->glyphs = xreallocarray_grow(lo->glyphs, &lo->glyphs_cap, lo->nglyphs + count,
                                        sizeof *lo->glyphs);
        txt_glyph *g = lo->glyphs + lo->nglyphs;
        for (unsigned i = 0; i < count; i++) {
            g[i] = (txt_glyph){
                .index = info[i].codepoint,
                .font = font,
                .x = *pen,
                .x_advance = pos[i].x_advance,
                .x_offset = pos[i].x_offset,
                .y_offset = pos[i].y_offset,
                /* the codepoint index for now; layout.c turns it into bytes */
                .cluster = (uint32_t)(ps + info[i].cluster),
                .level = r->level,
            };
            *pen += pos[i].x_advance;
        }
        lo->nglyphs += count;
        return;
    }

    /* The measuring pass: keep the glyphs for the lines, add up cluster advances. */
    size_t first = lo->nshaped;
    if (!shape_from_cache(lo, ps, pe, r)) {
        shape_hb(lo, ps, pe, r);
        unsigned count;
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(lo->buf, &count);
        const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(lo->buf, &count);
        lo->shaped = xreallocarray_grow(lo->shaped, &lo->shaped_cap, lo->nshaped + count,
                                        sizeof *lo->shaped);
        for (unsigned i = 0; i < count; i++) {
            lo->shaped[lo->nshaped++] = (struct txt_shaped){
                .index = info[i].codepoint,
                .cluster = (uint32_t)(ps + info[i].cluster),
                .x_advance = pos[i].x_advance,
                .x_offset = pos[i].x_offset,
                .y_offset = pos[i].y_offset,
                .unsafe = (hb_glyph_info_get_glyph_flags(&info[i]) &
                           HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0,
            };
        }
        shape_note_cuts(lo, r, lo->shaped + first, count);
        shape_to_cache(lo, ps, pe, r, lo->shaped + first, count);
    } else {
        shape_note_cuts(lo, r, lo->shaped + first, lo->nshaped - first);
    }
    lo->sruns =
        xreallocarray_grow(lo->sruns, &lo->sruns_cap, lo->nsruns + 1, sizeof *lo->sruns);
    lo->sruns[lo->nsruns++] = (struct txt_shaped_run){*r, first, lo->nshaped - first};
    for (size_t i = first; i < lo->nshaped; i++)
        lo->adv[lo->shaped[i].cluster] += lo->shaped[i].x_advance;
}

void txt_shape_line_run(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r,
                        int *pen)
{
    const struct txt_shaped_run *m = NULL;
    size_t a = 0, b = lo->nsruns;
    while (a < b) { /* the measured run holding r->start */
        size_t mid = (a + b) / 2;
        const struct txt_shaped_run *s = &lo->sruns[mid];
        if (r->start < s->run.start)
            b = mid;
        else if (r->start >= s->run.end)
            a = mid + 1;
        else {
            m = s;
            break;
        }
    }
    const struct txt_shaped *g = m ? lo->shaped + m->first : NULL;
    if (m == NULL || m->run.level != r->level || r->end > m->run.end ||
        (r->start > m->run.start && !shape_cut_ok(lo, r->start)) ||
        (r->end < m->run.end && !shape_cut_ok(lo, r->end))) {
        txt_shape_run(lo, ps, pe, r, pen, true);
        return;
    }
    lo->glyphs = xreallocarray_grow(lo->glyphs, &lo->glyphs_cap, lo->nglyphs + m->count,
                                    sizeof *lo->glyphs);
    txt_font *font = lo->fonts[r->font];
    for (size_t i = 0; i < m->count; i++) { /* already in visual order */
        if (g[i].cluster < r->start || g[i].cluster >= r->end)
            continue;
        lo->glyphs[lo->nglyphs++] = (txt_glyph){
            .index = g[i].index,
            .font = font,
            .x = *pen,
            .x_advance = g[i].x_advance,
            .x_offset = g[i].x_offset,
            .y_offset = g[i].y_offset,
            .cluster = g[i].cluster,
            .level = r->level,
        };
        *pen += g[i].x_advance;
    }
}
