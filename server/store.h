/* store — all durable state of an office (DESIGN.md §4): services, counters, staff,
 * sessions, devices, tickets, applications, ratings and events. The interface is
 * backend-neutral (plain domain structs, no SQL types) so that a PostgreSQL backend
 * could sit behind it later; today it is SQLite in WAL mode, synchronous=FULL.
 *
 * Durability: every state-changing call is ONE transaction that also appends ONE
 * event row and has COMMITTED when the call returns STORE_OK — the caller may reply
 * at once. Between store_begin() and store_commit() calls are grouped in one
 * transaction instead (group commit, for throughput): then nothing is durable, and
 * no reply may be sent, until store_commit() returned STORE_OK.
 *
 * Threads: a struct store may be shared; calls are serialised by an internal
 * recursive lock. store_begin() holds that lock until store_commit() or
 * store_rollback() on the same thread, so other threads wait rather than join the
 * batch.
 *
 * Strings in structs are fixed arrays (plain values, copyable). Lists are arrays the
 * caller frees with free() unless a _free function is named. Times are epoch
 * seconds; ids are positive, 0 = none. */
#ifndef DAWR_STORE_H
#define DAWR_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "form.h"
#include "queue.h"

struct store;

enum store_err {
    STORE_OK = 0,
    STORE_ERR_NOT_FOUND, /* no such row (or a revoked device / expired session) */
    STORE_ERR_EXISTS,    /* unique name/number/username taken; rating already given */
    STORE_ERR_STATE,     /* transition not legal in the current state */
    STORE_ERR_INVALID,   /* bad argument (range, empty name, unknown service...) */
    STORE_ERR_EMPTY,     /* call-next: nobody waits for this counter */
    STORE_ERR_CLOSED,    /* counter is closed */
    STORE_ERR_BUSY,      /* database locked past busy_timeout */
    STORE_ERR_IO,        /* anything else from the backend; see store_errmsg() */
};
const char *store_err_name(enum store_err e); /* "not_found", "exists", ... */
/* Last backend message for this thread's last failed call (borrowed, valid until
 * the next call). Never contains field values (no names, IDs, phones). */
const char *store_errmsg(struct store *st);

/* ---------------------------------------------------------------- open/close */

/* Caller-supplied settings. Any field may be 0/NULL for its default. */
struct store_config {
    const char *services_ini;  /* seed for a new database; NULL = no services */
    const char *assoc_name_ar; /* association details (from dawr.ini), kept in meta */
    const char *assoc_name_en;
    /* The rest of the association's public details and the display ticker; with
     * the names above they seed the settings table once (store_association_*). */
    const char *assoc_phone;
    const char *assoc_address_ar;
    const char *assoc_address_en;
    const char *ticker_ar;
    const char *ticker_en;
    const char *admin_username; /* first admin; default "admin" */
    const char *tz;             /* office time zone, default QUEUE_DEFAULT_TZ */
    int recall_limit;           /* default QUEUE_RECALL_LIMIT */
    int due_days;               /* application decision target, default APP_DUE_DAYS */
    int busy_timeout_ms;        /* default 5000 */
    double default_service_s;   /* wait estimate before any history; default 300 */
    /* Hashes the one-time admin password (argon2id string). NULL = libsodium's
     * crypto_pwhash_str with interactive limits. Returns a malloc'd string or NULL. */
    char *(*hash_password)(const char *password, void *arg);
    void *hash_arg;
    /* Clock for tests; NULL = time(NULL). */
    int64_t (*now)(void *arg);
    void *now_arg;
};

/* Opens (creating if absent) the database at @path, migrates it to the current
 * schema version and, when it was new, seeds services and counters from
 * cfg->services_ini and creates the admin account with a random one-time password,
 * returned in *@admin_password (caller prints it ONCE and frees it; NULL when the
 * database already existed). On error returns NULL and sets *@cause (caller frees). */
struct store *store_open(const char *path, const struct store_config *cfg,
                         char **admin_password, char **cause);
/* Closes; NULL is a no-op. Rolls back an open batch. */
void store_close(struct store *st);
/* Current schema version (PRAGMA user_version) and the one this build writes. */
int store_schema_version(struct store *st);
int store_schema_latest(void);
int64_t store_now(struct store *st);
/* Today's day key in the office tz. */
void store_today(struct store *st, char out[QUEUE_DAY_SIZE]);

/* ---------------------------------------------------------- group commit */

/* Starts a batch (BEGIN IMMEDIATE). Following calls on this thread join it; each
 * runs in its own savepoint, so one failing call undoes only itself. */
