/* store-admin — the office's set-up tables: services, counters, staff, sessions
 * and devices. Changes to services, counters, staff and devices are events (so
 * displays and consoles follow them); sessions are bookkeeping and are not. Secret
 * hashes never go into event payloads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

static bool fits(const char *s, size_t cap)
{
    return s != NULL && *s != '\0' && strlen(s) < cap;
}

/* ---------------------------------------------------------------- services */

#define SERVICE_COLS                                                                     \
    "s.id, s.code, s.prefix, s.name_ar, s.name_en, s.needs_application, s.weight, "      \
    "s.active, s.sort, "                                                                 \
    "(SELECT COUNT(*) FROM tickets t WHERE t.service_id = s.id AND t.day = ?1 "          \
    "   AND t.state = 'waiting'), "                                                      \
    "(SELECT COUNT(*) FROM counter_services cs JOIN counters c ON c.id = cs.counter_id " \
    "   WHERE cs.service_id = s.id AND c.open = 1) "

static void row_service(sqlite3_stmt *s, struct store_service *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(s, 0);
    sx_col_text(s, 1, o->code, sizeof o->code);
    sx_col_text(s, 2, o->prefix, sizeof o->prefix);
    sx_col_text(s, 3, o->name_ar, sizeof o->name_ar);
    sx_col_text(s, 4, o->name_en, sizeof o->name_en);
    o->needs_application = sqlite3_column_int(s, 5);
    o->weight = sqlite3_column_double(s, 6);
    o->active = sqlite3_column_int(s, 7);
    o->sort = sqlite3_column_int(s, 8);
    o->waiting = sqlite3_column_int(s, 9);
    o->open_counters = sqlite3_column_int(s, 10);
}

enum store_err store_services_list(struct store *st, bool include_inactive,
                                   struct store_service **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    char day[QUEUE_DAY_SIZE];
    store_today(st, day);
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, "SELECT " SERVICE_COLS "FROM services s "
                                  "WHERE ?2 OR s.active ORDER BY s.sort, s.code");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1, day);
    sqlite3_bind_int(s, 2, include_inactive);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        row_service(s, &(*out)[(*n)++]);
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

static enum store_err service_one(struct store *st, const char *code, int64_t id,
                                  struct store_service *out)
{
    char day[QUEUE_DAY_SIZE];
    store_today(st, day);
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, "SELECT " SERVICE_COLS "FROM services s "
                                  "WHERE s.code = ?2 OR s.id = ?3");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1, day);
    sx_bind_text(s, 2, code);
    sqlite3_bind_int64(s, 3, id);
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW)
        row_service(s, out);
    else
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such service")
                              : sx_err(st, rc);
    sx_unlock(st);
    return e;
}

enum store_err store_service_get(struct store *st, const char *code,
                                 struct store_service *out)
{
    return service_one(st, code ? code : "", -1, out);
}

enum store_err store_service_get_id(struct store *st, int64_t id,
                                    struct store_service *out)
{
    return service_one(st, NULL, id, out);
}

static json_t *service_json(const struct store_service *v)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:f, s:b, s:i}", "id",
                     (json_int_t)v->id, "code", v->code, "prefix", v->prefix, "name_ar",
                     v->name_ar, "name_en", v->name_en, "needs_application",
                     v->needs_application, "weight", v->weight, "active", v->active,
                     "sort", v->sort);
}

