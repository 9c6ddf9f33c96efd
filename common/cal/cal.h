/* cal — Hijri (Umm al-Qura) and Gregorian dates and times, and Arabic-Indic digits.
 * A thin layer over ICU's calendars and formatters; Asia/Riyadh unless told otherwise.
 *
 * Every function that takes @tz accepts an Olson name ("Asia/Riyadh") or NULL for
 * CAL_DEFAULT_TZ, and fails (false/NULL) on a zone ICU does not know rather than
 * silently using GMT. Strings returned are UTF-8, newly allocated; the caller frees.
 */
#ifndef DAWR_CAL_H
#define DAWR_CAL_H

#include <stdbool.h>
#include <time.h>

#define CAL_DEFAULT_TZ "Asia/Riyadh"

/* A civil date: month 1-12, day 1-31 (Hijri: 1-30). */
struct cal_date {
    int year, month, day;
};

/* The Umm al-Qura (Hijri) date of instant @t in zone @tz. */
bool cal_hijri_from_time(time_t t, const char *tz, struct cal_date *out);
/* The Gregorian date of instant @t in zone @tz. */
bool cal_gregorian_from_time(time_t t, const char *tz, struct cal_date *out);

/* The language of formatted text. Arabic uses ICU's ar_SA names: Hijri months as in
 * Umm al-Qura («ربيع الآخر», «جمادى الأولى»), Gregorian months as Saudi print and
 * government sites write them («يناير» … «ديسمبر», not the Levantine «كانون»),
 * eras «هـ» and «م», «ص»/«م» for AM/PM. */
typedef enum {
    CAL_AR,      /* Arabic, Arabic-Indic digits: ١٧ ربيع الآخر ١٤٤٦ هـ */
    CAL_AR_LATN, /* Arabic, European digits:     17 ربيع الآخر 1446 هـ */
    CAL_EN,      /* English:                     17 Rabi' al-Akhir 1446 AH */
} cal_lang;

typedef enum {
    CAL_HIJRI_SHORT, /* ١٧/٠٤/١٤٤٦ هـ       17/04/1446 AH */
    CAL_HIJRI_LONG, /* ١٧ ربيع الآخر ١٤٤٦ هـ 17 Rabi' al-Akhir 1446 AH */
    CAL_GREGORIAN_SHORT, /* ٢٠/١٠/٢٠٢٤ م        20/10/2024 */
    CAL_GREGORIAN_LONG,  /* ٢٠ أكتوبر ٢٠٢٤ م     20 October 2024 */
    CAL_TIME,            /* ١٠:٣٠ ص             10:30 AM */
    CAL_WEEKDAY,         /* الأحد                Sunday */
} cal_style;

/* Formats instant @t in zone @tz. Returns NULL if @tz is unknown or ICU fails.
 * Caller frees. */
char *cal_format(time_t t, const char *tz, cal_style style, cal_lang lang);

/* @n in Arabic-Indic digits without grouping ("١٤٤٦"); caller frees. */
char *cal_arabic_int(long n);

/* True if ICU knows zone @tz (NULL means CAL_DEFAULT_TZ). */
bool cal_tz_valid(const char *tz);

#endif
