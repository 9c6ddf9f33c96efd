/* app — the application (طلب دعم) rules of DESIGN.md §4 that are not field
 * validation: statuses and their legal transitions, reference numbers, due dates.
 * Pure; the store applies them inside its transactions. */
#ifndef DAWR_APP_H
#define DAWR_APP_H

#include <stdbool.h>
#include <stdint.h>

#define APP_REF_SIZE 16 /* "2026-000123" + NUL */
#define APP_DUE_DAYS 14

enum app_status {
    APP_SUBMITTED,
    APP_VERIFIED,
    APP_UNDER_REVIEW,
    APP_ACCEPTED,
    APP_REJECTED,
    APP_NEEDS_INFO,
    APP_STATUS__COUNT
};
/* "submitted", "verified", "under_review", "accepted", "rejected", "needs_info". */
const char *app_status_name(enum app_status s);
const char *app_status_name_ar(enum app_status s); /* «مقدم», «تم التحقق», ... */
bool app_status_parse(const char *s, enum app_status *out);
/* Open = not yet decided (accepted or rejected). */
bool app_status_open(enum app_status s);
/* Legal moves: submitted -> verified | needs_info; verified -> under_review |
 * needs_info; under_review -> accepted | rejected | needs_info; needs_info ->
 * submitted | verified (the beneficiary brought what was missing). */
bool app_can_transition(enum app_status from, enum app_status to);

enum app_channel { APP_CHANNEL_KIOSK, APP_CHANNEL_STAFF, APP_CHANNEL_WEB };
const char *app_channel_name(enum app_channel c); /* "kiosk", "staff", "web" */
bool app_channel_parse(const char *s, enum app_channel *out);

/* "YYYY-NNNNNN" from the year and the yearly serial (1-based). */
void app_reference(int year, int64_t serial, char out[APP_REF_SIZE]);
/* Due time = submitted + @days (APP_DUE_DAYS when <= 0) whole days. */
int64_t app_due_at(int64_t submitted_at, int days);
/* Overdue = still open and now past due. */
bool app_overdue(enum app_status s, int64_t due_at, int64_t now);

#endif
