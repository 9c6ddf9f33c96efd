/* queue — the queue rules of DESIGN.md §5 as pure functions on plain structs: day
 * keys, labels, call-next choice, ticket state transitions and the wait estimate.
 * No SQL, no HTTP, no clock: callers pass "now" in (epoch seconds). */
#ifndef DAWR_QUEUE_H
#define DAWR_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define QUEUE_DAY_SIZE 11   /* "YYYY-MM-DD" + NUL */
#define QUEUE_LABEL_SIZE 16 /* "A-017" (more digits past 999) */
#define QUEUE_CODE_SIZE 16  /* service code */
#define QUEUE_TOKEN_SIZE 33 /* public status token: 32 lowercase hex chars + NUL */
#define QUEUE_NOTE_SIZE 501  /* transfer note: up to 500 bytes + NUL */
#define QUEUE_RECALL_LIMIT 3
#define QUEUE_DEFAULT_TZ "Asia/Riyadh"

enum queue_state {
    QUEUE_WAITING,
    QUEUE_CALLED,
    QUEUE_SERVING,
    QUEUE_DONE,
    QUEUE_NO_SHOW,
    QUEUE_TRANSFERRED, /* left this queue; a new ticket with origin_id = this id waits */
    QUEUE_CANCELLED,
    QUEUE_STATE__COUNT
};
/* "waiting", "called", "serving", "done", "no_show", "transferred", "cancelled". */
const char *queue_state_name(enum queue_state s);
bool queue_state_parse(const char *s, enum queue_state *out);

enum queue_action {
    QUEUE_ACT_CALL,     /* waiting -> called */
    QUEUE_ACT_RECALL,   /* called -> called (recalls+1), or no_show past the limit */
    QUEUE_ACT_SERVE,    /* called -> serving */
    QUEUE_ACT_DONE,     /* serving -> done */
    QUEUE_ACT_NO_SHOW,  /* called -> no_show */
    QUEUE_ACT_RESTORE,  /* no_show -> waiting (keeps issue time) */
    QUEUE_ACT_TRANSFER, /* waiting|called|serving -> transferred */
    QUEUE_ACT_CANCEL,   /* waiting|called -> cancelled */
    QUEUE_ACT__COUNT
};
const char *queue_action_name(enum queue_action a); /* "call", "recall", ... */
/* The legal-transition table: true when @a may be applied to a ticket in @from. */
bool queue_can(enum queue_state from, enum queue_action a);

/* A ticket (DESIGN.md §4). Plain value with fixed arrays; 0 means "none" for ids,
 * counter and times. issued_at is the ORIGINAL issue time: a transferred ticket
 * keeps its origin's, which is what call-next and waits are measured from. */
struct queue_ticket {
    int64_t id;
    int64_t service_id;
    char service[QUEUE_CODE_SIZE]; /* service code, e.g. "A" */
    char day[QUEUE_DAY_SIZE];      /* day of issue, local to the office tz */
    int number;                    /* daily number in its service; 0 for a transfer */
    char label[QUEUE_LABEL_SIZE];  /* "A-017"; a transfer keeps its origin's label */
    char token[QUEUE_TOKEN_SIZE];  /* public status token (QR) */
    bool priority;                 /* elderly, disabled, pregnant */
    enum queue_state state;
    int64_t issued_at;
    int64_t called_at; /* first call */
    int64_t served_at; /* service started */
    int64_t done_at;   /* done, no_show, transferred or cancelled */
    int counter;       /* counter number that called it */
    int64_t staff_id;  /* staff who called / served it */
    int recalls;
    int64_t origin_id; /* ticket this one was transferred from */
    int64_t application_id;
    int64_t device_id; /* kiosk that issued it */
    /* Free text staff wrote when transferring (kept on both tickets). It may name
     * the person or their situation, so it goes to staff replies only, never into
     * an event payload (events reach displays). Empty when none. */
    char note[QUEUE_NOTE_SIZE];
};

