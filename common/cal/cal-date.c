/* cal-date — the calendar fields of an instant: ICU's Umm al-Qura and Gregorian
 * calendars opened on the requested zone. Also the zone check every entry point uses,
 * because ICU quietly falls back to GMT for a name it does not know, and a kiosk
 * printing yesterday's date on a ticket is worse than one that refuses to start. */
#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "cal.h"
#include "cal-icu.h"

bool cal_icu_zone(const char *tz, UChar *out, int cap)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar canon[128];
    UBool system = 0;

    if (tz == NULL)
        tz = CAL_DEFAULT_TZ;
    u_strFromUTF8(out, cap, NULL, tz, -1, &err);
    if (U_FAILURE(err) || err == U_STRING_NOT_TERMINATED_WARNING)
        return false;
    ucal_getCanonicalTimeZoneID(out, -1, canon, 128, &system, &err);
    return U_SUCCESS(err) && system;
}

bool cal_tz_valid(const char *tz)
{
    UChar zone[128];

    return cal_icu_zone(tz, zone, 128);
}

/* Fills @out from a calendar of @locale (which names the calendar system). */
static bool cal_date_from(time_t t, const char *tz, const char *locale,
                          struct cal_date *out)
{
    UErrorCode err = U_ZERO_ERROR;
    UChar zone[128];
    UCalendar *cal;

    if (out == NULL || !cal_icu_zone(tz, zone, 128))
        return false;
    cal = ucal_open(zone, -1, locale, UCAL_DEFAULT, &err);
    if (U_FAILURE(err))
        return false;
    ucal_setMillis(cal, (UDate)t * 1000.0, &err);
    out->year = ucal_get(cal, UCAL_YEAR, &err);
    out->month = ucal_get(cal, UCAL_MONTH, &err) + 1;
    out->day = ucal_get(cal, UCAL_DATE, &err);
    ucal_close(cal);
    return U_SUCCESS(err);
}

bool cal_hijri_from_time(time_t t, const char *tz, struct cal_date *out)
{
    return cal_date_from(t, tz, CAL_ICU_HIJRI, out);
}

bool cal_gregorian_from_time(time_t t, const char *tz, struct cal_date *out)
{
    return cal_date_from(t, tz, CAL_ICU_GREGORIAN, out);
}
