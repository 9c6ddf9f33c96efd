/* loopback — a tiny scripted HTTP server on 127.0.0.1 for testing net: each accepted
 * connection follows the next step of a script (send these bytes, then close, hold
 * the connection silent, or send heartbeats), and the request text is recorded. */
#ifndef DAWR_TEST_LOOPBACK_H
#define DAWR_TEST_LOOPBACK_H

#include <stddef.h>

enum loop_action {
    LOOP_CLOSE,     /* send the reply, close */
    LOOP_HOLD,      /* send the reply, then stay silent until the client leaves */
    LOOP_HEARTBEAT, /* send the reply, then ":\n" every hb_ms for hold_ms, close */
};

struct loop_step {
    const char *reply; /* raw bytes: status line, headers, body */
    enum loop_action action;
    int hb_ms, hold_ms;
};

struct loopback;
/* Connections past the end of the script are held silent. Steps are borrowed. */
struct loopback *loopback_start(const struct loop_step *steps, size_t n);
int loopback_port(struct loopback *lb);
/* Connections accepted so far. */
size_t loopback_count(struct loopback *lb);
/* Copy of the request text of connection @i (caller frees), or NULL. */
char *loopback_request(struct loopback *lb, size_t i);
void loopback_stop(struct loopback *lb);

#endif
