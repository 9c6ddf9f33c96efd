/* Random mixed text (Arabic with harakat, lam-alef, digits of both kinds, Latin,
 * brackets, bidi controls, symbols, newlines, invalid bytes) at random widths and
 * directions, from a fixed seed: the layout's invariants must hold every time, and
 * under ASan nothing may be read or written out of bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "txt_test_fonts.h"

static const char *const pieces[] = {
    "ب",
    "س",
    "ل",
    "ا",
    "لا",
    "م",
    "ي",
    "ة",
    "ء",
    "ـ",
    "َ",
    "ُ",
    "ّ",
    "ْ",
    "٠",
    "٣",
    "0",
    "7",
    "A",
    "x",
    "-",
    "@",
    ".",
    "(",
    ")",
    "[",
    "«",
    " ",
    " ",
    " ",
    "\n",
    "\xe2\x80\x8f",
    "\xe2\x80\xab",
    "\xe2\x80\xac",
    "\xe2\x81\xa6",
    "\xe2\x81\xa9",
    "✔",
    "😀",
    "\xff",
    "\xe2\x82",
    "،",
    "؟",
    "\t",
    "\xe2\x80\x8d",
    "e\xcc\x81",
};

static uint32_t rng = 12345;

static uint32_t next_rand(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

static void check_layout(const char *text, size_t len, txt_dir dir, int width, bool arab)
{
    txt_layout *lo = txt_layout_create();
    for (int i = 0; i < 3; i++)
        txt_layout_add_font(lo, test_fonts[i]);
    assert_true(txt_layout_set_text(lo, text, len) && txt_layout_set_size(lo, 24) &&
                txt_layout_set_direction(lo, dir) && txt_layout_set_width(lo, width) &&
                txt_layout_set_digits(lo, arab ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN) &&
                txt_layout_layout(lo));
    size_t ng, nl;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &ng);
    const txt_line *ln = txt_layout_get_lines(lo, &nl);
    assert_true(nl >= 1);
    size_t at = 0;
    for (size_t l = 0; l < nl; l++) {
        assert_true(ln[l].start >= at && ln[l].end >= ln[l].start && ln[l].end <= len);
        at = ln[l].end;
        assert_true(ln[l].first_glyph + ln[l].glyph_count <= ng);
        /* wider than the width only when the line holds one grapheme or one cluster
         * with ink (a lam-alef is not cut in two), and spaces hanging at its end */
        size_t content_end = ln[l].end;
        while (content_end > ln[l].start &&
               (text[content_end - 1] == ' ' || text[content_end - 1] == '\t'))
            content_end--;
        uint32_t one = UINT32_MAX;
        bool several = false;
        for (size_t i = ln[l].first_glyph; i < ln[l].first_glyph + ln[l].glyph_count;
             i++) {
            if (g[i].x_advance == 0 || g[i].cluster >= content_end)
                continue;
            several |= one != UINT32_MAX && g[i].cluster != one;
            one = g[i].cluster;
        }
        if (width > 0 && ln[l].width > width && several &&
            txt_layout_next_grapheme(lo, ln[l].start) < content_end) {
            fprintf(stderr, "width %d dir %d arab %d line [%zu,%zu) w=%d:", width, dir,
                    arab, ln[l].start, ln[l].end, ln[l].width);
            for (size_t i = 0; i < len; i++)
                fprintf(stderr, "\\x%02x", (unsigned char)text[i]);
            fprintf(stderr, "\n");
            fail();
        }
        for (size_t i = ln[l].first_glyph; i < ln[l].first_glyph + ln[l].glyph_count; i++)
            assert_true(g[i].cluster >= ln[l].start && g[i].cluster < ln[l].end);
    }
    for (size_t i = 0; i <= len; i++) {
        int x, y, h;
        assert_true(txt_layout_index_to_position(lo, i, &x, &y, &h));
        size_t j;
        assert_true(txt_layout_position_to_index(lo, x, y + h / 2, &j));
        assert_true(j <= len);
        size_t n = txt_layout_next_grapheme(lo, i), p = txt_layout_prev_grapheme(lo, i);
        assert_true(n <= len && (n > i || i == len));
        assert_true(p < i || i == 0);
    }
    int w, h;
    txt_layout_get_size(lo, &w, &h);
    txt_bitmap bm = {.width = w + 4, .height = h + 4, .stride = w + 4};
    bm.pixels = calloc((size_t)bm.stride, (size_t)bm.height);
    txt_layout_draw(lo, &bm, 2, 2);
    free(bm.pixels);
    txt_layout_destroy(lo);
}

static void test_random_texts(void **state)
{
    (void)state;
    char text[512];
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        int n = (int)(next_rand() % 60);
        for (int k = 0; k < n; k++) {
            const char *p = pieces[next_rand() % (sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            if (len + pl >= sizeof text)
                break;
            memcpy(text + len, p, pl);
            len += pl;
        }
        text[len] = '\0';
        txt_dir dir = (txt_dir)(next_rand() % 3);
        int widths[] = {0, 1, 30, 90, 250};
        int width = widths[next_rand() % 5];
        check_layout(text, len, dir, width, next_rand() % 2);
        if (round % 50 == 0)
            txt_cache_clear();
    }
}

int main(void)
{
    int skip = test_fonts_open();
    if (skip)
        return skip;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_texts),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    test_fonts_close();
    return r;
}