/* Errors of the transition functions. */
enum queue_err {
    QUEUE_OK = 0,
    QUEUE_ERR_STATE,   /* action not legal in the ticket's state */
    QUEUE_ERR_SERVICE, /* transfer to the same service */
    QUEUE_ERR_TZ,      /* unknown time zone */
};

/* --- days and labels --- */

/* Office-local day "YYYY-MM-DD" of @epoch at a fixed UTC offset (seconds east). */
void queue_day_key_offset(int64_t epoch, int utc_offset_s, char out[QUEUE_DAY_SIZE]);
/* UTC offset of @tz at @epoch. Knows "UTC", "+03:00"/"UTC+3"-style offsets and the
 * Gulf zones (Asia/Riyadh, Aden, Kuwait, Qatar, Bahrain, Baghdad: +3; Asia/Dubai,
 * Muscat: +4), none of which keep DST. Returns QUEUE_ERR_TZ otherwise. */
enum queue_err queue_tz_offset(const char *tz, int64_t epoch, int *utc_offset_s);
/* Day key of @epoch in @tz (NULL = QUEUE_DEFAULT_TZ). */
enum queue_err queue_day_key(int64_t epoch, const char *tz, char out[QUEUE_DAY_SIZE]);
/* "A" + 17 -> "A-017". */
void queue_label(const char *prefix, int number, char out[QUEUE_LABEL_SIZE]);

/* --- call next --- */

/* One service a counter serves, with its weight (DESIGN.md §4; default 1.0). */
struct queue_weight {
    int64_t service_id;
    double weight;
};

/* Picks the ticket counter K calls next among @tickets (any states; only waiting
 * tickets of a service in @services count). Rules: priority tickets first; then the
 * highest (now - issued_at) × weight; ties by earlier issued_at, then by the order
 * of the service in @services, then by lower id. Returns the index into @tickets,
 * or -1 when none qualifies. */
long queue_choose_next(const struct queue_ticket *tickets, size_t n,
                       const struct queue_weight *services, size_t n_services,
                       int64_t now);

/* Waiting tickets of @t's service that would be called before @t at a counter
 * serving only that service (priority first, then issue time, then id). */
int queue_people_ahead(const struct queue_ticket *tickets, size_t n,
                       const struct queue_ticket *t);

/* --- transitions: each checks queue_can() first and changes nothing on error --- */

enum queue_err queue_call(struct queue_ticket *t, int counter, int64_t staff_id,
                          int64_t now);
/* Below @limit recalls: recalls+1, state stays called, *no_show = false. At the limit
 * the ticket becomes no_show instead and *no_show = true. */
enum queue_err queue_recall(struct queue_ticket *t, int limit, int64_t now,
                            bool *no_show);
enum queue_err queue_serve(struct queue_ticket *t, int64_t staff_id, int64_t now);
enum queue_err queue_done(struct queue_ticket *t, int64_t now);
enum queue_err queue_no_show(struct queue_ticket *t, int64_t now);
/* no_show -> waiting: counter, staff, recalls and call time cleared; issue time kept. */
enum queue_err queue_restore(struct queue_ticket *t);
/* Marks @t transferred and fills @out with the new waiting ticket in service
 * (@to_service_id, @to_code): same label, priority, issue time and application;
 * number 0, origin_id = t->id, id 0 and token empty (the store assigns them). */
enum queue_err queue_transfer(struct queue_ticket *t, int64_t to_service_id,
                              const char *to_code, int64_t now, struct queue_ticket *out);
enum queue_err queue_cancel(struct queue_ticket *t, int64_t now);

/* --- expected wait --- */

/* A range, never a promise (DESIGN.md §5). Seconds. */
struct queue_wait {
    int64_t low;
    int64_t high;
};
/* mid = people_ahead × mean_service_s ÷ open_counters; the range is mid × 0.8 to
 * mid × 1.3, rounded outwards to whole minutes. open_counters <= 0 is treated as 1
 * (someone will open one); people_ahead 0 gives {0, 0}. */
struct queue_wait queue_estimate_wait(int people_ahead, double mean_service_s,
                                      int open_counters);

#endif
