/* route — THE route table. Adding an endpoint is one handler in an api-*.c file and
 * one line here; who may call it is decided here and nowhere else. docs/api.md
 * describes every line, and tests/integration/server walks this table (through
 * `dawr-server --print-routes`) to check each refusal. */
#include "route.h"

#include "api.h"

#define STAFF ROUTE_STAFF
#define DEV ROUTE_DEVICE
#define EITHER ROUTE_DEVICE_OR_STAFF
#define PUBLIC ROUTE_PUBLIC
#define ADM ROLE_ADMIN
#define MGR ROLE_MANAGER
#define REC ROLE_RECEPTION
#define RES ROLE_RESEARCHER
#define CSRF true
#define NOCSRF false

/* Who staffs a counter: reception and the social researcher (and admin, to test). */
#define COUNTER_ROLES (ADM | REC | RES)

const struct route route_table[] = {
    {"GET", "/healthz", api_health, PUBLIC, 0, 0, NOCSRF},
    {"GET", "/metrics", api_metrics, PUBLIC, 0, 0, NOCSRF},
    {"GET", "/api/info", api_info, PUBLIC, 0, 0, NOCSRF},

    {"POST", "/api/login", api_login, PUBLIC, 0, 0, NOCSRF},
    {"POST", "/api/logout", api_logout, STAFF, ROLE_ANY, 0, CSRF},
    {"GET", "/api/me", api_me, STAFF, ROLE_ANY, 0, NOCSRF},

    {"GET", "/api/services", api_services_list, EITHER, ROLE_ANY, DEVICE_ANY, NOCSRF},
    {"GET", "/api/support-types", api_support_types, EITHER, ROLE_ANY, DEVICE_ANY,
     NOCSRF},
    {"GET", "/api/events", api_events_stream, EITHER, ROLE_ANY, DEVICE_ANY, NOCSRF},

    {"POST", "/api/tickets", api_tickets_issue, EITHER, ADM | REC, DEVICE_KIOSK, CSRF},
    {"GET", "/api/tickets", api_tickets_list, STAFF, ROLE_ANY, 0, NOCSRF},
    {"GET", "/api/tickets/status/{token}", api_tickets_status, PUBLIC, 0, 0, NOCSRF},
    {"GET", "/api/tickets/{id}", api_tickets_get, STAFF, ROLE_ANY, 0, NOCSRF},
    {"POST", "/api/tickets/{id}/restore", api_tickets_restore, STAFF, COUNTER_ROLES, 0,
     CSRF},

    {"GET", "/api/counters", api_counters_list, EITHER, ROLE_ANY, DEVICE_DISPLAY, NOCSRF},
    {"GET", "/api/counters/{number}", api_counters_get, STAFF, ROLE_ANY, 0, NOCSRF},
    {"POST", "/api/counters/{number}/open", api_counters_open, STAFF, COUNTER_ROLES, 0,
     CSRF},
    {"POST", "/api/counters/{number}/close", api_counters_close, STAFF, COUNTER_ROLES, 0,
     CSRF},
    {"POST", "/api/counters/{number}/next", api_counters_next, STAFF, COUNTER_ROLES, 0,
     CSRF},
    {"POST", "/api/counters/{number}/recall", api_counters_recall, STAFF, COUNTER_ROLES,
     0, CSRF},
    {"POST", "/api/counters/{number}/serve", api_counters_serve, STAFF, COUNTER_ROLES, 0,
     CSRF},
    {"POST", "/api/counters/{number}/done", api_counters_done, STAFF, COUNTER_ROLES, 0,
     CSRF},
    {"POST", "/api/counters/{number}/no-show", api_counters_no_show, STAFF, COUNTER_ROLES,
     0, CSRF},
    {"POST", "/api/counters/{number}/transfer", api_counters_transfer, STAFF,
     COUNTER_ROLES, 0, CSRF},

    {"POST", "/api/applications", api_applications_create, EITHER, REC | RES,
     DEVICE_KIOSK, CSRF},
    {"GET", "/api/applications", api_applications_list, STAFF, MGR | REC | RES, 0,
     NOCSRF},
    {"POST", "/api/applications/status", api_applications_lookup, PUBLIC, 0, 0, NOCSRF},
    {"GET", "/api/applications/{id}", api_applications_get, STAFF, MGR | REC | RES, 0,
     NOCSRF},
    {"GET", "/api/applications/{id}/signature", api_applications_signature, STAFF,
     REC | RES, 0, NOCSRF},
    {"POST", "/api/applications/{id}/verify", api_applications_verify, STAFF, REC | RES,
     0, CSRF},
    {"POST", "/api/applications/{id}/decide", api_applications_decide, STAFF, RES, 0,
     CSRF},

    {"POST", "/api/ratings", api_ratings_add, PUBLIC, 0, 0, NOCSRF},

    {"GET", "/api/reports/daily", api_reports_daily, STAFF, ADM | MGR, 0, NOCSRF},
    {"GET", "/api/reports/daily.csv", api_reports_daily_csv, STAFF, ADM | MGR, 0, NOCSRF},

    {"GET", "/api/admin/staff", api_admin_staff_list, STAFF, ADM, 0, NOCSRF},
    {"POST", "/api/admin/staff", api_admin_staff_create, STAFF, ADM, 0, CSRF},
    {"PATCH", "/api/admin/staff/{id}", api_admin_staff_update, STAFF, ADM, 0, CSRF},
    {"GET", "/api/admin/services", api_admin_services_list, STAFF, ADM | MGR, 0, NOCSRF},
    {"PUT", "/api/admin/services/{code}", api_admin_services_put, STAFF, ADM, 0, CSRF},
    {"PUT", "/api/admin/counters/{number}", api_admin_counters_put, STAFF, ADM, 0, CSRF},
    {"GET", "/api/admin/association", api_admin_association_get, STAFF, ADM, 0, NOCSRF},
    {"PUT", "/api/admin/association", api_admin_association_put, STAFF, ADM, 0, CSRF},
    {"GET", "/api/admin/devices", api_devices_list, STAFF, ADM, 0, NOCSRF},
    {"POST", "/api/admin/devices", api_devices_create, STAFF, ADM, 0, CSRF},
    {"DELETE", "/api/admin/devices/{id}", api_devices_revoke, STAFF, ADM, 0, CSRF},
    {"POST", "/api/devices/self/status", api_device_status_put, DEV, 0, DEVICE_KIOSK,
     NOCSRF},
    {"GET", "/api/devices/status", api_device_status_list, STAFF, ROLE_ANY, 0, NOCSRF},

    {NULL, NULL, NULL, PUBLIC, 0, 0, NOCSRF},
};
