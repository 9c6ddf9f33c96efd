/* The HTTP client and the SSE stream worker against the loopback server: bearer
 * token, reply cap, reconnection with Last-Event-ID, the watchdog, heartbeats that
 * keep a quiet connection alive, and a prompt stop in the middle of a backoff. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "loopback.h"
#include "net.h"
#include "stream.h"
#include "util.h"

#define SSE_HEAD "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\n"

/* What the callbacks saw, filled on the worker thread. */
struct seen {
    pthread_mutex_t lock;
    struct buf events; /* "id:data;" */
    int nevents, connected, disconnected;
    char *last_cause;
};

static void on_event(const struct sse_event *ev, void *arg)
{
    struct seen *s = arg;
    pthread_mutex_lock(&s->lock);
    buf_printf(&s->events, "%s:%s;", ev->id, ev->data);
    s->nevents++;
    pthread_mutex_unlock(&s->lock);
}

static void on_state(enum net_stream_state st, const char *cause, void *arg)
{
    struct seen *s = arg;
    pthread_mutex_lock(&s->lock);
    if (st == NET_STREAM_CONNECTED)
        s->connected++;
    if (st == NET_STREAM_DISCONNECTED) {
        s->disconnected++;
        free(s->last_cause);
        s->last_cause = xstrdup(cause ? cause : "");
    }
    pthread_mutex_unlock(&s->lock);
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Polls until *@field reaches @want or @ms pass. */
static bool wait_for(struct seen *s, int *field, int want, int ms)
{
    long long end = now_ms() + ms;
    for (;;) {
        pthread_mutex_lock(&s->lock);
        int v = *field;
        pthread_mutex_unlock(&s->lock);
        if (v >= want)
            return true;
        if (now_ms() > end)
            return false;
        usleep(10000);
    }
}

static char *url_of(struct loopback *lb, const char *path)
{
    return xasprintf("http://127.0.0.1:%d%s", loopback_port(lb), path);
}

static void seen_free(struct seen *s)
{
    buf_free(&s->events);
    free(s->last_cause);
    pthread_mutex_destroy(&s->lock);
}

static void test_request(void **state)
{
    (void)state;
    static const struct loop_step steps[] = {
        {"HTTP/1.1 201 Created\r\nContent-Length: 11\r\nConnection: close\r\n\r\n"
         "{\"ok\":true}",
         LOOP_CLOSE, 0, 0},
        {"HTTP/1.1 200 OK\r\nContent-Length: 11\r\nConnection: close\r\n\r\n"
         "{\"ok\":true}",
         LOOP_CLOSE, 0, 0},
    };
    struct loopback *lb = loopback_start(steps, 2);
    char *url = url_of(lb, "/api/tickets");
    struct net_reply r;
    char *cause = NULL;

    struct net_request req = {.method = "POST",
                              .url = url,
                              .token = "tok123",
                              .json_body = "{\"service\":\"A\"}"};
    assert_int_equal(net_request(&req, &r, &cause), 0);
    assert_int_equal(r.status, 201);
    assert_string_equal(r.body, "{\"ok\":true}");
    net_reply_free(&r);
    char *sent = loopback_request(lb, 0);
    assert_non_null(strstr(sent, "POST /api/tickets HTTP/1.1\r\n"));
    assert_non_null(strstr(sent, "Authorization: Bearer tok123\r\n"));
    assert_non_null(strstr(sent, "Content-Type: application/json\r\n"));
    free(sent);

    /* A reply bigger than the cap is an error, not a truncated body. */
    struct net_request small = {.url = url, .max_body = 4};
    assert_int_equal(net_request(&small, &r, &cause), -1);
    assert_non_null(strstr(cause, "larger than"));
    free(cause);
    cause = NULL;
    free(url);
    loopback_stop(lb);

    /* Nobody listening: an error with a cause. */
    struct loopback *gone = loopback_start(NULL, 0);
    url = url_of(gone, "/healthz");
    loopback_stop(gone);
    struct net_request refused = {.url = url, .timeout_ms = 2000};
    assert_int_equal(net_request(&refused, &r, &cause), -1);
    assert_non_null(cause);
    free(cause);
    free(url);
}

static void test_reconnect_last_event_id_watchdog(void **state)
{
    (void)state;
    static const struct loop_step steps[] = {
        /* Two events, then the server goes away (a restart). */
        {SSE_HEAD "id: 1\ndata: a\n\nid: 2\ndata: b\n\n", LOOP_CLOSE, 0, 0},
        /* One event, then silence: only the watchdog can notice. */
        {SSE_HEAD "id: 3\ndata: c\n\n", LOOP_HOLD, 0, 0},
        {SSE_HEAD "id: 4\ndata: d\n\n", LOOP_HOLD, 0, 0},
    };
    struct loopback *lb = loopback_start(steps, 3);
    char *url = url_of(lb, "/api/events");
    struct seen s = {.lock = PTHREAD_MUTEX_INITIALIZER};
    struct net_stream_config cfg = {.url = url,
                                    .token = "disp",
                                    .watchdog_ms = 400,
                                    .backoff_min_ms = 20,
                                    .backoff_max_ms = 100};
    char *cause = NULL;
    long long t0 = now_ms();
    net_stream *st = net_stream_start(&cfg, on_event, on_state, &s, &cause);
    assert_non_null(st);
    assert_true(wait_for(&s, &s.nevents, 4, 5000));
    long long took = now_ms() - t0;
    net_stream_stop(st);

    assert_string_equal(s.events.data, "1:a;2:b;3:c;4:d;");
    assert_int_equal(s.connected, 3);
    assert_true(s.disconnected >= 2);
    /* The watchdog, not a timeout elsewhere, ended the silent second connection. */
    assert_true(took >= 400);
    char *r0 = loopback_request(lb, 0), *r1 = loopback_request(lb, 1),
         *r2 = loopback_request(lb, 2);
    assert_non_null(strstr(r0, "Authorization: Bearer disp\r\n"));
    assert_non_null(strstr(r0, "Accept: text/event-stream\r\n"));
    assert_null(strstr(r0, "Last-Event-ID"));
    assert_non_null(strstr(r1, "Last-Event-ID: 2\r\n"));
    assert_non_null(strstr(r2, "Last-Event-ID: 3\r\n"));
    free(r0);
    free(r1);
    free(r2);
    free(url);
    loopback_stop(lb);
    seen_free(&s);
}

static void test_heartbeat_keeps_alive(void **state)
{
    (void)state;
    static const struct loop_step steps[] = {
        {SSE_HEAD "id: 10\ndata: x\n\n", LOOP_HEARTBEAT, 80, 1200},
    };
    struct loopback *lb = loopback_start(steps, 1);
    char *url = url_of(lb, "/api/events");
    struct seen s = {.lock = PTHREAD_MUTEX_INITIALIZER};
    struct net_stream_config cfg = {
        .url = url, .watchdog_ms = 300, .last_event_id = "9", .backoff_min_ms = 20};
    char *cause = NULL;
    net_stream *st = net_stream_start(&cfg, on_event, on_state, &s, &cause);
    assert_true(wait_for(&s, &s.nevents, 1, 3000));
    usleep(900 * 1000); /* three watchdog periods, kept alive by heartbeats only */
    pthread_mutex_lock(&s.lock);
    int disc = s.disconnected;
    pthread_mutex_unlock(&s.lock);
    assert_int_equal(disc, 0);
    assert_int_equal(loopback_count(lb), 1);
    char *r0 = loopback_request(lb, 0);
    assert_non_null(strstr(r0, "Last-Event-ID: 9\r\n")); /* restored id is sent */
    free(r0);
    net_stream_stop(st);
    free(url);
    loopback_stop(lb);
    seen_free(&s);
}

static void test_http_error_backoff_and_stop(void **state)
{
    (void)state;
    static const struct loop_step steps[] = {
        {"HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", LOOP_CLOSE, 0, 0},
    };
    struct loopback *lb = loopback_start(steps, 1);
    char *url = url_of(lb, "/api/events");
    struct seen s = {.lock = PTHREAD_MUTEX_INITIALIZER};
    struct net_stream_config cfg = {
        .url = url, .backoff_min_ms = 20000, .backoff_max_ms = 60000};
    char *cause = NULL;
    net_stream *st = net_stream_start(&cfg, on_event, on_state, &s, &cause);
    assert_true(wait_for(&s, &s.disconnected, 1, 3000));
    assert_string_equal(s.last_cause, "HTTP status 401");
    assert_int_equal(s.connected, 0);
    /* It is now waiting at least 10 s before retrying; stopping must not wait. */
    long long t0 = now_ms();
    net_stream_stop(st);
    assert_true(now_ms() - t0 < 1000);
    assert_int_equal(loopback_count(lb), 1);
    free(url);
    loopback_stop(lb);
    seen_free(&s);
}

int main(void)
{
    if (net_init() != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_request),
        cmocka_unit_test(test_reconnect_last_event_id_watchdog),
        cmocka_unit_test(test_heartbeat_keeps_alive),
        cmocka_unit_test(test_http_error_backoff_and_stop),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    net_cleanup();
    return rc;
}
