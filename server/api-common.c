/* api-common — what every handler shares: the store, store errors as HTTP replies,
 * and the JSON shape of a ticket. */
#include "api.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct store *api_store;
struct api_settings api_settings;

bool api_store_ok(struct http_req *r, enum store_err e)
{
    switch (e) {
    case STORE_OK:
        return true;
    case STORE_ERR_NOT_FOUND:
        http_reply_not_found(r);
        break;
    case STORE_ERR_EXISTS:
        http_reply_error(r, 409, "exists", "موجود مسبقاً", "Already exists", NULL);
        break;
    case STORE_ERR_STATE:
        http_reply_error(r, 409, "state", "لا يمكن تنفيذ هذا الإجراء في الحالة الحالية",
                         "Not possible in the current state", NULL);
        break;
    case STORE_ERR_INVALID:
        http_reply_bad_request(r, NULL);
        break;
    case STORE_ERR_EMPTY:
        http_reply_empty(r, 204);
        break;
    case STORE_ERR_CLOSED:
        http_reply_error(r, 409, "closed", "الشباك مغلق", "The counter is closed", NULL);
        break;
    case STORE_ERR_BUSY:
        http_reply_error(r, 503, "busy", "النظام مشغول، حاول مرة أخرى",
                         "Busy, please try again", NULL);
        break;
    default:
        http_reply_error(r, 500, "internal", "خطأ داخلي", "Internal error", NULL);
        break;
    }
    return false;
}

bool api_param_id(struct http_req *r, int i, int64_t *out)
{
    char *end;
    long long v = strtoll(r->params[i], &end, 10);

    if (*end != '\0' || v <= 0 || r->params[i][0] == '+' || r->params[i][0] == '-') {
        http_reply_not_found(r);
        return false;
    }
    *out = v;
    return true;
}

bool api_need_body(struct http_req *r)
{
    if (r->json != NULL)
        return true;
    http_reply_error(r, 400, "bad_json", "صيغة البيانات غير صحيحة",
                     "A JSON object body is required", NULL);
    return false;
}

json_t *api_time(int64_t t)
{
    char s[32];
    time_t tt = (time_t)t;
    struct tm tm;

    if (t == 0)
        return json_null();
    gmtime_r(&tt, &tm);
    strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return json_string(s);
}

int64_t api_staff_id(const struct http_req *r)
{
    return r->who.kind == AUTH_STAFF ? r->who.id : 0;
}

json_t *api_ticket_json(const struct queue_ticket *t, bool with_token)
{
    json_t *o =
        json_pack("{s:I, s:s, s:s, s:i, s:s, s:b, s:s, s:i, s:i}", "id",
                  (json_int_t)t->id, "label", t->label, "service", t->service, "number",
                  t->number, "state", queue_state_name(t->state), "priority", t->priority,
                  "day", t->day, "counter", t->counter, "recalls", t->recalls);

    json_object_set_new(o, "issued_at", api_time(t->issued_at));
    json_object_set_new(o, "called_at", api_time(t->called_at));
    json_object_set_new(o, "served_at", api_time(t->served_at));
    json_object_set_new(o, "done_at", api_time(t->done_at));
    json_object_set_new(o, "origin_id",
                        t->origin_id ? json_integer(t->origin_id) : json_null());
    json_object_set_new(o, "application_id",
                        t->application_id ? json_integer(t->application_id)
                                          : json_null());
    /* Staff replies only: the public status reply and event payloads are built
     * elsewhere and never carry the note. */
    json_object_set_new(o, "note", t->note[0] ? json_string(t->note) : json_null());
    if (with_token)
        json_object_set_new(o, "token", json_string(t->token));
    return o;
}

json_t *api_ticket_view_json(const struct store_ticket_view *v, bool with_token)
{
    json_t *o = api_ticket_json(&v->t, with_token);

    json_object_set_new(o, "position", json_integer(v->position));
    json_object_set_new(o, "people_ahead", json_integer(v->people_ahead));
    json_object_set_new(o, "wait_min_s", json_integer(v->wait.low));
    json_object_set_new(o, "wait_max_s", json_integer(v->wait.high));
    return o;
}
