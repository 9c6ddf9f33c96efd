/* form — the support-request (طلب دعم مستفيد) fields of DESIGN.md §4 and their
 * validation rules; one copy used by the kiosk (as the user types) and the server. */
#ifndef DAWR_FORM_H
#define DAWR_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Caps, in bytes of UTF-8 (NUL not included). Arabic letters take 2 bytes each. */
#define FORM_NAME_MAX 200
#define FORM_NID_LEN 10
#define FORM_MOBILE_LEN 10
#define FORM_PLACE_MAX 120  /* city, district */
#define FORM_SUPPORT_MAX 31 /* support-type code, e.g. "food", "rent" */
#define FORM_NOTES_MAX 1000
#define FORM_FAMILY_MIN 1
#define FORM_FAMILY_MAX 30
#define FORM_INCOME_MAX 1000000 /* SAR per month */
/* "1•••••••90": 3 ASCII digits + 7 bullets of 3 bytes + NUL. */
#define FORM_MASKED_NID_SIZE 32

/* Every way a field can be refused. Each has a stable code name (the enum's own
 * name, e.g. "FORM_ERR_NID_CHECK"), a field name, and Arabic and English messages. */
enum form_err {
    FORM_OK = 0,
    FORM_ERR_NAME_EMPTY,     /* name: nothing entered */
    FORM_ERR_NAME_PARTS,     /* name: not four parts */
    FORM_ERR_NAME_SHORT,     /* name: a part of fewer than 2 letters */
    FORM_ERR_NAME_CHARS,     /* name: a character that is not a letter */
    FORM_ERR_NAME_LONG,      /* name: over FORM_NAME_MAX bytes */
    FORM_ERR_NID_EMPTY,      /* nid */
    FORM_ERR_NID_FORMAT,     /* nid: not exactly 10 digits */
    FORM_ERR_NID_TYPE,       /* nid: first digit neither 1 (citizen) nor 2 (resident) */
    FORM_ERR_NID_CHECK,      /* nid: check digit wrong */
    FORM_ERR_MOBILE_EMPTY,   /* mobile */
    FORM_ERR_MOBILE_FORMAT,  /* mobile: not a Saudi mobile 05XXXXXXXX */
    FORM_ERR_CITY_EMPTY,     /* city */
    FORM_ERR_CITY_INVALID,   /* city: too long or odd characters */
    FORM_ERR_DISTRICT_EMPTY, /* district */
    FORM_ERR_DISTRICT_INVALID,
    FORM_ERR_FAMILY_RANGE,  /* family_members: not 1–30 */
    FORM_ERR_INCOME_FORMAT, /* income: not a whole number */
    FORM_ERR_INCOME_RANGE,  /* income: not 0–1,000,000 */
    FORM_ERR_HOUSING,       /* housing: not owned/rented/other */
    FORM_ERR_SUPPORT_TYPE,  /* support_type: not one of the configured codes */
    FORM_ERR_NOTES_LONG,    /* notes: over FORM_NOTES_MAX bytes or invalid UTF-8 */
    FORM_ERR_DECLARATION,   /* declaration: not accepted */
    FORM_ERR__COUNT
};

/* Static strings (never NULL; "FORM_OK"/"" for FORM_OK). */
const char *form_err_code(enum form_err e);       /* "FORM_ERR_NID_CHECK" */
const char *form_err_field(enum form_err e);      /* "nid" */
const char *form_err_message_ar(enum form_err e); /* «رقم الهوية غير صحيح» */
const char *
form_err_message_en(enum form_err e); /* "The national ID number is not valid" */

enum form_housing { FORM_HOUSING_OWNED, FORM_HOUSING_RENTED, FORM_HOUSING_OTHER };
/* "owned", "rented", "other"; parse returns false for anything else. */
const char *form_housing_name(enum form_housing h);
const char *form_housing_name_ar(enum form_housing h); /* ملك، إيجار، أخرى */
bool form_housing_parse(const char *s, enum form_housing *out);

