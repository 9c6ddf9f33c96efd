/* store — opening the SQLite database (WAL, synchronous=FULL, foreign keys, busy
 * timeout), migrating and seeding it, and the machinery every store*.c file uses:
 * the lock, transactions (BEGIN IMMEDIATE, savepoints inside a group-commit
 * batch), the prepared-statement cache, events and error messages. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "json.h"
#include "store-int.h"
#include "util.h"

static _Thread_local char errbuf[256];

const char *store_err_name(enum store_err e)
{
    static const char *const names[] = {
        "ok", "not_found", "exists", "state", "invalid", "empty", "closed", "busy", "io",
    };
    return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "unknown";
}

const char *store_errmsg(struct store *st)
{
    (void)st;
    return errbuf;
}

enum store_err sx_fail(enum store_err e, const char *msg)
{
    snprintf(errbuf, sizeof errbuf, "%s", msg);
    return e;
}

enum store_err sx_err(struct store *st, int rc)
{
    /* SQLite messages name tables and constraints, never bound values. */
    snprintf(errbuf, sizeof errbuf, "%s", sqlite3_errmsg(st->db));
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        return STORE_OK;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return STORE_ERR_BUSY;
    case SQLITE_CONSTRAINT:
        return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                   ? STORE_ERR_EXISTS
                   : STORE_ERR_INVALID;
    default:
        return STORE_ERR_IO;
    }
}

/* ---------------------------------------------------------------- statements */

sqlite3_stmt *sx_prep(struct store *st, const char *sql)
{
    for (size_t i = 0; i < st->n_stmts; i++) {
        if (st->stmts[i].sql == sql) {
            sqlite3_stmt *s = st->stmts[i].stmt;
            sqlite3_reset(s);
            sqlite3_clear_bindings(s);
            return s;
        }
    }
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL);
    if (rc != SQLITE_OK) {
        sx_err(st, rc);
        return NULL;
    }
    st->stmts =
        xreallocarray_grow(st->stmts, &st->cap_stmts, st->n_stmts + 1, sizeof *st->stmts);
    st->stmts[st->n_stmts++] = (struct stmt_slot){sql, s};
    return s;
}

static void reset_all(struct store *st)
{
    for (size_t i = 0; i < st->n_stmts; i++)
        if (sqlite3_stmt_busy(st->stmts[i].stmt))
            sqlite3_reset(st->stmts[i].stmt);
}

void sx_bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v == NULL)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void sx_col_text(sqlite3_stmt *s, int col, char *dst, size_t cap)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    snprintf(dst, cap, "%s", t ? (const char *)t : "");
}

enum store_err sx_exec(struct store *st, sqlite3_stmt *s)
{
    if (s == NULL)
        return STORE_ERR_IO;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        ;
    enum store_err e = rc == SQLITE_DONE ? STORE_OK : sx_err(st, sqlite3_reset(s));
    sqlite3_reset(s);
    return e;
}

enum store_err sx_int(struct store *st, sqlite3_stmt *s, int64_t *out)
{
    if (s == NULL)
        return STORE_ERR_IO;
    int rc = sqlite3_step(s);
    *out = 0;
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int64(s, 0);
    else if (rc != SQLITE_DONE)
        return sx_err(st, sqlite3_reset(s));
    sqlite3_reset(s);
    return STORE_OK;
}

/* ---------------------------------------------------------------- locking */

void sx_lock(struct store *st)
{
    pthread_mutex_lock(&st->lock);
}

void sx_unlock(struct store *st)
{
    reset_all(st);
    pthread_mutex_unlock(&st->lock);
}

struct store *sx_rbegin(struct store *st)
{
    /* Free, or already ours (a batch on this thread must read its own writes):
     * read on the writer. Otherwise a commit is under way on another thread, and
     * WAL lets the reader connection see the last committed state meanwhile. */
    if (st->reader == NULL) {
        sx_lock(st);
        return st;
    }
    if (pthread_mutex_trylock(&st->lock) == 0)
        return st;
    sx_lock(st->reader);
    return st->reader;
}

static int exec_sql(struct store *st, const char *sql)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

