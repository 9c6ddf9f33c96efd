/* store-ticket — tickets: issuing (daily numbering, idempotency keys, public
 * tokens), where a ticket stands, and the counter actions. The rules themselves are
 * queue.c's; this file loads the rows they need, applies them inside one write
 * transaction and appends the event. Also the in-memory waiting counts that keep
 * issuing independent of the queue's length. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

#define IDEM_KEY_MAX 128
#define NOTE_MAX (QUEUE_NOTE_SIZE - 1)

/* ---------------------------------------------------------------- rows */

void sx_row_ticket(sqlite3_stmt *s, struct queue_ticket *t)
{
    memset(t, 0, sizeof *t);
    t->id = sqlite3_column_int64(s, 0);
    t->service_id = sqlite3_column_int64(s, 1);
    sx_col_text(s, 2, t->service, sizeof t->service);
    sx_col_text(s, 3, t->day, sizeof t->day);
    t->number = sqlite3_column_int(s, 4);
    sx_col_text(s, 5, t->label, sizeof t->label);
    sx_col_text(s, 6, t->token, sizeof t->token);
    t->priority = sqlite3_column_int(s, 7);
    if (!queue_state_parse((const char *)sqlite3_column_text(s, 8), &t->state))
        t->state = QUEUE_CANCELLED;
    t->issued_at = sqlite3_column_int64(s, 9);
    t->called_at = sqlite3_column_int64(s, 10);
    t->served_at = sqlite3_column_int64(s, 11);
    t->done_at = sqlite3_column_int64(s, 12);
    t->counter = sqlite3_column_int(s, 13);
    t->staff_id = sqlite3_column_int64(s, 14);
    t->recalls = sqlite3_column_int(s, 15);
    t->origin_id = sqlite3_column_int64(s, 16);
    t->application_id = sqlite3_column_int64(s, 17);
    t->device_id = sqlite3_column_int64(s, 18);
    sx_col_text(s, 19, t->note, sizeof t->note);
}

json_t *sx_ticket_json(const struct queue_ticket *t)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:b, s:i, s:I, s:i, s:I, s:I, s:s}", "id",
                     (json_int_t)t->id, "label", t->label, "service", t->service, "state",
                     queue_state_name(t->state), "priority", t->priority, "counter",
                     t->counter, "staff_id", (json_int_t)t->staff_id, "recalls",
                     t->recalls, "origin_id", (json_int_t)t->origin_id, "issued_at",
                     (json_int_t)t->issued_at, "day", t->day);
}

/* Inside the lock. */
static enum store_err ticket_load(struct store *st, const char *token, int64_t id,
                                  struct queue_ticket *t)
{
    sqlite3_stmt *s = token != NULL ? sx_prep(st, TICKET_SELECT "WHERE t.token = ?")
                                    : sx_prep(st, TICKET_SELECT "WHERE t.id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    if (token != NULL)
        sx_bind_text(s, 1, token);
    else
        sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW)
        sx_row_ticket(s, t);
    else
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such ticket")
                              : sx_err(st, rc);
    sqlite3_reset(s);
    return e;
}

/* ---------------------------------------------------------------- estimates */

static double mean_service(struct store *st, int64_t service_id)
{
    sqlite3_stmt *s = sx_prep(st, "SELECT AVG(d) FROM (SELECT done_at - served_at AS d "
                                  "FROM tickets WHERE service_id = ? AND state = 'done' "
                                  "AND served_at > 0 ORDER BY done_at DESC LIMIT 20)");
    double mean = 0;
    if (s != NULL) {
        sqlite3_bind_int64(s, 1, service_id);
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
            mean = sqlite3_column_double(s, 0);
        sqlite3_reset(s);
    }
    return mean > 0 ? mean : st->default_service_s;
}

