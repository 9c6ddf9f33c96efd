/* api-admin — staff accounts, services and counters, for the admin role. Passwords
 * arrive in the body, are hashed here with argon2id and never stored or echoed. */
#include "api.h"

#include <string.h>

#include <sodium.h>

#include "sse.h"

static json_t *api_staff_json(const struct store_staff *s)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:b}", "id", (json_int_t)s->id, "username",
                     s->username, "display_name", s->display_name, "role",
                     store_role_name(s->role), "active", s->active);
}

void api_admin_staff_list(struct http_req *r)
{
    struct store_staff *list;
    size_t n;

    if (!api_store_ok(r, store_staff_list(api_store, &list, &n)))
        return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_staff_json(&list[i]));
    sodium_memzero(list, n * sizeof *list);
    free(list);
    http_reply_json(r, 200, json_pack("{s:o}", "staff", a));
}

/* Checks and hashes a new password; replies and returns false when unusable. */
static bool api_admin_password(struct http_req *r, const char *pw,
                               char hash[AUTH_PWHASH_MAX])
{
    if (pw == NULL || strlen(pw) < 8 || strlen(pw) > 256) {
        http_reply_error(r, 400, "weak_password",
                         "كلمة المرور يجب أن تكون ٨ أحرف على الأقل",
                         "The password must have at least 8 characters", "password");
        return false;
    }
    if (auth_password_hash(pw, hash) != 0) {
        http_reply_error(r, 503, "busy", "النظام مشغول، حاول مرة أخرى",
                         "Busy, please try again", NULL);
        return false;
    }
    return true;
}

void api_admin_staff_create(struct http_req *r)
{
    const char *user, *name, *role, *pw;
    enum store_role sr;
    char hash[AUTH_PWHASH_MAX];
    struct store_staff s;
    int64_t id;

    if (!api_need_body(r))
        return;
    user = json_get_str(r->json, "username", NULL);
    name = json_get_str(r->json, "display_name", user);
    role = json_get_str(r->json, "role", NULL);
    pw = json_get_str(r->json, "password", NULL);
    if (user == NULL || user[0] == '\0' || strlen(user) >= sizeof s.username) {
        http_reply_bad_request(r, "username");
        return;
    }
    if (strlen(name) >= sizeof s.display_name) {
        http_reply_bad_request(r, "display_name");
        return;
    }
    if (role == NULL || !store_role_parse(role, &sr)) {
        http_reply_bad_request(r, "role");
        return;
    }
    if (!api_admin_password(r, pw, hash) ||
        !api_store_ok(r, store_staff_create(api_store, user, name, sr, hash, &id)) ||
        !api_store_ok(r, store_staff_get(api_store, id, &s)))
        return;
    sse_notify();
    http_reply_json(r, 201, api_staff_json(&s));
}