/* Runs a cached statement that returns no rows; SQLite result code. */
static int step_cached(struct store *st, const char *sql)
{
    sqlite3_stmt *s = sx_prep(st, sql);
    if (s == NULL)
        return sqlite3_errcode(st->db);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

enum store_err sx_begin(struct store *st)
{
    sx_lock(st);
    bool nested = st->in_batch || st->depth > 0;
    /* Some errors (disk full, I/O) make SQLite roll the whole batch back by itself;
     * the calls after that must not quietly run outside any transaction. */
    if (nested && sqlite3_get_autocommit(st->db)) {
        sx_unlock(st);
        return sx_fail(STORE_ERR_IO, "the batch's transaction was rolled back");
    }
    /* Savepoints run once per call inside a batch: keep them prepared. */
    int rc = nested ? step_cached(st, "SAVEPOINT op") : exec_sql(st, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        enum store_err e = sx_err(st, rc);
        sx_unlock(st);
        return e;
    }
    st->depth++;
    return STORE_OK;
}

static int64_t max_seq(struct store *st)
{
    int64_t seq = 0;
    sqlite3_stmt *s = sx_prep(st, "SELECT COALESCE(MAX(seq), 0) FROM events");
    if (s != NULL)
        sx_int(st, s, &seq);
    return seq;
}

/* Commits the outermost transaction; on failure rolls back so nothing half-done
 * stays. Returns the last event sequence to announce, or 0. */
static enum store_err commit_outer(struct store *st, enum store_err rc, int64_t *announce)
{
    *announce = 0;
    reset_all(st); /* COMMIT fails while statements are still running */
    if (rc == STORE_OK) {
        int r = exec_sql(st, "COMMIT");
        if (r != SQLITE_OK) {
            rc = sx_err(st, r);
            if (rc == STORE_OK)
                rc = STORE_ERR_IO;
        }
    }
    if (rc != STORE_OK) {
        if (!sqlite3_get_autocommit(st->db))
            exec_sql(st, "ROLLBACK");
        sx_wc_clear(st);
    } else if (st->events_pending) {
        *announce = max_seq(st);
    }
    st->events_pending = false;
    return rc;
}

enum store_err sx_end(struct store *st, enum store_err rc)
{
    int64_t announce = 0;
    st->depth--;
    if (st->depth == 0 && !st->in_batch) {
        rc = commit_outer(st, rc, &announce);
    } else {
        reset_all(st);
        if (rc == STORE_OK) {
            int r = step_cached(st, "RELEASE op");
            if (r != SQLITE_OK)
                rc = sx_err(st, r);
        } else {
            /* Undo only this call; the batch goes on. Keep the caller's reason. */
            char keep[sizeof errbuf];
            memcpy(keep, errbuf, sizeof keep);
            exec_sql(st, "ROLLBACK TO op");
            exec_sql(st, "RELEASE op");
            memcpy(errbuf, keep, sizeof keep);
            sx_wc_clear(st);
        }
    }
    void (*hook)(int64_t, void *) = st->hook;
    void *arg = st->hook_arg;
    sx_unlock(st);
    if (announce > 0 && hook != NULL)
        hook(announce, arg);
    return rc;
}

enum store_err store_begin(struct store *st)
{
    sx_lock(st);
    if (st->in_batch || st->depth > 0) {
        sx_unlock(st);
        return sx_fail(STORE_ERR_INVALID, "batch already open");
    }
    int rc = exec_sql(st, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        enum store_err e = sx_err(st, rc);
        sx_unlock(st);
        return e;
    }
    st->in_batch = true;
    return STORE_OK; /* the lock stays held until commit/rollback */
}

static enum store_err end_batch(struct store *st, enum store_err rc)
{
    sx_lock(st);
    if (!st->in_batch) {
        sx_unlock(st);
        return sx_fail(STORE_ERR_INVALID, "no batch open");
    }
    int64_t announce = 0;
    st->in_batch = false;
    rc = commit_outer(st, rc, &announce);
    void (*hook)(int64_t, void *) = st->hook;
    void *arg = st->hook_arg;
    sx_unlock(st); /* the lock of this call */
    sx_unlock(st); /* the lock store_begin kept */
    if (announce > 0 && hook != NULL)
        hook(announce, arg);
    return rc;
}

enum store_err store_commit(struct store *st)
{
    return end_batch(st, STORE_OK);
}

enum store_err store_rollback(struct store *st)
{
    enum store_err rc = end_batch(st, STORE_ERR_INVALID);
    return rc == STORE_ERR_INVALID ? STORE_OK : rc;
}

void store_set_event_hook(struct store *st, void (*hook)(int64_t last_seq, void *arg),
                          void *arg)
{
    sx_lock(st);
    st->hook = hook;
    st->hook_arg = arg;
    sx_unlock(st);
}

/* ---------------------------------------------------------------- time */

int64_t store_now(struct store *st)
{
    return st->now ? st->now(st->now_arg) : (int64_t)time(NULL);
}

void sx_today(struct store *st, int64_t now, char day[QUEUE_DAY_SIZE])
{
    if (queue_day_key(now, st->tz, day) != QUEUE_OK)
        queue_day_key(now, QUEUE_DEFAULT_TZ, day);
}

void store_today(struct store *st, char out[QUEUE_DAY_SIZE])
{
    sx_today(st, store_now(st), out);
}

void sx_random_hex(char *out, size_t nbytes)
{
    unsigned char raw[64];
    if (nbytes > sizeof raw)
        nbytes = sizeof raw;
    randombytes_buf(raw, nbytes);
    sodium_bin2hex(out, nbytes * 2 + 1, raw, nbytes);
}

/* ---------------------------------------------------------------- events */

enum store_err sx_event(struct store *st, const char *type, json_t *payload, int64_t *seq)
{
    char *text = payload != NULL ? json_dump_compact(payload) : NULL;
    json_decref(payload);
    sqlite3_stmt *s =
        sx_prep(st, "INSERT INTO events(type, payload, at) VALUES (?, ?, ?)");
    if (s == NULL || text == NULL) {
        free(text);
        return STORE_ERR_IO;
    }
    sx_bind_text(s, 1, type);
    sqlite3_bind_text(s, 2, text, -1, free);
    sqlite3_bind_int64(s, 3, store_now(st));
    enum store_err e = sx_exec(st, s);
    if (e == STORE_OK) {
        st->events_pending = true;
        if (seq != NULL)
            *seq = sqlite3_last_insert_rowid(st->db);
    }
    return e;
}

enum store_err store_event_append(struct store *st, const char *type, const char *payload,
                                  int64_t *seq)
{
    if (type == NULL || *type == '\0' || strlen(type) >= 32)
        return sx_fail(STORE_ERR_INVALID, "bad event type");
    json_error_t jerr;
    json_t *p = json_loads(payload ? payload : "{}", 0, &jerr);
    if (p == NULL || !json_is_object(p)) {
        json_decref(p);
        return sx_fail(STORE_ERR_INVALID, "event payload is not a JSON object");
    }
    enum store_err e = sx_begin(st);
    if (e != STORE_OK) {
        json_decref(p);
        return e;
    }
    return sx_end(st, sx_event(st, type, p, seq));
}

enum store_err store_events_after(struct store *st, int64_t after, size_t limit,
                                  struct store_event **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (limit == 0)
        limit = 1000;
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(
        st, "SELECT seq, type, payload, at FROM events WHERE seq > ? ORDER BY seq "
            "LIMIT ?");
    if (s == NULL) {
        sx_unlock(st);
        return STORE_ERR_IO;
    }
    sqlite3_bind_int64(s, 1, after);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)limit);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *out = xreallocarray_grow(*out, &cap, *n + 1, sizeof **out);
        struct store_event *ev = &(*out)[(*n)++];
        ev->seq = sqlite3_column_int64(s, 0);
        sx_col_text(s, 1, ev->type, sizeof ev->type);
        ev->payload = xstrdup((const char *)sqlite3_column_text(s, 2));
        ev->at = sqlite3_column_int64(s, 3);
    }
    enum store_err e = rc == SQLITE_DONE ? STORE_OK : sx_err(st, rc);
    sx_unlock(st);
    if (e != STORE_OK) {
        store_events_free(*out, *n);
        *out = NULL;
        *n = 0;
    }
    return e;
}