static int open_counters(struct store *st, int64_t service_id)
{
    int64_t n = 0;
    sqlite3_stmt *s =
        sx_prep(st, "SELECT COUNT(*) FROM counter_services cs JOIN counters c "
                    "ON c.id = cs.counter_id WHERE cs.service_id = ? "
                    "AND c.open = 1");
    if (s != NULL) {
        sqlite3_bind_int64(s, 1, service_id);
        sx_int(st, s, &n);
    }
    return (int)n;
}

static void estimate(struct store *st, struct store_ticket_view *v)
{
    v->position = v->people_ahead + 1;
    v->wait = queue_estimate_wait(v->people_ahead, mean_service(st, v->t.service_id),
                                  open_counters(st, v->t.service_id));
}

enum store_err sx_ticket_view(struct store *st, struct store_ticket_view *v)
{
    v->people_ahead = 0;
    v->position = 0;
    v->wait = (struct queue_wait){0, 0};
    if (v->t.state != QUEUE_WAITING)
        return STORE_OK;
    const struct queue_ticket *t = &v->t;
    /* queue_people_ahead's rule, counted by the index instead of loaded. */
    sqlite3_stmt *s = sx_prep(st, "SELECT COUNT(*) FROM tickets WHERE service_id = ?1 "
                                  "AND day = ?2 AND state = 'waiting' AND id != ?5 AND "
                                  "(priority > ?3 OR (priority = ?3 AND (issued_at < ?4 "
                                  "OR (issued_at = ?4 AND id < ?5))))");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, t->service_id);
    sx_bind_text(s, 2, t->day);
    sqlite3_bind_int(s, 3, t->priority);
    sqlite3_bind_int64(s, 4, t->issued_at);
    sqlite3_bind_int64(s, 5, t->id);
    int64_t n;
    enum store_err e = sx_int(st, s, &n);
    if (e != STORE_OK)
        return e;
    v->people_ahead = (int)n;
    estimate(st, v);
    return STORE_OK;
}

/* ---------------------------------------------------------------- waiting counts */

void sx_wc_clear(struct store *st)
{
    st->n_wc = 0;
}

static struct wcount *wc_find(struct store *st, int64_t service_id, const char *day)
{
    for (size_t i = 0; i < st->n_wc; i++)
        if (st->wc[i].service_id == service_id && strcmp(st->wc[i].day, day) == 0)
            return &st->wc[i];
    return NULL;
}

/* Loads the counts for (service, day) when not cached; NULL on error. */
static struct wcount *wc_get(struct store *st, int64_t service_id, const char *day)
{
    struct wcount *w = wc_find(st, service_id, day);
    if (w != NULL)
        return w;
    sqlite3_stmt *s =
        sx_prep(st, "SELECT COUNT(*), COALESCE(SUM(priority), 0) FROM tickets "
                    "WHERE service_id = ? AND day = ? AND state = 'waiting'");
    if (s == NULL)
        return NULL;
    sqlite3_bind_int64(s, 1, service_id);
    sx_bind_text(s, 2, day);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_reset(s);
        return NULL;
    }
    /* Old days are never asked again; drop them rather than grow. */
    for (size_t i = 0; i < st->n_wc;) {
        if (strcmp(st->wc[i].day, day) != 0)
            st->wc[i] = st->wc[--st->n_wc];
        else
            i++;
    }
    st->wc = xreallocarray_grow(st->wc, &st->cap_wc, st->n_wc + 1, sizeof *st->wc);
    w = &st->wc[st->n_wc++];
    w->service_id = service_id;
    snprintf(w->day, sizeof w->day, "%s", day);
    w->waiting = sqlite3_column_int(s, 0);
    w->waiting_priority = sqlite3_column_int(s, 1);
    sqlite3_reset(s);
    return w;
}

void sx_wc_adjust(struct store *st, const struct queue_ticket *t, int delta)
{
    struct wcount *w = wc_find(st, t->service_id, t->day);
    if (w == NULL)
        return; /* loaded fresh from the table when next needed */
    w->waiting += delta;
    if (t->priority)
        w->waiting_priority += delta;
}

