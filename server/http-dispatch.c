/* http-dispatch — from a parsed request to a handler's reply, without the HTTP library.
 *
 * The order is the security argument: find the route, establish who is calling
 * (bearer token or session cookie), refuse with 401 when nobody and 403 when the
 * wrong kind, role or a missing CSRF token, decode the body under its depth cap, and
 * only then run the handler. Keeping this free of libmicrohttpd lets the fuzz target
 * and the route-walk test exercise exactly the code the daemon runs. */
#include "http.h"

#include <string.h>

#include <sodium.h>

#include "json.h"
#include "sse.h"

const char *http_header(struct http_req *r, const char *name)
{
    return r->lookup != NULL ? r->lookup(r->lookup_ctx, 0, name) : NULL;
}

const char *http_query(struct http_req *r, const char *name)
{
    return r->lookup != NULL ? r->lookup(r->lookup_ctx, 1, name) : NULL;
}

void http_reply_data(struct http_req *r, int status, const char *content_type,
                     const char *data, size_t len)
{
    r->status = status;
    r->content_type = content_type;
    r->reply.len = 0;
    buf_append(&r->reply, data, len);
}

void http_reply_json(struct http_req *r, int status, json_t *body)
{
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    r->reply.len = 0;
    json_encode(&r->reply, body);
    json_decref(body);
}

void http_reply_error(struct http_req *r, int status, const char *code,
                      const char *message_ar, const char *message_en, const char *field)
{
    http_reply_json(r, status, json_error_new(code, message_ar, message_en, field));
}

void http_reply_empty(struct http_req *r, int status)
{
    r->status = status;
    r->content_type = NULL;
    r->reply.len = 0;
}

void http_reply_bad_request(struct http_req *r, const char *field)
{
    http_reply_error(r, 400, "invalid", "البيانات المرسلة غير صحيحة",
                     "The request is invalid", field);
}

void http_reply_not_found(struct http_req *r)
{
    http_reply_error(r, 404, "not_found", "غير موجود", "Not found", NULL);
}

/* Establishes r->who from the Authorization header or the session cookie. */
static void http_identify(struct http_req *r)
{
    const char *authz = http_header(r, "Authorization");
    const char *cookie = http_header(r, "Cookie");
    char tok[AUTH_TOKEN_LEN + 1];

    memset(&r->who, 0, sizeof r->who);
    if (authz != NULL && strncmp(authz, "Bearer ", 7) == 0) {
        if (!auth_device_lookup(authz + 7, &r->who))
            memset(&r->who, 0, sizeof r->who);
        return;
    }
    if (cookie != NULL && auth_cookie_token(cookie, tok) != NULL) {
        if (!auth_session_lookup(tok, &r->who))
            memset(&r->who, 0, sizeof r->who);
        sodium_memzero(tok, sizeof tok);
    }
}

/* Applies the route's auth rule; replies and returns false when refused. */
static bool http_allowed(struct http_req *r)
{
    const struct route *rt = r->route;
    bool kind_ok;

    if (rt->auth == ROUTE_PUBLIC)
        return true;
    if (r->who.kind == AUTH_NONE) {
        http_reply_error(r, 401, "unauthenticated", "يلزم تسجيل الدخول",
                         "Authentication required", NULL);
        return false;
    }
    if (r->who.kind == AUTH_STAFF)
        kind_ok = (rt->auth == ROUTE_STAFF || rt->auth == ROUTE_DEVICE_OR_STAFF) &&
                  (rt->roles & r->who.role) != 0;
    else
        kind_ok = (rt->auth == ROUTE_DEVICE || rt->auth == ROUTE_DEVICE_OR_STAFF) &&
                  (rt->device_kinds & r->who.dev_kind) != 0;
    if (!kind_ok) {
        http_reply_error(r, 403, "forbidden", "ليست لديك صلاحية لهذا الإجراء",
                         "You are not allowed to do this", NULL);
        return false;
    }
    if (r->who.kind == AUTH_STAFF && rt->csrf) {
        const char *t = http_header(r, "X-CSRF-Token");
        if (t == NULL || strlen(t) != AUTH_TOKEN_LEN ||
            sodium_memcmp(t, r->who.csrf, AUTH_TOKEN_LEN) != 0) {
            http_reply_error(r, 403, "csrf", "رمز الحماية مفقود أو غير صحيح",
                             "Missing or wrong CSRF token", NULL);
            return false;
        }
    }
    return true;
}

void http_dispatch(struct http_req *r)
{
    enum route_match m = route_find(r->method, r->path, &r->route, r->params);

    if (m == ROUTE_NOT_FOUND) {
        r->route = NULL;
        if ((strcmp(r->method, "GET") == 0 || strcmp(r->method, "HEAD") == 0) &&
            strncmp(r->path, "/api/", 5) != 0 && http_static_serve(r))
            return;
        http_reply_not_found(r);
        return;
    }
    if (m == ROUTE_BAD_METHOD) {
        r->route = NULL;
        http_reply_error(r, 405, "method_not_allowed", "الطريقة غير مسموحة",
                         "Method not allowed", NULL);
        return;
    }
    http_identify(r);
    if (!http_allowed(r))
        return;
    if (r->body_len > 0) {
        r->json = json_decode_body(r->body, r->body_len);
        if (r->json == NULL) {
            http_reply_error(r, 400, "bad_json", "صيغة البيانات غير صحيحة",
                             "The body is not a valid JSON object", NULL);
            return;
        }
    }
    r->route->handler(r);
    if (r->status == 0 && r->defer_start == NULL) /* a deferred reply comes later */
        http_reply_error(r, 500, "internal", "خطأ داخلي", "Internal error", NULL);
}

void http_req_clear(struct http_req *r)
{
    json_decref(r->json);
    r->json = NULL;
    buf_free(&r->reply);
    free(r->set_cookie);
    free(r->content_disposition);
    r->set_cookie = r->content_disposition = NULL;
    sse_client_free(r->stream);
    r->stream = NULL;
    sodium_memzero(&r->who, sizeof r->who);
}