enum store_err store_begin(struct store *st);
/* Commits the batch; STORE_OK means everything in it is durable. On failure the
 * whole batch is rolled back and none of it may be acknowledged. */
enum store_err store_commit(struct store *st);
enum store_err store_rollback(struct store *st);

/* Called after every commit that added events, with the highest committed event
 * sequence — the moment SSE clients may be told. Runs on the committing thread after
 * the store lock is released; it may call store functions. NULL removes it. */
void store_set_event_hook(struct store *st, void (*hook)(int64_t last_seq, void *arg),
                          void *arg);

/* ---------------------------------------------------------------- meta */

/* Association details given at creation (borrowed copies in @out). */
struct store_assoc {
    char name_ar[256];
    char name_en[256];
};
/* The names as they stand now (store_association_get's). */
enum store_err store_assoc_get(struct store *st, struct store_assoc *out);

/* The association's public details and the display's ticker, editable by staff.
 * Seeded from store_config the first time a database opens with this schema (a new
 * one, or one upgraded from before); after that only store_association_put changes
 * them. All public: kiosks print them, displays show them. */
struct store_association {
    char name_ar[256];
    char name_en[256];
    char phone[64];
    char address_ar[512];
    char address_en[512];
    char ticker_ar[2048];
    char ticker_en[2048];
};
enum store_err store_association_get(struct store *st, struct store_association *out);
/* Replaces all seven values (STORE_ERR_INVALID when name_ar is empty). Event
 * "association.updated" with the seven values. */
enum store_err store_association_put(struct store *st,
                                     const struct store_association *a);

/* ---------------------------------------------------------------- services */

struct store_service {
    int64_t id;
    char code[QUEUE_CODE_SIZE]; /* "A"; what clients send */
    char prefix[8];             /* label prefix, "A" */
    char name_ar[128];
    char name_en[128];
    bool needs_application;
    double weight; /* > 0, default 1.0 */
    bool active;
    int sort; /* display order */
    /* Filled by list/get: */
    int waiting;       /* waiting tickets today */
    int open_counters; /* open counters serving it */
};
/* Ordered by sort, then code. @include_inactive false hides inactive services. */
enum store_err store_services_list(struct store *st, bool include_inactive,
                                   struct store_service **out, size_t *n);
enum store_err store_service_get(struct store *st, const char *code,
                                 struct store_service *out);
enum store_err store_service_get_id(struct store *st, int64_t id,
                                    struct store_service *out);
/* Creates (svc->id == 0; sets it) or updates by id. Event "service.updated". */
enum store_err store_service_put(struct store *st, struct store_service *svc);

/* ---------------------------------------------------------------- counters */

#define STORE_COUNTER_SERVICES 16
struct store_counter {
    int64_t id;
    int number; /* shown as «شباك ٣»; what the API uses */
    char name[64];
    bool open;
    int64_t staff_id;  /* who opened it, 0 when closed */
    size_t n_services; /* ordered: earlier = preferred on ties */
    int64_t services[STORE_COUNTER_SERVICES];
    char service_codes[STORE_COUNTER_SERVICES][QUEUE_CODE_SIZE];
};
enum store_err store_counters_list(struct store *st, struct store_counter **out,
                                   size_t *n);
enum store_err store_counter_get(struct store *st, int number, struct store_counter *out);
/* Creates (c->id == 0) or updates number, name and services by id. Event
 * "counter.updated". */
enum store_err store_counter_put(struct store *st, struct store_counter *c);
/* Event "counter.opened"/"counter.closed". */
enum store_err store_counter_set_open(struct store *st, int number, bool open,
                                      int64_t staff_id);
enum store_err store_counter_set_services(struct store *st, int number,
                                          const int64_t *service_ids, size_t n);
/* The ticket currently called or being served at counter @number. */
enum store_err store_counter_current(struct store *st, int number,
                                     struct queue_ticket *out);

/* ---------------------------------------------------------------- staff */

enum store_role {
    STORE_ROLE_ADMIN,
    STORE_ROLE_MANAGER,
    STORE_ROLE_RECEPTION,
    STORE_ROLE_RESEARCHER,
    STORE_ROLE__COUNT
};
const char *store_role_name(enum store_role r); /* "admin", ... */
bool store_role_parse(const char *s, enum store_role *out);

