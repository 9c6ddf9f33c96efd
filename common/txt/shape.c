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
        for (unsigned i = 0; i < count; i++)
            lo->adv[ps + info[i].cluster] += pos[i].x_advance;
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
