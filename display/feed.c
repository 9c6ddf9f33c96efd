/* feed — owns the net_stream (event stream worker), the services worker thread and
 * its request flag. Both post SDL user events: SDL_PushEvent is documented as
 * thread-safe, which is why net itself knows nothing about SDL. */
#include "feed.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "display.h"
#include "net.h"
#include "sse.h"
#include "stream.h"
#include "util.h"

struct feed {
    Uint32 ev_type;
    net_stream *stream;
    char *services_url, *info_url, *token;

    pthread_t thread;
    bool started;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    bool want, want_info, stop;
};

long long feed_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

double feed_clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void feed_msg_free(struct feed_msg *m)
{
    if (m == NULL)
        return;
    free(m->type);
    free(m->data);
    free(m);
}

static void post(struct feed *f, int code, int state, struct feed_msg *m)
{
    SDL_Event e = {0};
    e.type = f->ev_type;
    e.user.code = code == DISPLAY_EV_STATE ? (code | state << 8) : code;
    e.user.data1 = m;
    if (SDL_PushEvent(&e) != 1)
        feed_msg_free(m); /* queue full or filtered: drop, the next refresh repairs */
}

static void on_event(const struct sse_event *ev, void *arg)
{
    struct feed *f = arg;
    struct feed_msg *m = xcalloc(1, sizeof *m);
    m->recv_ms = feed_clock_ms();
    m->seq = strtoll(ev->id, NULL, 10);
    m->type = xstrdup(ev->type);
    m->data = xstrndup(ev->data, ev->data_len);
    post(f, DISPLAY_EV_SSE, 0, m);
}

static void on_state(enum net_stream_state st, const char *cause, void *arg)
{
    (void)cause; /* the UI shows the indicator; the reason is not for the room */
    struct feed *f = arg;
    if (st != NET_STREAM_CONNECTING)
        post(f, DISPLAY_EV_STATE, st == NET_STREAM_CONNECTED, NULL);
}

/* GETs @url and posts its 200 body as a @code user event; false if it failed. */
static bool fetch(struct feed *f, const char *url, int code)
{
    struct net_request req = {.url = url, .token = f->token, .timeout_ms = 5000};
    struct net_reply reply;
    char *cause = NULL;
    bool ok = net_request(&req, &reply, &cause) == 0 && reply.status == 200;
    if (ok) {
        struct feed_msg *m = xcalloc(1, sizeof *m);
        m->recv_ms = feed_clock_ms();
        m->data = reply.body; /* handed over */
        reply.body = NULL;
        post(f, code, 0, m);
    }
    net_reply_free(&reply);
    free(cause); /* fetched again on the next event or connection */
    return ok;
}

static void *services_worker(void *arg)
{
    struct feed *f = arg;
    pthread_mutex_lock(&f->lock);
    for (;;) {
        while (!f->want && !f->want_info && !f->stop)
            pthread_cond_wait(&f->cond, &f->lock);
        if (f->stop)
            break;
        bool counts = f->want, info = f->want_info;
        f->want = f->want_info = false;
        pthread_mutex_unlock(&f->lock);
        if (counts)
            fetch(f, f->services_url, DISPLAY_EV_SERVICES);
        /* The association's name and ticker: asked on each connection (a failed
         * fetch is tried again at the next one); edits then arrive as events. */
        if (info)
            fetch(f, f->info_url, DISPLAY_EV_INFO);
        pthread_mutex_lock(&f->lock);
    }
    pthread_mutex_unlock(&f->lock);
    return NULL;
}

struct feed *feed_start(const struct feed_config *cfg, Uint32 ev_type, char **cause)
{
    struct feed *f = xcalloc(1, sizeof *f);
    size_t n = strlen(cfg->server);
    while (n > 0 && cfg->server[n - 1] == '/')
        n--;
    char *events_url = xasprintf("%.*s/api/events", (int)n, cfg->server);
    char *last = cfg->last_seq > 0 ? xasprintf("%lld", (long long)cfg->last_seq) : NULL;
    f->services_url = xasprintf("%.*s/api/services", (int)n, cfg->server);
    f->info_url = xasprintf("%.*s/api/info", (int)n, cfg->server);
    f->token = cfg->token && *cfg->token ? xstrdup(cfg->token) : NULL;
    f->ev_type = ev_type;
    pthread_mutex_init(&f->lock, NULL);
    pthread_cond_init(&f->cond, NULL);
    f->want = f->want_info = true; /* the first counts and details, at once */

