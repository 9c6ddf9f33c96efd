/* stream — a worker thread that keeps one Server-Sent Events connection open:
 * sends Last-Event-ID, reconnects with jittered exponential backoff, and a watchdog
 * drops a connection on which nothing (not even a heartbeat comment) arrived for a
 * while. Results leave through callbacks run on the worker thread; the program turns
 * them into its own events (the display into SDL user events). No SDL here. */
#ifndef DAWR_STREAM_H
#define DAWR_STREAM_H

#include "sse.h"

enum net_stream_state {
    NET_STREAM_CONNECTING,   /* a connection attempt started */
    NET_STREAM_CONNECTED,    /* 200 text/event-stream headers received */
    NET_STREAM_DISCONNECTED, /* the connection failed or dropped; a retry follows */
};

struct net_stream_config {
    const char *url;
    const char *token;         /* bearer token, or NULL */
    const char *last_event_id; /* sent on the first connection, or NULL */
    long watchdog_ms;          /* 0: 30000 */
    long backoff_min_ms;       /* first retry delay; 0: 500 */
    long backoff_max_ms;       /* 0: 30000 */
    long connect_timeout_ms;   /* 0: 5000 */
};

/* Called on the worker thread for each event; @ev is borrowed for the call. */
typedef void (*net_stream_event_cb)(const struct sse_event *ev, void *arg);
/* Called on the worker thread when the state changes; @cause (borrowed, may be NULL)
 * says why a connection ended. */
typedef void (*net_stream_state_cb)(enum net_stream_state state, const char *cause,
                                    void *arg);

typedef struct net_stream net_stream;

/* Copies @cfg and starts the worker. Returns NULL and sets *cause (caller frees) if the
 * thread cannot start. Caller stops it with net_stream_stop. */
net_stream *net_stream_start(const struct net_stream_config *cfg,
                             net_stream_event_cb on_event, net_stream_state_cb on_state,
                             void *arg, char **cause);
/* Stops the worker promptly (even mid-backoff or mid-transfer), joins it and frees
 * everything. No callback runs after it returns. NULL is fine. */
void net_stream_stop(net_stream *s);

/* Reconnection count so far (for tests and the status line). Thread-safe. */
unsigned net_stream_reconnects(net_stream *s);

#endif