enum store_err store_service_put(struct store *st, struct store_service *v)
{
    if (!fits(v->code, sizeof v->code) || !fits(v->prefix, sizeof v->prefix) ||
        !fits(v->name_ar, sizeof v->name_ar) || !(v->weight > 0))
        return sx_fail(STORE_ERR_INVALID,
                       "service needs code, prefix, name_ar, weight > 0");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s;
    if (v->id == 0)
        s = sx_prep(st, "INSERT INTO services(code, prefix, name_ar, name_en, "
                        "needs_application, weight, active, sort) VALUES "
                        "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    else
        s = sx_prep(st, "UPDATE services SET code = ?1, prefix = ?2, name_ar = ?3, "
                        "name_en = ?4, needs_application = ?5, weight = ?6, active = ?7, "
                        "sort = ?8 WHERE id = ?9");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sx_bind_text(s, 1, v->code);
    sx_bind_text(s, 2, v->prefix);
    sx_bind_text(s, 3, v->name_ar);
    sx_bind_text(s, 4, v->name_en);
    sqlite3_bind_int(s, 5, v->needs_application);
    sqlite3_bind_double(s, 6, v->weight);
    sqlite3_bind_int(s, 7, v->active);
    sqlite3_bind_int(s, 8, v->sort);
    if (v->id != 0)
        sqlite3_bind_int64(s, 9, v->id);
    e = sx_exec(st, s);
    if (e == STORE_OK && v->id != 0 && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such service");
    if (e == STORE_OK && v->id == 0)
        v->id = sqlite3_last_insert_rowid(st->db);
    if (e == STORE_OK)
        e = sx_event(st, "service.updated", service_json(v), NULL);
    return sx_end(st, e);
}

/* ---------------------------------------------------------------- counters */

static enum store_err counter_services_load(struct store *st, struct store_counter *c)
{
    sqlite3_stmt *s = sx_prep(st, "SELECT cs.service_id, s.code FROM counter_services cs "
                                  "JOIN services s ON s.id = cs.service_id "
                                  "WHERE cs.counter_id = ? ORDER BY cs.pos");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, c->id);
    c->n_services = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW &&
           c->n_services < STORE_COUNTER_SERVICES) {
        c->services[c->n_services] = sqlite3_column_int64(s, 0);
        sx_col_text(s, 1, c->service_codes[c->n_services], QUEUE_CODE_SIZE);
        c->n_services++;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? STORE_OK : sx_err(st, rc);
}

#define COUNTER_SELECT "SELECT id, number, name, open, staff_id FROM counters "

static void row_counter(sqlite3_stmt *s, struct store_counter *c)
{
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(s, 0);
    c->number = sqlite3_column_int(s, 1);
    sx_col_text(s, 2, c->name, sizeof c->name);
    c->open = sqlite3_column_int(s, 3);
    c->staff_id = sqlite3_column_int64(s, 4);
}

enum store_err store_counters_list(struct store *st, struct store_counter **out,
                                   size_t *n)
{
    *out = NULL;
    *n = 0;
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, COUNTER_SELECT "ORDER BY number");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        row_counter(s, &(*out)[(*n)++]);
    }
    enum store_err e = rc == SQLITE_DONE ? STORE_OK : sx_err(st, rc);
    sqlite3_reset(s);
    for (size_t i = 0; e == STORE_OK && i < *n; i++)
        e = counter_services_load(st, &(*out)[i]);
    sx_unlock(st);
    if (e != STORE_OK) {
        free(*out);
        *out = NULL;
        *n = 0;
    }
    return e;
}

/* Inside the lock. */
static enum store_err counter_by_number(struct store *st, int number,
                                        struct store_counter *c)
{
    sqlite3_stmt *s = sx_prep(st, COUNTER_SELECT "WHERE number = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int(s, 1, number);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such counter")
                                 : sx_err(st, rc);
    }
    row_counter(s, c);
    sqlite3_reset(s);
    return counter_services_load(st, c);
}

enum store_err sx_counter_get(struct store *st, int number, struct store_counter *c)
{
    return counter_by_number(st, number, c);
}

enum store_err store_counter_get(struct store *st, int number, struct store_counter *out)
{
    st = sx_rbegin(st);
    enum store_err e = counter_by_number(st, number, out);
    sx_unlock(st);
    return e;
}

static json_t *counter_json(const struct store_counter *c)
{
    json_t *svcs = json_array();
    for (size_t i = 0; i < c->n_services; i++)
        json_array_append_new(svcs, json_string(c->service_codes[i]));
    return json_pack("{s:I, s:i, s:s, s:b, s:I, s:o}", "id", (json_int_t)c->id, "counter",
                     c->number, "name", c->name, "open", c->open, "staff_id",
                     (json_int_t)c->staff_id, "services", svcs);
}