/* ---------------------------------------------------------------- writes */

/* Writes @t's mutable columns; keeps the waiting counts in step with @before. */
static enum store_err ticket_save(struct store *st, enum queue_state before,
                                  const struct queue_ticket *t, const char *note)
{
    sqlite3_stmt *s =
        sx_prep(st, "UPDATE tickets SET state = ?, called_at = ?, "
                    "served_at = ?, done_at = ?, counter = ?, staff_id = ?, "
                    "recalls = ?, note = COALESCE(?, note) WHERE id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, queue_state_name(t->state));
    sqlite3_bind_int64(s, 2, t->called_at);
    sqlite3_bind_int64(s, 3, t->served_at);
    sqlite3_bind_int64(s, 4, t->done_at);
    sqlite3_bind_int(s, 5, t->counter);
    sqlite3_bind_int64(s, 6, t->staff_id);
    sqlite3_bind_int(s, 7, t->recalls);
    sx_bind_text(s, 8, note);
    sqlite3_bind_int64(s, 9, t->id);
    enum store_err e = sx_exec(st, s);
    if (e == STORE_OK && before == QUEUE_WAITING && t->state != QUEUE_WAITING)
        sx_wc_adjust(st, t, -1);
    if (e == STORE_OK && before != QUEUE_WAITING && t->state == QUEUE_WAITING)
        sx_wc_adjust(st, t, +1);
    return e;
}

/* Inserts @t (id 0) as a new row, giving it a token and an id. */
static enum store_err ticket_insert(struct store *st, struct queue_ticket *t,
                                    const char *note)
{
    /* Time first, then 96 random bits: still unguessable, but new tokens land at
     * the end of their unique index instead of dirtying random pages of it, which
     * at thousands of tickets a second is most of what a commit would write. */
    snprintf(t->token, 9, "%08x", (unsigned)(uint32_t)t->issued_at);
    sx_random_hex(t->token + 8, 12);
    sqlite3_stmt *s =
        sx_prep(st, "INSERT INTO tickets(service_id, day, number, label, token, "
                    "priority, state, issued_at, origin_id, application_id, "
                    "device_id, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?)");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, t->service_id);
    sx_bind_text(s, 2, t->day);
    sqlite3_bind_int(s, 3, t->number);
    sx_bind_text(s, 4, t->label);
    sx_bind_text(s, 5, t->token);
    sqlite3_bind_int(s, 6, t->priority);
    sx_bind_text(s, 7, queue_state_name(t->state));
    sqlite3_bind_int64(s, 8, t->issued_at);
    sqlite3_bind_int64(s, 9, t->origin_id);
    sqlite3_bind_int64(s, 10, t->application_id);
    sqlite3_bind_int64(s, 11, t->device_id);
    sx_bind_text(s, 12, note);
    enum store_err e = sx_exec(st, s);
    if (e == STORE_OK)
        t->id = sqlite3_last_insert_rowid(st->db);
    return e;
}

struct svc {
    int64_t id;
    char code[QUEUE_CODE_SIZE];
    char prefix[8];
    double weight;
    bool active;
};

static enum store_err svc_by(struct store *st, const char *code, int64_t id,
                             struct svc *o)
{
    sqlite3_stmt *s = sx_prep(st, "SELECT id, code, prefix, weight, active FROM services "
                                  "WHERE code = ?1 OR id = ?2");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, code);
    sqlite3_bind_int64(s, 2, id);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? sx_fail(STORE_ERR_INVALID, "no such service")
                                 : sx_err(st, rc);
    }
    o->id = sqlite3_column_int64(s, 0);
    sx_col_text(s, 1, o->code, sizeof o->code);
    sx_col_text(s, 2, o->prefix, sizeof o->prefix);
    o->weight = sqlite3_column_double(s, 3);
    o->active = sqlite3_column_int(s, 4);
    sqlite3_reset(s);
    return STORE_OK;
}

