/* form — validation of the support-request fields (DESIGN.md §4). Every check
 * normalises as it validates (digits to ASCII, whitespace collapsed, phone to
 * 05XXXXXXXX) so the kiosk and the server store exactly the same text. The error
 * table at the top is the one place codes, fields and both languages' messages live. */
#include "form.h"

#include <string.h>

#include "util.h"

static const struct {
    const char *code;
    const char *field;
    const char *ar;
    const char *en;
} errors[FORM_ERR__COUNT] = {
    [FORM_OK] = {"FORM_OK", "", "", ""},
    [FORM_ERR_NAME_EMPTY] = {"FORM_ERR_NAME_EMPTY", "name", "الرجاء إدخال الاسم الرباعي",
                             "Please enter the full four-part name"},
    [FORM_ERR_NAME_PARTS] =
        {"FORM_ERR_NAME_PARTS", "name",
         "الاسم يجب أن يكون رباعيًا: الاسم واسم الأب والجد والعائلة",
         "The name must have four parts: given, father, grandfather, family"},
    [FORM_ERR_NAME_SHORT] = {"FORM_ERR_NAME_SHORT", "name",
                             "كل جزء من الاسم يجب ألا يقل عن حرفين",
                             "Each part of the name must have at least two letters"},
    [FORM_ERR_NAME_CHARS] = {"FORM_ERR_NAME_CHARS", "name",
                             "الاسم يجب أن يحتوي على حروف فقط",
                             "The name may contain letters only"},
    [FORM_ERR_NAME_LONG] = {"FORM_ERR_NAME_LONG", "name", "الاسم أطول من المسموح",
                            "The name is too long"},
    [FORM_ERR_NID_EMPTY] = {"FORM_ERR_NID_EMPTY", "nid",
                            "الرجاء إدخال رقم الهوية الوطنية أو الإقامة",
                            "Please enter the national ID or iqama number"},
    [FORM_ERR_NID_FORMAT] = {"FORM_ERR_NID_FORMAT", "nid",
                             "رقم الهوية يتكون من عشرة أرقام",
                             "The ID number must be exactly ten digits"},
    [FORM_ERR_NID_TYPE] = {"FORM_ERR_NID_TYPE", "nid",
                           "رقم الهوية يبدأ بالرقم 1 للمواطن أو 2 للمقيم",
                           "The ID number starts with 1 for citizens or 2 for residents"},
    [FORM_ERR_NID_CHECK] = {"FORM_ERR_NID_CHECK", "nid", "رقم الهوية غير صحيح",
                            "The national ID number is not valid"},
    [FORM_ERR_MOBILE_EMPTY] = {"FORM_ERR_MOBILE_EMPTY", "mobile",
                               "الرجاء إدخال رقم الجوال",
                               "Please enter the mobile number"},
    [FORM_ERR_MOBILE_FORMAT] = {"FORM_ERR_MOBILE_FORMAT", "mobile",
                                "رقم الجوال يجب أن يكون بالصيغة 05XXXXXXXX",
                                "The mobile number must look like 05XXXXXXXX"},
    [FORM_ERR_CITY_EMPTY] = {"FORM_ERR_CITY_EMPTY", "city", "الرجاء إدخال المدينة",
                             "Please enter the city"},
    [FORM_ERR_CITY_INVALID] = {"FORM_ERR_CITY_INVALID", "city", "اسم المدينة غير صحيح",
                               "The city name is not valid"},
    [FORM_ERR_DISTRICT_EMPTY] = {"FORM_ERR_DISTRICT_EMPTY", "district",
                                 "الرجاء إدخال الحي", "Please enter the district"},
    [FORM_ERR_DISTRICT_INVALID] = {"FORM_ERR_DISTRICT_INVALID", "district",
                                   "اسم الحي غير صحيح", "The district name is not valid"},
    [FORM_ERR_FAMILY_RANGE] = {"FORM_ERR_FAMILY_RANGE", "family_members",
                               "عدد أفراد الأسرة يجب أن يكون بين 1 و30",
                               "Family members must be between 1 and 30"},
    [FORM_ERR_INCOME_FORMAT] = {"FORM_ERR_INCOME_FORMAT", "income",
                                "الدخل الشهري يُكتب بالأرقام فقط",
                                "The monthly income must be a whole number"},
    [FORM_ERR_INCOME_RANGE] = {"FORM_ERR_INCOME_RANGE", "income",
                               "الدخل الشهري يجب أن يكون بين 0 و1,000,000 ريال",
                               "The monthly income must be between 0 and 1,000,000 SAR"},
    [FORM_ERR_HOUSING] = {"FORM_ERR_HOUSING", "housing",
                          "الرجاء اختيار نوع السكن: ملك أو إيجار أو أخرى",
                          "Please choose the housing: owned, rented or other"},
    [FORM_ERR_SUPPORT_TYPE] = {"FORM_ERR_SUPPORT_TYPE", "support_type",
                               "الرجاء اختيار نوع الدعم المطلوب",
                               "Please choose the type of support"},
    [FORM_ERR_NOTES_LONG] = {"FORM_ERR_NOTES_LONG", "notes",
                             "الملاحظات أطول من المسموح أو تحتوي رموزًا غير صالحة",
                             "The notes are too long or contain invalid characters"},
    [FORM_ERR_DECLARATION] = {"FORM_ERR_DECLARATION", "declaration",
                              "الرجاء الموافقة على الإقرار بصحة البيانات",
                              "Please accept the declaration that the data is correct"},
};

