/* api-counters — a counter and the actions its staff take: open, close, call next,
 * recall, serve, done, no-show, transfer. Each action works on the ticket the counter
 * currently has (called or serving), commits, publishes its event, then replies. */
#include "api.h"

#include <string.h>

#include "sse.h"

static bool api_counter_number(struct http_req *r, int *out)
{
    int64_t n;

    if (!api_param_id(r, 0, &n) || n > 9999) {
        if (r->status == 0)
            http_reply_not_found(r);
        return false;
    }
    *out = (int)n;
    return true;
}

static json_t *api_counter_json(const struct store_counter *c)
{
    json_t *svcs = json_array();

    for (size_t i = 0; i < c->n_services; i++)
        json_array_append_new(svcs, json_string(c->service_codes[i]));
    return json_pack("{s:i, s:s, s:b, s:o}", "number", c->number, "name", c->name, "open",
                     c->open, "services", svcs);
}

void api_counters_list(struct http_req *r)
{
    struct store_counter *list;
    size_t n;

    if (!api_store_ok(r, store_counters_list(api_store, &list, &n)))
        return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_counter_json(&list[i]));
    free(list);
    http_reply_json(r, 200, json_pack("{s:o}", "counters", a));
}

void api_counters_get(struct http_req *r)
{
    struct store_counter c;
    struct queue_ticket t;
    int num;

    if (!api_counter_number(r, &num) ||
        !api_store_ok(r, store_counter_get(api_store, num, &c)))
        return;
    json_t *o = api_counter_json(&c);
    enum store_err e = store_counter_current(api_store, num, &t);
    if (e == STORE_OK)
        json_object_set_new(o, "current", api_ticket_json(&t, false));
    else if (e == STORE_ERR_NOT_FOUND)
        json_object_set_new(o, "current", json_null());
    else {
        json_decref(o);
        api_store_ok(r, e);
        return;
    }
    http_reply_json(r, 200, o);
}

static void api_counter_set_open(struct http_req *r, bool open)
{
    struct store_counter c;
    int num;

    if (!api_counter_number(r, &num) ||
        !api_store_ok(r, store_counter_set_open(api_store, num, open, api_staff_id(r))) ||
        !api_store_ok(r, store_counter_get(api_store, num, &c)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_counter_json(&c));
}

void api_counters_open(struct http_req *r)
{
    api_counter_set_open(r, true);
}

void api_counters_close(struct http_req *r)
{
    api_counter_set_open(r, false);
}

void api_counters_next(struct http_req *r)
{
    struct queue_ticket t;
    int num;

    if (!api_counter_number(r, &num))
        return;
    enum store_err e = store_call_next(api_store, num, api_staff_id(r), &t);
    if (e == STORE_ERR_CLOSED) {
        /* Calling a number at a counter is opening it: no separate step needed. */
        e = store_counter_set_open(api_store, num, true, api_staff_id(r));
        if (e == STORE_OK)
            e = store_call_next(api_store, num, api_staff_id(r), &t);
    }
    if (e == STORE_OK || e == STORE_ERR_EMPTY)
        sse_notify();
    if (!api_store_ok(r, e))
        return;
    http_reply_json(r, 200, api_ticket_json(&t, false));
}

typedef enum store_err (*api_ticket_action)(struct store *, int64_t, int64_t,
                                            struct queue_ticket *);

/* Applies @act to the counter's current ticket. */
static void api_counter_act(struct http_req *r, api_ticket_action act)
{
    struct queue_ticket cur, t;
    int num;

    if (!api_counter_number(r, &num))
        return;
    enum store_err e = store_counter_current(api_store, num, &cur);
    if (e == STORE_ERR_NOT_FOUND) {
        http_reply_error(r, 409, "no_current", "لا توجد تذكرة حالية عند هذا الشباك",
                         "This counter has no current ticket", NULL);
        return;
    }
    if (!api_store_ok(r, e) ||
        !api_store_ok(r, act(api_store, cur.id, api_staff_id(r), &t)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_ticket_json(&t, false));
}

void api_counters_recall(struct http_req *r)
{
    api_counter_act(r, store_ticket_recall);
}

void api_counters_serve(struct http_req *r)
{
    api_counter_act(r, store_ticket_serve);
}

void api_counters_done(struct http_req *r)
{
    api_counter_act(r, store_ticket_done);
}

void api_counters_no_show(struct http_req *r)
{
    api_counter_act(r, store_ticket_no_show);
}

void api_counters_transfer(struct http_req *r)
{
    struct queue_ticket cur, t;
    const char *to, *note;
    int num;

    if (!api_counter_number(r, &num) || !api_need_body(r))
        return;
    to = json_get_str(r->json, "service", NULL);
    note = json_get_str(r->json, "note", NULL);
    if (to == NULL || strlen(to) >= QUEUE_CODE_SIZE) {
        http_reply_bad_request(r, "service");
        return;
    }
    if (note != NULL && strlen(note) > 500) {
        http_reply_bad_request(r, "note");
        return;
    }
    enum store_err e = store_counter_current(api_store, num, &cur);
    if (e == STORE_ERR_NOT_FOUND) {
        http_reply_error(r, 409, "no_current", "لا توجد تذكرة حالية عند هذا الشباك",
                         "This counter has no current ticket", NULL);
        return;
    }
    if (!api_store_ok(r, e))
        return;
    e = store_ticket_transfer(api_store, cur.id, to, note, api_staff_id(r), &t);
    if (e == STORE_ERR_INVALID) {
        http_reply_error(r, 400, "unknown_service", "الخدمة غير موجودة أو غير متاحة",
                         "Unknown or inactive service", "service");
        return;
    }
    if (!api_store_ok(r, e))
        return;
    sse_notify();
    http_reply_json(r, 200, api_ticket_json(&t, false));
}
