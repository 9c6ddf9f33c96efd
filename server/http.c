/* http — the libmicrohttpd daemon: accepts connections, collects the body under its
 * cap, hands the request to http_dispatch, turns the reply into a response, logs one
 * line and counts it for /metrics.
 *
 * A small epoll thread pool (HTTP_THREADS) serves every connection. Nothing waits
 * on a pool thread: a ticket issue suspends its connection until its group commit
 * resumes it (http_defer), and an SSE client with nothing to send suspends until
 * sse_notify or its heartbeat resumes it. One thread per connection spent most of
 * the server's time switching between threads (two or three switches a request). */
#include "http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "log.h"
#include "metrics.h"
#include "sse.h"

#define HTTP_THREADS 2

struct http_conn {
    struct buf body;
    bool too_big;
    bool deferred; /* suspended, waiting for r.wake */
    struct timespec start;
    struct http_req r;
    char peer[INET6_ADDRSTRLEN + 1];
};

static struct MHD_Daemon *http_daemon;
static pthread_mutex_t http_defer_lock = PTHREAD_MUTEX_INITIALIZER;
static int http_deferred; /* suspended connections waiting for a wake */

static void http_wake(struct http_req *r)
{
    MHD_resume_connection(r->wake_ctx);
}

static const char *http_mhd_lookup(void *ctx, int kind, const char *key)
{
    return MHD_lookup_connection_value(
        ctx, kind == 0 ? MHD_HEADER_KIND : MHD_GET_ARGUMENT_KIND, key);
}

static double http_ms_since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void http_peer(struct MHD_Connection *c, char *out, size_t n)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

    snprintf(out, n, "?");
    if (ci == NULL || ci->client_addr == NULL)
        return;
    if (ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, out,
                  (socklen_t)n);
    else if (ci->client_addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
                  out, (socklen_t)n);
}

static enum MHD_Result http_queue(struct MHD_Connection *c, struct http_req *r)
{
    struct MHD_Response *resp;
    enum MHD_Result ret;

    if (r->stream != NULL) {
        sse_client_attach(r->stream, c);
        resp = MHD_create_response_from_callback(
            MHD_SIZE_UNKNOWN, 16 * 1024, sse_client_read, r->stream, sse_client_free);
        r->stream = NULL; /* libmicrohttpd frees it now */
        MHD_add_response_header(resp, "Content-Type", "text/event-stream");
        MHD_add_response_header(resp, "Cache-Control", "no-cache");
        MHD_add_response_header(resp, "X-Accel-Buffering", "no");
    } else {
        size_t len = r->reply.len;
        char *data = buf_take(&r->reply);
        resp = MHD_create_response_from_buffer(len, data != NULL ? data : xstrdup(""),
                                               MHD_RESPMEM_MUST_FREE);
        if (r->content_type != NULL)
            MHD_add_response_header(resp, "Content-Type", r->content_type);
        if (r->route != NULL)
            MHD_add_response_header(resp, "Cache-Control", "no-store");
    }
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    if (r->set_cookie != NULL)
        MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
    if (r->content_disposition != NULL)
        MHD_add_response_header(resp, "Content-Disposition", r->content_disposition);
    ret = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result http_access(void *cls, struct MHD_Connection *c, const char *url,
                                   const char *method, const char *version,
                                   const char *upload_data, size_t *upload_size,
                                   void **con_cls)
{
    struct http_conn *hc = *con_cls;
    struct http_req *r;
    enum MHD_Result ret;

    (void)cls;
    (void)version;
    if (hc == NULL) {
        const char *cl =
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
        hc = xcalloc(1, sizeof *hc);
        clock_gettime(CLOCK_MONOTONIC, &hc->start);
        *con_cls = hc;
        if (cl != NULL && strtoull(cl, NULL, 10) > HTTP_BODY_MAX)
            hc->too_big = true;
        return MHD_YES;
    }
    r = &hc->r;
    if (hc->deferred) {
        /* Resumed: the work it waited for is done. */
        hc->deferred = false;
        pthread_mutex_lock(&http_defer_lock);
        http_deferred--;
        pthread_mutex_unlock(&http_defer_lock);
        r->defer_finish(r, r->defer_arg);
        r->defer_finish = NULL;
        goto answer;
    }
    if (*upload_size > 0) {
        if (!hc->too_big && hc->body.len + *upload_size <= HTTP_BODY_MAX)
            buf_append(&hc->body, upload_data, *upload_size);
        else
            hc->too_big = true;
        *upload_size = 0;
        return MHD_YES;
    }

    memset(r, 0, sizeof *r);
    r->method = method;
    r->path = url;
    r->body = hc->body.data;
    r->body_len = hc->body.len;
    r->lookup = http_mhd_lookup;
    r->lookup_ctx = c;
    r->wake = http_wake;
    r->wake_ctx = c;
    http_peer(c, hc->peer, sizeof hc->peer);
    r->peer = hc->peer;
    if (hc->too_big)
        http_reply_error(r, 413, "too_large", "حجم الطلب أكبر من المسموح",
                         "The request body is too large", NULL);
    else
        http_dispatch(r);
    if (r->defer_start != NULL) {
        /* Suspended before the work is handed off, so its wake cannot come first. */
        hc->deferred = true;
        pthread_mutex_lock(&http_defer_lock);
        http_deferred++;
        pthread_mutex_unlock(&http_defer_lock);
        MHD_suspend_connection(c);
        r->defer_start(r, r->defer_arg);
        r->defer_start = NULL;
        return MHD_YES;
    }
answer:;
    /* Logged and counted by route pattern; static files as one name, the rest "-". */
    const char *pattern = r->route != NULL   ? r->route->pattern
                          : r->status == 200 ? "static"
                                             : "-";
    double ms = http_ms_since(&hc->start);
    metrics_count(pattern, r->status, ms);
    log_request(method, pattern, r->status, ms);
    ret = http_queue(c, r);
    http_req_clear(r);
    memset(r, 0, sizeof *r);
    return ret;
}

static void http_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                           enum MHD_RequestTerminationCode toe)
{
    struct http_conn *hc = *con_cls;

    (void)cls;
    (void)c;
    (void)toe;
    if (hc == NULL)
        return;
    http_req_clear(&hc->r);
    buf_free(&hc->body);
    free(hc);
    *con_cls = NULL;
}