void api_admin_staff_update(struct http_req *r)
{
    struct store_staff s;
    const char *role, *pw;
    json_t *active;
    char hash[AUTH_PWHASH_MAX];
    int64_t id;

    if (!api_param_id(r, 0, &id) || !api_need_body(r) ||
        !api_store_ok(r, store_staff_get(api_store, id, &s)))
        return;
    role = json_get_str(r->json, "role", NULL);
    pw = json_get_str(r->json, "password", NULL);
    active = json_object_get(r->json, "active");
    if (role != NULL) {
        enum store_role sr;
        if (!store_role_parse(role, &sr)) {
            http_reply_bad_request(r, "role");
            return;
        }
        if (!api_store_ok(r, store_staff_set_role(api_store, id, sr)))
            return;
    }
    if (pw != NULL && (!api_admin_password(r, pw, hash) ||
                       !api_store_ok(r, store_staff_set_password(api_store, id, hash))))
        return;
    if (json_is_boolean(active) &&
        !api_store_ok(r, store_staff_set_active(api_store, id, json_is_true(active))))
        return;
    /* A changed role, password or a disabled account ends the open sessions. */
    if (role != NULL || pw != NULL || json_is_false(active))
        auth_session_destroy_user(id);
    if (!api_store_ok(r, store_staff_get(api_store, id, &s)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_staff_json(&s));
}

void api_admin_services_put(struct http_req *r)
{
    struct store_service s;
    const char *v;
    json_t *j;

    if (!api_need_body(r))
        return;
    enum store_err e = store_service_get(api_store, r->params[0], &s);
    if (e == STORE_ERR_NOT_FOUND) {
        memset(&s, 0, sizeof s);
        if (strlen(r->params[0]) >= sizeof s.code) {
            http_reply_bad_request(r, "code");
            return;
        }
        memcpy(s.code, r->params[0], strlen(r->params[0]) + 1); /* length checked above */
        snprintf(s.prefix, sizeof s.prefix, "%.7s", r->params[0]);
        s.weight = 1.0;
        s.active = true;
    } else if (!api_store_ok(r, e))
        return;
    if ((v = json_get_str(r->json, "prefix", NULL)) != NULL)
        snprintf(s.prefix, sizeof s.prefix, "%s", v);
    if ((v = json_get_str(r->json, "name_ar", NULL)) != NULL)
        snprintf(s.name_ar, sizeof s.name_ar, "%s", v);
    if ((v = json_get_str(r->json, "name_en", NULL)) != NULL)
        snprintf(s.name_en, sizeof s.name_en, "%s", v);
    if (json_is_boolean(j = json_object_get(r->json, "needs_application")))
        s.needs_application = json_is_true(j);
    if (json_is_boolean(j = json_object_get(r->json, "active")))
        s.active = json_is_true(j);
    if (json_is_number(j = json_object_get(r->json, "weight")))
        s.weight = json_number_value(j);
    if (json_is_integer(j = json_object_get(r->json, "sort")))
        s.sort = (int)json_integer_value(j);
    if (s.weight <= 0 || s.weight > 100) {
        http_reply_bad_request(r, "weight");
        return;
    }
    if (!api_store_ok(r, store_service_put(api_store, &s)) ||
        !api_store_ok(r, store_service_get(api_store, s.code, &s)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_service_json(&s));
}

void api_admin_counters_put(struct http_req *r)
{
    struct store_counter c;
    struct store_service svc;
    json_t *svcs;
    const char *name;
    int64_t num;

    if (!api_param_id(r, 0, &num) || !api_need_body(r))
        return;
    enum store_err e = store_counter_get(api_store, (int)num, &c);
    if (e == STORE_ERR_NOT_FOUND) {
        memset(&c, 0, sizeof c);
        c.number = (int)num;
        snprintf(c.name, sizeof c.name, "%lld", (long long)num);
    } else if (!api_store_ok(r, e))
        return;
    if ((name = json_get_str(r->json, "name", NULL)) != NULL) {
        if (strlen(name) >= sizeof c.name) {
            http_reply_bad_request(r, "name");
            return;
        }
        snprintf(c.name, sizeof c.name, "%s", name);
    }
    svcs = json_object_get(r->json, "services");
    if (svcs != NULL) {
        size_t i;
        json_t *v;
        if (!json_is_array(svcs) || json_array_size(svcs) > STORE_COUNTER_SERVICES) {
            http_reply_bad_request(r, "services");
            return;
        }
        c.n_services = 0;
        json_array_foreach(svcs, i, v)
        {
            if (!json_is_string(v) ||
                store_service_get(api_store, json_string_value(v), &svc) != STORE_OK) {
                http_reply_bad_request(r, "services");
                return;
            }
            c.services[c.n_services] = svc.id;
            snprintf(c.service_codes[c.n_services], QUEUE_CODE_SIZE, "%s", svc.code);
            c.n_services++;
        }
    }
    if (!api_store_ok(r, store_counter_put(api_store, &c)) ||
        !api_store_ok(r, store_counter_get(api_store, (int)num, &c)))
        return;
    sse_notify();
    json_t *a = json_array();
    for (size_t i = 0; i < c.n_services; i++)
        json_array_append_new(a, json_string(c.service_codes[i]));
    http_reply_json(r, 200,
                    json_pack("{s:i, s:s, s:b, s:o}", "number", c.number, "name", c.name,
                              "open", c.open, "services", a));
}