void store_events_free(struct store_event *ev, size_t n)
{
    for (size_t i = 0; ev != NULL && i < n; i++)
        free(ev[i].payload);
    free(ev);
}

int64_t store_event_last_seq(struct store *st)
{
    st = sx_rbegin(st);
    int64_t seq = max_seq(st);
    sx_unlock(st);
    return seq;
}

/* ---------------------------------------------------------------- meta */

static enum store_err meta_put(struct store *st, const char *key, const char *value)
{
    sqlite3_stmt *s =
        sx_prep(st, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, key);
    sx_bind_text(s, 2, value ? value : "");
    return sx_exec(st, s);
}

static bool meta_get(struct store *st, const char *key, char *out, size_t cap)
{
    sqlite3_stmt *s = sx_prep(st, "SELECT value FROM meta WHERE key = ?");
    if (s == NULL)
        return false;
    sx_bind_text(s, 1, key);
    bool found = sqlite3_step(s) == SQLITE_ROW;
    if (found && out != NULL)
        sx_col_text(s, 0, out, cap);
    sqlite3_reset(s);
    return found;
}


/* ---------------------------------------------------------------- open */

int store_schema_latest(void)
{
    return migrate_count;
}

static int user_version(struct store *st)
{
    int64_t v = 0;
    sqlite3_stmt *s = sx_prep(st, "PRAGMA user_version");
    if (s != NULL)
        sx_int(st, s, &v);
    return (int)v;
}

