/* store-int — what the store's own files (store*.c) share: the struct behind the
 * opaque handle, the statement cache, transaction and event helpers. The only
 * header that includes sqlite3.h; nothing outside store*.c may include it. */
#ifndef DAWR_STORE_INT_H
#define DAWR_STORE_INT_H

#include <jansson.h>
#include <pthread.h>
#include <sqlite3.h>

#include "store-parts.h"
#include "store.h"

struct stmt_slot {
    const char *sql; /* static string; the pointer is the cache key */
    sqlite3_stmt *stmt;
};

/* Waiting counts per (service, day), kept in memory so that issuing a ticket does
 * not count the whole queue. An entry is loaded with one COUNT and then adjusted by
 * every change of a ticket to or from waiting; any rollback drops them all. */
struct wcount {
    int64_t service_id;
    char day[QUEUE_DAY_SIZE];
    int waiting;
    int waiting_priority;
};

struct store {
    sqlite3 *db;
    pthread_mutex_t lock; /* recursive; held for a whole batch */
    bool in_batch;
    int depth;           /* nesting of sx_begin within this lock holder */
    bool events_pending; /* events appended since the last commit */

    struct stmt_slot *stmts;
    size_t n_stmts, cap_stmts;

    struct wcount *wc;
    size_t n_wc, cap_wc;

    char tz[64];
    int recall_limit;
    int due_days;
    double default_service_s;
    int64_t (*now)(void *);
    void *now_arg;
    void (*hook)(int64_t last_seq, void *arg);
    void *hook_arg;

    /* Read-only connection, same file, own lock and statement cache; NULL in the
     * reader itself. */
    struct store *reader;
};

/* Cached prepared statement for @sql (a string literal), reset and unbound. NULL
 * on error (store_errmsg set). */
sqlite3_stmt *sx_prep(struct store *st, const char *sql);
/* Maps a SQLite result code to a store error and records the message. */
enum store_err sx_err(struct store *st, int rc);
/* Records a message for a non-SQLite failure. */
enum store_err sx_fail(enum store_err e, const char *msg);

/* Reads: take and release the lock (resetting statements on release). */
void sx_lock(struct store *st);
void sx_unlock(struct store *st);
/* Starts a read: returns the store to read through (the writer when it is free or
 * held by this thread, else the read-only connection), locked; release it with
 * sx_unlock on the returned store. */
struct store *sx_rbegin(struct store *st);
/* Writes: lock and open a transaction (BEGIN IMMEDIATE, or a SAVEPOINT inside a
 * batch). sx_end commits (or releases) when @rc is STORE_OK and rolls back
 * otherwise, unlocks, runs the event hook after a durable commit, and returns the
 * final result (a failed COMMIT turns STORE_OK into an error). */
enum store_err sx_begin(struct store *st);
enum store_err sx_end(struct store *st, enum store_err rc);

/* Appends an event in the current transaction; steals @payload. */
enum store_err sx_event(struct store *st, const char *type, json_t *payload,
                        int64_t *seq);

/* Binding and column helpers. */
void sx_bind_text(sqlite3_stmt *s, int i, const char *v); /* NULL binds NULL */
void sx_col_text(sqlite3_stmt *s, int col, char *dst, size_t cap);
/* Runs a statement that returns no rows (or ignores them). */
enum store_err sx_exec(struct store *st, sqlite3_stmt *s);
/* Runs a statement returning one integer (0 when no row). */
enum store_err sx_int(struct store *st, sqlite3_stmt *s, int64_t *out);

void sx_today(struct store *st, int64_t now, char day[QUEUE_DAY_SIZE]);

/* Seeds the settings table from @cfg when it is empty (store-settings.c); inside
 * the open transaction. */
enum store_err sx_settings_seed(struct store *st, const struct store_config *cfg);

/* Waiting-count cache (store-ticket.c). */
void sx_wc_clear(struct store *st);
void sx_wc_adjust(struct store *st, const struct queue_ticket *t, int delta);

/* Shared ticket row reader: the columns of TICKET_SELECT in order. */
#define TICKET_COLS                                                                      \
    "t.id, t.service_id, s.code, t.day, t.number, t.label, t.token, t.priority, "        \
    "t.state, t.issued_at, t.called_at, t.served_at, t.done_at, t.counter, "             \
    "t.staff_id, t.recalls, t.origin_id, t.application_id, t.device_id, t.note"
#define TICKET_SELECT                                                                    \
    "SELECT " TICKET_COLS " FROM tickets t JOIN services s ON s.id = t.service_id "
void sx_row_ticket(sqlite3_stmt *s, struct queue_ticket *t);
/* Fills people ahead, position and wait estimate for @v->t (inside the lock). */
enum store_err sx_ticket_view(struct store *st, struct store_ticket_view *v);
/* JSON payload describing a ticket for events. */
json_t *sx_ticket_json(const struct queue_ticket *t);

/* Counter @number with its services, inside the lock (store-admin.c). */
enum store_err sx_counter_get(struct store *st, int number, struct store_counter *c);

/* Random lowercase hex of 2*@nbytes characters into @out. */
void sx_random_hex(char *out, size_t nbytes);

#endif