/* ---------------------------------------------------------------- issue */

static enum store_err issue(struct store *st, const struct store_issue *req,
                            struct store_ticket_view *out)
{
    memset(out, 0, sizeof *out);
    if (req->idem_key != NULL &&
        (strlen(req->idem_key) == 0 || strlen(req->idem_key) > IDEM_KEY_MAX))
        return sx_fail(STORE_ERR_INVALID, "bad idempotency key");
    if (req->idem_key != NULL) {
        sqlite3_stmt *s =
            sx_prep(st, "SELECT ref_id FROM idempotency WHERE kind = 'ticket' "
                        "AND device_id = ? AND key = ?");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int64(s, 1, req->device_id);
        sx_bind_text(s, 2, req->idem_key);
        int64_t ref;
        enum store_err e = sx_int(st, s, &ref);
        if (e != STORE_OK)
            return e;
        if (ref != 0) {
            e = ticket_load(st, NULL, ref, &out->t);
            if (e == STORE_OK)
                e = sx_ticket_view(st, out);
            out->replayed = true;
            return e;
        }
    }
    struct svc sv;
    enum store_err e = svc_by(st, req->service ? req->service : "", -1, &sv);
    if (e != STORE_OK)
        return e;
    if (!sv.active)
        return sx_fail(STORE_ERR_INVALID, "service is not active");

    struct queue_ticket *t = &out->t;
    int64_t now = store_now(st);
    sx_today(st, now, t->day);
    sqlite3_stmt *s = sx_prep(st, "SELECT COALESCE(MAX(number), 0) + 1 FROM tickets "
                                  "WHERE service_id = ? AND day = ? AND number > 0");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, sv.id);
    sx_bind_text(s, 2, t->day);
    int64_t number;
    if ((e = sx_int(st, s, &number)) != STORE_OK)
        return e;
    struct wcount *w = wc_get(st, sv.id, t->day);
    if (w == NULL)
        return sx_err(st, sqlite3_errcode(st->db));

    t->service_id = sv.id;
    memcpy(t->service, sv.code, sizeof t->service);
    t->number = (int)number;
    queue_label(sv.prefix, t->number, t->label);
    t->priority = req->priority;
    t->state = QUEUE_WAITING;
    t->issued_at = now;
    t->application_id = req->application_id;
    t->device_id = req->device_id;
    /* Everyone waiting is ahead of a new ticket, but only priority tickets are ahead
     * of a new priority ticket. */
    out->people_ahead = req->priority ? w->waiting_priority : w->waiting;
    if ((e = ticket_insert(st, t, NULL)) != STORE_OK)
        return e;
    sx_wc_adjust(st, t, +1);

    if (req->idem_key != NULL) {
        s = sx_prep(st,
                    "INSERT INTO idempotency(kind, device_id, key, ref_id, created_at) "
                    "VALUES ('ticket', ?, ?, ?, ?)");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int64(s, 1, req->device_id);
        sx_bind_text(s, 2, req->idem_key);
        sqlite3_bind_int64(s, 3, t->id);
        sqlite3_bind_int64(s, 4, now);
        if ((e = sx_exec(st, s)) != STORE_OK)
            return e;
    }
    json_t *p = sx_ticket_json(t);
    json_object_set_new(p, "waiting", json_integer(w->waiting));
    if ((e = sx_event(st, "ticket.issued", p, NULL)) != STORE_OK)
        return e;
    estimate(st, out);
    return STORE_OK;
}

enum store_err store_ticket_issue(struct store *st, const struct store_issue *req,
                                  struct store_ticket_view *out)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    return sx_end(st, issue(st, req, out));
}