const char *form_err_code(enum form_err e)
{
    return (unsigned)e < FORM_ERR__COUNT ? errors[e].code : "FORM_ERR_UNKNOWN";
}

const char *form_err_field(enum form_err e)
{
    return (unsigned)e < FORM_ERR__COUNT ? errors[e].field : "";
}

const char *form_err_message_ar(enum form_err e)
{
    return (unsigned)e < FORM_ERR__COUNT ? errors[e].ar : "";
}

const char *form_err_message_en(enum form_err e)
{
    return (unsigned)e < FORM_ERR__COUNT ? errors[e].en : "";
}

static const char *const housing_names[] = {"owned", "rented", "other"};
static const char *const housing_names_ar[] = {"ملك", "إيجار", "أخرى"};

const char *form_housing_name(enum form_housing h)
{
    return (unsigned)h < 3 ? housing_names[h] : "other";
}

const char *form_housing_name_ar(enum form_housing h)
{
    return (unsigned)h < 3 ? housing_names_ar[h] : housing_names_ar[2];
}

bool form_housing_parse(const char *s, enum form_housing *out)
{
    for (int i = 0; s != NULL && i < 3; i++) {
        if (strcmp(s, housing_names[i]) == 0) {
            *out = (enum form_housing)i;
            return true;
        }
    }
    return false;
}

/* --- UTF-8 --- */

/* Decodes one code point at @s; returns its length, or 0 for invalid UTF-8
 * (overlong forms, surrogates and truncated sequences included), with *cp = U+FFFD. */
static size_t utf8_next(const char *s, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    *cp = 0xfffd; /* defined even on failure, which -O3 cannot otherwise prove */
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t len;
    unsigned c, min;
    if ((u[0] & 0xe0) == 0xc0) {
        len = 2, c = u[0] & 0x1f, min = 0x80;
    } else if ((u[0] & 0xf0) == 0xe0) {
        len = 3, c = u[0] & 0x0f, min = 0x800;
    } else if ((u[0] & 0xf8) == 0xf0) {
        len = 4, c = u[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

/* Value of a digit in any of the three scripts, or -1. */
static int digit_value(unsigned cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0x660 && cp <= 0x669)
        return (int)(cp - 0x660);
    if (cp >= 0x6f0 && cp <= 0x6f9)
        return (int)(cp - 0x6f0);
    return -1;
}

static bool is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xa0;
}

/* Arabic letters (hamza forms, taa marbuta, alef maqsura included) and the letters
 * of the Arabic block used for Persian/Urdu names. */
static bool is_arabic_letter(unsigned cp)
{
    return (cp >= 0x621 && cp <= 0x63a) || (cp >= 0x641 && cp <= 0x64a) ||
           (cp >= 0x671 && cp <= 0x6d3);
}

/* Harakat, tanween, shadda, sukun, superscript alef, and the tatweel: marks that
 * decorate a letter but are not letters themselves. */
static bool is_arabic_mark(unsigned cp)
{
    return (cp >= 0x64b && cp <= 0x65f) || cp == 0x670 || cp == 0x640;
}

static bool is_latin_letter(unsigned cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp >= 0xc0 && cp <= 0x24f && cp != 0xd7 && cp != 0xf7);
}

static bool is_letter(unsigned cp)
{
    return is_arabic_letter(cp) || is_latin_letter(cp);
}

