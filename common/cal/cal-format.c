/* cal-format — dates and times as text, through ICU date formats with fixed
 * patterns (so the output does not drift with a locale's preferred "medium" style),
 * in Arabic or English, in any zone.
 *
 * One exception to "ICU's names": English Hijri month names. CLDR transliterates
 * them academically ("Rabiʻ II", "Jumada I"); Saudi English usage, and our tickets,
 * follow the Arabic names ICU gives for ar_SA («ربيع الآخر» → "Rabi' al-Akhir"), so
 * the English formatter gets those twelve names through udat_setSymbols(). */
#include <stdlib.h>

#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "cal.h"
#include "cal-icu.h"
#include "util.h"

static const char *cal_hijri_months_en[12] = {
    "Muharram",       "Safar",         "Rabi' al-Awwal",
    "Rabi' al-Akhir", "Jumada al-Ula", "Jumada al-Akhirah",
    "Rajab",          "Sha'ban",       "Ramadan",
    "Shawwal",        "Dhu al-Qi'dah", "Dhu al-Hijjah",
};

/* Pattern per style; Arabic dates carry their era («هـ», «م»), English Gregorian
 * dates do not (as in "20 October 2024"). */
static const char *cal_pattern(cal_style style, cal_lang lang)
{
    bool en = lang == CAL_EN;

    switch (style) {
    case CAL_HIJRI_SHORT:
        return "dd/MM/y G";
    case CAL_HIJRI_LONG:
        return "d MMMM y G";
    case CAL_GREGORIAN_SHORT:
        return en ? "dd/MM/y" : "dd/MM/y G";
    case CAL_GREGORIAN_LONG:
        return en ? "d MMMM y" : "d MMMM y G";
    case CAL_TIME:
        return "h:mm a";
    case CAL_WEEKDAY:
        return "EEEE";
    }
    return NULL;
}

static const char *cal_locale(cal_style style, cal_lang lang)
{
    bool hijri = style == CAL_HIJRI_SHORT || style == CAL_HIJRI_LONG;

    switch (lang) {
    case CAL_AR:
        return hijri ? "ar_SA@calendar=islamic-umalqura;numbers=arab"
                     : "ar_SA@calendar=gregorian;numbers=arab";
    case CAL_AR_LATN:
        return hijri ? "ar_SA@calendar=islamic-umalqura;numbers=latn"
                     : "ar_SA@calendar=gregorian;numbers=latn";
    case CAL_EN:
        return hijri ? "en_US@calendar=islamic-umalqura" : "en_US@calendar=gregorian";
    }
    return NULL;
}

static bool cal_set_english_hijri_months(UDateFormat *df)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar name[32];

    for (int i = 0; i < 12; i++) {
        u_strFromUTF8(name, 32, NULL, cal_hijri_months_en[i], -1, &err);
        udat_setSymbols(df, UDAT_MONTHS, i, name, -1, &err);
    }
    return U_SUCCESS(err);
}

char *cal_icu_to_utf8(const UChar *s, int len)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    char *out;

    u_strToUTF8(NULL, 0, &n, s, len, &err);
    if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
        return NULL;
    err = U_ZERO_ERROR;
    out = xmalloc((size_t)n + 1);
    u_strToUTF8(out, n + 1, NULL, s, len, &err);
    if (U_FAILURE(err)) {
        free(out);
        return NULL;
    }
    return out;
}

char *cal_format(time_t t, const char *tz, cal_style style, cal_lang lang)
{
    const char *pattern = cal_pattern(style, lang);
    const char *locale = cal_locale(style, lang);
    UErrorCode err = U_ZERO_ERROR;
    UChar zone[128], upattern[32], text[128];
    UDateFormat *df;
    int32_t len;
    char *out = NULL;

    if (pattern == NULL || locale == NULL || !cal_icu_zone(tz, zone, 128))
        return NULL;
    u_strFromUTF8(upattern, 32, NULL, pattern, -1, &err);
    df = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, zone, -1, upattern, -1, &err);
    if (U_FAILURE(err))
        return NULL;
    if (lang == CAL_EN && style == CAL_HIJRI_LONG && !cal_set_english_hijri_months(df))
        goto out;
    len = udat_format(df, (UDate)t * 1000.0, text, 128, NULL, &err);
    if (U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING)
        out = cal_icu_to_utf8(text, len);
out:
    udat_close(df);
    return out;
}