enum store_err store_ticket_issue_batch(struct store *st, const struct store_issue *reqs,
                                        size_t n, struct store_ticket_view *out,
                                        enum store_err *errs)
{
    enum store_err e = store_begin(st);
    if (e != STORE_OK) {
        for (size_t i = 0; i < n; i++)
            errs[i] = e;
        return e;
    }
    for (size_t i = 0; i < n; i++)
        errs[i] = store_ticket_issue(st, &reqs[i], &out[i]);
    return store_commit(st);
}

enum store_err store_idempotency_purge(struct store *st, int64_t age_s)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "DELETE FROM idempotency WHERE created_at < ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int64(s, 1, store_now(st) - age_s);
    return sx_end(st, sx_exec(st, s));
}

/* ---------------------------------------------------------------- reads */

static enum store_err view_by(struct store *st, const char *token, int64_t id,
                              struct store_ticket_view *out)
{
    memset(out, 0, sizeof *out);
    st = sx_rbegin(st);
    enum store_err e = ticket_load(st, token, id, &out->t);
    if (e == STORE_OK)
        e = sx_ticket_view(st, out);
    sx_unlock(st);
    return e;
}

enum store_err store_ticket_get(struct store *st, int64_t id,
                                struct store_ticket_view *out)
{
    return view_by(st, NULL, id, out);
}

enum store_err store_ticket_by_token(struct store *st, const char *token,
                                     struct store_ticket_view *out)
{
    return view_by(st, token ? token : "", 0, out);
}

enum store_err store_tickets_today(struct store *st, const char *service, int state,
                                   struct queue_ticket **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    char day[QUEUE_DAY_SIZE];
    store_today(st, day);
    st = sx_rbegin(st);
    sqlite3_stmt *s =
        sx_prep(st, TICKET_SELECT "WHERE t.day = ?1 AND (?2 IS NULL OR "
                                  "s.code = ?2) AND (?3 IS NULL OR t.state = ?3) "
                                  "ORDER BY t.issued_at, t.id");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1, day);
    sx_bind_text(s, 2, service);
    sx_bind_text(s, 3,
                 state >= 0 && state < QUEUE_STATE__COUNT
                     ? queue_state_name((enum queue_state)state)
                     : NULL);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        sx_row_ticket(s, &(*out)[(*n)++]);
    }
    enum store_err e = rc == SQLITE_DONE ? STORE_OK : sx_err(st, rc);
    sx_unlock(st);
    if (e != STORE_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return e;
}

/* ---------------------------------------------------------------- actions */

static enum store_err queue_to_store(enum queue_err q)
{
    switch (q) {
    case QUEUE_OK:
        return STORE_OK;
    case QUEUE_ERR_STATE:
        return sx_fail(STORE_ERR_STATE, "not allowed in the ticket's state");
    default:
        return sx_fail(STORE_ERR_INVALID, "transfer to the same service");
    }
}

static const char *const act_events[QUEUE_ACT__COUNT] = {
    [QUEUE_ACT_CALL] = "ticket.called",          [QUEUE_ACT_RECALL] = "ticket.recalled",
    [QUEUE_ACT_SERVE] = "ticket.serving",        [QUEUE_ACT_DONE] = "ticket.done",
    [QUEUE_ACT_NO_SHOW] = "ticket.no_show",      [QUEUE_ACT_RESTORE] = "ticket.restored",
    [QUEUE_ACT_TRANSFER] = "ticket.transferred", [QUEUE_ACT_CANCEL] = "ticket.cancelled",
};

/* Applies @act to the loaded ticket @t, saves it and appends its event. Inside the
 * transaction. For a transfer @t ends up being the new ticket. */
