/* fuzz_form — libFuzzer target for the support-request validation (common/form).
 *
 * Input: the ten text fields of a form separated by '\n' (name, nid, mobile, city,
 * district, family, income, housing, support type, notes), arbitrary bytes. Every
 * field check runs on every field and on the whole input, and form_validate on the
 * lot. Invariants: nothing crashes or overruns its output; whatever is accepted
 * validates again to exactly the same value (normalising twice changes nothing); a
 * mobile comes out as 05 and eight more ASCII digits, a national ID as ten ASCII
 * digits that pass Luhn and start with 1 or 2; a name has at least four parts
 * (form.c accepts more: «عبد الله» is often typed as two). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NFIELDS 10

static bool ascii_digits(const char *s, size_t n)
{
    if (strlen(s) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static void check_field(const char *in)
{
    char name[FORM_NAME_MAX + 1], name2[FORM_NAME_MAX + 1];
    char nid[FORM_NID_LEN + 1], nid2[FORM_NID_LEN + 1];
    char mob[FORM_MOBILE_LEN + 1], mob2[FORM_MOBILE_LEN + 1];
    char place[FORM_PLACE_MAX + 1], place2[FORM_PLACE_MAX + 1];
    char notes[FORM_NOTES_MAX + 1], notes2[FORM_NOTES_MAX + 1];
    char masked[FORM_MASKED_NID_SIZE];
    int64_t income;

    if (form_check_name(in, name) == FORM_OK) {
        size_t spaces = 0;
        for (const char *p = name; *p != '\0'; p++)
            spaces += *p == ' ';
        if (strlen(name) > FORM_NAME_MAX || spaces < 3 || name[0] == ' ' ||
            strstr(name, "  ") != NULL || form_check_name(name, name2) != FORM_OK ||
            strcmp(name, name2) != 0)
            abort();
    }
    if (form_check_nid(in, nid) == FORM_OK) {
        if (!ascii_digits(nid, FORM_NID_LEN) || (nid[0] != '1' && nid[0] != '2') ||
            !form_nid_luhn_ok(nid) || form_check_nid(nid, nid2) != FORM_OK ||
            strcmp(nid, nid2) != 0)
            abort();
    }
    if (form_check_mobile(in, mob) == FORM_OK) {
        if (!ascii_digits(mob, FORM_MOBILE_LEN) || mob[0] != '0' || mob[1] != '5' ||
            form_check_mobile(mob, mob2) != FORM_OK || strcmp(mob, mob2) != 0)
            abort();
    }
    if (form_check_city(in, place) == FORM_OK) {
        size_t n = strlen(place);
        if (n == 0 || n > FORM_PLACE_MAX || place[0] == ' ' || place[n - 1] == ' ' ||
            form_check_city(place, place2) != FORM_OK || strcmp(place, place2) != 0 ||
            form_check_district(place, place2) != FORM_OK || strcmp(place, place2) != 0)
            abort();
    }
    if (form_check_notes(in, notes) == FORM_OK) {
        if (strlen(notes) > FORM_NOTES_MAX ||
            form_check_notes(notes, notes2) != FORM_OK || strcmp(notes, notes2) != 0)
            abort();
    }
    if (form_parse_income(in, &income) == FORM_OK) {
        if (income < 0 || income > FORM_INCOME_MAX ||
            form_check_income(income) != FORM_OK)
            abort();
    }
    if (form_check_support_type(in, NULL, 0) == FORM_OK) {
        const char *allowed[] = {in};
        if (strlen(in) > FORM_SUPPORT_MAX || form_check_support_type(in, allowed, 1))
            abort();
    }
    enum form_housing h;
    if (form_housing_parse(in, &h) && strcmp(form_housing_name(h), in) != 0)
        abort();

    char *ascii = form_ascii_digits(in);
    if (strlen(ascii) > strlen(in))
        abort();
    free(ascii);
    form_mask_nid(in, masked);
    if (strnlen(masked, sizeof masked) >= sizeof masked)
        abort();
}

static void check_form(char **f)
{
    static const char *const types[] = {"food", "rent", "bills", "medical"};
    struct form_input in = {
        .name = f[0],
        .nid = f[1],
        .mobile = f[2],
        .city = f[3],
        .district = f[4],
        .family_members = f[5] ? strtoll(f[5], NULL, 10) : 0,
        .income = 0,
        .housing = f[7],
        .support_type = f[8],
        .notes = f[9],
        .declaration = f[9] == NULL || f[9][0] != '!',
    };
    int64_t income = -1;
    if (f[6] != NULL && form_parse_income(f[6], &income) == FORM_OK)
        in.income = income;
    else
        in.income = f[6] ? strtoll(f[6], NULL, 10) : 0;

    struct form_app app, again;
    enum form_err errs[4];
    size_t n = form_validate(&in, types, 4, &app, errs, 4);
    for (size_t i = 0; i < n && i < 4; i++)
        if (errs[i] <= FORM_OK || errs[i] >= FORM_ERR__COUNT ||
            *form_err_code(errs[i]) == '\0' || *form_err_message_ar(errs[i]) == '\0')
            abort();
    if (n != 0)
        return;
    struct form_input back = {
        .name = app.name,
        .nid = app.nid,
        .mobile = app.mobile,
        .city = app.city,
        .district = app.district,
        .family_members = app.family_members,
        .income = app.income,
        .housing = form_housing_name(app.housing),
        .support_type = app.support_type,
        .notes = app.notes,
        .declaration = app.declaration,
    };
    if (form_validate(&back, types, 4, &again, errs, 4) != 0 ||
        memcmp(&app, &again, sizeof app) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *whole = xstrndup((const char *)data, size);
    char *copy = xstrdup(whole);
    char *f[NFIELDS] = {0};
    char *p = copy;

    for (int i = 0; i < NFIELDS && p != NULL; i++) {
        f[i] = p;
        p = strchr(p, '\n');
        if (p != NULL)
            *p++ = '\0';
    }
    check_field(whole);
    for (int i = 0; i < NFIELDS && f[i] != NULL; i++)
        check_field(f[i]);
    check_form(f);
    free(copy);
    free(whole);
    return 0;
}