struct store_staff {
    int64_t id;
    char username[64];
    char display_name[128];
    enum store_role role;
    char password_hash[256]; /* argon2id string as made by the auth module */
    bool active;
    int64_t created_at;
};
/* Username: 1–63 bytes. STORE_ERR_EXISTS when taken. Event "staff.updated" (no hash). */
enum store_err store_staff_create(struct store *st, const char *username,
                                  const char *display_name, enum store_role role,
                                  const char *password_hash, int64_t *id);
enum store_err store_staff_get(struct store *st, int64_t id, struct store_staff *out);
enum store_err store_staff_get_by_username(struct store *st, const char *username,
                                           struct store_staff *out);
enum store_err store_staff_list(struct store *st, struct store_staff **out, size_t *n);
enum store_err store_staff_set_password(struct store *st, int64_t id, const char *hash);
enum store_err store_staff_set_role(struct store *st, int64_t id, enum store_role role);
/* Deactivating also deletes the staff member's sessions. */
enum store_err store_staff_set_active(struct store *st, int64_t id, bool active);

/* ---------------------------------------------------------------- sessions */
/* Sessions are not domain events: no event rows. */

struct store_session {
    char token_hash[128]; /* hash of the cookie token, made by the auth module */
    int64_t staff_id;
    char csrf[128];
    int64_t created_at;
    int64_t last_seen_at;
    int64_t expires_at; /* absolute expiry */
};
enum store_err store_session_create(struct store *st, const struct store_session *s);
/* NOT_FOUND when absent or past expires_at. Idle expiry is the caller's rule
 * (compare last_seen_at), or use store_sessions_purge. */
enum store_err store_session_get(struct store *st, const char *token_hash,
                                 struct store_session *out);
enum store_err store_session_touch(struct store *st, const char *token_hash);
enum store_err store_session_delete(struct store *st, const char *token_hash);
/* Deletes sessions past expires_at or idle longer than @idle_s. */
enum store_err store_sessions_purge(struct store *st, int64_t idle_s);

/* ---------------------------------------------------------------- devices */

enum store_device_kind { STORE_DEVICE_KIOSK, STORE_DEVICE_DISPLAY };
const char *store_device_kind_name(enum store_device_kind k); /* "kiosk", "display" */
bool store_device_kind_parse(const char *s, enum store_device_kind *out);

struct store_device {
    int64_t id;
    char name[64];
    enum store_device_kind kind;
    char token_hash[128];
    bool revoked;
    int64_t created_at;
    int64_t last_seen_at;
};
/* Event "device.updated" (without the hash). */
enum store_err store_device_create(struct store *st, const char *name,
                                   enum store_device_kind kind, const char *token_hash,
                                   int64_t *id);
/* NOT_FOUND when unknown or revoked. */
enum store_err store_device_by_token(struct store *st, const char *token_hash,
                                     struct store_device *out);
enum store_err store_devices_list(struct store *st, struct store_device **out, size_t *n);
enum store_err store_device_revoke(struct store *st, int64_t id);
/* Records last_seen_at; no event. */
enum store_err store_device_touch(struct store *st, int64_t id);

/* ---------------------------------------------------------------- tickets */

struct store_issue {
    const char *service; /* code, e.g. "A" */
    bool priority;
    const char *idem_key;   /* NULL = not idempotent; keys are scoped per device */
    int64_t device_id;      /* 0 = staff/console */
    int64_t application_id; /* 0 = none */
};
/* A ticket with where it stands. The wait is queue_estimate_wait(people_ahead, mean
 * of the service's last 20 service times (default_service_s before there are any),
 * open counters serving the service). */
struct store_ticket_view {
    struct queue_ticket t;
    int people_ahead; /* waiting tickets called before it (0 when not waiting) */
    int position;     /* people_ahead + 1 when waiting, else 0 */
    struct queue_wait wait;
    bool replayed; /* issue: the idempotency key was seen; this is the first reply */
};
/* Issues a ticket numbered next for (service, today). A repeated (device, key)
 * returns the original ticket with replayed = true and writes nothing.
 * STORE_ERR_INVALID for an unknown or inactive service. Event "ticket.issued". */
enum store_err store_ticket_issue(struct store *st, const struct store_issue *req,
                                  struct store_ticket_view *out);
/* Group commit in one call: issues @n tickets in one transaction. errs[i] and
 * out[i] per request; returns STORE_OK when the batch committed (then every
 * errs[i] == STORE_OK ticket is durable), else the commit error (nothing durable). */
enum store_err store_ticket_issue_batch(struct store *st, const struct store_issue *reqs,
                                        size_t n, struct store_ticket_view *out,
                                        enum store_err *errs);
