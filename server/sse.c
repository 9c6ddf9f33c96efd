/* sse — fan-out of events to every connected client without querying per client.
 *
 * The writer side (sse_notify) asks the store once for the events after the newest
 * one it holds, copies their frames into a ring and broadcasts a condition variable.
 * Each client is a cursor (the last seq it sent); its reader copies the frames after
 * its cursor out of the ring. A client further behind than the ring holds, or one
 * reconnecting with an old Last-Event-ID, reads the gap from the store instead, so
 * replay is exact however long it was away.
 *
 * A client attached to a libmicrohttpd connection never blocks a server thread:
 * with nothing to send it suspends its connection and joins the waiting list;
 * sse_notify resumes the whole list at once, and a ticker thread resumes those
 * whose heartbeat is due. Unattached (tests), the reader blocks on a condition. */
#include "sse.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sys/socket.h>

#include <microhttpd.h>

#include "util.h"

struct sse_slot {
    int64_t seq;
    char *frame; /* owned */
    size_t len;
};

struct sse_client {
    int64_t cursor;  /* last seq handed to this client */
    struct buf out;  /* frames not yet copied to libmicrohttpd */
    size_t off;      /* bytes of @out already copied */
    time_t last_out; /* for the heartbeat */
    void *conn;      /* struct MHD_Connection, when attached */
    bool waiting;    /* suspended, on sse_waiting */
    struct sse_client *wnext;
};

static pthread_mutex_t sse_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t sse_notify_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sse_cond;
static struct sse_slot sse_ring[SSE_RING];
static int64_t sse_newest; /* seq of the newest event in the ring (or store) */
static int64_t sse_first;  /* first seq ever put in the ring; 0 = empty */
static sse_fetch_fn sse_fetch;
static bool sse_stopping;
static int sse_heartbeat = SSE_HEARTBEAT;
static int sse_clients;
static struct sse_client *sse_waiting; /* suspended clients; under sse_lock */
static pthread_once_t sse_ticker_once = PTHREAD_ONCE_INIT;

/* Resumes the waiting clients (all, or those whose heartbeat is due); lock held. */
static void sse_resume_locked(bool all)
{
    time_t now = time(NULL);

    for (struct sse_client **pp = &sse_waiting; *pp != NULL;) {
        struct sse_client *c = *pp;
        if (all || now - c->last_out >= sse_heartbeat) {
            *pp = c->wnext;
            c->waiting = false;
            c->wnext = NULL;
            MHD_resume_connection(c->conn);
        } else {
            pp = &c->wnext;
        }
    }
}

static void *sse_ticker(void *arg)
{
    (void)arg;
    for (;;) {
        sleep(1);
        pthread_mutex_lock(&sse_lock);
        bool stop = sse_stopping;
        if (!stop)
            sse_resume_locked(false);
        pthread_mutex_unlock(&sse_lock);
        if (stop)
            return NULL;
    }
}

static void sse_ticker_start(void)
{
    pthread_t t;

    if (pthread_create(&t, NULL, sse_ticker, NULL) == 0)
        pthread_detach(t);
}

void sse_client_attach(struct sse_client *c, void *conn)
{
    pthread_once(&sse_ticker_once, sse_ticker_start);
    c->conn = conn;
}

void sse_init(int64_t last_seq, sse_fetch_fn fetch)
{
    pthread_condattr_t a;

    pthread_condattr_init(&a);
    pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
    pthread_cond_init(&sse_cond, &a);
    pthread_condattr_destroy(&a);
    sse_newest = last_seq;
    sse_first = 0;
    sse_fetch = fetch;
}

void sse_set_heartbeat(int seconds)
{
    sse_heartbeat = seconds > 0 ? seconds : SSE_HEARTBEAT;
}

void sse_shutdown(void)
{
    pthread_mutex_lock(&sse_lock);
    sse_stopping = true;
    pthread_cond_broadcast(&sse_cond);
    sse_resume_locked(true);
    pthread_mutex_unlock(&sse_lock);
}

/* Splits a run of frames into ring slots; the frames start with "id: N\n". */
static void sse_ring_add(const char *frames, size_t len)
{
    const char *p = frames, *end = frames + len;

    while (p < end) {
        const char *stop = strstr(p, "\n\n");
        size_t n = stop != NULL ? (size_t)(stop + 2 - p) : (size_t)(end - p);
        int64_t seq = strtoll(p + 4, NULL, 10);
        struct sse_slot *s = &sse_ring[seq % SSE_RING];

        free(s->frame);
        s->frame = xstrndup(p, n);
        s->len = n;
        s->seq = seq;
        if (sse_first == 0)
            sse_first = seq;
        sse_newest = seq;
        p += n;
    }
}

