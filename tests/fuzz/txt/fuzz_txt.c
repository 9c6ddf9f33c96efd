/* fuzz_txt — libFuzzer target for the text engine (common/txt/txt.h).
 *
 * Input: byte 0 holds the options (bits 0-1 direction, 2-3 width 0/50/200/800,
 * bit 4 Arabic digits, bits 5-7 alignment), byte 1 the pixel size, the rest is the
 * text: arbitrary bytes, invalid UTF-8 included. After layout it checks what callers
 * rely on: every glyph's cluster lies inside the text and inside its line; lines
 * cover the text in order (gaps only at newlines); a caret position exists for every
 * grapheme boundary and hit-testing only ever returns a boundary. Then it draws into
 * a small bitmap at an offset that clips, which ASan watches. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "txt.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Layout is a few hundred times slower than a byte parser; longer texts only repeat
 * the same paths more slowly. */
#define TEXT_MAX 600

static txt_font *fonts[3];

static void fonts_open(void)
{
    static const char *names[] = {"NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf",
                                  "NotoSansSymbols2-Regular.ttf"};
    const char *dir = getenv("DAWR_ASSETS");
    char path[1024];

    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/fonts/%s", dir ? dir : DAWR_FUZZ_ASSETS,
                 names[i]);
        fonts[i] = txt_font_open(path, NULL);
        if (fonts[i] == NULL)
            abort(); /* a missing font would make every run trivially pass */
    }
}

static void check_lines(const txt_layout *lo, const char *s, size_t len)
{
    size_t nglyphs, nlines;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &nglyphs);
    const txt_line *ln = txt_layout_get_lines(lo, &nlines);
    size_t at = 0;

    if (len > 0 && nlines == 0)
        abort();
    for (size_t l = 0; l < nlines; l++) {
        if (ln[l].start < at || ln[l].start > ln[l].end || ln[l].end > len)
            abort();
        for (size_t i = at; i < ln[l].start; i++) /* only paragraph breaks skipped */
            if (s[i] != '\n' && s[i] != '\r')
                abort();
        at = ln[l].end;
        if (ln[l].first_glyph > nglyphs ||
            ln[l].glyph_count > nglyphs - ln[l].first_glyph)
            abort();
        for (size_t i = ln[l].first_glyph; i < ln[l].first_glyph + ln[l].glyph_count; i++)
            if (g[i].cluster >= len || g[i].cluster < ln[l].start ||
                g[i].cluster > ln[l].end || g[i].font == NULL)
                abort();
    }
    for (size_t i = at; i < len; i++)
        if (s[i] != '\n' && s[i] != '\r')
            abort();
}

static void check_carets(const txt_layout *lo, size_t len)
{
    bool *boundary = xcalloc(len + 1, 1);
    size_t i = 0, steps = 0;
    int x, y, h;

    for (;;) {
        boundary[i] = true;
        if (!txt_layout_index_to_position(lo, i, &x, &y, &h) || h <= 0)
            abort();
        if (i == len)
            break;
        size_t next = txt_layout_next_grapheme(lo, i);
        if (next <= i || next > len || txt_layout_prev_grapheme(lo, next) != i)
            abort();
        i = next;
        if (++steps > len)
            abort();
    }
    int w, ht;
    txt_layout_get_size(lo, &w, &ht);
    for (int py = -5; py <= ht + 5; py += ht / 3 + 1) {
        for (int px = -20; px <= w + 20; px += w / 7 + 1) {
            size_t idx;
            if (!txt_layout_position_to_index(lo, px, py, &idx) || idx > len ||
                !boundary[idx])
                abort();
        }
    }
    free(boundary);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const int widths[] = {0, 50, 200, 800};
    static const txt_dir dirs[] = {TXT_DIR_AUTO, TXT_DIR_RTL, TXT_DIR_LTR, TXT_DIR_AUTO};

    if (size < 2)
        return 0;
    if (fonts[0] == NULL)
        fonts_open();
    const char *s = (const char *)data + 2;
    size_t len = size - 2 > TEXT_MAX ? TEXT_MAX : size - 2;
    uint8_t opt = data[0];

    txt_layout *lo = txt_layout_create();
    for (int i = 0; i < 3; i++)
        txt_layout_add_font(lo, fonts[i]);
    if (!txt_layout_set_text(lo, s, len) || !txt_layout_set_size(lo, 8 + data[1] % 56) ||
        !txt_layout_set_width(lo, widths[(opt >> 2) & 3]) ||
        !txt_layout_set_direction(lo, dirs[opt & 3]) ||
        !txt_layout_set_digits(lo, (opt & 16) ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN) ||
        !txt_layout_set_align(lo, (txt_align)((opt >> 5) % 5)))
        abort();
    if (!txt_layout_layout(lo))
        abort();
    check_lines(lo, s, len);
    check_carets(lo, len);

    uint8_t pixels[48 * 40] = {0};
    txt_bitmap bm = {.pixels = pixels, .width = 40, .height = 40, .stride = 48};
    txt_layout_draw(lo, &bm, -(int)(data[1] & 31), (int)(opt & 15) - 8);
    txt_layout_destroy(lo);
    return 0;
}
