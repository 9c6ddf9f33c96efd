/* api-devices — kiosks and displays. Creating one returns its bearer token once; only
 * the token's hash is stored, so a lost token means a new device, not a lookup. */
#include "api.h"

#include <string.h>

#include <sodium.h>

#include "sse.h"

static json_t *api_device_json(const struct store_device *d)
{
    json_t *o =
        json_pack("{s:I, s:s, s:s, s:b}", "id", (json_int_t)d->id, "name", d->name,
                  "kind", store_device_kind_name(d->kind), "revoked", d->revoked);
    json_object_set_new(o, "created_at", api_time(d->created_at));
    json_object_set_new(o, "last_seen_at", api_time(d->last_seen_at));
    return o;
}

void api_devices_list(struct http_req *r)
{
    struct store_device *list;
    size_t n;

    if (!api_store_ok(r, store_devices_list(api_store, &list, &n)))
        return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_device_json(&list[i]));
    free(list);
    http_reply_json(r, 200, json_pack("{s:o}", "devices", a));
}

void api_devices_create(struct http_req *r)
{
    const char *name, *kind;
    enum store_device_kind k;
    char token[AUTH_TOKEN_LEN + 1], hash[AUTH_HASH_LEN + 1];
    int64_t id;

    if (!api_need_body(r))
        return;
    name = json_get_str(r->json, "name", NULL);
    kind = json_get_str(r->json, "kind", NULL);
    if (name == NULL || name[0] == '\0' || strlen(name) >= 64) {
        http_reply_bad_request(r, "name");
        return;
    }
    if (kind == NULL || !store_device_kind_parse(kind, &k)) {
        http_reply_bad_request(r, "kind");
        return;
    }
    auth_token_new(token);
    auth_token_hash(token, hash);
    if (!api_store_ok(r, store_device_create(api_store, name, k, hash, &id)))
        return;
    sse_notify();
    http_reply_json(r, 201,
                    json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)id, "name", name,
                              "kind", kind, "token", token));
    sodium_memzero(token, sizeof token);
}

void api_devices_revoke(struct http_req *r)
{
    int64_t id;

    if (!api_param_id(r, 0, &id) || !api_store_ok(r, store_device_revoke(api_store, id)))
        return;
    auth_device_forget_all();
    sse_notify();
    http_reply_empty(r, 204);
}