static enum store_err apply(struct store *st, struct queue_ticket *t,
                            enum queue_action act, int64_t staff_id,
                            const char *to_service, const char *note)
{
    int64_t now = store_now(st);
    enum queue_state before = t->state;
    const char *type = act_events[act];
    enum queue_err q;
    bool no_show = false;
    switch (act) {
    case QUEUE_ACT_RECALL:
        q = queue_recall(t, st->recall_limit, now, &no_show);
        if (no_show)
            type = "ticket.no_show";
        break;
    case QUEUE_ACT_SERVE:
        q = queue_serve(t, staff_id, now);
        break;
    case QUEUE_ACT_DONE:
        q = queue_done(t, now);
        break;
    case QUEUE_ACT_NO_SHOW:
        q = queue_no_show(t, now);
        break;
    case QUEUE_ACT_RESTORE:
        q = queue_restore(t);
        break;
    case QUEUE_ACT_CANCEL:
        q = queue_cancel(t, now);
        break;
    case QUEUE_ACT_TRANSFER: {
        if (note != NULL && strlen(note) > NOTE_MAX)
            return sx_fail(STORE_ERR_INVALID, "note too long");
        struct svc sv;
        enum store_err e = svc_by(st, to_service ? to_service : "", -1, &sv);
        if (e != STORE_OK)
            return e;
        struct queue_ticket moved;
        q = queue_transfer(t, sv.id, sv.code, now, &moved);
        if (q != QUEUE_OK)
            return queue_to_store(q);
        if (note != NULL && note[0] != '\0') {
            snprintf(t->note, sizeof t->note, "%s", note);
            snprintf(moved.note, sizeof moved.note, "%s", note);
        }
        if ((e = ticket_save(st, before, t, note)) != STORE_OK)
            return e;
        json_t *from = sx_ticket_json(t);
        if ((e = ticket_insert(st, &moved, note)) != STORE_OK) {
            json_decref(from);
            return e;
        }
        sx_wc_adjust(st, &moved, +1);
        *t = moved;
        json_t *p = sx_ticket_json(t);
        json_object_set_new(p, "from", from);
        return sx_event(st, type, p, NULL);
    }
    default:
        return sx_fail(STORE_ERR_INVALID, "unknown action");
    }
    if (q != QUEUE_OK)
        return queue_to_store(q);
    enum store_err e = ticket_save(st, before, t, NULL);
    if (e == STORE_OK)
        e = sx_event(st, type, sx_ticket_json(t), NULL);
    return e;
}

static enum store_err act(struct store *st, int64_t id, enum queue_action a,
                          int64_t staff_id, const char *to_service, const char *note,
                          struct queue_ticket *out)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    struct queue_ticket t;
    e = ticket_load(st, NULL, id, &t);
    if (e == STORE_OK)
        e = apply(st, &t, a, staff_id, to_service, note);
    e = sx_end(st, e);
    if (e == STORE_OK && out != NULL)
        *out = t;
    return e;
}

enum store_err store_ticket_recall(struct store *st, int64_t id, int64_t staff_id,
                                   struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_RECALL, staff_id, NULL, NULL, out);
}

enum store_err store_ticket_serve(struct store *st, int64_t id, int64_t staff_id,
                                  struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_SERVE, staff_id, NULL, NULL, out);
}

enum store_err store_ticket_done(struct store *st, int64_t id, int64_t staff_id,
                                 struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_DONE, staff_id, NULL, NULL, out);
}

enum store_err store_ticket_no_show(struct store *st, int64_t id, int64_t staff_id,
                                    struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_NO_SHOW, staff_id, NULL, NULL, out);
}

enum store_err store_ticket_restore(struct store *st, int64_t id, int64_t staff_id,
                                    struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_RESTORE, staff_id, NULL, NULL, out);
}

enum store_err store_ticket_transfer(struct store *st, int64_t id, const char *to_service,
                                     const char *note, int64_t staff_id,
                                     struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_TRANSFER, staff_id, to_service, note, out);
}

enum store_err store_ticket_cancel(struct store *st, int64_t id, int64_t staff_id,
                                   struct queue_ticket *out)
{
    return act(st, id, QUEUE_ACT_CANCEL, staff_id, NULL, NULL, out);
}

/* ---------------------------------------------------------------- call next */