int store_schema_version(struct store *st)
{
    st = sx_rbegin(st);
    int v = user_version(st);
    sx_unlock(st);
    return v;
}

/* A one-time password without look-alike characters, to be read off a terminal. */
static char *random_password(void)
{
    static const char alphabet[] =
        "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";
    char *pw = xmalloc(17);
    for (int i = 0; i < 16; i++)
        pw[i] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
    pw[16] = '\0';
    return pw;
}

static char *default_hash(const char *password, void *arg)
{
    (void)arg;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(
            out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return NULL;
    return xstrdup(out);
}

/* Inserts services, counters and the admin of a new database (inside the open
 * transaction). */
static enum store_err seed_db(struct store *st, const struct store_config *cfg,
                              char **admin_password, char **cause)
{
    struct seed sd = {0};
    if (cfg->services_ini != NULL && seed_load(cfg->services_ini, &sd, cause) != 0)
        return STORE_ERR_INVALID;
    enum store_err e = STORE_OK;
    for (size_t i = 0; e == STORE_OK && i < sd.n_services; i++) {
        struct seed_service *ss = &sd.services[i];
        sqlite3_stmt *s =
            sx_prep(st, "INSERT INTO services(code, prefix, name_ar, name_en, "
                        "needs_application, weight, sort) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?)");
        if (s == NULL) {
            e = STORE_ERR_IO;
            break;
        }
        sx_bind_text(s, 1, ss->code);
        sx_bind_text(s, 2, ss->prefix);
        sx_bind_text(s, 3, ss->name_ar);
        sx_bind_text(s, 4, ss->name_en);
        sqlite3_bind_int(s, 5, ss->needs_application);
        sqlite3_bind_double(s, 6, ss->weight);
        sqlite3_bind_int(s, 7, ss->sort);
        e = sx_exec(st, s);
    }
    for (size_t i = 0; e == STORE_OK && i < sd.n_counters; i++) {
        struct seed_counter *sc = &sd.counters[i];
        sqlite3_stmt *s = sx_prep(st, "INSERT INTO counters(number, name) VALUES (?, ?)");
        if (s == NULL) {
            e = STORE_ERR_IO;
            break;
        }
        sqlite3_bind_int(s, 1, sc->number);
        sx_bind_text(s, 2, sc->name);
        e = sx_exec(st, s);
        int64_t cid = sqlite3_last_insert_rowid(st->db);
        for (size_t j = 0; e == STORE_OK && j < sc->n_services; j++) {
            s = sx_prep(st, "INSERT INTO counter_services(counter_id, service_id, pos) "
                            "SELECT ?, id, ? FROM services WHERE code = ?");
            if (s == NULL) {
                e = STORE_ERR_IO;
                break;
            }
            sqlite3_bind_int64(s, 1, cid);
            sqlite3_bind_int(s, 2, (int)j);
            sx_bind_text(s, 3, sc->services[j]);
            e = sx_exec(st, s);
            if (e == STORE_OK && sqlite3_changes(st->db) != 1) {
                *cause = xasprintf("counter %d: unknown service %s", sc->number,
                                   sc->services[j]);
                e = STORE_ERR_INVALID;
            }
        }
    }
    seed_free(&sd);
    if (e != STORE_OK) {
        if (*cause == NULL)
            *cause = xasprintf("seeding: %s", errbuf);
        return e;
    }

    char *pw = random_password();
    char *hash = cfg->hash_password ? cfg->hash_password(pw, cfg->hash_arg)
                                    : default_hash(pw, NULL);
    if (hash == NULL) {
        free(pw);
        *cause = xstrdup("cannot hash the admin password");
        return STORE_ERR_IO;
    }
    sqlite3_stmt *s =
        sx_prep(st, "INSERT INTO staff(username, display_name, role, "
                    "password_hash, created_at) VALUES (?, ?, 'admin', ?, ?)");
    if (s != NULL) {
        sx_bind_text(s, 1, cfg->admin_username ? cfg->admin_username : "admin");
        sx_bind_text(s, 2, "مدير النظام");
        sx_bind_text(s, 3, hash);
        sqlite3_bind_int64(s, 4, store_now(st));
    }
    e = sx_exec(st, s);
    free(hash);
    char created[32];
    snprintf(created, sizeof created, "%lld", (long long)store_now(st));
    if (e == STORE_OK)
        e = meta_put(st, "assoc_name_ar", cfg->assoc_name_ar);
    if (e == STORE_OK)
        e = meta_put(st, "assoc_name_en", cfg->assoc_name_en);
    if (e == STORE_OK)
        e = meta_put(st, "created_at", created);
    if (e == STORE_OK)
        e = meta_put(st, "seeded", "1");
    if (e != STORE_OK) {
        sodium_memzero(pw, strlen(pw));
        free(pw);
        *cause = xasprintf("seeding: %s", errbuf);
        return e;
    }
    *admin_password = pw;
    return STORE_OK;
}

/* Brings the schema up to date and seeds a new database, all in one transaction
 * so that a crash leaves either the old file or a complete new one. */
static enum store_err migrate_and_seed(struct store *st, const struct store_config *cfg,
                                       char **admin_password, char **cause)
{
    int rc = exec_sql(st, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK) {
        *cause = xasprintf("cannot lock the database: %s", sqlite3_errmsg(st->db));
        return sx_err(st, rc);
    }
    int v = user_version(st);
    enum store_err e = STORE_OK;
    if (v > migrate_count) {
        *cause = xasprintf("database schema %d is newer than this program's (%d)", v,
                           migrate_count);
        e = STORE_ERR_INVALID;
    }
    for (int i = v; e == STORE_OK && i < migrate_count; i++) {
        char *err = NULL;
        rc = sqlite3_exec(st->db, migrate_steps[i], NULL, NULL, &err);
        if (rc == SQLITE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", i + 1);
            rc = sqlite3_exec(st->db, sql, NULL, NULL, &err);
        }
        if (rc != SQLITE_OK) {
            *cause = xasprintf("migration %d: %s", i + 1, err ? err : "failed");
            e = STORE_ERR_IO;
        }
        sqlite3_free(err);
    }
    if (e == STORE_OK && !meta_get(st, "seeded", NULL, 0))
        e = seed_db(st, cfg, admin_password, cause);
    if (e == STORE_OK && (e = sx_settings_seed(st, cfg)) != STORE_OK)
        *cause = xasprintf("seeding the settings: %s", errbuf);
    reset_all(st);
    if (e == STORE_OK && exec_sql(st, "COMMIT") != SQLITE_OK) {
        *cause = xasprintf("commit: %s", sqlite3_errmsg(st->db));
        e = STORE_ERR_IO;
    }
    if (e != STORE_OK) {
        exec_sql(st, "ROLLBACK");
        if (*admin_password != NULL) {
            free(*admin_password);
            *admin_password = NULL;
        }
    }
    return e;
}

static bool pragma_ok(struct store *st, const char *sql, const char *expect, char **cause)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(s);
    bool ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    if (ok && expect != NULL) {
        const unsigned char *v = rc == SQLITE_ROW ? sqlite3_column_text(s, 0) : NULL;
        ok = v != NULL && strcmp((const char *)v, expect) == 0;
    }
    if (!ok)
        *cause =
            xasprintf("%s: %s", sql,
                      rc == SQLITE_ROW ? "unexpected result" : sqlite3_errmsg(st->db));
    sqlite3_finalize(s);
    return ok;
}

