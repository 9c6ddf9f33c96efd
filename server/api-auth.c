/* api-auth — staff login, logout and "who am I".
 *
 * A failed login answers the same whatever was wrong (unknown name, wrong password,
 * disabled account) and costs the same argon2id verification, so neither the reply
 * nor its timing tells which names exist. */
#include "api.h"

#include <pthread.h>
#include <string.h>

#include <sodium.h>

static pthread_once_t api_auth_once = PTHREAD_ONCE_INIT;
static char api_auth_dummy[AUTH_PWHASH_MAX];

static void api_auth_make_dummy(void)
{
    char pw[AUTH_TOKEN_LEN + 1];

    auth_token_new(pw);
    if (auth_password_hash(pw, api_auth_dummy) != 0)
        api_auth_dummy[0] = '\0';
}

static json_t *api_auth_user_json(const struct auth_who *w, const char *display_name)
{
    return json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)w->id, "username", w->name,
                     "display_name", display_name, "role", route_role_name(w->role));
}

void api_login(struct http_req *r)
{
    const char *user, *pass;
    struct store_staff s;
    struct auth_who who;
    char token[AUTH_TOKEN_LEN + 1];
    bool ok;

    if (!api_need_body(r))
        return;
    user = json_get_str(r->json, "username", NULL);
    pass = json_get_str(r->json, "password", NULL);
    if (user == NULL || pass == NULL || strlen(user) >= sizeof s.username) {
        http_reply_bad_request(r, user == NULL ? "username" : "password");
        return;
    }
    if (!auth_login_allowed(user, r->peer)) {
        http_reply_error(r, 429, "rate_limited", "محاولات دخول كثيرة خاطئة، حاول لاحقاً",
                         "Too many failed logins; try again later", NULL);
        return;
    }
    pthread_once(&api_auth_once, api_auth_make_dummy);
    if (store_staff_get_by_username(api_store, user, &s) == STORE_OK) {
        ok = auth_password_verify(s.password_hash, pass) && s.active;
    } else {
        auth_password_verify(api_auth_dummy, pass);
        ok = false;
    }
    if (!ok) {
        auth_login_failed(user, r->peer);
        sodium_memzero(&s, sizeof s);
        http_reply_error(r, 401, "bad_login", "اسم المستخدم أو كلمة المرور غير صحيحة",
                         "Wrong username or password", NULL);
        return;
    }
    auth_login_succeeded(user);
    memset(&who, 0, sizeof who);
    who.kind = AUTH_STAFF;
    who.id = s.id;
    who.role = route_role_from_name(store_role_name(s.role));
    snprintf(who.name, sizeof who.name, "%s", s.username);
    auth_session_create(&who, token);
    r->set_cookie = xasprintf("%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200",
                              AUTH_COOKIE, token);
    sodium_memzero(token, sizeof token);
    json_t *o = json_pack("{s:s}", "csrf", who.csrf);
    json_object_set_new(o, "user", api_auth_user_json(&who, s.display_name));
    sodium_memzero(&s, sizeof s);
    sodium_memzero(&who, sizeof who);
    http_reply_json(r, 200, o);
}

void api_logout(struct http_req *r)
{
    auth_session_destroy(r->who.session_hash);
    r->set_cookie =
        xasprintf("%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", AUTH_COOKIE);
    http_reply_empty(r, 204);
}

void api_me(struct http_req *r)
{
    struct store_staff s;

    if (!api_store_ok(r, store_staff_get(api_store, r->who.id, &s)))
        return;
    json_t *o = json_pack("{s:s}", "csrf", r->who.csrf);
    json_object_set_new(o, "user", api_auth_user_json(&r->who, s.display_name));
    sodium_memzero(&s, sizeof s);
    http_reply_json(r, 200, o);
}