static enum store_err counter_services_replace(struct store *st, int64_t counter_id,
                                               const int64_t *ids, size_t n)
{
    if (n > STORE_COUNTER_SERVICES)
        return sx_fail(STORE_ERR_INVALID, "too many services for a counter");
    sqlite3_stmt *s = sx_prep(st, "DELETE FROM counter_services WHERE counter_id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, counter_id);
    enum store_err e = sx_exec(st, s);
    for (size_t i = 0; e == STORE_OK && i < n; i++) {
        s = sx_prep(st, "INSERT INTO counter_services(counter_id, service_id, pos) "
                        "VALUES (?, ?, ?)");
        if (s == NULL)
            return STORE_ERR_IO;
        sqlite3_bind_int64(s, 1, counter_id);
        sqlite3_bind_int64(s, 2, ids[i]);
        sqlite3_bind_int(s, 3, (int)i);
        e = sx_exec(st, s);
        if (e == STORE_ERR_EXISTS)
            e = sx_fail(STORE_ERR_INVALID, "service listed twice");
    }
    return e;
}

/* Reloads @number into @c and appends its event. */
static enum store_err counter_event(struct store *st, int number, const char *type,
                                    struct store_counter *c)
{
    enum store_err e = counter_by_number(st, number, c);
    if (e == STORE_OK)
        e = sx_event(st, type, counter_json(c), NULL);
    return e;
}

enum store_err store_counter_put(struct store *st, struct store_counter *c)
{
    if (c->number <= 0 || c->n_services > STORE_COUNTER_SERVICES ||
        strlen(c->name) >= sizeof c->name)
        return sx_fail(STORE_ERR_INVALID, "counter needs a number > 0");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s =
        c->id == 0 ? sx_prep(st, "INSERT INTO counters(number, name) VALUES (?1, ?2)")
                   : sx_prep(st, "UPDATE counters SET number = ?1, name = ?2 "
                                 "WHERE id = ?3");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int(s, 1, c->number);
    sx_bind_text(s, 2, c->name);
    if (c->id != 0)
        sqlite3_bind_int64(s, 3, c->id);
    e = sx_exec(st, s);
    if (e == STORE_OK && c->id != 0 && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such counter");
    if (e == STORE_OK && c->id == 0)
        c->id = sqlite3_last_insert_rowid(st->db);
    int64_t ids[STORE_COUNTER_SERVICES];
    memcpy(ids, c->services, sizeof ids);
    if (e == STORE_OK)
        e = counter_services_replace(st, c->id, ids, c->n_services);
    if (e == STORE_OK)
        e = counter_event(st, c->number, "counter.updated", c);
    return sx_end(st, e);
}

enum store_err store_counter_set_open(struct store *st, int number, bool open,
                                      int64_t staff_id)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "UPDATE counters SET open = ?, staff_id = ? "
                                  "WHERE number = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int(s, 1, open);
    sqlite3_bind_int64(s, 2, open ? staff_id : 0);
    sqlite3_bind_int(s, 3, number);
    e = sx_exec(st, s);
    if (e == STORE_OK && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such counter");
    struct store_counter c;
    if (e == STORE_OK)
        e = counter_event(st, number, open ? "counter.opened" : "counter.closed", &c);
    return sx_end(st, e);
}

enum store_err store_counter_set_services(struct store *st, int number,
                                          const int64_t *service_ids, size_t n)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    struct store_counter c;
    e = counter_by_number(st, number, &c);
    if (e == STORE_OK)
        e = counter_services_replace(st, c.id, service_ids, n);
    if (e == STORE_OK)
        e = counter_event(st, number, "counter.updated", &c);
    return sx_end(st, e);
}

enum store_err store_counter_current(struct store *st, int number,
                                     struct queue_ticket *out)
{
    st = sx_rbegin(st);
    sqlite3_stmt *s =
        sx_prep(st, TICKET_SELECT "WHERE t.counter = ? AND t.state IN "
                                  "('called', 'serving') "
                                  "ORDER BY t.called_at DESC, t.id DESC LIMIT 1");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sqlite3_bind_int(s, 1, number);
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW)
        sx_row_ticket(s, out);
    else
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no current ticket")
                              : sx_err(st, rc);
    sx_unlock(st);
    return e;
}

/* ---------------------------------------------------------------- staff */

static const char *const role_names[STORE_ROLE__COUNT] = {"admin", "manager", "reception",
                                                          "researcher"};

const char *store_role_name(enum store_role r)
{
    return (unsigned)r < STORE_ROLE__COUNT ? role_names[r] : "unknown";
}

bool store_role_parse(const char *s, enum store_role *out)
{
    for (int i = 0; s != NULL && i < STORE_ROLE__COUNT; i++) {
        if (strcmp(s, role_names[i]) == 0) {
            *out = (enum store_role)i;
            return true;
        }
    }
    return false;
}

#define STAFF_SELECT                                                                     \
    "SELECT id, username, display_name, role, password_hash, active, created_at "        \
    "FROM staff "

