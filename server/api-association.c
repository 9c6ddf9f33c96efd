/* api-association — the association's public details and the display ticker:
 * read by anyone through GET /api/info (kiosks print the name, displays scroll the
 * ticker), edited by the admin through /api/admin/association. The values live in
 * the store (seeded once from dawr.ini); the edit's event tells displays at once. */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "sse.h"

static json_t *api_association_json(const struct store_association *a)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "name_ar", a->name_ar,
                     "name_en", a->name_en, "phone", a->phone, "address_ar",
                     a->address_ar, "address_en", a->address_en, "ticker_ar",
                     a->ticker_ar, "ticker_en", a->ticker_en);
}

void api_info(struct http_req *r)
{
    struct store_association a;

    if (!api_store_ok(r, store_association_get(api_store, &a)))
        return;
    json_t *o = api_association_json(&a);
    json_object_set_new(o, "timezone",
                        json_string(api_settings.tz ? api_settings.tz : QUEUE_DEFAULT_TZ));
    json_object_set_new(o, "version", json_string(DAWR_VERSION));
    http_reply_json(r, 200, o);
}

void api_admin_association_get(struct http_req *r)
{
    struct store_association a;

    if (api_store_ok(r, store_association_get(api_store, &a)))
        http_reply_json(r, 200, api_association_json(&a));
}

/* Copies body field @key into @dst (capacity @cap) when present; false (and a 400
 * naming the field) when it is not a string or too long. Absent keys keep the
 * current value. */
static bool api_assoc_field(struct http_req *r, const char *key, char *dst, size_t cap)
{
    json_t *v = json_object_get(r->json, key);

    if (v == NULL)
        return true;
    if (!json_is_string(v) || json_string_length(v) >= cap ||
        strlen(json_string_value(v)) != json_string_length(v)) {
        http_reply_bad_request(r, key);
        return false;
    }
    snprintf(dst, cap, "%s", json_string_value(v));
    return true;
}

void api_admin_association_put(struct http_req *r)
{
    struct store_association a;

    if (!api_need_body(r) || !api_store_ok(r, store_association_get(api_store, &a)))
        return;
    if (!api_assoc_field(r, "name_ar", a.name_ar, sizeof a.name_ar) ||
        !api_assoc_field(r, "name_en", a.name_en, sizeof a.name_en) ||
        !api_assoc_field(r, "phone", a.phone, sizeof a.phone) ||
        !api_assoc_field(r, "address_ar", a.address_ar, sizeof a.address_ar) ||
        !api_assoc_field(r, "address_en", a.address_en, sizeof a.address_en) ||
        !api_assoc_field(r, "ticker_ar", a.ticker_ar, sizeof a.ticker_ar) ||
        !api_assoc_field(r, "ticker_en", a.ticker_en, sizeof a.ticker_en))
        return;
    if (a.name_ar[0] == '\0') {
        http_reply_bad_request(r, "name_ar");
        return;
    }
    if (!api_store_ok(r, store_association_put(api_store, &a)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_association_json(&a));
}
