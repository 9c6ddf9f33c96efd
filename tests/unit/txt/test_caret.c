/* Carets in mixed Arabic/Latin/digit text: monotonic inside a run, two stops inside
 * the lam-alef ligature, leading edges across direction changes, grapheme stepping,
 * and position_to_index undoing index_to_position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "txt_test_fonts.h"

/* A queue sentence: "Ticket A-017 in hall 3, welcome". */
static const char mixed[] = "تذكرة A-017 في القاعة 3، أهلا وسهلا";

/* x of every grapheme start in [from, to) must move one way: leftwards for RTL. */
static void assert_monotonic(const txt_layout *lo, const char *text, const char *word,
                             bool rtl)
{
    size_t a = test_offset(text, word), b = a + strlen(word);
    int last = test_caret_x(lo, a);
    for (size_t i = txt_layout_next_grapheme(lo, a); i < b;
         i = txt_layout_next_grapheme(lo, i)) {
        int x = test_caret_x(lo, i);
        if (rtl)
            assert_true(x < last);
        else
            assert_true(x > last);
        last = x;
    }
}

static void test_monotonic_runs(void **state)
{
    (void)state;
    txt_layout *lo = test_layout(mixed, TXT_DIR_RTL, 0);
    assert_non_null(lo);
    assert_monotonic(lo, mixed, "تذكرة", true);
    assert_monotonic(lo, mixed, "القاعة", true);
    assert_monotonic(lo, mixed, "A-017", false);
    assert_monotonic(lo, mixed, "أهلا وسهلا", true);
    /* the Latin run sits left of the Arabic that precedes it in an RTL paragraph */
    assert_true(test_caret_x(lo, test_offset(mixed, "A-017")) <
                test_caret_x(lo, test_offset(mixed, "ة A")));
    txt_layout_destroy(lo);
}

static void test_lam_alef(void **state)
{
    (void)state;
    const char *text = "سلام"; /* lam + alef form one glyph */
    txt_layout *lo = test_layout(text, TXT_DIR_RTL, 0);
    assert_non_null(lo);
    size_t lam = test_offset(text, "لا"), alef = lam + 2, n;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &n);
    const txt_glyph *lig = NULL;
    for (size_t i = 0; i < n; i++) {
        assert_int_not_equal(g[i].cluster, alef); /* no glyph of its own */
        if (g[i].cluster == lam)
            lig = &g[i];
    }
    assert_non_null(lig);
    int x_lam = test_caret_x(lo, lam), x_alef = test_caret_x(lo, alef);
    /* two distinct stops; the alef's inside the ligature, right to left */
    assert_int_equal(x_lam, lig->x + lig->x_advance);
    assert_true(x_alef > lig->x && x_alef < lig->x + lig->x_advance);
    assert_true(x_alef < x_lam);
    /* and stepping visits both */
    assert_int_equal(txt_layout_next_grapheme(lo, lam), alef);
    assert_int_equal(txt_layout_prev_grapheme(lo, alef), lam);
    txt_layout_destroy(lo);
}

static void test_direction_change(void **state)
{
    (void)state;
    /* LTR paragraph, Arabic word inside: its first letter's caret is the word's right
     * edge, the caret of the Latin after it is the left edge of that Latin. */
    const char *text = "go سلام now";
    txt_layout *lo = test_layout(text, TXT_DIR_LTR, 0);
    assert_non_null(lo);
    size_t s = test_offset(text, "سلام"), e = s + strlen("سلام");
    int right = test_caret_x(lo, s);
    for (size_t i = txt_layout_next_grapheme(lo, s); i < e;
         i = txt_layout_next_grapheme(lo, i))
        assert_true(test_caret_x(lo, i) < right);
    size_t n;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &n);
    int word_right = 0;
    for (size_t i = 0; i < n; i++) {
        if (g[i].cluster >= s && g[i].cluster < e && g[i].x + g[i].x_advance > word_right)
            word_right = g[i].x + g[i].x_advance;
    }
    assert_int_equal(right, word_right);
    txt_layout_destroy(lo);

    /* RTL paragraph, Latin word inside: the Latin's first letter is its left edge. */
    const char *t2 = "قال hello لنا";
    lo = test_layout(t2, TXT_DIR_RTL, 0);
    assert_non_null(lo);
    size_t h = test_offset(t2, "hello");
    int xh = test_caret_x(lo, h);
    g = txt_layout_get_glyphs(lo, &n);
    for (size_t i = 0; i < n; i++) {
        if (g[i].cluster == h)
            assert_int_equal(xh, g[i].x);
    }
    assert_true(test_caret_x(lo, h + 4) > xh);
    /* the space after it is RTL again: its leading (right) edge touches the Latin
     * word's left edge, where the caret goes when typing continues in Arabic */
    assert_int_equal(test_caret_x(lo, h + 5), xh);
    txt_layout_destroy(lo);
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *texts[] = {mixed, "سلام", "go سلام now", "مرحبا بكم\nWelcome ١٢٣"};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        txt_layout *lo = test_layout(texts[t], TXT_DIR_AUTO, 0);
        assert_non_null(lo);
        size_t len = strlen(texts[t]);
        for (size_t i = 0;; i = txt_layout_next_grapheme(lo, i)) {
            int x, y, h;
            assert_true(txt_layout_index_to_position(lo, i, &x, &y, &h));
            size_t j;
            assert_true(txt_layout_position_to_index(lo, x, y + h / 2, &j));
            /* another stop may share the x (both ends of a direction change), but
             * it must be drawn at the same place on the same line */
            int x2, y2, h2;
            assert_true(txt_layout_index_to_position(lo, j, &x2, &y2, &h2));
            assert_int_equal(x2, x);
            assert_int_equal(y2, y);
            if (i >= len)
                break;
        }
        txt_layout_destroy(lo);
    }
}

static void test_position_nearest(void **state)
{
    (void)state;
    const char *text = "abc";
    txt_layout *lo = test_layout(text, TXT_DIR_LTR, 0);
    assert_non_null(lo);
    size_t i;
    assert_true(txt_layout_position_to_index(lo, -50, 5, &i));
    assert_int_equal(i, 0);
    assert_true(txt_layout_position_to_index(lo, 5000, 5, &i));
    assert_int_equal(i, 3);
    int xb = test_caret_x(lo, 1), xc = test_caret_x(lo, 2);
    assert_true(txt_layout_position_to_index(lo, xb + 1, 5, &i));
    assert_int_equal(i, 1);
    assert_true(txt_layout_position_to_index(lo, xc - 1, 5, &i));
    assert_int_equal(i, 2);
    txt_layout_destroy(lo);
}

int main(void)
{
    int skip = test_fonts_open();
    if (skip)
        return skip;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_monotonic_runs),   cmocka_unit_test(test_lam_alef),
        cmocka_unit_test(test_direction_change), cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_position_nearest),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    test_fonts_close();
    return r;
}
