/* http — one request as handlers see it, and the calls they use to answer it.
 * The libmicrohttpd daemon lives in http.c; http-dispatch.c turns a request into a
 * route, checks who is calling, decodes the body and runs the handler. */
#ifndef DAWR_SERVER_HTTP_H
#define DAWR_SERVER_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#include "auth.h"
#include "route.h"
#include "util.h"

#define HTTP_BODY_MAX (256 * 1024) /* a signature image fits; nothing else is near it */

struct sse_client;

/* Looks up a request header (kind 0) or query argument (kind 1); NULL when absent.
 * The returned string is borrowed for the request's lifetime. */
typedef const char *(*http_lookup_fn)(void *ctx, int kind, const char *key);

struct http_req {
    /* Set by the caller of http_dispatch. */
    const char *method;
    const char *path;
    const char *body; /* not NUL-terminated */
    size_t body_len;
    http_lookup_fn lookup;
    void *lookup_ctx;
    const char *peer; /* client address as text, for rate limiting */

    /* Set by http_dispatch before the handler runs. */
    const struct route *route;
    char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
    json_t *json; /* the decoded body, or NULL when there was none */
    struct auth_who who;

    /* The reply, filled by the handler through http_reply_*. */
    int status;
    struct buf reply;
    const char *content_type;
    char *set_cookie;          /* owned */
    char *content_disposition; /* owned */
    struct sse_client *stream; /* owned; a text/event-stream reply when set */

    /* A deferred reply (http_defer). @wake is set by a caller that can suspend the
     * connection (http.c); without it handlers answer before returning. */
    void (*wake)(struct http_req *r);
    void *wake_ctx;
    void (*defer_start)(struct http_req *r, void *arg);
    void (*defer_finish)(struct http_req *r, void *arg);
    void *defer_arg;
};

/* For a handler whose reply waits on another thread (r->wake set): the caller
 * suspends the connection, then runs @start(@r, @arg), which hands the work off;
 * whoever finishes it calls r->wake(r) (once); back on a server thread the caller
 * runs @finish(@r, @arg), which fills the reply and frees @arg. No thread waits. */
static inline void http_defer(struct http_req *r,
                              void (*start)(struct http_req *, void *),
                              void (*finish)(struct http_req *, void *), void *arg)
{
    r->defer_start = start;
    r->defer_finish = finish;
    r->defer_arg = arg;
}

/* Routes and runs @r; always leaves a reply in it. */
void http_dispatch(struct http_req *r);
/* Frees what dispatch and the handler attached to @r (not @r itself). */
void http_req_clear(struct http_req *r);

const char *http_header(struct http_req *r, const char *name);
const char *http_query(struct http_req *r, const char *name);

/* Replies; @body is stolen (decref'd here). */
void http_reply_json(struct http_req *r, int status, json_t *body);
void http_reply_error(struct http_req *r, int status, const char *code,
                      const char *message_ar, const char *message_en, const char *field);
void http_reply_data(struct http_req *r, int status, const char *content_type,
                     const char *data, size_t len);
void http_reply_empty(struct http_req *r, int status);

/* Common refusals, so the wording is the same everywhere. */
void http_reply_bad_request(struct http_req *r, const char *field);
void http_reply_not_found(struct http_req *r);

/* Serves GET @r->path from the web root (index.html for "/"); false when there is
 * no such file, leaving @r untouched. */
bool http_static_serve(struct http_req *r);
void http_static_set_root(const char *dir);

/* The daemon. Returns -1 with *@cause set when it cannot listen. */
int http_start(const char *listen_addr, const char *web_root, char **cause);
void http_stop(void);

#endif
