/* Unit tests for common/cal: Umm al-Qura dates of known days, the Riyadh day
 * boundary, Arabic and English formatting, Arabic-Indic digits, unknown zones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cal.h"

/* 2024-10-20T07:30:00Z, 10:30 in Riyadh: 17 Rabi' al-Akhir 1446. */
#define T_20_OCT_2024 ((time_t)1729409400)
/* 2024-03-11T09:00:00Z: 1 Ramadan 1445 (Umm al-Qura). */
#define T_11_MAR_2024 ((time_t)1710147600)
/* 2024-10-19T21:30:00Z: 00:30 on 20 October in Riyadh (UTC+3). */
#define T_19_OCT_2130Z ((time_t)1729373400)

static void test_hijri_known_days(void **state)
{
    static const struct {
        time_t t;
        struct cal_date want;
    } cases[] = {
        {T_20_OCT_2024, {1446, 4, 17}},
        {T_11_MAR_2024, {1445, 9, 1}},
        {T_19_OCT_2130Z, {1446, 4, 17}},
        {(time_t)1712739600, {1445, 10, 1}},  /* 2024-04-10 noon: Eid al-Fitr */
        {(time_t)1718528400, {1445, 12, 10}}, /* 2024-06-16 noon: Eid al-Adha */
        {(time_t)1720342800, {1446, 1, 1}},   /* 2024-07-07 noon: new year 1446 */
        {(time_t)1720299600, {1446, 1, 1}},   /* 2024-07-07T00:00 Riyadh */
        {(time_t)1720299599, {1445, 12, 30}}, /* one second before */
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct cal_date d;
        assert_true(cal_hijri_from_time(cases[i].t, NULL, &d));
        assert_int_equal(d.year, cases[i].want.year);
        assert_int_equal(d.month, cases[i].want.month);
        assert_int_equal(d.day, cases[i].want.day);
    }
}

static void test_riyadh_day_boundary(void **state)
{
    struct cal_date d;
    (void)state;
    assert_true(cal_gregorian_from_time(T_19_OCT_2130Z, "Asia/Riyadh", &d));
    assert_int_equal(d.year, 2024);
    assert_int_equal(d.month, 10);
    assert_int_equal(d.day, 20);
    /* The same instant is still the 19th in UTC and in London (BST). */
    assert_true(cal_gregorian_from_time(T_19_OCT_2130Z, "UTC", &d));
    assert_int_equal(d.day, 19);
    assert_true(cal_gregorian_from_time(T_19_OCT_2130Z, "Europe/London", &d));
    assert_int_equal(d.day, 19);
    /* And the Hijri day changes with it: 16 Rabi' al-Akhir in UTC. */
    assert_true(cal_hijri_from_time(T_19_OCT_2130Z, "UTC", &d));
    assert_int_equal(d.day, 16);
    /* One second earlier, Riyadh is still on the 19th. */
    assert_true(cal_gregorian_from_time(T_19_OCT_2130Z - 1801, NULL, &d));
    assert_int_equal(d.day, 19);
}

