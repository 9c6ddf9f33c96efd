/* api-services — the services a kiosk offers, with how many wait for each, plus the
 * health and metrics endpoints (the association's details: api-association.c). */
#include "api.h"

#include "metrics.h"

json_t *api_service_json(const struct store_service *s)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:b, s:f, s:b, s:i, s:i, s:i}", "code",
                     s->code, "prefix", s->prefix, "name_ar", s->name_ar, "name_en",
                     s->name_en, "needs_application", s->needs_application, "weight",
                     s->weight, "active", s->active, "sort", s->sort, "waiting",
                     s->waiting, "open_counters", s->open_counters);
}

static void api_services_reply(struct http_req *r, bool inactive)
{
    struct store_service *list;
    size_t n;

    if (!api_store_ok(r, store_services_list(api_store, inactive, &list, &n)))
        return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_service_json(&list[i]));
    free(list);
    http_reply_json(r, 200, json_pack("{s:o}", "services", a));
}

void api_services_list(struct http_req *r)
{
    api_services_reply(r, false);
}

void api_admin_services_list(struct http_req *r)
{
    api_services_reply(r, true);
}

void api_health(struct http_req *r)
{
    http_reply_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

void api_metrics(struct http_req *r)
{
    struct buf b = {0};

    metrics_render(&b);
    http_reply_data(r, 200, "text/plain; version=0.0.4", b.data, b.len);
    buf_free(&b);
}