static void row_staff(sqlite3_stmt *s, struct store_staff *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(s, 0);
    sx_col_text(s, 1, o->username, sizeof o->username);
    sx_col_text(s, 2, o->display_name, sizeof o->display_name);
    if (!store_role_parse((const char *)sqlite3_column_text(s, 3), &o->role))
        o->role = STORE_ROLE_RECEPTION;
    sx_col_text(s, 4, o->password_hash, sizeof o->password_hash);
    o->active = sqlite3_column_int(s, 5);
    o->created_at = sqlite3_column_int64(s, 6);
}

static json_t *staff_json(const struct store_staff *o)
{
    return json_pack("{s:I, s:s, s:s, s:s, s:b}", "id", (json_int_t)o->id, "username",
                     o->username, "display_name", o->display_name, "role",
                     store_role_name(o->role), "active", o->active);
}

static enum store_err staff_one(struct store *st, int64_t id, const char *username,
                                struct store_staff *out)
{
    sqlite3_stmt *s = sx_prep(st, STAFF_SELECT "WHERE id = ?1 OR username = ?2");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, id);
    sx_bind_text(s, 2, username);
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW)
        row_staff(s, out);
    else
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such staff member")
                              : sx_err(st, rc);
    sqlite3_reset(s);
    return e;
}

static bool username_ok(const char *u)
{
    if (!fits(u, 64))
        return false;
    for (const char *p = u; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '@'))
            return false;
    }
    return true;
}

enum store_err store_staff_create(struct store *st, const char *username,
                                  const char *display_name, enum store_role role,
                                  const char *password_hash, int64_t *id)
{
    if (!username_ok(username) || !fits(password_hash, 256) ||
        (unsigned)role >= STORE_ROLE__COUNT ||
        (display_name != NULL && strlen(display_name) >= 128))
        return sx_fail(STORE_ERR_INVALID, "bad username, role or hash");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "INSERT INTO staff(username, display_name, role, "
                                  "password_hash, created_at) VALUES (?, ?, ?, ?, ?)");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sx_bind_text(s, 1, username);
    sx_bind_text(s, 2, display_name ? display_name : "");
    sx_bind_text(s, 3, store_role_name(role));
    sx_bind_text(s, 4, password_hash);
    sqlite3_bind_int64(s, 5, store_now(st));
    e = sx_exec(st, s);
    struct store_staff o;
    if (e == STORE_OK)
        e = staff_one(st, sqlite3_last_insert_rowid(st->db), NULL, &o);
    if (e == STORE_OK) {
        if (id != NULL)
            *id = o.id;
        e = sx_event(st, "staff.updated", staff_json(&o), NULL);
    }
    return sx_end(st, e);
}

enum store_err store_staff_get(struct store *st, int64_t id, struct store_staff *out)
{
    st = sx_rbegin(st);
    enum store_err e = staff_one(st, id, NULL, out);
    sx_unlock(st);
    return e;
}

enum store_err store_staff_get_by_username(struct store *st, const char *username,
                                           struct store_staff *out)
{
    st = sx_rbegin(st);
    enum store_err e = staff_one(st, -1, username ? username : "", out);
    sx_unlock(st);
    return e;
}

enum store_err store_staff_list(struct store *st, struct store_staff **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, STAFF_SELECT "ORDER BY username");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        row_staff(s, &(*out)[(*n)++]);
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