static void test_format(void **state)
{
    static const struct {
        time_t t;
        cal_style style;
        cal_lang lang;
        const char *want;
    } cases[] = {
        {T_20_OCT_2024, CAL_HIJRI_SHORT, CAL_AR, "١٧/٠٤/١٤٤٦ هـ"},
        {T_20_OCT_2024, CAL_HIJRI_LONG, CAL_AR, "١٧ ربيع الآخر ١٤٤٦ هـ"},
        {T_20_OCT_2024, CAL_HIJRI_LONG, CAL_AR_LATN, "17 ربيع الآخر 1446 هـ"},
        {T_20_OCT_2024, CAL_HIJRI_SHORT, CAL_EN, "17/04/1446 AH"},
        {T_20_OCT_2024, CAL_HIJRI_LONG, CAL_EN, "17 Rabi' al-Akhir 1446 AH"},
        {T_11_MAR_2024, CAL_HIJRI_LONG, CAL_AR, "١ رمضان ١٤٤٥ هـ"},
        {T_11_MAR_2024, CAL_HIJRI_LONG, CAL_EN, "1 Ramadan 1445 AH"},
        {T_20_OCT_2024, CAL_GREGORIAN_LONG, CAL_AR, "٢٠ أكتوبر ٢٠٢٤ م"},
        {T_20_OCT_2024, CAL_GREGORIAN_SHORT, CAL_AR, "٢٠/١٠/٢٠٢٤ م"},
        {T_20_OCT_2024, CAL_GREGORIAN_LONG, CAL_EN, "20 October 2024"},
        {T_20_OCT_2024, CAL_GREGORIAN_SHORT, CAL_EN, "20/10/2024"},
        {T_20_OCT_2024, CAL_TIME, CAL_AR, "١٠:٣٠ ص"},
        {T_20_OCT_2024, CAL_TIME, CAL_EN, "10:30 AM"},
        {T_20_OCT_2024 + 6 * 3600, CAL_TIME, CAL_AR, "٤:٣٠ م"},
        {T_20_OCT_2024 + 6 * 3600, CAL_TIME, CAL_EN, "4:30 PM"},
        {T_20_OCT_2024, CAL_WEEKDAY, CAL_AR, "الأحد"},
        {T_20_OCT_2024, CAL_WEEKDAY, CAL_EN, "Sunday"},
        {T_19_OCT_2130Z, CAL_GREGORIAN_LONG, CAL_EN, "20 October 2024"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = cal_format(cases[i].t, NULL, cases[i].style, cases[i].lang);
        assert_non_null(s);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
}

static void test_english_hijri_months(void **state)
{
    static const char *names[12] = {
        "Muharram",       "Safar",         "Rabi' al-Awwal",
        "Rabi' al-Akhir", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab",          "Sha'ban",       "Ramadan",
        "Shawwal",        "Dhu al-Qi'dah", "Dhu al-Hijjah",
    };
    bool seen[12] = {false};
    (void)state;
    /* Every 10 days through a Hijri year: the English name is the one of the
     * month ICU's calendar reports, and every month shows up. */
    for (time_t t = 1720342800; t < 1720342800 + 365 * 86400; t += 10 * 86400) {
        struct cal_date d;
        char *s = cal_format(t, NULL, CAL_HIJRI_LONG, CAL_EN);
        char want[64];
        assert_true(cal_hijri_from_time(t, NULL, &d));
        assert_in_range(d.month, 1, 12);
        snprintf(want, sizeof want, "%d %s %d AH", d.day, names[d.month - 1], d.year);
        assert_non_null(s);
        assert_string_equal(s, want);
        seen[d.month - 1] = true;
        free(s);
    }
    for (int m = 0; m < 12; m++)
        assert_true(seen[m]);
}

static void test_arabic_int(void **state)
{
    static const struct {
        long n;
        const char *want;
    } cases[] = {
        {0, "٠"}, {7, "٧"}, {17, "١٧"}, {1446, "١٤٤٦"}, {1234567890, "١٢٣٤٥٦٧٨٩٠"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = cal_arabic_int(cases[i].n);
        assert_non_null(s);
        assert_string_equal(s, cases[i].want);
        free(s);
    }
    /* A negative number still has its digits, after a sign. */
    char *s = cal_arabic_int(-5);
    assert_non_null(s);
    assert_non_null(strstr(s, "٥"));
    assert_non_null(strchr(s, '-'));
    free(s);
}

static void test_unknown_zone(void **state)
{
    struct cal_date d = {0, 0, 0};
    (void)state;
    assert_false(cal_tz_valid("Mars/Olympus_Mons"));
    assert_true(cal_tz_valid(NULL));
    assert_true(cal_tz_valid("Asia/Riyadh"));
    assert_false(cal_hijri_from_time(T_20_OCT_2024, "Mars/Olympus_Mons", &d));
    assert_false(cal_gregorian_from_time(T_20_OCT_2024, "", &d));
    assert_null(cal_format(T_20_OCT_2024, "Mars/Olympus_Mons", CAL_TIME, CAL_EN));
    assert_false(cal_hijri_from_time(T_20_OCT_2024, NULL, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hijri_known_days),
        cmocka_unit_test(test_riyadh_day_boundary),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_english_hijri_months),
        cmocka_unit_test(test_arabic_int),
        cmocka_unit_test(test_unknown_zone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