/* Parses "ADDR:PORT" (IPv4, or "[v6]:PORT"); -1 when malformed. */
static int http_parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len)
{
    const char *colon = strrchr(s, ':');
    char host[64];
    long port;
    char *end;

    if (colon == NULL || (size_t)(colon - s) >= sizeof host)
        return -1;
    port = strtol(colon + 1, &end, 10);
    if (*end != '\0' || port < 0 || port > 65535)
        return -1;
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    memset(ss, 0, sizeof *ss);
    if (host[0] == '[') {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        size_t hl = strlen(host);
        if (hl < 2 || host[hl - 1] != ']')
            return -1;
        host[hl - 1] = '\0';
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1)
            return -1;
        *len = sizeof *a;
        return 0;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)ss;
    a->sin_family = AF_INET;
    a->sin_port = htons((uint16_t)port);
    if (host[0] == '\0' || strcmp(host, "*") == 0)
        a->sin_addr.s_addr = htonl(INADDR_ANY);
    else if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
        return -1;
    *len = sizeof *a;
    return 0;
}

int http_start(const char *listen_addr, const char *web_root, char **cause)
{
    struct sockaddr_storage ss;
    socklen_t len;
    unsigned flags;

    if (http_parse_listen(listen_addr, &ss, &len) != 0) {
        *cause = xasprintf("bad listen address: %s", listen_addr);
        return -1;
    }
    flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
            (ss.ss_family == AF_INET6 ? MHD_USE_IPv6 : 0);
    http_static_set_root(web_root);
    http_daemon = MHD_start_daemon(
        flags, 0, NULL, NULL, http_access, NULL, MHD_OPTION_SOCK_ADDR,
        (struct sockaddr *)&ss, MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)4000, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned)120, MHD_OPTION_THREAD_POOL_SIZE, (unsigned)HTTP_THREADS,
        MHD_OPTION_THREAD_STACK_SIZE, (size_t)(512 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, http_completed, NULL, MHD_OPTION_END);
    if (http_daemon == NULL) {
        *cause = xasprintf("cannot listen on %s", listen_addr);
        return -1;
    }
    return 0;
}

void http_stop(void)
{
    if (http_daemon == NULL)
        return;
    /* No connection may stay suspended when the daemon stops: SSE clients are
     * resumed by sse_shutdown, ticket issues by their batch (a few ms). */
    sse_shutdown();
    for (int i = 0; i < 500; i++) {
        pthread_mutex_lock(&http_defer_lock);
        int n = http_deferred;
        pthread_mutex_unlock(&http_defer_lock);
        if (n == 0)
            break;
        usleep(10 * 1000);
    }
    usleep(20 * 1000); /* let the pool take the resumed connections back */
    MHD_stop_daemon(http_daemon);
    http_daemon = NULL;
    http_static_set_root(NULL);
}