/* Runs one "UPDATE staff ... WHERE id = ?last" already bound, then the event. */
static enum store_err staff_changed(struct store *st, sqlite3_stmt *s, int64_t id)
{
    enum store_err e = sx_exec(st, s);
    if (e == STORE_OK && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such staff member");
    struct store_staff o;
    if (e == STORE_OK)
        e = staff_one(st, id, NULL, &o);
    if (e == STORE_OK)
        e = sx_event(st, "staff.updated", staff_json(&o), NULL);
    return e;
}

/* A new password, role or deactivation ends every session of that person, so nobody
 * keeps rights they no longer have; the caller's transaction is still open. */
static enum store_err staff_drop_sessions(struct store *st, int64_t id)
{
    sqlite3_stmt *s = sx_prep(st, "DELETE FROM sessions WHERE staff_id = ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, id);
    return sx_exec(st, s);
}

enum store_err store_staff_set_password(struct store *st, int64_t id, const char *hash)
{
    if (!fits(hash, 256))
        return sx_fail(STORE_ERR_INVALID, "bad hash");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "UPDATE staff SET password_hash = ? WHERE id = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sx_bind_text(s, 1, hash);
    sqlite3_bind_int64(s, 2, id);
    e = staff_changed(st, s, id);
    if (e == STORE_OK)
        e = staff_drop_sessions(st, id);
    return sx_end(st, e);
}

enum store_err store_staff_set_role(struct store *st, int64_t id, enum store_role role)
{
    if ((unsigned)role >= STORE_ROLE__COUNT)
        return sx_fail(STORE_ERR_INVALID, "bad role");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "UPDATE staff SET role = ? WHERE id = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sx_bind_text(s, 1, store_role_name(role));
    sqlite3_bind_int64(s, 2, id);
    e = staff_changed(st, s, id);
    if (e == STORE_OK)
        e = staff_drop_sessions(st, id);
    return sx_end(st, e);
}

enum store_err store_staff_set_active(struct store *st, int64_t id, bool active)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "UPDATE staff SET active = ? WHERE id = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int(s, 1, active);
    sqlite3_bind_int64(s, 2, id);
    e = staff_changed(st, s, id);
    if (e == STORE_OK && !active)
        e = staff_drop_sessions(st, id);
    return sx_end(st, e);
}

/* ---------------------------------------------------------------- sessions */

enum store_err store_session_create(struct store *st, const struct store_session *v)
{
    if (!fits(v->token_hash, sizeof v->token_hash) || !fits(v->csrf, sizeof v->csrf))
        return sx_fail(STORE_ERR_INVALID, "bad session");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "INSERT INTO sessions(token_hash, staff_id, csrf, "
                                  "created_at, last_seen_at, expires_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    int64_t now = store_now(st);
    sx_bind_text(s, 1, v->token_hash);
    sqlite3_bind_int64(s, 2, v->staff_id);
    sx_bind_text(s, 3, v->csrf);
    sqlite3_bind_int64(s, 4, v->created_at ? v->created_at : now);
    sqlite3_bind_int64(s, 5, v->last_seen_at ? v->last_seen_at : now);
    sqlite3_bind_int64(s, 6, v->expires_at);
    return sx_end(st, sx_exec(st, s));
}

enum store_err store_session_get(struct store *st, const char *token_hash,
                                 struct store_session *out)
{
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, "SELECT token_hash, staff_id, csrf, created_at, "
                                  "last_seen_at, expires_at FROM sessions "
                                  "WHERE token_hash = ? AND expires_at > ?");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1, token_hash ? token_hash : "");
    sqlite3_bind_int64(s, 2, store_now(st));
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW) {
        memset(out, 0, sizeof *out);
        sx_col_text(s, 0, out->token_hash, sizeof out->token_hash);
        out->staff_id = sqlite3_column_int64(s, 1);
        sx_col_text(s, 2, out->csrf, sizeof out->csrf);
        out->created_at = sqlite3_column_int64(s, 3);
        out->last_seen_at = sqlite3_column_int64(s, 4);
        out->expires_at = sqlite3_column_int64(s, 5);
    } else {
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such session")
                              : sx_err(st, rc);
    }
    sx_unlock(st);
    return e;
}

/* One statement on sessions by token hash; NOT_FOUND when it touched nothing. */
static enum store_err session_write(struct store *st, const char *sql, const char *token,
                                    bool with_now)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, sql);
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sx_bind_text(s, 1, token ? token : "");
    if (with_now)
        sqlite3_bind_int64(s, 2, store_now(st));
    e = sx_exec(st, s);
    if (e == STORE_OK && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such session");
    return sx_end(st, e);
}

enum store_err store_session_touch(struct store *st, const char *token_hash)
{
    return session_write(st,
                         "UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1",
                         token_hash, true);
}

enum store_err store_session_delete(struct store *st, const char *token_hash)
{
    return session_write(st, "DELETE FROM sessions WHERE token_hash = ?1", token_hash,
                         false);
}

enum store_err store_sessions_purge(struct store *st, int64_t idle_s)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "DELETE FROM sessions WHERE expires_at <= ?1 OR "
                                  "(?2 > 0 AND last_seen_at < ?1 - ?2)");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int64(s, 1, store_now(st));
    sqlite3_bind_int64(s, 2, idle_s);
    return sx_end(st, sx_exec(st, s));
}

/* ---------------------------------------------------------------- devices */

const char *store_device_kind_name(enum store_device_kind k)
{
    return k == STORE_DEVICE_DISPLAY ? "display" : "kiosk";
}