char *form_ascii_digits(const char *in)
{
    struct buf b = {0};
    buf_puts(&b, "");
    for (const char *p = in; p != NULL && *p != '\0';) {
        unsigned cp;
        size_t n = utf8_next(p, &cp);
        if (n == 0) {
            buf_append(&b, p, 1);
            p++;
            continue;
        }
        int d = digit_value(cp);
        if (d >= 0) {
            char c = (char)('0' + d);
            buf_append(&b, &c, 1);
        } else {
            buf_append(&b, p, n);
        }
        p += n;
    }
    return buf_take(&b);
}

/* Collects the ASCII value of every digit in @in into @out (at most @cap digits),
 * skipping the separators in @skip; returns the count, or -1 on any other
 * character or too many digits. */
static int collect_digits(const char *in, const char *skip, char *out, int cap)
{
    int n = 0;
    for (const char *p = in; *p != '\0';) {
        unsigned cp;
        size_t len = utf8_next(p, &cp);
        if (len == 0)
            return -1;
        p += len;
        int d = digit_value(cp);
        if (d >= 0) {
            if (n >= cap)
                return -1;
            out[n++] = (char)('0' + d);
        } else if (!(cp < 0x80 && strchr(skip, (int)cp) != NULL) && !is_space(cp)) {
            return -1;
        }
    }
    out[n] = '\0';
    return n;
}

static bool blank(const char *s)
{
    if (s == NULL)
        return true;
    for (const char *p = s; *p != '\0';) {
        unsigned cp;
        size_t n = utf8_next(p, &cp);
        if (n == 0 || !is_space(cp))
            return false;
        p += n;
    }
    return true;
}

/* --- national ID --- */

bool form_nid_luhn_ok(const char *nid)
{
    int sum = 0;
    for (int i = 0; i < FORM_NID_LEN; i++) {
        if (nid[i] < '0' || nid[i] > '9')
            return false;
        int d = nid[i] - '0';
        if (i % 2 == 0) { /* 1st, 3rd, … positions (1-based) */
            d *= 2;
            d = d / 10 + d % 10;
        }
        sum += d;
    }
    return nid[FORM_NID_LEN] == '\0' && sum % 10 == 0;
}

void form_nid_fill_check(char nid[FORM_NID_LEN + 1])
{
    nid[FORM_NID_LEN] = '\0';
    for (char c = '0'; c <= '9'; c++) {
        nid[FORM_NID_LEN - 1] = c;
        if (form_nid_luhn_ok(nid))
            return;
    }
}

enum form_err form_check_nid(const char *in, char out[FORM_NID_LEN + 1])
{
    if (blank(in))
        return FORM_ERR_NID_EMPTY;
    char digits[FORM_NID_LEN + 2];
    if (collect_digits(in, "", digits, FORM_NID_LEN + 1) != FORM_NID_LEN)
        return FORM_ERR_NID_FORMAT;
    if (digits[0] != '1' && digits[0] != '2')
        return FORM_ERR_NID_TYPE;
    if (!form_nid_luhn_ok(digits))
        return FORM_ERR_NID_CHECK;
    memcpy(out, digits, FORM_NID_LEN + 1);
    return FORM_OK;
}

void form_mask_nid(const char *nid, char out[FORM_MASKED_NID_SIZE])
{
    static const char dot[] = "\xe2\x80\xa2"; /* U+2022 BULLET */
    size_t len = nid ? strlen(nid) : 0;
    size_t o = 0;
    for (int i = 0; i < FORM_NID_LEN; i++) {
        bool show = len == FORM_NID_LEN && (i == 0 || i >= FORM_NID_LEN - 2);
        if (show) {
            out[o++] = nid[i];
        } else {
            memcpy(out + o, dot, 3);
            o += 3;
        }
    }
    out[o] = '\0';
}

/* --- mobile --- */

enum form_err form_check_mobile(const char *in, char out[FORM_MOBILE_LEN + 1])
{
    if (blank(in))
        return FORM_ERR_MOBILE_EMPTY;
    const char *p = in;
    while (*p == ' ' || *p == '\t')
        p++;
    bool plus = *p == '+';
    if (plus)
        p++;
    char d[20];
    int n = collect_digits(p, "-()", d, 16);
    if (n < 0)
        return FORM_ERR_MOBILE_FORMAT;
    const char *rest; /* the 9 digits after the leading 0 */
    if (plus) {
        rest = (n == 12 && strncmp(d, "966", 3) == 0) ? d + 3 : NULL;
    } else if (n == 14 && strncmp(d, "00966", 5) == 0) {
        rest = d + 5;
    } else if (n == 12 && strncmp(d, "966", 3) == 0) {
        rest = d + 3;
    } else if (n == 10 && d[0] == '0') {
        rest = d + 1;
    } else if (n == 9) {
        rest = d;
    } else {
        rest = NULL;
    }
    if (rest == NULL || rest[0] != '5')
        return FORM_ERR_MOBILE_FORMAT;
    out[0] = '0';
    memcpy(out + 1, rest, 9);
    out[FORM_MOBILE_LEN] = '\0';
    return FORM_OK;
}

