/* sse — the one Server-Sent Events stream: a ring of recent events in memory, one
 * cursor per connected client, a condition variable to wake them all when the writer
 * publishes, a heartbeat comment every SSE_HEARTBEAT seconds. */
#ifndef DAWR_SERVER_SSE_H
#define DAWR_SERVER_SSE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SSE_RING 4096 /* events kept in memory; older ones come from the store */
#define SSE_HEARTBEAT 15

/* Fetches events with seq > @after, at most @max, appending each as an SSE frame
 * ("id: N\nevent: T\ndata: J\n\n") to @out; returns the last seq written, or @after
 * when there are none. Used to replay what fell out of the ring and to refill it. */
struct buf;
typedef int64_t (*sse_fetch_fn)(int64_t after, int max, struct buf *out);

/* Starts the hub at @last_seq (the newest event already in the store). */
void sse_init(int64_t last_seq, sse_fetch_fn fetch);
/* Seconds of silence before a heartbeat comment (SSE_HEARTBEAT unless changed; tests
 * shorten it). */
void sse_set_heartbeat(int seconds);
/* Makes every client return at its next wake-up; used at shutdown. */
void sse_shutdown(void);

/* Pulls new events from the store (one query, whatever the number of clients) and
 * wakes the clients. Called after every committed write. */
void sse_notify(void);

/* A client starting after @last_id (0 = only new events). Caller frees with
 * sse_client_free, or hands it to libmicrohttpd which does. */
struct sse_client *sse_client_new(int64_t last_id);
void sse_client_free(void *client);
/* Ties @client to its libmicrohttpd connection (struct MHD_Connection *): from then
 * on its reader suspends the connection instead of blocking. */
void sse_client_attach(struct sse_client *client, void *conn);
/* libmicrohttpd content reader: blocks until there is something to send, or when
 * attached suspends its connection and returns 0. */
ssize_t sse_client_read(void *client, uint64_t pos, char *out, size_t max);

/* Connected clients, for /metrics. */
int sse_client_count(void);
int64_t sse_last_seq(void);

#endif
