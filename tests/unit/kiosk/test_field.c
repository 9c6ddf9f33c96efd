/* Unit tests of kiosk/field: editing by grapheme (no fonts needed) and visual caret
 * movement in mixed Arabic/Latin/digit text through a real txt layout (issue 6,
 * acceptance 4). Byte offsets in comments: Arabic letters are two bytes each. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "field.h"
#include "util.h"

static txt_font *fonts[2];

static struct field *typed(const char *const *keys, size_t n)
{
    struct field *f = field_create(0);
    for (size_t i = 0; i < n; i++)
        assert_true(field_insert(f, keys[i]));
    return f;
}

static void test_insert_mixed(void **state)
{
    (void)state;
    const char *keys[] = {"م", "ر", "ح", "ب", "ا", " ", "a", "b", "c", " ", "1", "2"};
    struct field *f = typed(keys, sizeof keys / sizeof keys[0]);
    assert_string_equal(field_text(f, NULL), "مرحبا abc 12");
    assert_int_equal(field_caret(f), strlen("مرحبا abc 12"));
    assert_int_equal(field_chars(f), 12);
    /* in the middle, after the Arabic word */
    field_set_caret(f, strlen("مرحبا"));
    assert_true(field_insert(f, " يا"));
    assert_string_equal(field_text(f, NULL), "مرحبا يا abc 12");
    assert_int_equal(field_caret(f), strlen("مرحبا يا"));
    /* at the very start */
    field_home(f);
    assert_true(field_insert(f, "x"));
    assert_string_equal(field_text(f, NULL), "xمرحبا يا abc 12");
    field_destroy(f);
}

static void test_backspace_lam_alef_is_two(void **state)
{
    (void)state;
    const char *keys[] = {"س", "ل", "ا"};
    struct field *f = typed(keys, 3);
    assert_true(field_backspace(f));
    assert_string_equal(field_text(f, NULL), "سل");
    assert_true(field_backspace(f));
    assert_string_equal(field_text(f, NULL), "س");
    assert_true(field_backspace(f));
    assert_string_equal(field_text(f, NULL), "");
    assert_false(field_backspace(f));
    field_destroy(f);
}

static void test_backspace_letter_with_haraka_is_one(void **state)
{
    (void)state;
    /* ب + fatha, then ت + shadda + damma */
    const char *keys[] = {"ب", "\u064E", "ت", "\u0651", "\u064F"};
    struct field *f = typed(keys, 5);
    assert_true(field_backspace(f));
    assert_string_equal(field_text(f, NULL), "ب\u064E");
    assert_true(field_backspace(f));
    assert_string_equal(field_text(f, NULL), "");
    field_destroy(f);
}

static void test_delete_forward(void **state)
{
    (void)state;
    struct field *f = field_create(0);
    assert_true(field_set_text(f, "ab\u064Eد"));
    field_home(f);
    assert_true(field_delete(f));
    assert_string_equal(field_text(f, NULL), "b\u064Eد");
    assert_int_equal(field_caret(f), 0);
    assert_true(field_delete(f)); /* b and its haraka together */
    assert_string_equal(field_text(f, NULL), "د");
    field_end(f);
    assert_false(field_delete(f));
    field_destroy(f);
}

static void test_caret_snaps_to_grapheme(void **state)
{
    (void)state;
    struct field *f = field_create(0);
    assert_true(field_set_text(f, "ب\u064Eت")); /* ب 0-1, fatha 2-3, ت 4-5 */
    field_set_caret(f, 2);
    assert_int_equal(field_caret(f), 0);
    field_set_caret(f, 5);
    assert_int_equal(field_caret(f), 4);
    field_set_caret(f, 99);
    assert_int_equal(field_caret(f), 6);
    assert_true(field_prev(f));
    assert_int_equal(field_caret(f), 4);
    assert_true(field_prev(f));
    assert_int_equal(field_caret(f), 0);
    assert_false(field_prev(f));
    assert_true(field_next(f));
    assert_int_equal(field_caret(f), 4);
    field_destroy(f);
}

static void test_limits_and_bad_input(void **state)
{
    (void)state;
    struct field *f = field_create(5);
    assert_true(field_insert(f, "١٢٣"));
    assert_true(field_insert(f, "45"));
    assert_false(field_insert(f, "6"));
    assert_false(field_set_text(f, "123456"));
    assert_string_equal(field_text(f, NULL), "١٢٣45");
    assert_false(field_insert(f, "\xC3"));         /* truncated */
    assert_false(field_insert(f, "\xC0\xAF"));     /* overlong '/' */
    assert_false(field_insert(f, "\xED\xA0\x80")); /* surrogate */
    field_wipe(f);
    assert_false(field_insert(f, "\n"));
    assert_false(field_insert(f, "\t"));
    assert_string_equal(field_text(f, NULL), "");
    field_destroy(f);
}

