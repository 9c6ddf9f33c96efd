/* api — the handlers behind the route table, one file per resource (api-*.c), and
 * the few helpers they share: the store they act on, mapping store errors to HTTP,
 * and the JSON shape of a ticket. */
#ifndef DAWR_SERVER_API_H
#define DAWR_SERVER_API_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "http.h"
#include "json.h"
#include "store.h"

/* One kind of support an application may ask for (api-support.c). */
#define API_SUPPORT_MAX 32
struct api_support_type {
    char code[FORM_SUPPORT_MAX + 1]; /* what kiosks send: "food" */
    char name_ar[128];
    char name_en[128];
};

struct api_settings {
    const char *assoc_name_ar, *assoc_name_en, *phone, *address_ar, *address_en, *tz;
    const char *const *support_types; /* codes; NULL = any code form_check accepts */
    size_t n_support_types;
    const struct api_support_type *support; /* n_support_types entries */
};

/* Set once at start, before the daemon; borrowed. */
extern struct store *api_store;
extern struct api_settings api_settings;

/* Replies for a failed store call and returns false; true (no reply) on STORE_OK. */
bool api_store_ok(struct http_req *r, enum store_err e);
/* Reads path parameter @i as a positive integer; replies 404 and returns false when
 * it is not one. */
bool api_param_id(struct http_req *r, int i, int64_t *out);
/* Replies 400 naming @field when the body is missing. */
bool api_need_body(struct http_req *r);

json_t *api_ticket_json(const struct queue_ticket *t, bool with_token);
json_t *api_ticket_view_json(const struct store_ticket_view *v, bool with_token);
json_t *api_service_json(const struct store_service *s);
/* Staff id of the caller, 0 for devices. */
int64_t api_staff_id(const struct http_req *r);
/* The ISO-8601 UTC time of @t, or JSON null for 0. */
json_t *api_time(int64_t t);

/* Sets api_settings' support types from @codes ("food, rent, ..."; NULL or empty =
 * the built-in list), naming each with @name(arg, code, arabic) when it returns a
 * non-empty string, else the built-in name, else the code. Returns 0, or -1 with
 * *@cause (caller frees). Call once, before the daemon starts. */
int api_support_init(const char *codes,
                     const char *(*name)(void *arg, const char *code, bool arabic),
                     void *arg, char **cause);

/* Group commit of ticket issues (api-tickets-batch.c). Starts the writer thread. */
void api_batch_start(void);
void api_batch_stop(void);
/* One queued issue; @done(@arg) runs on the writer thread once its batch committed
 * (or failed), with @err and *@out set; after it the job may be freed. */
struct api_batch_job {
    const struct store_issue *req;
    struct store_ticket_view *out;
    enum store_err err;
    void (*done)(void *arg);
    void *arg;
    struct api_batch_job *next;
};
void api_batch_submit(struct api_batch_job *job);
/* Queues @req, waits until its batch committed (or failed) and returns its result. */
enum store_err api_batch_issue(const struct store_issue *req,
                               struct store_ticket_view *out);

/* SSE frames from the store, for sse_init. */
int64_t api_events_fetch(int64_t after, int max, struct buf *out);

/* Handlers (one per route). */
void api_health(struct http_req *r);
void api_metrics(struct http_req *r);
void api_login(struct http_req *r);
void api_logout(struct http_req *r);
void api_me(struct http_req *r);
void api_services_list(struct http_req *r);
void api_info(struct http_req *r);
void api_support_types(struct http_req *r);
void api_admin_association_get(struct http_req *r);
void api_admin_association_put(struct http_req *r);
void api_tickets_issue(struct http_req *r);
void api_tickets_list(struct http_req *r);
void api_tickets_get(struct http_req *r);
void api_tickets_status(struct http_req *r);
void api_tickets_restore(struct http_req *r);
void api_counters_list(struct http_req *r);
void api_counters_get(struct http_req *r);
void api_counters_open(struct http_req *r);
void api_counters_close(struct http_req *r);
void api_counters_next(struct http_req *r);
void api_counters_recall(struct http_req *r);
void api_counters_serve(struct http_req *r);
void api_counters_done(struct http_req *r);
void api_counters_no_show(struct http_req *r);
void api_counters_transfer(struct http_req *r);
void api_applications_create(struct http_req *r);
void api_applications_list(struct http_req *r);
void api_applications_get(struct http_req *r);
void api_applications_signature(struct http_req *r);
void api_applications_verify(struct http_req *r);
void api_applications_decide(struct http_req *r);
void api_applications_lookup(struct http_req *r);
void api_ratings_add(struct http_req *r);
void api_reports_daily(struct http_req *r);
void api_reports_daily_csv(struct http_req *r);
void api_events_stream(struct http_req *r);
void api_admin_staff_list(struct http_req *r);
void api_admin_staff_create(struct http_req *r);
void api_admin_staff_update(struct http_req *r);
void api_admin_services_list(struct http_req *r);
void api_admin_services_put(struct http_req *r);
void api_admin_counters_put(struct http_req *r);
void api_devices_list(struct http_req *r);
void api_devices_create(struct http_req *r);
void api_devices_revoke(struct http_req *r);
/* A device's own hardware state (api-device-status.c): in memory, latest per device. */
void api_device_status_put(struct http_req *r);
void api_device_status_list(struct http_req *r);

#endif
