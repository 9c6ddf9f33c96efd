/* errors — what each prn_err means, in Arabic and English, for kiosk and staff.
 *
 * The Arabic text is what a visitor at the kiosk reads, so it says what to do, not
 * what went wrong inside.
 */
#include "prn.h"

static const struct {
    const char *name, *ar, *en;
} messages[PRN_ERR_COUNT] = {
    [PRN_OK] = {"ok", "تمت الطباعة", "Printed"},
    [PRN_ERR_PAPER_OUT] = {"paper-out", "نفد ورق الطابعة، يرجى إبلاغ الموظف",
                           "The printer is out of paper"},
    [PRN_ERR_PAPER_NEAR_END] = {"paper-near-end", "ورق الطابعة على وشك النفاد",
                                "The printer's paper is nearly used up"},
    [PRN_ERR_COVER_OPEN] = {"cover-open", "غطاء الطابعة مفتوح",
                            "The printer's cover is open"},
    [PRN_ERR_OFFLINE] = {"offline", "الطابعة غير متصلة", "The printer is offline"},
    [PRN_ERR_CUTTER] = {"cutter", "عطل في قاطع الورق", "The paper cutter failed"},
    [PRN_ERR_MECHANISM] = {"mechanism", "عطل في الطابعة، يرجى إبلاغ الموظف",
                           "The printer reported an error"},
    [PRN_ERR_TIMEOUT] = {"timeout", "الطابعة لا تستجيب",
                         "The printer did not respond in time"},
    [PRN_ERR_UNPLUGGED] = {"unplugged", "الطابعة مفصولة", "The printer was unplugged"},
    [PRN_ERR_NOT_FOUND] = {"not-found", "لم يتم العثور على الطابعة",
                           "No printer was found"},
    [PRN_ERR_ACCESS] = {"access", "لا يمكن الوصول إلى الطابعة",
                        "The printer cannot be accessed (permissions or in use)"},
    [PRN_ERR_IO] = {"io", "خطأ في الاتصال بالطابعة",
                    "Communication with the printer failed"},
    [PRN_ERR_BAD_DEVICE] = {"bad-device", "إعداد الطابعة غير صحيح",
                            "The printer device setting is malformed"},
    [PRN_ERR_BAD_TICKET] = {"bad-ticket", "بيانات التذكرة غير مكتملة",
                            "The ticket is missing required fields"},
    [PRN_ERR_FONTS] = {"fonts", "تعذر تحميل الخطوط", "The fonts could not be loaded"},
    [PRN_ERR_UNSUPPORTED] = {"unsupported", "هذه الطابعة لا تدعم هذه العملية",
                             "This printer does not support that"},
};

static int valid(prn_err err)
{
    return (int)err >= 0 && err < PRN_ERR_COUNT;
}

const char *prn_strerror_ar(prn_err err)
{
    return valid(err) ? messages[err].ar : "خطأ غير معروف في الطابعة";
}

const char *prn_strerror_en(prn_err err)
{
    return valid(err) ? messages[err].en : "Unknown printer error";
}

const char *prn_err_name(prn_err err)
{
    return valid(err) ? messages[err].name : "unknown";
}