enum store_err store_ticket_get(struct store *st, int64_t id,
                                struct store_ticket_view *out);
enum store_err store_ticket_by_token(struct store *st, const char *token,
                                     struct store_ticket_view *out);
/* Today's tickets of @service (NULL = all), in state @state (-1 = any), by issue
 * time. */
enum store_err store_tickets_today(struct store *st, const char *service, int state,
                                   struct queue_ticket **out, size_t *n);

/* Counter actions. Each is one transaction + one event ("ticket.called",
 * "ticket.recalled", "ticket.serving", "ticket.done", "ticket.no_show",
 * "ticket.restored", "ticket.transferred", "ticket.cancelled") whose payload holds
 * at least id, label, service, state and counter. @staff_id may be 0. */

/* Picks with queue_choose_next among today's waiting tickets of the counter's
 * services, inside the write transaction. A ticket the counter still holds is
 * finished first, in the same transaction with its own event: being served -> done,
 * called but never served -> no_show (staff press "next" when they are through).
 * STORE_ERR_EMPTY when nobody waits (the finishing is still committed),
 * STORE_ERR_CLOSED when the counter is closed, STORE_ERR_NOT_FOUND for no such
 * counter. */
enum store_err store_call_next(struct store *st, int counter, int64_t staff_id,
                               struct queue_ticket *out);
/* Below the recall limit: recalls+1 and event "ticket.recalled"; at the limit the
 * ticket becomes no_show (event "ticket.no_show"); out->state tells which. */
enum store_err store_ticket_recall(struct store *st, int64_t id, int64_t staff_id,
                                   struct queue_ticket *out);
enum store_err store_ticket_serve(struct store *st, int64_t id, int64_t staff_id,
                                  struct queue_ticket *out);
enum store_err store_ticket_done(struct store *st, int64_t id, int64_t staff_id,
                                 struct queue_ticket *out);
enum store_err store_ticket_no_show(struct store *st, int64_t id, int64_t staff_id,
                                    struct queue_ticket *out);
enum store_err store_ticket_restore(struct store *st, int64_t id, int64_t staff_id,
                                    struct queue_ticket *out);
/* Marks @id transferred and creates the waiting ticket in @to_service (same label,
 * original issue time, origin_id = @id, new public token), returned in @out. @note
 * (may be NULL, capped at 500 bytes) is kept with the transfer. */
enum store_err store_ticket_transfer(struct store *st, int64_t id, const char *to_service,
                                     const char *note, int64_t staff_id,
                                     struct queue_ticket *out);
enum store_err store_ticket_cancel(struct store *st, int64_t id, int64_t staff_id,
                                   struct queue_ticket *out);

/* ---------------------------------------------------------------- applications */

struct store_application {
    int64_t id;
    char reference[APP_REF_SIZE];
    enum app_status status;
    enum app_channel channel;
    struct form_app form; /* validated by the caller with form_validate */
    int64_t submitted_at;
    int64_t due_at;
    int64_t updated_at;
    int64_t verified_by; /* staff id */
    int64_t verified_at;
    int64_t decided_by;
    int64_t decided_at;
    char note[1024]; /* last status note (decision note, what info is needed) */
    int64_t ticket_id;
    int64_t duplicate_of; /* an open application with the same national ID, or 0 */
    bool overdue;         /* computed at read time */
    bool has_signature;
};
/* Creates an application in status submitted, reference YYYY-NNNNNN (yearly serial,
 * office-local year), due = submitted + due_days, flagged duplicate_of when another
 * open application has the same national ID. @sig_png (may be NULL) is stored as a
 * blob, capped at 512 KiB. A repeated (device, @idem_key) returns the original with
 * *replayed = true. Event "application.created" (reference and status only). */
enum store_err store_application_create(struct store *st, const struct form_app *form,
                                        enum app_channel channel, int64_t device_id,
                                        const char *idem_key, int64_t ticket_id,
                                        const void *sig_png, size_t sig_len,
                                        struct store_application *out, bool *replayed);
enum store_err store_application_get(struct store *st, int64_t id,
                                     struct store_application *out);
enum store_err store_application_get_by_ref(struct store *st, const char *reference,
                                            struct store_application *out);
/* Caller frees *png. NOT_FOUND when there is no signature. */
enum store_err store_application_signature(struct store *st, int64_t id, void **png,
                                           size_t *len);

