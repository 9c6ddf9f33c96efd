/* Table-driven tests of the support-request validation (common/form): national IDs
 * (check digits generated here, never copied), mobiles in every accepted spelling,
 * incomes, family sizes, Arabic names with hamza forms and harakat, places, notes,
 * the whole-form check and the masked ID. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "form.h"

/* The public rule written independently of form.c: double the digits at odd
 * positions, sum the digits of everything, the total must end in 0. */
static int check_digit(const char *nine)
{
    int sum = 0;
    for (int i = 0; i < 9; i++) {
        int d = nine[i] - '0';
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return (10 - sum % 10) % 10;
}

static void make_nid(const char *nine, char out[11])
{
    memcpy(out, nine, 9);
    out[9] = (char)('0' + check_digit(nine));
    out[10] = '\0';
}

static void test_nid_valid(void **state)
{
    (void)state;
    const char *const stems[] = {"100000000", "123456789", "198765432", "200000000",
                                 "234567890", "299999999", "105050505", "211223344"};
    for (size_t i = 0; i < sizeof stems / sizeof stems[0]; i++) {
        char nid[11], out[11];
        make_nid(stems[i], nid);
        assert_true(form_nid_luhn_ok(nid));
        if (form_check_nid(nid, out) != FORM_OK)
            fail_msg("%s refused", nid);
        assert_string_equal(out, nid);
        /* form's own generator agrees with the rule above */
        char gen[11];
        memcpy(gen, stems[i], 9);
        gen[9] = 'x';
        form_nid_fill_check(gen);
        assert_string_equal(gen, nid);
        /* every other last digit is refused for the check digit */
        for (char c = '0'; c <= '9'; c++) {
            if (c == nid[9])
                continue;
            char bad[11];
            memcpy(bad, nid, 11);
            bad[9] = c;
            assert_int_equal(form_check_nid(bad, out), FORM_ERR_NID_CHECK);
        }
    }
}

static void test_nid_invalid(void **state)
{
    (void)state;
    char good[11];
    make_nid("112233445", good);
    char swapped[11]; /* adjacent transposition changes the check */
    memcpy(swapped, good, 11);
    swapped[1] = good[2];
    swapped[2] = good[1];
    char three[11]; /* right check digit but first digit 3 */
    make_nid("312345678", three);
    const struct {
        const char *in;
        enum form_err want;
    } cases[] = {
        {"", FORM_ERR_NID_EMPTY},
        {NULL, FORM_ERR_NID_EMPTY},
        {"   ", FORM_ERR_NID_EMPTY},
        {"123456789", FORM_ERR_NID_FORMAT},
        {"12345678901", FORM_ERR_NID_FORMAT},
        {"12345x7890", FORM_ERR_NID_FORMAT},
        {"1234-56789", FORM_ERR_NID_FORMAT},
        {three, FORM_ERR_NID_TYPE},
        {"0000000000", FORM_ERR_NID_TYPE},
        {swapped, FORM_ERR_NID_CHECK},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[11];
        enum form_err got = form_check_nid(cases[i].in, out);
        if (got != cases[i].want)
            fail_msg("\"%s\": %s, want %s", cases[i].in ? cases[i].in : "(null)",
                     form_err_code(got), form_err_code(cases[i].want));
    }
    assert_true(strcmp(swapped, good) != 0);
}

static void test_nid_arabic_digits(void **state)
{
    (void)state;
    char nid[11], out[11];
    make_nid("109876543", nid);
    /* the same number typed with Arabic-Indic digits (U+0660..), spaced */
    char arabic[64] = "";
    for (int i = 0; i < 10; i++) {
        char d[4] = {(char)0xd9, (char)(0xa0 + (nid[i] - '0')), 0, 0};
        strcat(arabic, d);
        if (i == 4)
            strcat(arabic, " ");
    }
    assert_int_equal(form_check_nid(arabic, out), FORM_OK);
    assert_string_equal(out, nid);
    /* Extended Arabic-Indic (Persian) digits U+06F0.. */
    char persian[64] = "";
    for (int i = 0; i < 10; i++) {
        char d[4] = {(char)0xdb, (char)(0xb0 + (nid[i] - '0')), 0, 0};
        strcat(persian, d);
    }
    assert_int_equal(form_check_nid(persian, out), FORM_OK);
    assert_string_equal(out, nid);
}

static void test_mask(void **state)
{
    (void)state;
    char out[FORM_MASKED_NID_SIZE];
    form_mask_nid("1234567890", out);
    assert_string_equal(out, "1•••••••90");
    form_mask_nid("2087654334", out);
    assert_string_equal(out, "2•••••••34");
    form_mask_nid("12345", out);
    assert_string_equal(out, "••••••••••");
    form_mask_nid(NULL, out);
    assert_string_equal(out, "••••••••••");
}

static void test_mobile(void **state)
{
    (void)state;
    const struct {
        const char *in;
        enum form_err want;
        const char *out;
    } cases[] = {
        {"0551234567", FORM_OK, "0551234567"},
        {"+966551234567", FORM_OK, "0551234567"},
        {"00966551234567", FORM_OK, "0551234567"},
        {"966551234567", FORM_OK, "0551234567"},
        {"551234567", FORM_OK, "0551234567"},
        {" 055 123 4567 ", FORM_OK, "0551234567"},
        {"055-123-4567", FORM_OK, "0551234567"},
        {"+966 55 123 4567", FORM_OK, "0551234567"},
        {"٠٥٥١٢٣٤٥٦٧", FORM_OK, "0551234567"},
        {"+٩٦٦٥٠٩٨٧٦٥٤٣", FORM_OK, "0509876543"},
        {"", FORM_ERR_MOBILE_EMPTY, NULL},
        {NULL, FORM_ERR_MOBILE_EMPTY, NULL},
        {"0451234567", FORM_ERR_MOBILE_FORMAT, NULL},  /* not a mobile prefix */
        {"055123456", FORM_ERR_MOBILE_FORMAT, NULL},   /* 9 digits starting 0 */
        {"05512345678", FORM_ERR_MOBILE_FORMAT, NULL}, /* 11 digits */
        {"+971551234567", FORM_ERR_MOBILE_FORMAT, NULL},
        {"+0551234567", FORM_ERR_MOBILE_FORMAT, NULL},
        {"0551234abc", FORM_ERR_MOBILE_FORMAT, NULL},
        {"966451234567", FORM_ERR_MOBILE_FORMAT, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[FORM_MOBILE_LEN + 1] = "";
        enum form_err got = form_check_mobile(cases[i].in, out);
        if (got != cases[i].want)
            fail_msg("\"%s\": %s, want %s", cases[i].in ? cases[i].in : "(null)",
                     form_err_code(got), form_err_code(cases[i].want));
        if (cases[i].out != NULL)
            assert_string_equal(out, cases[i].out);
    }
}

static void test_income(void **state)
{
    (void)state;
    const struct {
        const char *in;
        enum form_err want;
        int64_t value;
    } cases[] = {
        {"0", FORM_OK, 0},
        {"3500", FORM_OK, 3500},
        {"3,500", FORM_OK, 3500},
        {" 12000 ", FORM_OK, 12000},
        {"٣٥٠٠", FORM_OK, 3500},
        {"١٬٢٥٠", FORM_OK, 1250}, /* Arabic thousands separator */
        {"1000000", FORM_OK, 1000000},
        {"1000001", FORM_ERR_INCOME_RANGE, 0},
        {"99999999999999999999999", FORM_ERR_INCOME_RANGE, 0},
        {"-5", FORM_ERR_INCOME_RANGE, 0},
        {"", FORM_ERR_INCOME_FORMAT, 0},
        {"abc", FORM_ERR_INCOME_FORMAT, 0},
        {"3500.50", FORM_ERR_INCOME_FORMAT, 0},
        {"3500 ريال", FORM_ERR_INCOME_FORMAT, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t v = -1;
        enum form_err got = form_parse_income(cases[i].in, &v);
        if (got != cases[i].want)
            fail_msg("\"%s\": %s, want %s", cases[i].in, form_err_code(got),
                     form_err_code(cases[i].want));
        if (got == FORM_OK)
            assert_int_equal(v, cases[i].value);
    }
    const struct {
        long long v;
        enum form_err want;
    } nums[] = {{0, FORM_OK},
                {1000000, FORM_OK},
                {-1, FORM_ERR_INCOME_RANGE},
                {1000001, FORM_ERR_INCOME_RANGE}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        assert_int_equal(form_check_income(nums[i].v), nums[i].want);
}

static void test_family(void **state)
{
    (void)state;
    const struct {
        long long n;
        enum form_err want;
    } cases[] = {{1, FORM_OK},
                 {6, FORM_OK},
                 {30, FORM_OK},
                 {0, FORM_ERR_FAMILY_RANGE},
                 {31, FORM_ERR_FAMILY_RANGE},
                 {-3, FORM_ERR_FAMILY_RANGE}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_int_equal(form_check_family(cases[i].n), cases[i].want);
}

static void test_names(void **state)
{
    (void)state;
    const struct {
        const char *in;
        enum form_err want;
        const char *out;
    } cases[] = {
        {"محمد عبدالله سعد الحربي", FORM_OK, NULL},
        {"  محمد   عبدالله سعد  الحربي ", FORM_OK, "محمد عبدالله سعد الحربي"},
        /* hamza forms and taa marbuta, alef maqsura */
        {"أسامة إبراهيم مؤمن آل سعيد", FORM_OK, NULL},
        {"هيفاء لؤي عيسى الشمري", FORM_OK, NULL},
        /* with harakat: marks are kept and not counted as letters */
        {"مُحَمَّد عَبْدُ اللهِ سَعْد الحَرْبِيّ", FORM_OK, NULL},
        /* a part of two letters plus harakat is enough */
        {"عُمَر بن خالد القحطاني", FORM_OK, NULL},
        {"Fatima Ali Hassan Al-Zahrani", FORM_OK, NULL},
        {"John Michael O'Neil Smith", FORM_OK, NULL},
        {"", FORM_ERR_NAME_EMPTY, NULL},
        {NULL, FORM_ERR_NAME_EMPTY, NULL},
        {"محمد عبدالله الحربي", FORM_ERR_NAME_PARTS, NULL},
        {"محمد", FORM_ERR_NAME_PARTS, NULL},
        {"محمد ع سعد الحربي", FORM_ERR_NAME_SHORT, NULL},
        /* one letter with a haraka is still one letter */
        {"محمد عَ سعد الحربي", FORM_ERR_NAME_SHORT, NULL},
        {"محمد عبدالله سعد الحربي2", FORM_ERR_NAME_CHARS, NULL},
        {"محمد عبدالله سعد ١٢", FORM_ERR_NAME_CHARS, NULL},
        {"Ali Hassan Omar <b>", FORM_ERR_NAME_CHARS, NULL},
        {"Ali Hassan Omar -Zed", FORM_ERR_NAME_CHARS, NULL},
        {"\xd9 broken utf8 here", FORM_ERR_NAME_CHARS, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[FORM_NAME_MAX + 1];
        enum form_err got = form_check_name(cases[i].in, out);
        if (got != cases[i].want)
            fail_msg("case %zu: %s, want %s", i, form_err_code(got),
                     form_err_code(cases[i].want));
        if (got == FORM_OK)
            assert_string_equal(out, cases[i].out ? cases[i].out : cases[i].in);
    }
    char longname[1024] = ""; /* 12 x 19 bytes: over FORM_NAME_MAX */
    for (int i = 0; i < 12; i++)
        strcat(longname, "عبدالرحمن ");
    char out[FORM_NAME_MAX + 1];
    assert_int_equal(form_check_name(longname, out), FORM_ERR_NAME_LONG);
}

static void test_places_and_notes(void **state)
{
    (void)state;
    char out[FORM_NOTES_MAX + 1];
    assert_int_equal(form_check_city(" الرياض ", out), FORM_OK);
    assert_string_equal(out, "الرياض");
    assert_int_equal(form_check_city("", out), FORM_ERR_CITY_EMPTY);
    assert_int_equal(form_check_city("Riyadh;DROP", out), FORM_ERR_CITY_INVALID);
    assert_int_equal(form_check_district("حي النرجس 2", out), FORM_OK);
    assert_int_equal(form_check_district(" ", out), FORM_ERR_DISTRICT_EMPTY);
    assert_int_equal(form_check_district("12", out), FORM_ERR_DISTRICT_INVALID);

    assert_int_equal(form_check_notes(NULL, out), FORM_OK);
    assert_string_equal(out, "");
    assert_int_equal(form_check_notes("  أحتاج مساعدة في الإيجار\nشكرًا  ", out), FORM_OK);
    assert_string_equal(out, "أحتاج مساعدة في الإيجار\nشكرًا");
    char big[FORM_NOTES_MAX + 10];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(form_check_notes(big, out), FORM_ERR_NOTES_LONG);
    assert_int_equal(form_check_notes("bell\a", out), FORM_ERR_NOTES_LONG);

    const char *const types[] = {"food", "rent", "bills"};
    assert_int_equal(form_check_support_type("rent", types, 3), FORM_OK);
    assert_int_equal(form_check_support_type("car", types, 3), FORM_ERR_SUPPORT_TYPE);
    assert_int_equal(form_check_support_type("car", NULL, 0), FORM_OK);
    assert_int_equal(form_check_support_type("c a r", NULL, 0), FORM_ERR_SUPPORT_TYPE);
    assert_int_equal(form_check_support_type("", NULL, 0), FORM_ERR_SUPPORT_TYPE);

    enum form_housing h;
    assert_true(form_housing_parse("rented", &h));
    assert_int_equal(h, FORM_HOUSING_RENTED);
    assert_false(form_housing_parse("tent", &h));
}

static void test_whole_form(void **state)
{
    (void)state;
    char nid[11];
    make_nid("245678901", nid);
    const char *const types[] = {"food", "rent"};
    struct form_input in = {
        .name = "سارة  محمد علي العتيبي",
        .nid = nid,
        .mobile = "+966 50 111 2233",
        .city = "جدة",
        .district = "الصفا",
        .family_members = 5,
        .income = 4200,
        .housing = "rented",
        .support_type = "rent",
        .notes = "",
        .declaration = true,
    };
    struct form_app app;
    enum form_err errs[16];
    assert_int_equal(form_validate(&in, types, 2, &app, errs, 16), 0);
    assert_string_equal(app.name, "سارة محمد علي العتيبي");
    assert_string_equal(app.mobile, "0501112233");
    assert_string_equal(app.nid, nid);
    assert_int_equal(app.housing, FORM_HOUSING_RENTED);
    assert_int_equal(app.income, 4200);
    assert_string_equal(app.support_type, "rent");

    struct form_input bad = in;
    bad.name = "سارة";
    bad.nid = "1234567890";
    bad.family_members = 0;
    bad.housing = "tent";
    bad.declaration = false;
    size_t n = form_validate(&bad, types, 2, &app, errs, 16);
    assert_int_equal(n, 5);
    const enum form_err want[] = {FORM_ERR_NAME_PARTS, FORM_ERR_NID_CHECK,
                                  FORM_ERR_FAMILY_RANGE, FORM_ERR_HOUSING,
                                  FORM_ERR_DECLARATION};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(errs[i], want[i]);
    /* only the first max_errs are written, the count is still complete */
    assert_int_equal(form_validate(&bad, types, 2, &app, errs, 2), 5);
}

static void test_messages(void **state)
{
    (void)state;
    assert_string_equal(form_err_code(FORM_ERR_NID_CHECK), "FORM_ERR_NID_CHECK");
    assert_string_equal(form_err_field(FORM_ERR_NID_CHECK), "nid");
    assert_string_equal(form_err_message_ar(FORM_ERR_NID_CHECK), "رقم الهوية غير صحيح");
    assert_string_equal(form_err_message_en(FORM_ERR_NID_CHECK),
                        "The national ID number is not valid");
    for (int e = 1; e < FORM_ERR__COUNT; e++) {
        assert_true(strncmp(form_err_code((enum form_err)e), "FORM_ERR_", 9) == 0);
        assert_true(*form_err_field((enum form_err)e) != '\0');
        assert_true(*form_err_message_ar((enum form_err)e) != '\0');
        assert_true(*form_err_message_en((enum form_err)e) != '\0');
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nid_valid),
        cmocka_unit_test(test_nid_invalid),
        cmocka_unit_test(test_nid_arabic_digits),
        cmocka_unit_test(test_mask),
        cmocka_unit_test(test_mobile),
        cmocka_unit_test(test_income),
        cmocka_unit_test(test_family),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_places_and_notes),
        cmocka_unit_test(test_whole_form),
        cmocka_unit_test(test_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
