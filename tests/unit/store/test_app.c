/* Table-driven tests of the application rules (server/app.c): the whole status
 * transition table, names, references, due dates and the overdue flag. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "app.h"

static void test_transitions(void **state)
{
    (void)state;
    /* rows: from, columns: to, in enum order
     * submitted verified under_review accepted rejected needs_info */
    static const char *const want[APP_STATUS__COUNT] = {
        [APP_SUBMITTED] = "010001",    [APP_VERIFIED] = "001001",
        [APP_UNDER_REVIEW] = "000111", [APP_ACCEPTED] = "000000",
        [APP_REJECTED] = "000000",     [APP_NEEDS_INFO] = "110000",
    };
    for (int f = 0; f < APP_STATUS__COUNT; f++)
        for (int t = 0; t < APP_STATUS__COUNT; t++)
            if (app_can_transition((enum app_status)f, (enum app_status)t) !=
                (want[f][t] == '1'))
                fail_msg("%s -> %s", app_status_name((enum app_status)f),
                         app_status_name((enum app_status)t));
    assert_false(app_can_transition(APP_STATUS__COUNT, APP_VERIFIED));
}

static void test_names_and_open(void **state)
{
    (void)state;
    for (int s = 0; s < APP_STATUS__COUNT; s++) {
        enum app_status back;
        assert_true(app_status_parse(app_status_name((enum app_status)s), &back));
        assert_int_equal(back, s);
        assert_true(*app_status_name_ar((enum app_status)s) != '\0');
        assert_int_equal(app_status_open((enum app_status)s),
                         s != APP_ACCEPTED && s != APP_REJECTED);
    }
    enum app_status x;
    assert_false(app_status_parse("approved", &x));
    enum app_channel c;
    assert_true(app_channel_parse("web", &c));
    assert_int_equal(c, APP_CHANNEL_WEB);
    assert_false(app_channel_parse("phone", &c));
}

static void test_reference_and_due(void **state)
{
    (void)state;
    const struct {
        int year;
        int64_t serial;
        const char *want;
    } refs[] = {{2026, 1, "2026-000001"},
                {2026, 123, "2026-000123"},
                {2027, 999999, "2027-999999"},
                {2026, 1000000, "2026-1000000"}};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        char ref[APP_REF_SIZE];
        app_reference(refs[i].year, refs[i].serial, ref);
        assert_string_equal(ref, refs[i].want);
    }
    const int64_t t0 = 1795413600;
    assert_int_equal(app_due_at(t0, 0), t0 + 14 * 86400);
    assert_int_equal(app_due_at(t0, 7), t0 + 7 * 86400);
    const struct {
        enum app_status s;
        int64_t now;
        bool want;
    } od[] = {
        {APP_SUBMITTED, t0 + 14 * 86400, false}, /* due now: not yet over */
        {APP_SUBMITTED, t0 + 14 * 86400 + 1, true},
        {APP_UNDER_REVIEW, t0 + 20 * 86400, true},
        {APP_NEEDS_INFO, t0 + 20 * 86400, true},
        {APP_ACCEPTED, t0 + 20 * 86400, false}, /* decided late is not overdue */
        {APP_REJECTED, t0 + 20 * 86400, false},
    };
    for (size_t i = 0; i < sizeof od / sizeof od[0]; i++)
        assert_int_equal(app_overdue(od[i].s, app_due_at(t0, 14), od[i].now), od[i].want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transitions),
        cmocka_unit_test(test_names_and_open),
        cmocka_unit_test(test_reference_and_due),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
