/* stream — the SSE worker. Owns a curl multi handle (so a stop request or the
 * watchdog can interrupt a transfer at once through curl_multi_wakeup/poll), the
 * parser that keeps the last event ID across connections, and the backoff state.
 *
 * Backoff: the delay starts at backoff_min (or the server's retry: value), doubles
 * after every failed attempt up to backoff_max, and the actual wait is uniformly
 * drawn from [delay/2, delay] so a room of displays does not reconnect in lockstep
 * after a server restart. A connection that delivered data resets the delay. */
#include "stream.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

struct net_stream {
    char *url, *auth;
    long watchdog_ms, backoff_min_ms, backoff_max_ms, connect_timeout_ms;
    net_stream_event_cb on_event;
    net_stream_state_cb on_state;
    void *arg;

    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool stop;           /* under lock */
    CURLM *multi;        /* created before the thread; wakeup is thread-safe */
    unsigned reconnects; /* under lock */

    /* Worker-only state. */
    sse_parser *parser;
    long status;
    bool connected, got_data;
    long long last_activity_ms;
    unsigned seed;
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static bool should_stop(net_stream *s)
{
    pthread_mutex_lock(&s->lock);
    bool stop = s->stop;
    pthread_mutex_unlock(&s->lock);
    return stop;
}

static void on_sse_event(const struct sse_event *ev, void *arg)
{
    net_stream *s = arg;
    s->on_event(ev, s->arg);
}

static void on_sse_comment(const char *text, void *arg)
{
    (void)text; /* a heartbeat: its arrival already reset the watchdog */
    (void)arg;
}

/* Header lines: remember the status; the blank line ends the headers. */
static size_t on_header(char *ptr, size_t size, size_t nmemb, void *arg)
{
    net_stream *s = arg;
    size_t n = size * nmemb;
    s->last_activity_ms = now_ms();
    if (n >= 5 && memcmp(ptr, "HTTP/", 5) == 0) {
        const char *sp = memchr(ptr, ' ', n);
        s->status = sp ? strtol(sp + 1, NULL, 10) : 0;
    } else if ((n == 2 && ptr[0] == '\r') || (n == 1 && ptr[0] == '\n')) {
        if (s->status == 200 && !s->connected) {
            s->connected = true;
            s->on_state(NET_STREAM_CONNECTED, NULL, s->arg);
        }
    }
    return n;
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *arg)
{
    net_stream *s = arg;
    size_t n = size * nmemb;
    s->last_activity_ms = now_ms();
    if (s->status != 200)
        return n; /* an error page; the status says what went wrong */
    s->got_data = true;
    if (sse_parser_feed(s->parser, ptr, n, NULL) != 0)
        return 0; /* oversized line: drop this connection */
    return n;
}

/* One connection, until it ends, the watchdog fires or stop is requested. Returns a
 * cause the caller frees, or NULL when stopped. */
static char *run_connection(net_stream *s)
{
    CURL *c = curl_easy_init();
    struct curl_slist *hdrs = NULL;
    char *lei = NULL, *cause = NULL;

    if (c == NULL)
        return xstrdup("cannot create a curl handle");
    sse_parser_reset(s->parser);
    s->status = 0;
    s->connected = false;
    s->got_data = false;
    s->last_activity_ms = now_ms();

    hdrs = curl_slist_append(hdrs, "Accept: text/event-stream");
    hdrs = curl_slist_append(hdrs, "Cache-Control: no-cache");
    if (s->auth)
        hdrs = curl_slist_append(hdrs, s->auth);
    const char *id = sse_parser_last_id(s->parser);
    if (id[0] != '\0') {
        lei = xasprintf("Last-Event-ID: %s", id);
        hdrs = curl_slist_append(hdrs, lei);
    }
    curl_easy_setopt(c, CURLOPT_URL, s->url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, s->connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, s);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_multi_add_handle(s->multi, c);

    for (;;) {
        int running = 0;
        curl_multi_perform(s->multi, &running);
        int left;
        CURLMsg *m;
        while ((m = curl_multi_info_read(s->multi, &left)) != NULL) {
            if (m->msg != CURLMSG_DONE)
                continue;
            if (m->data.result != CURLE_OK)
                cause = xasprintf("%s", curl_easy_strerror(m->data.result));
            else if (s->status != 200)
                cause = xasprintf("HTTP status %ld", s->status);
            else
                cause = xstrdup("stream closed by the server");
        }
        if (cause != NULL || !running) {
            if (cause == NULL)
                cause = xstrdup("stream closed");
            break;
        }
        if (should_stop(s))
            break;
        long long idle = now_ms() - s->last_activity_ms;
        if (idle >= s->watchdog_ms) {
            cause = xasprintf("nothing received for %lld ms", idle);
            break;
        }
        long wait = s->watchdog_ms - (long)idle;
        curl_multi_poll(s->multi, NULL, 0, wait > 1000 ? 1000 : (int)wait, NULL);
    }
    curl_multi_remove_handle(s->multi, c);
    curl_easy_cleanup(c);
    curl_slist_free_all(hdrs);
    free(lei);
    return cause;
}

/* Sleeps @ms unless stop is requested first. Returns true if stopped. */
static bool wait_or_stop(net_stream *s, long ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
    }
    pthread_mutex_lock(&s->lock);
    while (!s->stop) {
        if (pthread_cond_timedwait(&s->cond, &s->lock, &ts) != 0)
            break;
    }
    bool stop = s->stop;
    pthread_mutex_unlock(&s->lock);
    return stop;
}