    struct net_stream_config sc = {.url = events_url,
                                   .token = f->token,
                                   .last_event_id = last,
                                   .watchdog_ms = cfg->watchdog_ms};
    if (pthread_create(&f->thread, NULL, services_worker, f) != 0) {
        *cause = xstrdup("cannot start the services worker");
    } else {
        f->started = true;
        f->stream = net_stream_start(&sc, on_event, on_state, f, cause);
    }
    free(events_url);
    free(last);
    if (f->stream == NULL) {
        feed_stop(f);
        return NULL;
    }
    return f;
}

void feed_refresh_services(struct feed *f)
{
    if (f == NULL)
        return;
    pthread_mutex_lock(&f->lock);
    f->want = true;
    pthread_cond_signal(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

int64_t feed_newest_seq(const char *server, char **cause)
{
    size_t n = strlen(server);
    while (n > 0 && server[n - 1] == '/')
        n--;
    char *url = xasprintf("%.*s/metrics", (int)n, server);
    struct net_request req = {.url = url, .timeout_ms = 2000};
    struct net_reply reply;
    int64_t seq = -1;
    if (net_request(&req, &reply, cause) == 0) {
        const char *p = reply.status == 200 && reply.body
                            ? strstr(reply.body, "\ndawr_event_seq ")
                            : NULL;
        if (p != NULL)
            seq = strtoll(p + strlen("\ndawr_event_seq "), NULL, 10);
        else
            *cause = xasprintf("%s: no dawr_event_seq (HTTP %ld)", url, (long)reply.status);
        net_reply_free(&reply);
    }
    free(url);
    return seq;
}

void feed_refresh_info(struct feed *f)
{
    if (f == NULL)
        return;
    pthread_mutex_lock(&f->lock);
    f->want_info = true;
    pthread_cond_signal(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

void feed_stop(struct feed *f)
{
    if (f == NULL)
        return;
    net_stream_stop(f->stream);
    if (f->started) {
        pthread_mutex_lock(&f->lock);
        f->stop = true;
        pthread_cond_signal(&f->cond);
        pthread_mutex_unlock(&f->lock);
        pthread_join(f->thread, NULL);
    }
    pthread_cond_destroy(&f->cond);
    pthread_mutex_destroy(&f->lock);
    free(f->services_url);
    free(f->info_url);
    free(f->token);
    free(f);
}

struct replay {
    struct board *board;
    bool quiet;
    int count;
};

static void on_replay_event(const struct sse_event *ev, void *arg)
{
    struct replay *r = arg;
    r->count++;
    if (strcmp(ev->type, "display.services") == 0)
        board_set_services(r->board, ev->data);
    else
        board_apply(r->board, strtoll(ev->id, NULL, 10), ev->type, ev->data, r->quiet);
}

int feed_replay(const char *path, struct board *b, bool quiet, char **cause)
{
    size_t len;
    char *text = util_read_file(path, &len);
    if (text == NULL) {
        *cause = xasprintf("%s: %s", path, strerror(errno));
        return -1;
    }
    struct replay r = {.board = b, .quiet = quiet};
    sse_parser *p = sse_parser_create(on_replay_event, NULL, &r, 0);
    char *why = NULL;
    int rc = sse_parser_feed(p, text, len, &why);
    /* A file cut off before an event's closing blank line (power loss) still applies
     * that event; a torn JSON line fails to parse and is ignored by the board. */
    if (rc == 0)
        rc = sse_parser_feed(p, "\n\n", 2, &why);
    sse_parser_destroy(p);
    free(text);
    if (rc != 0) {
        *cause = xasprintf("%s: %s", path, why);
        free(why);
        return -1;
    }
    return r.count;
}

void feed_record(FILE *f, int64_t seq, const char *type, const char *data)
{
    if (f == NULL)
        return;
    fprintf(f, "id: %lld\nevent: %s\n", (long long)seq, type);
    for (const char *l = data;;) {
        const char *nl = strchr(l, '\n');
        fprintf(f, "data: %.*s\n", (int)(nl ? nl - l : (long)strlen(l)), l);
        if (nl == NULL)
            break;
        l = nl + 1;
    }
    fputs("\n", f);
    fflush(f);
}