struct store_app_filter {
    int status;     /* -1 = any, else enum app_status */
    bool open_only; /* not accepted/rejected */
    bool overdue_only;
    const char *nid; /* exact national ID, or NULL */
    size_t limit;    /* 0 = 100 */
    size_t offset;
};
/* Overdue first, then by due time, then id. */
enum store_err store_applications_list(struct store *st, const struct store_app_filter *f,
                                       struct store_application **out, size_t *n);
/* Moves to @to if app_can_transition allows (else STORE_ERR_STATE), recording who and
 * when (verified_* for verified, decided_* for accepted/rejected) and @note (may be
 * NULL). Event "application.status". */
enum store_err store_application_set_status(struct store *st, int64_t id,
                                            enum app_status to, int64_t staff_id,
                                            const char *note,
                                            struct store_application *out);
/* Links an application to a ticket (and the ticket to it). Event
 * "application.linked". */
enum store_err store_application_link_ticket(struct store *st, int64_t id,
                                             int64_t ticket_id);
/* Public status lookup: STORE_OK and the status only when @reference exists AND its
 * national ID ends in @last4; NOT_FOUND otherwise (one answer for both, so it is
 * no oracle). */
enum store_err store_application_status_lookup(struct store *st, const char *reference,
                                               const char *last4, enum app_status *out);

/* ---------------------------------------------------------------- ratings */

struct store_rating {
    int64_t id;
    int64_t ticket_id;
    int score; /* 1–5 */
    char comment[512];
    int counter;
    int64_t staff_id;
    int64_t at;
};
/* The ticket must be done; one rating per ticket (STORE_ERR_EXISTS). Counter and
 * staff are taken from the ticket. Event "rating.added" (no comment text). */
enum store_err store_rating_add(struct store *st, int64_t ticket_id, int score,
                                const char *comment, struct store_rating *out);

/* Forgets idempotency keys (tickets and applications) older than @age_s seconds;
 * a kiosk retries within seconds, so a day is plenty. Keeps the key index small.
 * No event. */
enum store_err store_idempotency_purge(struct store *st, int64_t age_s);

/* ---------------------------------------------------------------- events */

struct store_event {
    int64_t seq;
    char type[32];
    char *payload; /* JSON object text, owned by the event */
    int64_t at;
};
/* Appends an event of the caller's own (e.g. "display.message"); one transaction
 * (or part of the open batch). @payload must be a JSON object text. */
enum store_err store_event_append(struct store *st, const char *type, const char *payload,
                                  int64_t *seq);
/* Events with seq > @after, oldest first, at most @limit (0 = 1000). Free with
 * store_events_free. */
enum store_err store_events_after(struct store *st, int64_t after, size_t limit,
                                  struct store_event **out, size_t *n);
void store_events_free(struct store_event *ev, size_t n);
/* Highest committed sequence, 0 when none. */
int64_t store_event_last_seq(struct store *st);

/* ---------------------------------------------------------------- reports */

/* One row of a report (per service, counter, staff member, or the total). Waits are
 * issue -> first call, service times served -> done, in seconds. */
struct store_report_row {
    char key[64]; /* service code, counter number as text, staff username, "total" */
    int issued;   /* tickets in the group (a transfer also counts in its target
                   * service); in the total, people: transfers are not counted twice */
    int called;
    int done;
    int no_show;
    int transferred;
    int cancelled;
    int waiting;                          /* still waiting at the end of the range */
    double wait_mean, wait_p50, wait_p90; /* over called tickets */
    double service_mean, service_p50, service_p90; /* over done tickets */
    int ratings;
    double rating_avg; /* 0 when no ratings */
};
struct store_report {
    char from[QUEUE_DAY_SIZE];
    char to[QUEUE_DAY_SIZE];
    struct store_report_row total;
    struct store_report_row *by_service;
    size_t n_service;
    struct store_report_row *by_counter;
    size_t n_counter;
    struct store_report_row *by_staff;
    size_t n_staff;
    int rating_dist[6];                    /* [1..5] = count of each score */
    int apps_total;                        /* applications submitted in the range */
    int apps_by_status[APP_STATUS__COUNT]; /* their current status */
    int apps_overdue; /* all open applications past due now, any submission date */
    /* Applications submitted in the range per support type code, most asked first. */
    struct store_report_count {
        char key[FORM_SUPPORT_MAX + 1];
        int n;
    } *apps_by_support;
    size_t n_apps_support;
};
/* Days @from..@to inclusive ("YYYY-MM-DD", office-local). Percentiles are nearest-
 * rank. Free with store_report_free. */
enum store_err store_report(struct store *st, const char *from, const char *to,
                            struct store_report *out);
void store_report_free(struct store_report *r);

#endif