/* --- name and places --- */

/* Copies @in to @out (capacity @cap incl. NUL) trimmed with runs of whitespace made
 * one ASCII space. Returns 0, SQUEEZE_BAD for invalid UTF-8 or SQUEEZE_LONG. */
enum { SQUEEZE_OK, SQUEEZE_BAD, SQUEEZE_LONG };
static int squeeze(const char *in, char *out, size_t cap)
{
    size_t o = 0;
    bool pending_space = false;
    for (const char *p = in; *p != '\0';) {
        unsigned cp;
        size_t n = utf8_next(p, &cp);
        if (n == 0)
            return SQUEEZE_BAD;
        if (is_space(cp)) {
            pending_space = o > 0;
        } else {
            if (pending_space) {
                if (o + 1 >= cap)
                    return SQUEEZE_LONG;
                out[o++] = ' ';
                pending_space = false;
            }
            if (o + n >= cap)
                return SQUEEZE_LONG;
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
    }
    out[o] = '\0';
    return SQUEEZE_OK;
}

enum form_err form_check_name(const char *in, char out[FORM_NAME_MAX + 1])
{
    if (blank(in))
        return FORM_ERR_NAME_EMPTY;
    switch (squeeze(in, out, FORM_NAME_MAX + 1)) {
    case SQUEEZE_BAD:
        return FORM_ERR_NAME_CHARS;
    case SQUEEZE_LONG:
        return FORM_ERR_NAME_LONG;
    }
    int parts = 0, letters = 0;
    bool short_part = false;
    for (const char *p = out;;) {
        unsigned cp = 0;
        size_t n = *p ? utf8_next(p, &cp) : 0;
        if (*p == '\0' || cp == ' ') {
            if (letters > 0) {
                parts++;
                short_part |= letters < 2;
            }
            if (*p == '\0')
                break;
            letters = 0;
        } else if (is_letter(cp)) {
            letters++;
        } else if (is_arabic_mark(cp)) {
            if (letters == 0)
                return FORM_ERR_NAME_CHARS; /* a mark with no letter to sit on */
        } else if (cp == '-' || cp == '\'') {
            /* Al-Harbi, O'Neil: only between letters. */
            unsigned next;
            if (letters == 0 || utf8_next(p + 1, &next) == 0 || !is_letter(next))
                return FORM_ERR_NAME_CHARS;
        } else {
            return FORM_ERR_NAME_CHARS;
        }
        p += n;
    }
    if (parts < 4)
        return FORM_ERR_NAME_PARTS;
    if (short_part)
        return FORM_ERR_NAME_SHORT;
    return FORM_OK;
}

static enum form_err check_place(const char *in, char *out, enum form_err empty,
                                 enum form_err invalid)
{
    if (blank(in))
        return empty;
    if (squeeze(in, out, FORM_PLACE_MAX + 1) != SQUEEZE_OK)
        return invalid;
    int letters = 0;
    for (const char *p = out; *p != '\0';) {
        unsigned cp;
        size_t n = utf8_next(p, &cp);
        if (is_letter(cp))
            letters++;
        else if (!(is_arabic_mark(cp) || digit_value(cp) >= 0 || cp == ' ' || cp == '-' ||
                   cp == '.' || cp == '\''))
            return invalid;
        p += n;
    }
    return letters >= 2 ? FORM_OK : invalid;
}

enum form_err form_check_city(const char *in, char out[FORM_PLACE_MAX + 1])
{
    return check_place(in, out, FORM_ERR_CITY_EMPTY, FORM_ERR_CITY_INVALID);
}

enum form_err form_check_district(const char *in, char out[FORM_PLACE_MAX + 1])
{
    return check_place(in, out, FORM_ERR_DISTRICT_EMPTY, FORM_ERR_DISTRICT_INVALID);
}

/* --- numbers --- */

enum form_err form_check_family(long long n)
{
    return n >= FORM_FAMILY_MIN && n <= FORM_FAMILY_MAX ? FORM_OK : FORM_ERR_FAMILY_RANGE;
}

enum form_err form_check_income(long long sar)
{
    return sar >= 0 && sar <= FORM_INCOME_MAX ? FORM_OK : FORM_ERR_INCOME_RANGE;
}

enum form_err form_parse_income(const char *in, int64_t *out)
{
    if (blank(in))
        return FORM_ERR_INCOME_FORMAT;
    int64_t v = 0;
    int digits = 0;
    for (const char *p = in; *p != '\0';) {
        unsigned cp;
        size_t n = utf8_next(p, &cp);
        if (n == 0)
            return FORM_ERR_INCOME_FORMAT;
        p += n;
        int d = digit_value(cp);
        if (d >= 0) {
            if (v > (int64_t)FORM_INCOME_MAX * 10)
                return FORM_ERR_INCOME_RANGE; /* stop before overflow */
            v = v * 10 + d;
            digits++;
        } else if (cp == '-' && digits == 0) {
            return FORM_ERR_INCOME_RANGE;
        } else if (!(cp == ',' || cp == 0x66c || is_space(cp))) {
            return FORM_ERR_INCOME_FORMAT; /* ',' and '٬' separate thousands */
        }
    }
    if (digits == 0)
        return FORM_ERR_INCOME_FORMAT;
    if (form_check_income(v) != FORM_OK)
        return FORM_ERR_INCOME_RANGE;
    *out = v;
    return FORM_OK;
}

/* --- choices and free text --- */

enum form_err form_check_support_type(const char *in, const char *const *allowed,
                                      size_t n_allowed)
{
    if (in == NULL || *in == '\0' || strlen(in) > FORM_SUPPORT_MAX)
        return FORM_ERR_SUPPORT_TYPE;
    if (allowed != NULL && n_allowed > 0) {
        for (size_t i = 0; i < n_allowed; i++)
            if (strcmp(in, allowed[i]) == 0)
                return FORM_OK;
        return FORM_ERR_SUPPORT_TYPE;
    }
    for (const char *p = in; *p != '\0'; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return FORM_ERR_SUPPORT_TYPE;
    }
    return FORM_OK;
}

enum form_err form_check_notes(const char *in, char out[FORM_NOTES_MAX + 1])
{
    out[0] = '\0';
    if (blank(in))
        return FORM_OK;
    /* Trim the ends only: line breaks inside notes are the writer's. */
    const char *start = in;
    const char *end = in + strlen(in);
    while (start < end &&
           (*start == ' ' || *start == '\t' || *start == '\n' || *start == '\r'))
        start++;
    while (end > start &&
           (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        end--;
    size_t len = (size_t)(end - start);
    if (len > FORM_NOTES_MAX)
        return FORM_ERR_NOTES_LONG;
    for (size_t i = 0; i < len;) {
        unsigned cp;
        size_t n = utf8_next(start + i, &cp);
        if (n == 0 || i + n > len || (cp < 0x20 && cp != '\n' && cp != '\t') ||
            cp == 0x7f)
            return FORM_ERR_NOTES_LONG;
        i += n;
    }
    memcpy(out, start, len);
    out[len] = '\0';
    return FORM_OK;
}

/* --- the whole form --- */

size_t form_validate(const struct form_input *in, const char *const *support_types,
                     size_t n_support_types, struct form_app *out, enum form_err *errs,
                     size_t max_errs)
{
    size_t n = 0;
    enum form_err e;
    memset(out, 0, sizeof *out);
#define CHECK(expr)                                                                      \
    do {                                                                                 \
        e = (expr);                                                                      \
        if (e != FORM_OK) {                                                              \
            if (n < max_errs)                                                            \
                errs[n] = e;                                                             \
            n++;                                                                         \
        }                                                                                \
    } while (0)
    CHECK(form_check_name(in->name, out->name));
    CHECK(form_check_nid(in->nid, out->nid));
    CHECK(form_check_mobile(in->mobile, out->mobile));
    CHECK(form_check_city(in->city, out->city));
    CHECK(form_check_district(in->district, out->district));
    CHECK(form_check_family(in->family_members));
    out->family_members = (int)in->family_members;
    CHECK(form_check_income(in->income));
    out->income = in->income;
    CHECK(form_housing_parse(in->housing, &out->housing) ? FORM_OK : FORM_ERR_HOUSING);
    CHECK(form_check_support_type(in->support_type, support_types, n_support_types));
    if (e == FORM_OK)
        memcpy(out->support_type, in->support_type, strlen(in->support_type) + 1);
    CHECK(form_check_notes(in->notes, out->notes));
    CHECK(in->declaration ? FORM_OK : FORM_ERR_DECLARATION);
    out->declaration = in->declaration;
#undef CHECK
    return n;
}