static void test_wipe_zeroes_buffer(void **state)
{
    (void)state;
    struct field *f = field_create(0);
    assert_true(field_set_text(f, "محمد عبدالله 1012345678"));
    size_t len;
    const char *p = field_text(f, &len);
    field_wipe(f);
    assert_ptr_equal(field_text(f, NULL), p); /* same buffer, now zeroed */
    for (size_t i = 0; i < len; i++)
        assert_int_equal(p[i], 0);
    assert_int_equal(field_caret(f), 0);
    /* growing past the first buffer keeps the text whole */
    for (int i = 0; i < 200; i++)
        assert_true(field_insert(f, "ع"));
    assert_int_equal(field_chars(f), 200);
    field_destroy(f);
}

/* ---- visual movement: needs the bundled fonts ---- */

static int load_fonts(void **state)
{
    (void)state;
    const char *assets = getenv("DAWR_ASSETS");
    if (assets == NULL)
        return -1;
    char *a = xasprintf("%s/fonts/NotoSansArabic-Regular.ttf", assets);
    char *l = xasprintf("%s/fonts/NotoSans-Regular.ttf", assets);
    fonts[0] = txt_font_open(a, NULL);
    fonts[1] = txt_font_open(l, NULL);
    free(a);
    free(l);
    return fonts[0] && fonts[1] ? 0 : -1;
}

static int drop_fonts(void **state)
{
    (void)state;
    txt_font_unref(fonts[0]);
    txt_font_unref(fonts[1]);
    return 0;
}

static struct field *styled(const char *text, txt_dir dir)
{
    struct field *f = field_create(0);
    assert_true(field_set_text(f, text));
    field_set_style(f, fonts, 2, 40, dir, TXT_DIGITS_LATN);
    assert_non_null(field_layout(f));
    return f;
}

static int caret_x(struct field *f, size_t index)
{
    size_t keep = field_caret(f);
    int x, y, h;
    field_set_caret(f, index);
    assert_true(field_caret_position(f, &x, &y, &h));
    assert_true(h > 0);
    field_set_caret(f, keep);
    return x;
}

static void test_caret_inside_lam_alef(void **state)
{
    (void)state;
    /* س 0, ل 2, ا 4, م 6, end 8: ل and ا are one glyph, the caret between them sits
     * strictly inside it. */
    struct field *f = styled("سلام", TXT_DIR_RTL);
    int x0 = caret_x(f, 0), x2 = caret_x(f, 2), x4 = caret_x(f, 4), x6 = caret_x(f, 6),
        x8 = caret_x(f, 8);
    assert_true(x0 > x2);
    assert_true(x2 > x4);
    assert_true(x4 > x6);
    assert_true(x6 > x8);
    field_set_caret(f, 2);
    assert_true(field_left(f));
    assert_int_equal(field_caret(f), 4);
    assert_true(field_left(f));
    assert_int_equal(field_caret(f), 6);
    assert_true(field_right(f));
    assert_true(field_right(f));
    assert_int_equal(field_caret(f), 2);
    /* backspace inside the ligature takes the lam only */
    field_set_caret(f, 4);
    assert_true(field_backspace(f));
    assert_string_equal(field_text(f, NULL), "سام");
    field_destroy(f);
}

/* Walks the caret all the way one way and checks each step moves strictly that way
 * on screen; returns the number of steps. */
static int walk(struct field *f, int dir)
{
    int steps = 0;
    int x = caret_x(f, field_caret(f));
    while (dir < 0 ? field_left(f) : field_right(f)) {
        int nx = caret_x(f, field_caret(f));
        assert_true((nx - x) * dir > 0);
        x = nx;
        assert_true(++steps < 100);
    }
    return steps;
}