/* A validated, normalised application. Plain value: fixed arrays, copyable, nothing
 * to free. Strings are NUL-terminated UTF-8. */
struct form_app {
    char name[FORM_NAME_MAX + 1];     /* four parts, single spaces, harakat kept */
    char nid[FORM_NID_LEN + 1];       /* ASCII digits */
    char mobile[FORM_MOBILE_LEN + 1]; /* "05XXXXXXXX" */
    char city[FORM_PLACE_MAX + 1];
    char district[FORM_PLACE_MAX + 1];
    int family_members;
    int64_t income; /* SAR per month, whole riyals */
    enum form_housing housing;
    char support_type[FORM_SUPPORT_MAX + 1];
    char notes[FORM_NOTES_MAX + 1]; /* may be empty */
    bool declaration;
};

/* Raw input as typed (JSON strings, kiosk fields). NULL strings count as empty. */
struct form_input {
    const char *name;
    const char *nid;
    const char *mobile;
    const char *city;
    const char *district;
    long long family_members;
    long long income;
    const char *housing; /* "owned" | "rented" | "other" */
    const char *support_type;
    const char *notes;
    bool declaration;
};

/* Field checks. Each returns FORM_OK and writes the normalised value to @out (a
 * buffer of the size given above), or an error and leaves @out unspecified.
 * Digits may be ASCII, Arabic-Indic (٠–٩) or Extended Arabic-Indic (۰–۹). */
enum form_err form_check_name(const char *in, char out[FORM_NAME_MAX + 1]);
enum form_err form_check_nid(const char *in, char out[FORM_NID_LEN + 1]);
/* Accepts 05XXXXXXXX, 5XXXXXXXX, +9665XXXXXXXX, 009665XXXXXXXX, 9665XXXXXXXX, with
 * spaces or dashes between digits; writes "05XXXXXXXX". */
enum form_err form_check_mobile(const char *in, char out[FORM_MOBILE_LEN + 1]);
/* City/district: letters (Arabic or Latin), digits, spaces, '-' and '.'; trimmed. */
enum form_err form_check_city(const char *in, char out[FORM_PLACE_MAX + 1]);
enum form_err form_check_district(const char *in, char out[FORM_PLACE_MAX + 1]);
enum form_err form_check_family(long long n);
enum form_err form_check_income(long long sar);
/* Parses a typed income ("3500", "3,500", "٣٥٠٠", "3500 ريال" is refused). */
enum form_err form_parse_income(const char *in, int64_t *out);
/* @allowed: the configured support-type codes; NULL/0 accepts any non-empty code of
 * letters, digits, '_' or '-' up to FORM_SUPPORT_MAX. */
enum form_err form_check_support_type(const char *in, const char *const *allowed,
                                      size_t n_allowed);
enum form_err form_check_notes(const char *in, char out[FORM_NOTES_MAX + 1]);

/* True when @nid (10 ASCII digits) passes the Luhn rule: digits at odd positions
 * (1st, 3rd, …) doubled, digits of the products summed with the even-position
 * digits, total mod 10 == 0. Does not check the first digit. */
bool form_nid_luhn_ok(const char *nid);
/* Writes into @nid[9] the check digit making nid[0..8] valid (for tests, demos). */
void form_nid_fill_check(char nid[FORM_NID_LEN + 1]);

/* Validates every field of @in. Writes the normalised application to @out and up to
 * @max_errs errors (in field order) to @errs; returns the number of errors found
 * (0 = valid; may exceed @max_errs, only the first @max_errs are written). */
size_t form_validate(const struct form_input *in, const char *const *support_types,
                     size_t n_support_types, struct form_app *out, enum form_err *errs,
                     size_t max_errs);

/* "1234567890" -> "1•••••••90". Anything not 10 characters long gives "••••••••••". */
void form_mask_nid(const char *nid, char out[FORM_MASKED_NID_SIZE]);

/* Converts Arabic-Indic and Extended Arabic-Indic digits in @in to ASCII; other
 * bytes copied. Returns a new string the caller frees. */
char *form_ascii_digits(const char *in);

#endif
