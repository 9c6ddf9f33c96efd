/* The association's name and ticker on the display (display/association.c): values
 * from the server replace the config's, an empty or missing field falls back to the
 * config, the language picks the ticker, and only a real change counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "display.h"

static void config(struct display *d, bool english)
{
    memset(d, 0, sizeof *d);
    d->english = english;
    d->name_ar = d->cfg_name_ar = "جمعية الملف";
    d->name_en = d->cfg_name_en = "File Society";
    d->ticker = d->cfg_ticker = english ? "file ticker" : "شريط الملف";
}

static void test_server_wins_then_falls_back(void **state)
{
    (void)state;
    struct display d;
    config(&d, false);
    assert_int_equal(display_association_apply(
                         &d, "{\"name_ar\":\"جمعية الخادم\",\"name_en\":\"\","
                             "\"ticker_ar\":\"شريط جديد\",\"ticker_en\":\"new\"}"),
                     1);
    assert_string_equal(d.name_ar, "جمعية الخادم");
    assert_string_equal(d.name_en, "File Society"); /* empty: the config's */
    assert_string_equal(d.ticker, "شريط جديد");    /* Arabic display: ticker_ar */
    assert_int_equal(d.assoc_generation, 1);

    /* The same again: nothing to redraw. */
    assert_int_equal(display_association_apply(
                         &d, "{\"name_ar\":\"جمعية الخادم\",\"name_en\":\"\","
                             "\"ticker_ar\":\"شريط جديد\"}"),
                     0);
    assert_int_equal(d.assoc_generation, 1);

    /* Ticker cleared on the server: the config's comes back. */
    assert_int_equal(display_association_apply(&d, "{\"name_ar\":\"جمعية الخادم\"}"), 1);
    assert_string_equal(d.ticker, "شريط الملف");
    assert_int_equal(d.assoc_generation, 2);

    assert_int_equal(display_association_apply(&d, "[1]"), -1);
    assert_int_equal(display_association_apply(&d, "{not json"), -1);
    assert_string_equal(d.name_ar, "جمعية الخادم");
    display_association_free(&d);
}

static void test_english_ticker(void **state)
{
    (void)state;
    struct display d;
    config(&d, true);
    assert_int_equal(display_association_apply(
                         &d, "{\"ticker_ar\":\"عربي\",\"ticker_en\":\"Welcome\"}"),
                     1);
    assert_string_equal(d.ticker, "Welcome");
    display_association_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_server_wins_then_falls_back),
        cmocka_unit_test(test_english_ticker),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
