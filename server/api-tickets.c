/* api-tickets — issuing tickets (kiosk), listing and reading them (staff), the
 * public status page behind a ticket's QR code, and restoring a no-show. */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "sse.h"

#define API_IDEM_MAX 128

/* A deferred issue: its request, result and batch job live until the reply. */
struct api_issue {
    struct store_issue req;
    struct store_ticket_view v;
    struct api_batch_job job;
    struct http_req *r;
};

static void api_tickets_reply(struct http_req *r, enum store_err e,
                              const struct store_ticket_view *v)
{
    if (e == STORE_ERR_INVALID) {
        http_reply_error(r, 400, "unknown_service", "الخدمة غير موجودة أو غير متاحة",
                         "Unknown or inactive service", "service");
        return;
    }
    if (!api_store_ok(r, e))
        return;
    json_t *o = api_ticket_view_json(v, true);
    json_object_set_new(o, "replayed", json_boolean(v->replayed));
    http_reply_json(r, v->replayed ? 200 : 201, o);
}

static void api_tickets_wake(void *arg)
{
    struct api_issue *is = arg;

    is->r->wake(is->r);
}

static void api_tickets_start(struct http_req *r, void *arg)
{
    (void)r;
    api_batch_submit(&((struct api_issue *)arg)->job);
}

static void api_tickets_finish(struct http_req *r, void *arg)
{
    struct api_issue *is = arg;

    api_tickets_reply(r, is->job.err, &is->v);
    free(is);
}

void api_tickets_issue(struct http_req *r)
{
    struct store_issue req = {0};
    struct store_ticket_view v;
    const char *idem = http_header(r, "Idempotency-Key");
    json_t *prio;

    if (!api_need_body(r))
        return;
    req.service = json_get_str(r->json, "service", NULL);
    prio = json_object_get(r->json, "priority");
    if (req.service == NULL || strlen(req.service) >= QUEUE_CODE_SIZE) {
        http_reply_bad_request(r, "service");
        return;
    }
    if (prio != NULL && !json_is_boolean(prio)) {
        http_reply_bad_request(r, "priority");
        return;
    }
    if (idem != NULL && (strlen(idem) == 0 || strlen(idem) > API_IDEM_MAX)) {
        http_reply_bad_request(r, "Idempotency-Key");
        return;
    }
    req.priority = json_is_true(prio);
    req.idem_key = idem;
    req.device_id = r->who.kind == AUTH_DEVICE ? r->who.id : 0;
    req.application_id = json_get_int(r->json, "application_id", 0);
    if (r->wake != NULL) {
        /* The strings in req stay valid: r->json and the headers live until the
         * request is answered. */
        struct api_issue *is = xcalloc(1, sizeof *is);
        is->req = req;
        is->r = r;
        is->job.req = &is->req;
        is->job.out = &is->v;
        is->job.done = api_tickets_wake;
        is->job.arg = is;
        http_defer(r, api_tickets_start, api_tickets_finish, is);
        return;
    }
    api_tickets_reply(r, api_batch_issue(&req, &v), &v);
}

void api_tickets_list(struct http_req *r)
{
    const char *svc = http_query(r, "service"), *st = http_query(r, "state");
    enum queue_state state;
    struct queue_ticket *list;
    size_t n;

    if (st != NULL && !queue_state_parse(st, &state)) {
        http_reply_bad_request(r, "state");
        return;
    }
    if (!api_store_ok(r, store_tickets_today(api_store, svc, st != NULL ? (int)state : -1,
                                             &list, &n)))
        return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_ticket_json(&list[i], false));
    free(list);
    http_reply_json(r, 200, json_pack("{s:o}", "tickets", a));
}

void api_tickets_get(struct http_req *r)
{
    struct store_ticket_view v;
    int64_t id;

    if (!api_param_id(r, 0, &id) || !api_store_ok(r, store_ticket_get(api_store, id, &v)))
        return;
    http_reply_json(r, 200, api_ticket_view_json(&v, false));
}

/* Public: the token is the credential, and the reply holds nothing personal. */
void api_tickets_status(struct http_req *r)
{
    struct store_ticket_view v;

    if (strlen(r->params[0]) != QUEUE_TOKEN_SIZE - 1) {
        http_reply_not_found(r);
        return;
    }
    if (!api_store_ok(r, store_ticket_by_token(api_store, r->params[0], &v)))
        return;
    http_reply_json(
        r, 200,
        json_pack("{s:s, s:s, s:s, s:i, s:i, s:I, s:I}", "label", v.t.label, "service",
                  v.t.service, "state", queue_state_name(v.t.state), "counter",
                  v.t.counter, "position", v.position, "wait_min_s",
                  (json_int_t)v.wait.low, "wait_max_s", (json_int_t)v.wait.high));
}

void api_tickets_restore(struct http_req *r)
{
    struct queue_ticket t;
    int64_t id;

    if (!api_param_id(r, 0, &id) ||
        !api_store_ok(r, store_ticket_restore(api_store, id, api_staff_id(r), &t)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_ticket_json(&t, false));
}
