/* app — application statuses, their legal transitions, reference numbers and due
 * dates (DESIGN.md §4). Pure tables and arithmetic; the store calls these inside
 * its transactions so the rules live in one place. */
#include "app.h"

#include <stdio.h>
#include <string.h>

static const char *const status_names[APP_STATUS__COUNT] = {
    "submitted", "verified", "under_review", "accepted", "rejected", "needs_info",
};

static const char *const status_names_ar[APP_STATUS__COUNT] = {
    "مقدَّم", "تم التحقق", "قيد الدراسة", "مقبول", "مرفوض", "يحتاج معلومات",
};

/* legal[from][to] */
static const bool legal[APP_STATUS__COUNT][APP_STATUS__COUNT] = {
    [APP_SUBMITTED] = {[APP_VERIFIED] = true, [APP_NEEDS_INFO] = true},
    [APP_VERIFIED] = {[APP_UNDER_REVIEW] = true, [APP_NEEDS_INFO] = true},
    [APP_UNDER_REVIEW] =
        {[APP_ACCEPTED] = true, [APP_REJECTED] = true, [APP_NEEDS_INFO] = true},
    [APP_NEEDS_INFO] = {[APP_SUBMITTED] = true, [APP_VERIFIED] = true},
};

static const char *const channel_names[] = {"kiosk", "staff", "web"};

const char *app_status_name(enum app_status s)
{
    return (unsigned)s < APP_STATUS__COUNT ? status_names[s] : "unknown";
}

const char *app_status_name_ar(enum app_status s)
{
    return (unsigned)s < APP_STATUS__COUNT ? status_names_ar[s] : "";
}

bool app_status_parse(const char *s, enum app_status *out)
{
    for (int i = 0; s != NULL && i < APP_STATUS__COUNT; i++) {
        if (strcmp(s, status_names[i]) == 0) {
            *out = (enum app_status)i;
            return true;
        }
    }
    return false;
}

bool app_status_open(enum app_status s)
{
    return s != APP_ACCEPTED && s != APP_REJECTED;
}

bool app_can_transition(enum app_status from, enum app_status to)
{
    if ((unsigned)from >= APP_STATUS__COUNT || (unsigned)to >= APP_STATUS__COUNT)
        return false;
    return legal[from][to];
}

const char *app_channel_name(enum app_channel c)
{
    return (unsigned)c < 3 ? channel_names[c] : "unknown";
}

bool app_channel_parse(const char *s, enum app_channel *out)
{
    for (int i = 0; s != NULL && i < 3; i++) {
        if (strcmp(s, channel_names[i]) == 0) {
            *out = (enum app_channel)i;
            return true;
        }
    }
    return false;
}

void app_reference(int year, int64_t serial, char out[APP_REF_SIZE])
{
    snprintf(out, APP_REF_SIZE, "%04u-%06llu", (unsigned)year % 10000u,
             (unsigned long long)serial % 1000000000ull);
}

int64_t app_due_at(int64_t submitted_at, int days)
{
    if (days <= 0)
        days = APP_DUE_DAYS;
    return submitted_at + (int64_t)days * 86400;
}

bool app_overdue(enum app_status s, int64_t due_at, int64_t now)
{
    return app_status_open(s) && now > due_at;
}
