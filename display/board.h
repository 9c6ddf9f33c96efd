/* board — what the waiting-room display shows, as plain data built from server
 * events: the call being announced, calls waiting to be announced, the recent calls,
 * and the waiting count per service. Pure (no SDL, no network), so it is unit-tested.
 *
 * Events are applied by sequence number; one at or below the last applied sequence is
 * ignored, so events replayed after a reconnect or from the state file never show or
 * chime twice. Calls that arrive together are announced one after another. */
#ifndef DAWR_BOARD_H
#define DAWR_BOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BOARD_RECENT 6
#define BOARD_MAX_SERVICES 16
#define BOARD_ANNOUNCE_MS                                                                \
    5000 /* default: an announcement holds the big panel this long */

struct board_call {
    int64_t seq;
    char label[16];  /* "A-017" */
    char service[8]; /* "A" */
    int counter;
    bool recall;
    long long at_ms; /* when the board announced it (monotonic ms), 0 before */
};

struct board_service {
    char code[8];
    char name_ar[96], name_en[96];
    int waiting;
};

/* What board_apply did. */
enum board_change {
    BOARD_IGNORED, /* old, duplicate, filtered out or not for the display */
    BOARD_CHANGED, /* something on screen changes */
    BOARD_QUEUED,  /* a call was queued for announcement */
};

struct board;

/* @counters and @services are comma-separated filters ("1,2,3", "A,B"); NULL or ""
 * shows everything. Caller frees with board_destroy. */
struct board *board_create(const char *counters, const char *services);
void board_destroy(struct board *b); /* NULL is fine */
/* How long one announcement holds the big panel before the next may start (ms). */
void board_set_announce_ms(struct board *b, int ms);

/* Applies event @seq of @type with JSON @data. With @quiet (restoring saved state)
 * calls go straight to the recent list without an announcement. */
enum board_change board_apply(struct board *b, int64_t seq, const char *type,
                              const char *data, bool quiet);
/* Replaces the service list and waiting counts from a GET /api/services reply
 * (a JSON array, or an object with a "services" array). Returns 1 if what is shown
 * changed, 0 if not, -1 on bad JSON (nothing changes). */
int board_set_services(struct board *b, const char *json);

/* Advances announcements to @now_ms. Returns the call that starts being announced
 * now (borrowed, valid until the next board call) or NULL: the caller chimes it. */
const struct board_call *board_tick(struct board *b, long long now_ms);

/* The call on the big panel (announcing or the last one announced), or NULL. */
const struct board_call *board_current(const struct board *b);
/* Recent calls before the current one, newest first; returns how many (≤ 6). */
size_t board_recent(const struct board *b, const struct board_call **out);
/* Services to show, in server order, filtered. */
size_t board_services(const struct board *b, const struct board_service **out);
/* Calls waiting to be announced. */
size_t board_pending(const struct board *b);
/* The last applied sequence (the Last-Event-ID to resume from), 0 if none. */
int64_t board_last_seq(const struct board *b);

#endif
