/* store-app — support applications (طلبات الدعم) and ratings. Applications keep
 * the beneficiary's data, so their events carry only the reference, the status
 * and ids: the event stream reaches displays and must not leak personal data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

#define SIG_MAX (512 * 1024)
#define IDEM_KEY_MAX 128

#define APP_COLS                                                                         \
    "id, reference, status, channel, name, nid, mobile, city, district, "                \
    "family_members, income, housing, support_type, notes, declaration, submitted_at, "  \
    "due_at, updated_at, verified_by, verified_at, decided_by, decided_at, note, "       \
    "ticket_id, duplicate_of, signature IS NOT NULL "

static void row_app(struct store *st, sqlite3_stmt *s, struct store_application *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(s, 0);
    sx_col_text(s, 1, a->reference, sizeof a->reference);
    app_status_parse((const char *)sqlite3_column_text(s, 2), &a->status);
    app_channel_parse((const char *)sqlite3_column_text(s, 3), &a->channel);
    struct form_app *f = &a->form;
    sx_col_text(s, 4, f->name, sizeof f->name);
    sx_col_text(s, 5, f->nid, sizeof f->nid);
    sx_col_text(s, 6, f->mobile, sizeof f->mobile);
    sx_col_text(s, 7, f->city, sizeof f->city);
    sx_col_text(s, 8, f->district, sizeof f->district);
    f->family_members = sqlite3_column_int(s, 9);
    f->income = sqlite3_column_int64(s, 10);
    form_housing_parse((const char *)sqlite3_column_text(s, 11), &f->housing);
    sx_col_text(s, 12, f->support_type, sizeof f->support_type);
    sx_col_text(s, 13, f->notes, sizeof f->notes);
    f->declaration = sqlite3_column_int(s, 14);
    a->submitted_at = sqlite3_column_int64(s, 15);
    a->due_at = sqlite3_column_int64(s, 16);
    a->updated_at = sqlite3_column_int64(s, 17);
    a->verified_by = sqlite3_column_int64(s, 18);
    a->verified_at = sqlite3_column_int64(s, 19);
    a->decided_by = sqlite3_column_int64(s, 20);
    a->decided_at = sqlite3_column_int64(s, 21);
    sx_col_text(s, 22, a->note, sizeof a->note);
    a->ticket_id = sqlite3_column_int64(s, 23);
    a->duplicate_of = sqlite3_column_int64(s, 24);
    a->has_signature = sqlite3_column_int(s, 25);
    a->overdue = app_overdue(a->status, a->due_at, store_now(st));
}

/* Inside the lock. */
static enum store_err app_load(struct store *st, int64_t id, const char *ref,
                               struct store_application *a)
{
    sqlite3_stmt *s = sx_prep(st, "SELECT " APP_COLS "FROM applications "
                                  "WHERE id = ?1 OR reference = ?2");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, id);
    sx_bind_text(s, 2, ref);
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW)
        row_app(st, s, a);
    else
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such application")
                              : sx_err(st, rc);
    sqlite3_reset(s);
    return e;
}

static json_t *app_json(const struct store_application *a)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:I, s:b}", "id", (json_int_t)a->id,
                     "reference", a->reference, "status", app_status_name(a->status),
                     "channel", app_channel_name(a->channel), "ticket_id",
                     (json_int_t)a->ticket_id, "duplicate", a->duplicate_of != 0);
}

/* The store does not trust its caller to have run form_validate. */
static bool form_sane(const struct form_app *f)
{
    char tmp[FORM_NAME_MAX + 1];
    return form_check_nid(f->nid, tmp) == FORM_OK &&
           form_check_mobile(f->mobile, tmp) == FORM_OK &&
           form_check_name(f->name, tmp) == FORM_OK &&
           form_check_family(f->family_members) == FORM_OK &&
           form_check_income(f->income) == FORM_OK && f->declaration &&
           f->city[0] != '\0' && f->district[0] != '\0' && f->support_type[0] != '\0' &&
           (unsigned)f->housing <= FORM_HOUSING_OTHER;
}

