/* sse — a pure Server-Sent Events parser (WHATWG "event stream interpretation").
 * Fed arbitrary byte chunks, it reports whole events and comments; no I/O, no threads.
 *
 * Line ends may be CRLF, LF or CR, split anywhere between chunks; a leading UTF-8 BOM
 * is dropped. A line longer than the cap is an error: the caller drops the connection
 * (a well-behaved server never sends one, and buffering it unbounded is how a broken
 * peer exhausts memory).
 */
#ifndef DAWR_SSE_H
#define DAWR_SSE_H

#include <stdbool.h>
#include <stddef.h>

/* One dispatched event. Every pointer is borrowed, valid only during the callback. */
struct sse_event {
    const char *id;   /* the last event ID ("" if none yet) */
    const char *type; /* "message" unless an event: field said otherwise */
    const char *data; /* data: lines joined with '\n', no trailing newline */
    size_t data_len;
    long retry; /* the last retry: value in ms, or -1 if none was ever given */
};

/* Called for each event. */
typedef void (*sse_event_cb)(const struct sse_event *ev, void *arg);
/* Called for each comment line (":..."), text after the colon; servers send these as
 * heartbeats, so a watchdog learns the connection is alive. May be NULL. */
typedef void (*sse_comment_cb)(const char *text, void *arg);

typedef struct sse_parser sse_parser;

/* Default cap on one line, and on one event's joined data. */
#define SSE_MAX_LINE_DEFAULT (64 * 1024)

/* Creates a parser; @max_line is the longest accepted line in bytes (0: default).
 * Caller frees with sse_parser_destroy. */
sse_parser *sse_parser_create(sse_event_cb on_event, sse_comment_cb on_comment, void *arg,
                              size_t max_line);
void sse_parser_destroy(sse_parser *p); /* NULL is fine */

/* Feeds @len bytes. Returns 0, or -1 when a line or an event's data exceeds the cap;
 * then *cause (if not NULL) is set to a message the caller frees, and the parser must
 * be reset before it is fed again. Callbacks run from inside this call. */
int sse_parser_feed(sse_parser *p, const char *bytes, size_t len, char **cause);

/* Starts a new connection: drops any half-received line and event, expects a BOM
 * again, but keeps the last event ID and retry (they outlive connections). */
void sse_parser_reset(sse_parser *p);

/* The last event ID seen so far ("" if none). Borrowed, valid until the next feed. */
const char *sse_parser_last_id(const sse_parser *p);
/* The last retry: value in ms, or -1 if the server never sent one. */
long sse_parser_retry(const sse_parser *p);
/* Sets the last event ID, e.g. restored from disk before the first connection. */
void sse_parser_set_last_id(sse_parser *p, const char *id);

#endif