/* Finishes what counter @number still holds: a ticket being served is done, one
 * called but never served is a no-show. Each is its own event. */
static enum store_err finish_current(struct store *st, int number, int64_t staff_id)
{
    for (;;) {
        sqlite3_stmt *s = sx_prep(st, TICKET_SELECT "WHERE t.counter = ? AND t.state IN "
                                                    "('called', 'serving') LIMIT 1");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int(s, 1, number);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_DONE) {
            sqlite3_reset(s);
            return STORE_OK;
        }
        if (rc != SQLITE_ROW)
            return sx_err(st, rc);
        struct queue_ticket t;
        sx_row_ticket(s, &t);
        sqlite3_reset(s);
        enum store_err e =
            apply(st, &t, t.state == QUEUE_SERVING ? QUEUE_ACT_DONE : QUEUE_ACT_NO_SHOW,
                  staff_id, NULL, NULL);
        if (e != STORE_OK)
            return e;
    }
}

static enum store_err call_next(struct store *st, int number, int64_t staff_id,
                                struct queue_ticket *out, bool *finished)
{
    struct store_counter c;
    enum store_err e = sx_counter_get(st, number, &c);
    if (e != STORE_OK)
        return e;
    if (!c.open)
        return sx_fail(STORE_ERR_CLOSED, "counter is closed");
    int64_t before = sqlite3_total_changes(st->db);
    if ((e = finish_current(st, number, staff_id)) != STORE_OK)
        return e;
    *finished = sqlite3_total_changes(st->db) != before;

    int64_t now = store_now(st);
    char day[QUEUE_DAY_SIZE];
    sx_today(st, now, day);
    /* The head of each service's queue is the only ticket of that service the
     * choice could pick (same weight within a service), so load just the heads. */
    struct queue_ticket heads[STORE_COUNTER_SERVICES];
    struct queue_weight weights[STORE_COUNTER_SERVICES];
    size_t n = 0;
    for (size_t i = 0; i < c.n_services; i++) {
        struct svc sv;
        if ((e = svc_by(st, NULL, c.services[i], &sv)) != STORE_OK)
            return e;
        weights[i] = (struct queue_weight){sv.id, sv.weight};
        sqlite3_stmt *s =
            sx_prep(st, TICKET_SELECT "WHERE t.service_id = ? AND t.day = ? "
                                      "AND t.state = 'waiting' ORDER BY "
                                      "t.priority DESC, t.issued_at, t.id "
                                      "LIMIT 1");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int64(s, 1, sv.id);
        sx_bind_text(s, 2, day);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            sx_row_ticket(s, &heads[n++]);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return sx_err(st, rc);
    }
    long pick = queue_choose_next(heads, n, weights, c.n_services, now);
    if (pick < 0)
        return sx_fail(STORE_ERR_EMPTY, "nobody waits");
    struct queue_ticket *t = &heads[pick];
    enum queue_state was = t->state;
    if (queue_call(t, number, staff_id, now) != QUEUE_OK)
        return queue_to_store(QUEUE_ERR_STATE);
    if ((e = ticket_save(st, was, t, NULL)) != STORE_OK)
        return e;
    if ((e = sx_event(st, "ticket.called", sx_ticket_json(t), NULL)) != STORE_OK)
        return e;
    *out = *t;
    return STORE_OK;
}

enum store_err store_call_next(struct store *st, int counter, int64_t staff_id,
                               struct queue_ticket *out)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    struct queue_ticket t;
    bool finished = false;
    e = call_next(st, counter, staff_id, &t, &finished);
    if (e == STORE_ERR_EMPTY && finished) {
        /* Nobody waits, but the ticket the counter finished stays finished. */
        e = sx_end(st, STORE_OK);
        return e == STORE_OK ? sx_fail(STORE_ERR_EMPTY, "nobody waits") : e;
    }
    e = sx_end(st, e);
    if (e == STORE_OK && out != NULL)
        *out = t;
    return e;
}