/* A second, read-only connection for reads that arrive while another thread
 * writes. Without it (NULL: could not open) everything uses the writer. */
static struct store *open_reader(struct store *w, const char *path)
{
    struct store *r = xcalloc(1, sizeof *r);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&r->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    memcpy(r->tz, w->tz, sizeof r->tz);
    r->recall_limit = w->recall_limit;
    r->due_days = w->due_days;
    r->default_service_s = w->default_service_s;
    r->now = w->now;
    r->now_arg = w->now_arg;
    if (sqlite3_open_v2(path, &r->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        store_close(r);
        return NULL;
    }
    sqlite3_extended_result_codes(r->db, 1);
    sqlite3_busy_timeout(r->db, 5000);
    return r;
}

struct store *store_open(const char *path, const struct store_config *cfg_in,
                         char **admin_password, char **cause)
{
    struct store_config cfg = {0};
    if (cfg_in != NULL)
        cfg = *cfg_in;
    *admin_password = NULL;
    *cause = NULL;
    if (sodium_init() < 0) {
        *cause = xstrdup("libsodium cannot initialise");
        return NULL;
    }
    int off;
    if (cfg.tz != NULL && queue_tz_offset(cfg.tz, 0, &off) != QUEUE_OK) {
        *cause = xasprintf("unknown time zone %s", cfg.tz);
        return NULL;
    }

    struct store *st = xcalloc(1, sizeof *st);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&st->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    snprintf(st->tz, sizeof st->tz, "%s", cfg.tz ? cfg.tz : QUEUE_DEFAULT_TZ);
    st->recall_limit = cfg.recall_limit > 0 ? cfg.recall_limit : QUEUE_RECALL_LIMIT;
    st->due_days = cfg.due_days > 0 ? cfg.due_days : APP_DUE_DAYS;
    st->default_service_s = cfg.default_service_s > 0 ? cfg.default_service_s : 300;
    st->now = cfg.now;
    st->now_arg = cfg.now_arg;

    /* The store serialises its own calls, so SQLite's mutexes are not needed. */
    int rc = sqlite3_open_v2(
        path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
        NULL);
    if (rc != SQLITE_OK) {
        *cause =
            xasprintf("%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
        store_close(st);
        return NULL;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, cfg.busy_timeout_ms > 0 ? cfg.busy_timeout_ms : 5000);
    if (!pragma_ok(st, "PRAGMA journal_mode = WAL", "wal", cause) ||
        !pragma_ok(st, "PRAGMA synchronous = FULL", NULL, cause) ||
        !pragma_ok(st, "PRAGMA foreign_keys = ON", NULL, cause) ||
        !pragma_ok(st, "PRAGMA foreign_keys", "1", cause) ||
        migrate_and_seed(st, &cfg, admin_password, cause) != STORE_OK) {
        store_close(st);
        if (*admin_password != NULL) {
            free(*admin_password);
            *admin_password = NULL;
        }
        return NULL;
    }
    st->reader = open_reader(st, path);
    return st;
}

void store_close(struct store *st)
{
    if (st == NULL)
        return;
    store_close(st->reader);
    if (st->in_batch && st->db != NULL) {
        exec_sql(st, "ROLLBACK");
        pthread_mutex_unlock(&st->lock); /* the hold store_begin kept */
    }
    for (size_t i = 0; i < st->n_stmts; i++)
        sqlite3_finalize(st->stmts[i].stmt);
    free(st->stmts);
    free(st->wc);
    if (st->db != NULL)
        sqlite3_close(st->db);
    pthread_mutex_destroy(&st->lock);
    free(st);
}
