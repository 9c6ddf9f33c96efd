/* cal-icu — what cal's files share about ICU: locales and the zone check.
 * Private to common/cal. */
#ifndef DAWR_CAL_ICU_H
#define DAWR_CAL_ICU_H

#include <stdbool.h>
#include <unicode/utypes.h>

/* Locales that pick the calendar system; the language part only matters to
 * formatting. Umm al-Qura is the Saudi civil Hijri calendar. */
#define CAL_ICU_HIJRI "ar_SA@calendar=islamic-umalqura"
#define CAL_ICU_GREGORIAN "en_US@calendar=gregorian"

/* Converts @tz (NULL: CAL_DEFAULT_TZ) to UTF-16 in @out; false if ICU does not know
 * the zone. */
bool cal_icu_zone(const char *tz, UChar *out, int cap);

/* UTF-16 → newly allocated UTF-8 (caller frees); NULL on malformed input. */
char *cal_icu_to_utf8(const UChar *s, int len);

#endif