bool store_device_kind_parse(const char *s, enum store_device_kind *out)
{
    if (s != NULL && strcmp(s, "kiosk") == 0)
        *out = STORE_DEVICE_KIOSK;
    else if (s != NULL && strcmp(s, "display") == 0)
        *out = STORE_DEVICE_DISPLAY;
    else
        return false;
    return true;
}

#define DEVICE_SELECT                                                                    \
    "SELECT id, name, kind, token_hash, revoked, created_at, last_seen_at FROM devices "

static void row_device(sqlite3_stmt *s, struct store_device *o)
{
    memset(o, 0, sizeof *o);
    o->id = sqlite3_column_int64(s, 0);
    sx_col_text(s, 1, o->name, sizeof o->name);
    store_device_kind_parse((const char *)sqlite3_column_text(s, 2), &o->kind);
    sx_col_text(s, 3, o->token_hash, sizeof o->token_hash);
    o->revoked = sqlite3_column_int(s, 4);
    o->created_at = sqlite3_column_int64(s, 5);
    o->last_seen_at = sqlite3_column_int64(s, 6);
}

static json_t *device_json(int64_t id, const char *name, enum store_device_kind kind,
                           bool revoked)
{
    return json_pack("{s:I, s:s, s:s, s:b}", "id", (json_int_t)id, "name", name, "kind",
                     store_device_kind_name(kind), "revoked", revoked);
}

enum store_err store_device_create(struct store *st, const char *name,
                                   enum store_device_kind kind, const char *token_hash,
                                   int64_t *id)
{
    if (!fits(name, 64) || !fits(token_hash, 128) ||
        (kind != STORE_DEVICE_KIOSK && kind != STORE_DEVICE_DISPLAY))
        return sx_fail(STORE_ERR_INVALID, "bad device name, kind or token");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s =
        sx_prep(st, "INSERT INTO devices(name, kind, token_hash, created_at) "
                    "VALUES (?, ?, ?, ?)");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sx_bind_text(s, 1, name);
    sx_bind_text(s, 2, store_device_kind_name(kind));
    sx_bind_text(s, 3, token_hash);
    sqlite3_bind_int64(s, 4, store_now(st));
    e = sx_exec(st, s);
    if (e == STORE_OK) {
        int64_t did = sqlite3_last_insert_rowid(st->db);
        if (id != NULL)
            *id = did;
        e = sx_event(st, "device.updated", device_json(did, name, kind, false), NULL);
    }
    return sx_end(st, e);
}

enum store_err store_device_by_token(struct store *st, const char *token_hash,
                                     struct store_device *out)
{
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, DEVICE_SELECT "WHERE token_hash = ? AND revoked = 0");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1, token_hash ? token_hash : "");
    int rc = sqlite3_step(s);
    enum store_err e = STORE_OK;
    if (rc == SQLITE_ROW)
        row_device(s, out);
    else
        e = rc == SQLITE_DONE ? sx_fail(STORE_ERR_NOT_FOUND, "no such device")
                              : sx_err(st, rc);
    sx_unlock(st);
    return e;
}

enum store_err store_devices_list(struct store *st, struct store_device **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, DEVICE_SELECT "ORDER BY id");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        row_device(s, &(*out)[(*n)++]);
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

enum store_err store_device_revoke(struct store *st, int64_t id)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, DEVICE_SELECT "WHERE id = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int64(s, 1, id);
    struct store_device d;
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW)
        return sx_end(st, rc == SQLITE_DONE
                              ? sx_fail(STORE_ERR_NOT_FOUND, "no such device")
                              : sx_err(st, rc));
    row_device(s, &d);
    sqlite3_reset(s);
    s = sx_prep(st, "UPDATE devices SET revoked = 1 WHERE id = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int64(s, 1, id);
    e = sx_exec(st, s);
    if (e == STORE_OK)
        e = sx_event(st, "device.updated", device_json(d.id, d.name, d.kind, true), NULL);
    return sx_end(st, e);
}

enum store_err store_device_touch(struct store *st, int64_t id)
{
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    sqlite3_stmt *s = sx_prep(st, "UPDATE devices SET last_seen_at = ? WHERE id = ?");
    if (s == NULL)
        return sx_end(st, STORE_ERR_IO);
    sqlite3_bind_int64(s, 1, store_now(st));
    sqlite3_bind_int64(s, 2, id);
    e = sx_exec(st, s);
    if (e == STORE_OK && sqlite3_changes(st->db) == 0)
        e = sx_fail(STORE_ERR_NOT_FOUND, "no such device");
    return sx_end(st, e);
}