static void test_caret_latin_in_arabic(void **state)
{
    (void)state;
    /* م0 ر2 ح4 ب6 ا8 space10 a11 b12 c13 end14, right-to-left paragraph: on screen
     * "abc" sits at the left, read left to right. */
    struct field *f = styled("مرحبا abc", TXT_DIR_RTL);
    field_set_caret(f, 4);
    assert_true(field_left(f));
    assert_int_equal(field_caret(f), 6); /* Arabic: left is logically forward */
    field_set_caret(f, 12);
    assert_true(field_right(f));
    assert_int_equal(field_caret(f), 13); /* Latin: right is logically forward */
    field_set_caret(f, 12);
    assert_true(field_left(f));
    assert_int_equal(field_caret(f), 11);
    /* from the logical start (the right edge) left to the far end and back */
    field_home(f);
    assert_true(caret_x(f, 0) >= caret_x(f, 14));
    int left = walk(f, -1);
    assert_true(left >= 9); /* nine glyph edges at least; more stops cannot hurt */
    int right = walk(f, +1);
    assert_int_equal(left, right);
    assert_int_equal(field_caret(f), 0);
    field_destroy(f);
}

static void test_caret_arabic_in_latin(void **state)
{
    (void)state;
    /* a0 b1 space2 س3 ل5 ا7 م9 space11 c12 d13 end14, left-to-right paragraph */
    struct field *f = styled("ab سلام cd", TXT_DIR_LTR);
    field_set_caret(f, 7); /* between lam and alef, inside the ligature */
    assert_true(field_right(f));
    assert_int_equal(field_caret(f), 5);
    field_set_caret(f, 7);
    assert_true(field_left(f));
    assert_int_equal(field_caret(f), 9);
    field_set_caret(f, 1);
    assert_true(field_right(f));
    assert_int_equal(field_caret(f), 2);
    field_home(f);
    int right = walk(f, +1);
    assert_true(right >= 9);
    assert_int_equal(walk(f, -1), right);
    field_destroy(f);
}

static void test_caret_digits_in_arabic(void **state)
{
    (void)state;
    /* ر0 ق2 م4 space6 '1'7 '2'8 '3'9 end10: the number reads left to right */
    struct field *f = styled("رقم 123", TXT_DIR_RTL);
    field_set_style(f, fonts, 2, 40, TXT_DIR_RTL, TXT_DIGITS_ARAB);
    field_set_caret(f, 8);
    assert_true(field_right(f));
    assert_int_equal(field_caret(f), 9);
    field_set_caret(f, 8);
    assert_true(field_left(f));
    assert_int_equal(field_caret(f), 7);
    /* typing keeps the layout in step */
    field_end(f);
    assert_true(field_insert(f, "4"));
    field_set_caret(f, 9);
    assert_true(field_right(f));
    assert_int_equal(field_caret(f), 10);
    field_destroy(f);
}

static void test_tap(void **state)
{
    (void)state;
    struct field *f = styled("مرحبا abc", TXT_DIR_RTL);
    size_t stops[] = {0, 2, 4, 6, 8, 12, 13};
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++) {
        int x, y, h;
        field_set_caret(f, stops[i]);
        assert_true(field_caret_position(f, &x, &y, &h));
        field_end(f);
        assert_true(field_tap(f, x, y + h / 2));
        assert_int_equal(caret_x(f, field_caret(f)), x);
    }
    field_destroy(f);
}

int main(void)
{
    const struct CMUnitTest editing[] = {
        cmocka_unit_test(test_insert_mixed),
        cmocka_unit_test(test_backspace_lam_alef_is_two),
        cmocka_unit_test(test_backspace_letter_with_haraka_is_one),
        cmocka_unit_test(test_delete_forward),
        cmocka_unit_test(test_caret_snaps_to_grapheme),
        cmocka_unit_test(test_limits_and_bad_input),
        cmocka_unit_test(test_wipe_zeroes_buffer),
    };
    const struct CMUnitTest visual[] = {
        cmocka_unit_test(test_caret_inside_lam_alef),
        cmocka_unit_test(test_caret_latin_in_arabic),
        cmocka_unit_test(test_caret_arabic_in_latin),
        cmocka_unit_test(test_caret_digits_in_arabic),
        cmocka_unit_test(test_tap),
    };
    int failed = cmocka_run_group_tests_name("field editing", editing, NULL, NULL);
    /* cmocka counts a failed group setup as no failed test: check the fonts here so
     * missing fonts fail the test instead of passing it silently. */
    if (load_fonts(NULL) != 0) {
        fprintf(stderr, "cannot load the fonts in $DAWR_ASSETS/fonts\n");
        return 1;
    }
    drop_fonts(NULL);
    failed += cmocka_run_group_tests_name("field visual", visual, load_fonts, drop_fonts);
    return failed ? 1 : 0;
}
