/* shape — one run through harfbuzz. The run is added with the whole paragraph as
 * context (item offset and length), so Arabic joins across font and direction
 * boundaries as it would in one piece; BOT/EOT are set only at paragraph ends.
 * harfbuzz returns RTL runs already in visual order and mirrors brackets itself. */
#include "txt_int.h"

#include "util.h"

void txt_shape_run(txt_layout *lo, size_t ps, size_t pe, const struct txt_run *r,
                   int *pen, bool emit)
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

    txt_font *font = lo->fonts[r->font];
    hb_shape(txt_font_size_get(font, lo->px)->hb, buf, NULL, 0);

    unsigned count;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &count);
    if (!emit) {
        lo->shaped = xreallocarray_grow(lo->shaped, &lo->shaped_cap, lo->nshaped + count,
                                        sizeof *lo->shaped);
        lo->sruns = xreallocarray_grow(lo->sruns, &lo->sruns_cap, lo->nsruns + 1,
                                       sizeof *lo->sruns);
        lo->sruns[lo->nsruns++] = (struct txt_shaped_run){*r, lo->nshaped, count};
        for (unsigned i = 0; i < count; i++) {
            lo->adv[ps + info[i].cluster] += pos[i].x_advance;
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
        return;
    }
    lo->glyphs = xreallocarray_grow(lo->glyphs, &lo->glyphs_cap, lo->nglyphs + count,
                                    sizeof *lo->glyphs);
    txt_glyph *g = lo->glyphs + lo->nglyphs;
    for (unsigned i = 0; i < count; i++) {
        g[i].index = info[i].codepoint;
        g[i].font = font;
        g[i].x = *pen;
        g[i].y = 0;
        g[i].x_advance = pos[i].x_advance;
        g[i].x_offset = pos[i].x_offset;
        g[i].y_offset = pos[i].y_offset;
        /* cluster holds the codepoint index for now; layout.c turns it into bytes */
        g[i].cluster = (uint32_t)(ps + info[i].cluster);
        g[i].level = r->level;
        *pen += pos[i].x_advance;
    }
    lo->nglyphs += count;
}

/* Whether the measured glyphs @g[0..n) can be cut before codepoint @at: some glyph
 * starts that cluster and harfbuzz did not mark it unsafe to break. */
static bool shape_cut_ok(const struct txt_shaped *g, size_t n, size_t at)
{
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        if (g[i].cluster != at)
            continue;
        if (g[i].unsafe)
            return false;
        found = true;
    }
    return found;
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
        (r->start > m->run.start && !shape_cut_ok(g, m->count, r->start)) ||
        (r->end < m->run.end && !shape_cut_ok(g, m->count, r->end))) {
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