static enum store_err link_ticket(struct store *st, int64_t app_id, int64_t ticket_id)
{
    sqlite3_stmt *s = sx_prep(st, "UPDATE tickets SET application_id = ? WHERE id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, app_id);
    sqlite3_bind_int64(s, 2, ticket_id);
    enum store_err e = sx_exec(st, s);
    if (e == STORE_OK && sqlite3_changes(st->db) == 0)
        return sx_fail(STORE_ERR_INVALID, "no such ticket");
    s = sx_prep(st, "UPDATE applications SET ticket_id = ?, updated_at = ? WHERE id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, ticket_id);
    sqlite3_bind_int64(s, 2, store_now(st));
    sqlite3_bind_int64(s, 3, app_id);
    if (e == STORE_OK)
        e = sx_exec(st, s);
    if (e == STORE_OK && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such application");
    return e;
}

static enum store_err create(struct store *st, const struct form_app *f,
                             enum app_channel channel, int64_t device_id,
                             const char *idem_key, int64_t ticket_id, const void *sig,
                             size_t sig_len, struct store_application *out,
                             bool *replayed)
{
    if (idem_key != NULL) {
        sqlite3_stmt *s =
            sx_prep(st, "SELECT ref_id FROM idempotency WHERE "
                        "kind = 'application' AND device_id = ? AND key = ?");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int64(s, 1, device_id);
        sx_bind_text(s, 2, idem_key);
        int64_t ref;
        enum store_err e = sx_int(st, s, &ref);
        if (e != STORE_OK)
            return e;
        if (ref != 0) {
            *replayed = true;
            return app_load(st, ref, NULL, out);
        }
    }
    int64_t now = store_now(st);
    char day[QUEUE_DAY_SIZE];
    sx_today(st, now, day);
    int year = atoi(day);

    sqlite3_stmt *s = sx_prep(st, "SELECT COALESCE(MAX(serial), 0) + 1 FROM applications "
                                  "WHERE year = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int(s, 1, year);
    int64_t serial, dup;
    enum store_err e = sx_int(st, s, &serial);
    if (e != STORE_OK)
        return e;
    /* A second open application for one national ID is flagged, never merged. */
    s = sx_prep(st, "SELECT id FROM applications WHERE nid = ? AND status NOT IN "
                    "('accepted', 'rejected') ORDER BY id LIMIT 1");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, f->nid);
    if ((e = sx_int(st, s, &dup)) != STORE_OK)
        return e;

    char ref[APP_REF_SIZE];
    app_reference(year, serial, ref);
    s = sx_prep(
        st, "INSERT INTO applications(reference, year, serial, status, channel, name, "
            "nid, mobile, city, district, family_members, income, housing, "
            "support_type, notes, declaration, submitted_at, due_at, updated_at, "
            "duplicate_of, signature) VALUES (?, ?, ?, 'submitted', ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, ref);
    sqlite3_bind_int(s, 2, year);
    sqlite3_bind_int64(s, 3, serial);
    sx_bind_text(s, 4, app_channel_name(channel));
    sx_bind_text(s, 5, f->name);
    sx_bind_text(s, 6, f->nid);
    sx_bind_text(s, 7, f->mobile);
    sx_bind_text(s, 8, f->city);
    sx_bind_text(s, 9, f->district);
    sqlite3_bind_int(s, 10, f->family_members);
    sqlite3_bind_int64(s, 11, f->income);
    sx_bind_text(s, 12, form_housing_name(f->housing));
    sx_bind_text(s, 13, f->support_type);
    sx_bind_text(s, 14, f->notes);
    sqlite3_bind_int(s, 15, f->declaration);
    sqlite3_bind_int64(s, 16, now);
    sqlite3_bind_int64(s, 17, app_due_at(now, st->due_days));
    sqlite3_bind_int64(s, 18, now);
    sqlite3_bind_int64(s, 19, dup);
    if (sig != NULL && sig_len > 0)
        sqlite3_bind_blob(s, 20, sig, (int)sig_len, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(s, 20);
    if ((e = sx_exec(st, s)) != STORE_OK)
        return e;
    int64_t id = sqlite3_last_insert_rowid(st->db);
    if (ticket_id != 0 && (e = link_ticket(st, id, ticket_id)) != STORE_OK)
        return e;
    if (idem_key != NULL) {
        s = sx_prep(st,
                    "INSERT INTO idempotency(kind, device_id, key, ref_id, created_at) "
                    "VALUES ('application', ?, ?, ?, ?)");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int64(s, 1, device_id);
        sx_bind_text(s, 2, idem_key);
        sqlite3_bind_int64(s, 3, id);
        sqlite3_bind_int64(s, 4, now);
        if ((e = sx_exec(st, s)) != STORE_OK)
            return e;
    }
    if ((e = app_load(st, id, NULL, out)) != STORE_OK)
        return e;
    return sx_event(st, "application.created", app_json(out), NULL);
}

enum store_err store_application_create(struct store *st, const struct form_app *form,
                                        enum app_channel channel, int64_t device_id,
                                        const char *idem_key, int64_t ticket_id,
                                        const void *sig_png, size_t sig_len,
                                        struct store_application *out, bool *replayed)
{
    static const unsigned char png_magic[8] = {0x89, 'P',  'N',  'G',
                                               '\r', '\n', 0x1a, '\n'};
    bool dummy;
    if (replayed == NULL)
        replayed = &dummy;
    *replayed = false;
    if (!form_sane(form) || (unsigned)channel > APP_CHANNEL_WEB)
        return sx_fail(STORE_ERR_INVALID, "application fields not valid");
    if (idem_key != NULL && (*idem_key == '\0' || strlen(idem_key) > IDEM_KEY_MAX))
        return sx_fail(STORE_ERR_INVALID, "bad idempotency key");
    if (sig_png != NULL && sig_len > 0 &&
        (sig_len > SIG_MAX || sig_len < 8 || memcmp(sig_png, png_magic, 8) != 0))
        return sx_fail(STORE_ERR_INVALID, "signature is not a PNG of at most 512 KiB");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    return sx_end(st, create(st, form, channel, device_id, idem_key, ticket_id, sig_png,
                             sig_len, out, replayed));
}

enum store_err store_application_get(struct store *st, int64_t id,
                                     struct store_application *out)
{
    st = sx_rbegin(st);
    enum store_err e = app_load(st, id, NULL, out);
    sx_unlock(st);
    return e;
}

enum store_err store_application_get_by_ref(struct store *st, const char *reference,
                                            struct store_application *out)
{
    st = sx_rbegin(st);
    enum store_err e = app_load(st, -1, reference ? reference : "", out);
    sx_unlock(st);
    return e;
}

enum store_err store_application_signature(struct store *st, int64_t id, void **png,
                                           size_t *len)
{
    *png = NULL;
    *len = 0;
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, "SELECT signature FROM applications WHERE id = ?");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_BLOB) {
        *len = (size_t)sqlite3_column_bytes(s, 0);
        *png = xmalloc(*len ? *len : 1);
        memcpy(*png, sqlite3_column_blob(s, 0), *len);
    } else {
        e = rc == SQLITE_ROW || rc == SQLITE_DONE
                ? sx_fail(STORE_ERR_NOT_FOUND, "no signature")
                : sx_err(st, rc);
    }
    sx_unlock(st);
    return e;
}

enum store_err store_applications_list(struct store *st, const struct store_app_filter *f,
                                       struct store_application **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct store_app_filter all = {.status = -1};
    if (f == NULL)
        f = &all;
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(
        st, "SELECT " APP_COLS "FROM applications WHERE (?1 IS NULL OR status = ?1) "
            "AND (?2 = 0 OR status NOT IN ('accepted', 'rejected')) "
            "AND (?3 = 0 OR (status NOT IN ('accepted', 'rejected') AND due_at < ?4)) "
            "AND (?5 IS NULL OR nid = ?5) "
            "ORDER BY (status NOT IN ('accepted', 'rejected') AND due_at < ?4) DESC, "
            "due_at, id LIMIT ?6 OFFSET ?7");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1,
                 f->status >= 0 && f->status < APP_STATUS__COUNT
                     ? app_status_name((enum app_status)f->status)
                     : NULL);
    sqlite3_bind_int(s, 2, f->open_only);
    sqlite3_bind_int(s, 3, f->overdue_only);
    sqlite3_bind_int64(s, 4, store_now(st));
    sx_bind_text(s, 5, f->nid);
    sqlite3_bind_int64(s, 6, f->limit ? (int64_t)f->limit : 100);
    sqlite3_bind_int64(s, 7, (int64_t)f->offset);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        row_app(st, s, &(*out)[(*n)++]);
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

static enum store_err set_status(struct store *st, int64_t id, enum app_status to,
                                 int64_t staff_id, const char *note,
                                 struct store_application *out)
{
    struct store_application a;
    enum store_err e = app_load(st, id, NULL, &a);
    if (e != STORE_OK)
        return e;
    if (!app_can_transition(a.status, to))
        return sx_fail(STORE_ERR_STATE, "status change not allowed");
    enum app_status from = a.status;
    int64_t now = store_now(st);
    sqlite3_stmt *s = sx_prep(
        st, "UPDATE applications SET status = ?1, updated_at = ?2, "
            "verified_by = CASE WHEN ?1 = 'verified' THEN ?3 ELSE verified_by END, "
            "verified_at = CASE WHEN ?1 = 'verified' THEN ?2 ELSE verified_at END, "
            "decided_by = CASE WHEN ?1 IN ('accepted', 'rejected') THEN ?3 ELSE "
            "decided_by END, "
            "decided_at = CASE WHEN ?1 IN ('accepted', 'rejected') THEN ?2 ELSE "
            "decided_at END, "
            "note = COALESCE(?4, note) WHERE id = ?5");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, app_status_name(to));
    sqlite3_bind_int64(s, 2, now);
    sqlite3_bind_int64(s, 3, staff_id);
    sx_bind_text(s, 4, note);
    sqlite3_bind_int64(s, 5, id);
    if ((e = sx_exec(st, s)) != STORE_OK)
        return e;
    if ((e = app_load(st, id, NULL, out)) != STORE_OK)
        return e;
    json_t *p = app_json(out);
    json_object_set_new(p, "from", json_string(app_status_name(from)));
    json_object_set_new(p, "staff_id", json_integer(staff_id));
    return sx_event(st, "application.status", p, NULL);
}

enum store_err store_application_set_status(struct store *st, int64_t id,
                                            enum app_status to, int64_t staff_id,
                                            const char *note,
                                            struct store_application *out)
{
    if (note != NULL && strlen(note) >= sizeof out->note)
        return sx_fail(STORE_ERR_INVALID, "note too long");
    struct store_application tmp;
    if (out == NULL)
        out = &tmp;
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    return sx_end(st, set_status(st, id, to, staff_id, note, out));
}

enum store_err store_application_link_ticket(struct store *st, int64_t id,
                                             int64_t ticket_id)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    struct store_application a;
    e = app_load(st, id, NULL, &a);
    if (e == STORE_OK)
        e = link_ticket(st, id, ticket_id);
    if (e == STORE_OK) {
        a.ticket_id = ticket_id;
        e = sx_event(st, "application.linked", app_json(&a), NULL);
    }
    return sx_end(st, e);
}

enum store_err store_application_status_lookup(struct store *st, const char *reference,
                                               const char *last4, enum app_status *out)
{
    char *digits = form_ascii_digits(last4 ? last4 : "");
    bool shape = strlen(digits) == 4;
    st = sx_rbegin(st);
    sqlite3_stmt *s =
        sx_prep(st, "SELECT status, nid FROM applications WHERE reference = ?");
    enum store_err e = STORE_ERR_IO;
    if (s != NULL) {
        sx_bind_text(s, 1, reference ? reference : "");
        int rc = sqlite3_step(s);
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such application");
        if (rc == SQLITE_ROW) {
            const char *nid = (const char *)sqlite3_column_text(s, 1);
            size_t len = nid ? strlen(nid) : 0;
            if (shape && len >= 4 && memcmp(nid + len - 4, digits, 4) == 0 &&
                app_status_parse((const char *)sqlite3_column_text(s, 0), out))
                e = STORE_OK;
        } else if (rc != SQLITE_DONE) {
            e = sx_err(st, rc);
        }
    }
    sx_unlock(st);
    free(digits);
    return e;
}

/* ---------------------------------------------------------------- ratings */

static enum store_err rate(struct store *st, int64_t ticket_id, int score,
                           const char *comment, struct store_rating *out)
{
    sqlite3_stmt *s =
        sx_prep(st, "SELECT state, counter, staff_id FROM tickets WHERE id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, ticket_id);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such ticket")
                                 : sx_err(st, rc);
    }
    enum queue_state state = QUEUE_CANCELLED;
    queue_state_parse((const char *)sqlite3_column_text(s, 0), &state);
    memset(out, 0, sizeof *out);
    out->ticket_id = ticket_id;
    out->score = score;
    snprintf(out->comment, sizeof out->comment, "%s", comment ? comment : "");
    out->counter = sqlite3_column_int(s, 1);
    out->staff_id = sqlite3_column_int64(s, 2);
    out->at = store_now(st);
    sqlite3_reset(s);
    if (state != QUEUE_DONE)
        return sx_fail(STORE_ERR_STATE, "only a finished ticket can be rated");
    s = sx_prep(st,
                "INSERT INTO ratings(ticket_id, score, comment, counter, staff_id, at) "
                "VALUES (?, ?, ?, ?, ?, ?)");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, ticket_id);
    sqlite3_bind_int(s, 2, score);
    sx_bind_text(s, 3, out->comment);
    sqlite3_bind_int(s, 4, out->counter);
    sqlite3_bind_int64(s, 5, out->staff_id);
    sqlite3_bind_int64(s, 6, out->at);
    enum store_err e = sx_exec(st, s);
    if (e != STORE_OK)
        return e;
    out->id = sqlite3_last_insert_rowid(st->db);
    return sx_event(st, "rating.added",
                    json_pack("{s:I, s:I, s:i, s:i}", "id", (json_int_t)out->id,
                              "ticket_id", (json_int_t)ticket_id, "score", score,
                              "counter", out->counter),
                    NULL);
}

enum store_err store_rating_add(struct store *st, int64_t ticket_id, int score,
                                const char *comment, struct store_rating *out)
{
    if (score < 1 || score > 5)
        return sx_fail(STORE_ERR_INVALID, "score must be 1 to 5");
    if (comment != NULL && strlen(comment) >= sizeof out->comment)
        return sx_fail(STORE_ERR_INVALID, "comment too long");
    struct store_rating tmp;
    if (out == NULL)
        out = &tmp;
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    return sx_end(st, rate(st, ticket_id, score, comment, out));
}