void sse_notify(void)
{
    struct buf b = {0};
    int64_t after, last;

    /* One notifier at a time, so frames enter the ring in sequence order. */
    pthread_mutex_lock(&sse_notify_lock);
    pthread_mutex_lock(&sse_lock);
    after = sse_newest;
    pthread_mutex_unlock(&sse_lock);
    do {
        b.len = 0;
        last = sse_fetch(after, 512, &b);
        if (last > after) {
            pthread_mutex_lock(&sse_lock);
            sse_ring_add(b.data, b.len);
            pthread_cond_broadcast(&sse_cond);
            sse_resume_locked(true);
            pthread_mutex_unlock(&sse_lock);
        }
    } while (last > after && (after = last, true));
    pthread_mutex_unlock(&sse_notify_lock);
    buf_free(&b);
}

struct sse_client *sse_client_new(int64_t last_id)
{
    struct sse_client *c = xcalloc(1, sizeof *c);

    pthread_mutex_lock(&sse_lock);
    c->cursor = last_id > 0 && last_id <= sse_newest ? last_id : sse_newest;
    sse_clients++;
    pthread_mutex_unlock(&sse_lock);
    c->last_out = time(NULL);
    /* A retry hint first, so browsers reconnect quickly after a restart. */
    buf_puts(&c->out, "retry: 2000\n\n");
    return c;
}

void sse_client_free(void *client)
{
    struct sse_client *c = client;

    if (c == NULL)
        return;
    pthread_mutex_lock(&sse_lock);
    sse_clients--;
    for (struct sse_client **pp = &sse_waiting; c->waiting && *pp != NULL;
         pp = &(*pp)->wnext)
        if (*pp == c) {
            *pp = c->wnext;
            break;
        }
    pthread_mutex_unlock(&sse_lock);
    buf_free(&c->out);
    free(c);
}

/* Oldest seq still in the ring; lock held. 0 when the ring is empty. */
static int64_t sse_oldest(void)
{
    if (sse_first == 0)
        return 0;
    return sse_newest - SSE_RING + 1 > sse_first ? sse_newest - SSE_RING + 1 : sse_first;
}

/* Fills c->out with the frames after its cursor; lock held. Returns false when the
 * gap is older than the ring (then the caller reads it from the store). */
static bool sse_fill_from_ring(struct sse_client *c)
{
    if (c->cursor >= sse_newest)
        return true;
    if (sse_oldest() == 0 || c->cursor + 1 < sse_oldest())
        return false;
    for (int64_t s = c->cursor + 1; s <= sse_newest && c->out.len < 64 * 1024; s++) {
        struct sse_slot *slot = &sse_ring[s % SSE_RING];
        if (slot->seq == s)
            buf_append(&c->out, slot->frame, slot->len);
        c->cursor = s;
    }
    return true;
}

static size_t sse_copy_out(struct sse_client *c, char *out, size_t max)
{
    size_t n = c->out.len - c->off;

    if (n > max)
        n = max;
    memcpy(out, c->out.data + c->off, n);
    c->off += n;
    if (c->off == c->out.len)
        c->out.len = c->off = 0;
    c->last_out = time(NULL);
    return n;
}

ssize_t sse_client_read(void *client, uint64_t pos, char *out, size_t max)
{
    struct sse_client *c = client;
    struct timespec deadline;

    (void)pos;
    if (c->off < c->out.len)
        return (ssize_t)sse_copy_out(c, out, max);
    pthread_mutex_lock(&sse_lock);
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += sse_heartbeat;
    while (!sse_stopping) {
        if (!sse_fill_from_ring(c)) {
            int64_t cursor = c->cursor;
            pthread_mutex_unlock(&sse_lock);
            int64_t last = sse_fetch(cursor, 256, &c->out);
            pthread_mutex_lock(&sse_lock);
            /* Nothing there means the gap was pruned from the store: skip it. */
            c->cursor = last > cursor ? last : sse_newest;
            continue;
        }
        if (c->out.len > 0)
            break;
        if (c->conn != NULL) {
            if (time(NULL) - c->last_out >= sse_heartbeat) {
                buf_puts(&c->out, ": heartbeat\n\n");
                break;
            }
            /* Under the lock: an event now resumes it, none can slip in between. */
            c->waiting = true;
            c->wnext = sse_waiting;
            sse_waiting = c;
            MHD_suspend_connection(c->conn);
            pthread_mutex_unlock(&sse_lock);
            return 0;
        }
        if (pthread_cond_timedwait(&sse_cond, &sse_lock, &deadline) != 0) {
            buf_puts(&c->out, ": heartbeat\n\n");
            break;
        }
    }
    bool stop = sse_stopping;
    pthread_mutex_unlock(&sse_lock);
    if (stop && c->out.len == 0)
        return MHD_CONTENT_READER_END_OF_STREAM;
    return (ssize_t)sse_copy_out(c, out, max);
}

int sse_client_count(void)
{
    pthread_mutex_lock(&sse_lock);
    int n = sse_clients;
    pthread_mutex_unlock(&sse_lock);
    return n;
}

int64_t sse_last_seq(void)
{
    pthread_mutex_lock(&sse_lock);
    int64_t n = sse_newest;
    pthread_mutex_unlock(&sse_lock);
    return n;
}