static void *worker(void *arg)
{
    net_stream *s = arg;
    long delay = s->backoff_min_ms;

    while (!should_stop(s)) {
        s->on_state(NET_STREAM_CONNECTING, NULL, s->arg);
        char *cause = run_connection(s);
        if (cause == NULL)
            break; /* stopped */
        s->on_state(NET_STREAM_DISCONNECTED, cause, s->arg);
        free(cause);
        /* The server's retry: field, if any, replaces the first delay. */
        long min = sse_parser_retry(s->parser);
        if (min <= 0)
            min = s->backoff_min_ms;
        if (s->got_data)
            delay = min;
        if (delay < min)
            delay = min;
        long wait = delay / 2 + (long)(rand_r(&s->seed) % (unsigned)(delay / 2 + 1));
        pthread_mutex_lock(&s->lock);
        s->reconnects++;
        pthread_mutex_unlock(&s->lock);
        if (wait_or_stop(s, wait))
            break;
        delay = delay * 2 > s->backoff_max_ms ? s->backoff_max_ms : delay * 2;
    }
    return NULL;
}

net_stream *net_stream_start(const struct net_stream_config *cfg,
                             net_stream_event_cb on_event, net_stream_state_cb on_state,
                             void *arg, char **cause)
{
    net_stream *s = xcalloc(1, sizeof *s);
    s->url = xstrdup(cfg->url);
    if (cfg->token)
        s->auth = xasprintf("Authorization: Bearer %s", cfg->token);
    s->watchdog_ms = cfg->watchdog_ms > 0 ? cfg->watchdog_ms : 30000;
    s->backoff_min_ms = cfg->backoff_min_ms > 0 ? cfg->backoff_min_ms : 500;
    s->backoff_max_ms = cfg->backoff_max_ms > 0 ? cfg->backoff_max_ms : 30000;
    if (s->backoff_max_ms < s->backoff_min_ms)
        s->backoff_max_ms = s->backoff_min_ms;
    s->connect_timeout_ms = cfg->connect_timeout_ms > 0 ? cfg->connect_timeout_ms : 5000;
    s->on_event = on_event;
    s->on_state = on_state;
    s->arg = arg;
    s->parser = sse_parser_create(on_sse_event, on_sse_comment, s, 0);
    if (cfg->last_event_id)
        sse_parser_set_last_id(s->parser, cfg->last_event_id);
    s->seed = (unsigned)now_ms() ^ (unsigned)(uintptr_t)s;
    s->multi = curl_multi_init();

    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->cond, &ca);
    pthread_condattr_destroy(&ca);
    pthread_mutex_init(&s->lock, NULL);

    if (s->multi == NULL || pthread_create(&s->thread, NULL, worker, s) != 0) {
        *cause = xstrdup("cannot start the event stream worker");
        if (s->multi)
            curl_multi_cleanup(s->multi);
        s->multi = NULL;
        pthread_cond_destroy(&s->cond);
        pthread_mutex_destroy(&s->lock);
        sse_parser_destroy(s->parser);
        free(s->url);
        free(s->auth);
        free(s);
        return NULL;
    }
    return s;
}

void net_stream_stop(net_stream *s)
{
    if (s == NULL)
        return;
    pthread_mutex_lock(&s->lock);
    s->stop = true;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
    curl_multi_wakeup(s->multi);
    pthread_join(s->thread, NULL);
    curl_multi_cleanup(s->multi);
    pthread_cond_destroy(&s->cond);
    pthread_mutex_destroy(&s->lock);
    sse_parser_destroy(s->parser);
    free(s->url);
    free(s->auth);
    free(s);
}

unsigned net_stream_reconnects(net_stream *s)
{
    pthread_mutex_lock(&s->lock);
    unsigned n = s->reconnects;
    pthread_mutex_unlock(&s->lock);
    return n;
}
