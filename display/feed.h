/* feed — the display's network side: the SSE stream worker (common/net) and a worker
 * that fetches service waiting counts and the association's details, both posting SDL user events to the UI
 * thread so the UI never waits on the network; and the state file, which is the
 * same SSE text the server sends, read back on start to restore the board. */
#ifndef DAWR_FEED_H
#define DAWR_FEED_H

#include <SDL.h>
#include <stdint.h>
#include <stdio.h>

#include "board.h"

/* Carried in SDL user events (data1). Freed by the UI thread with feed_msg_free. */
struct feed_msg {
    int64_t seq;
    char *type, *data;
    double recv_ms; /* feed_clock_ms() when the worker received it */
};
void feed_msg_free(struct feed_msg *m); /* NULL is fine */

struct feed_config {
    const char *server, *token; /* borrowed for the call only */
    int64_t last_seq;           /* resume after this event (0: only new ones) */
    long watchdog_ms;           /* 0: 30 s */
};

struct feed;
/* Starts both workers; their user events have type @ev_type. On error returns NULL
 * and sets *@cause (caller frees). Stop with feed_stop. */
struct feed *feed_start(const struct feed_config *cfg, Uint32 ev_type, char **cause);
/* Asks for fresh waiting counts (coalesced: several requests, one fetch). */
void feed_refresh_services(struct feed *f);
/* The server's newest event sequence number, from GET /metrics (public): a fresh
 * display resumes the stream a few hundred events before it to fill the board with
 * today's calls, since no device-readable API lists them. -1 and *@cause (caller
 * frees) if the server cannot say. Blocks up to 2 s. */
int64_t feed_newest_seq(const char *server, char **cause);
/* Asks for GET /api/info again (the association's name and ticker). */
void feed_refresh_info(struct feed *f);
void feed_stop(struct feed *f); /* NULL is fine */

/* Monotonic milliseconds: whole, for animation; fractional, for latency figures. */
long long feed_now_ms(void);
double feed_clock_ms(void);

/* Reads an SSE file and applies each event to @b, quietly (no announcement) when
 * @quiet; an event of type "display.services" carries a GET /api/services reply.
 * Returns the number of events read, or -1 and sets *@cause (caller frees). */
int feed_replay(const char *path, struct board *b, bool quiet, char **cause);
/* Appends one event to the state file in SSE form and flushes it. */
void feed_record(FILE *f, int64_t seq, const char *type, const char *data);

#endif
