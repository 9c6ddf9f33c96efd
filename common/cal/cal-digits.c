/* cal-digits — integers in Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) through ICU's number
 * formatter with the "arab" numbering system, grouping off: ticket numbers, counts
 * and years are read digit by digit, never as "١٬٤٤٦". */
#include <unicode/unum.h>

#include "cal.h"
#include "cal-icu.h"

char *cal_arabic_int(long n)
{
    UErrorCode err = U_ZERO_ERROR;
    UNumberFormat *nf;
    UChar text[64];
    int32_t len;
    char *out = NULL;

    nf = unum_open(UNUM_DECIMAL, NULL, 0, "ar@numbers=arab", NULL, &err);
    if (U_FAILURE(err))
        return NULL;
    unum_setAttribute(nf, UNUM_GROUPING_USED, 0);
    len = unum_formatInt64(nf, (int64_t)n, text, 64, NULL, &err);
    if (U_SUCCESS(err))
        out = cal_icu_to_utf8(text, len);
    unum_close(nf);
    return out;
}
