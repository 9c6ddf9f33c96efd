/* Tests of the SQLite store (server/store*.c) on a temporary file with a test
 * clock: migrations, seeding, reopening, idempotency, daily numbering per service,
 * call-next agreeing with queue.c, transfers keeping issue time, recall limit,
 * applications (references, duplicates, workflow, lookup), ratings, events per
 * change, group commit and rollback, the report, staff/sessions/devices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "store.h"

/* 2026-11-23 09:00 in Riyadh (06:00 UTC). */
#define DAY0 1795413600
static int64_t clock_now = DAY0;
static char dir[64];
static char path[128];
static char services_ini[512];

static int64_t test_clock(void *arg)
{
    (void)arg;
    return clock_now;
}

/* Argon2 is the auth module's business and slow under ASan; a marker will do. */
static char *cheap_hash(const char *pw, void *arg)
{
    (void)arg;
    char *h = malloc(strlen(pw) + 8);
    sprintf(h, "plain$%s", pw);
    return h;
}

static struct store_config config(void)
{
    struct store_config c = {0};
    c.services_ini = services_ini;
    c.assoc_name_ar = "جمعية البر التجريبية";
    c.assoc_name_en = "Test Birr Association";
    c.ticker_ar = "أهلاً بكم";
    c.hash_password = cheap_hash;
    c.now = test_clock;
    return c;
}

static struct store *open_store(char **pw)
{
    struct store_config c = config();
    char *cause = NULL, *dummy = NULL;
    struct store *st = store_open(path, &c, pw ? pw : &dummy, &cause);
    if (st == NULL)
        fail_msg("store_open: %s", cause ? cause : "?");
    free(dummy);
    return st;
}

static int setup(void **state)
{
    (void)state;
    clock_now = DAY0;
    snprintf(dir, sizeof dir, "/tmp/dawr-store-XXXXXX");
    if (mkdtemp(dir) == NULL)
        return -1;
    snprintf(path, sizeof path, "%s/dawr.db", dir);
    const char *assets = getenv("DAWR_ASSETS");
    snprintf(services_ini, sizeof services_ini, "%s/config/services.ini",
             assets ? assets : "assets");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char p[160];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffix[i]);
        unlink(p);
    }
    rmdir(dir);
    return 0;
}

static struct store_ticket_view issue(struct store *st, const char *svc, bool prio)
{
    struct store_issue req = {.service = svc, .priority = prio};
    struct store_ticket_view v;
    enum store_err e = store_ticket_issue(st, &req, &v);
    if (e != STORE_OK)
        fail_msg("issue %s: %s (%s)", svc, store_err_name(e), store_errmsg(st));
    return v;
}

static int64_t events(struct store *st)
{
    return store_event_last_seq(st);
}

/* ---------------------------------------------------------------- open */

/* Association settings: seeded from the config once, edited with one event, and
 * the database wins over a changed config on the next open. */
static void test_association(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    struct store_association a;
    assert_int_equal(store_association_get(st, &a), STORE_OK);
    assert_string_equal(a.name_ar, "جمعية البر التجريبية");
    assert_string_equal(a.ticker_ar, "أهلاً بكم");
    assert_string_equal(a.phone, "");
    int64_t seq = events(st);
    snprintf(a.ticker_ar, sizeof a.ticker_ar, "%s", "الدوام حتى الواحدة");
    snprintf(a.phone, sizeof a.phone, "%s", "0110000000");
    assert_int_equal(store_association_put(st, &a), STORE_OK);
    assert_int_equal(events(st), seq + 1);
    struct store_event *ev;
    size_t n;
    assert_int_equal(store_events_after(st, seq, 0, &ev, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].type, "association.updated");
    assert_non_null(strstr(ev[0].payload, "0110000000"));
    store_events_free(ev, n);
    struct store_association empty = a;
    empty.name_ar[0] = '\0';
    assert_int_equal(store_association_put(st, &empty), STORE_ERR_INVALID);
    assert_int_equal(events(st), seq + 1);
    store_close(st);

    struct store_config c = config();
    c.ticker_ar = "شريط آخر";
    char *cause = NULL, *pw = NULL;
    st = store_open(path, &c, &pw, &cause);
    assert_non_null(st);
    assert_int_equal(store_association_get(st, &a), STORE_OK);
    assert_string_equal(a.ticker_ar, "الدوام حتى الواحدة");
    assert_string_equal(a.phone, "0110000000");
    struct store_assoc as;
    assert_int_equal(store_assoc_get(st, &as), STORE_OK);
    assert_string_equal(as.name_en, "Test Birr Association");
    store_close(st);
}

static void test_open_seed(void **state)
{
    (void)state;
    char *pw = NULL;
    struct store *st = open_store(&pw);
    assert_non_null(pw);
    assert_int_equal(strlen(pw), 16);
    assert_int_equal(store_schema_version(st), store_schema_latest());
    assert_true(store_schema_latest() >= 1);

    struct store_service *svcs;
    size_t n;
    assert_int_equal(store_services_list(st, false, &svcs, &n), STORE_OK);
    assert_int_equal(n, 5);
    const char *codes[] = {"A", "B", "C", "D", "E"};
    const char *names[] = {"طلب دعم", "مراجعة طلب سابق", "استفسار", "البحث الاجتماعي",
                           "التطوع"};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(svcs[i].code, codes[i]);
        assert_string_equal(svcs[i].name_ar, names[i]);
        assert_int_equal(svcs[i].needs_application, i == 0);
        assert_int_equal(svcs[i].waiting, 0);
    }
    free(svcs);

    struct store_counter *cs;
    assert_int_equal(store_counters_list(st, &cs, &n), STORE_OK);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(cs[i].number, (int)i + 1);
        assert_int_equal(cs[i].n_services, 1);
        assert_string_equal(cs[i].service_codes[0], codes[i]);
        assert_false(cs[i].open);
    }
    free(cs);

    struct store_staff admin;
    assert_int_equal(store_staff_get_by_username(st, "admin", &admin), STORE_OK);
    assert_int_equal(admin.role, STORE_ROLE_ADMIN);
    char want[64];
    snprintf(want, sizeof want, "plain$%s", pw);
    assert_string_equal(admin.password_hash, want);

    struct store_assoc as;
    assert_int_equal(store_assoc_get(st, &as), STORE_OK);
    assert_string_equal(as.name_ar, "جمعية البر التجريبية");
    store_close(st);

    /* Reopening: no new admin, no second seeding. */
    char *pw2 = (char *)"unchanged";
    st = open_store(&pw2);
    assert_null(pw2);
    assert_int_equal(store_services_list(st, true, &svcs, &n), STORE_OK);
    assert_int_equal(n, 5);
    free(svcs);
    store_close(st);
    free(pw);
}

static void test_default_hash_is_argon2id(void **state)
{
    (void)state;
    struct store_config c = config();
    c.hash_password = NULL;
    char *pw = NULL, *cause = NULL;
    struct store *st = store_open(path, &c, &pw, &cause);
    assert_non_null(st);
    struct store_staff admin;
    assert_int_equal(store_staff_get_by_username(st, "admin", &admin), STORE_OK);
    assert_true(strncmp(admin.password_hash, "$argon2id$", 10) == 0);
    assert_null(strstr(admin.password_hash, pw));
    store_close(st);
    free(pw);
}

/* A database written by a newer program is refused rather than guessed at; one at
 * the current version opens as is. Uses the sqlite3 shell to age the file. */
static void test_schema_versions(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    assert_int_equal(store_schema_version(st), store_schema_latest());
    store_close(st);
    if (system("command -v sqlite3 >/dev/null 2>&1") != 0)
        skip();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'PRAGMA user_version = %d'", path,
             store_schema_latest() + 1);
    assert_int_equal(system(cmd), 0);
    struct store_config c = config();
    char *pw = NULL, *cause = NULL;
    assert_null(store_open(path, &c, &pw, &cause));
    assert_non_null(strstr(cause, "newer"));
    free(cause);
    snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'PRAGMA user_version = %d'", path,
             store_schema_latest());
    assert_int_equal(system(cmd), 0);
    st = open_store(&pw);
    assert_null(pw); /* not seeded twice */
    store_close(st);
}

static void test_bad_seed_file(void **state)
{
    (void)state;
    char ini[200];
    snprintf(ini, sizeof ini, "%s/bad.ini", dir);
    FILE *f = fopen(ini, "w");
    assert_non_null(f);
    fputs("[service A]\nname_ar = طلب\ncolour = red\n", f);
    fclose(f);
    struct store_config c = config();
    c.services_ini = ini;
    char *pw = NULL, *cause = NULL;
    assert_null(store_open(path, &c, &pw, &cause));
    assert_non_null(strstr(cause, "colour"));
    free(cause);
    f = fopen(ini, "w");
    fputs("[service A]\nname_ar = طلب\n[counter 1]\nservices = A, Q\n", f);
    fclose(f);
    cause = NULL;
    assert_null(store_open(path, &c, &pw, &cause));
    assert_non_null(strstr(cause, "unknown service Q"));
    free(cause);
    unlink(ini);
}

static void test_open_errors(void **state)
{
    (void)state;
    struct store_config c = config();
    char *pw = NULL, *cause = NULL;
    c.services_ini = "/nonexistent/services.ini";
    assert_null(store_open(path, &c, &pw, &cause));
    assert_non_null(cause);
    free(cause);
    assert_null(pw);
    cause = NULL;
    c = config();
    c.tz = "Nowhere/Land";
    assert_null(store_open(path, &c, &pw, &cause));
    assert_non_null(cause);
    free(cause);
    cause = NULL;
    assert_null(store_open("/nonexistent-dir/x.db", &c, &pw, &cause));
    free(cause);
}

/* ---------------------------------------------------------------- tickets */

static void test_numbering_and_reopen(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    assert_string_equal(issue(st, "A", false).t.label, "A-001");
    assert_string_equal(issue(st, "A", false).t.label, "A-002");
    struct store_ticket_view b = issue(st, "B", false);
    assert_string_equal(b.t.label, "B-001");
    assert_string_equal(b.t.day, "2026-11-23");
    assert_int_equal(strlen(b.t.token), 32);
    store_close(st);

    /* Reopen: the numbers go on. */
    st = open_store(NULL);
    struct store_ticket_view a3 = issue(st, "A", false);
    assert_string_equal(a3.t.label, "A-003");
    assert_int_equal(a3.people_ahead, 2);
    assert_int_equal(a3.position, 3);

    /* 23:59:59 in Riyadh is still the same day... */
    clock_now = DAY0 + 15 * 3600 - 1;
    assert_string_equal(issue(st, "A", false).t.label, "A-004");
    /* ...and at midnight numbering restarts and yesterday's queue is not today's. */
    clock_now = DAY0 + 15 * 3600;
    struct store_ticket_view next = issue(st, "A", false);
    assert_string_equal(next.t.label, "A-001");
    assert_string_equal(next.t.day, "2026-11-24");
    assert_int_equal(next.people_ahead, 0);
    assert_string_equal(issue(st, "B", false).t.label, "B-001");

    struct store_service sa;
    assert_int_equal(store_service_get(st, "A", &sa), STORE_OK);
    assert_int_equal(sa.waiting, 1);

    struct store_issue bad = {.service = "Z"};
    struct store_ticket_view v;
    assert_int_equal(store_ticket_issue(st, &bad, &v), STORE_ERR_INVALID);
    store_close(st);
}

static void test_idempotency(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    struct store_issue req = {.service = "C", .idem_key = "k-1", .device_id = 7};
    struct store_ticket_view v1, v2, v3;
    assert_int_equal(store_ticket_issue(st, &req, &v1), STORE_OK);
    assert_false(v1.replayed);
    int64_t seq = events(st);
    assert_int_equal(store_ticket_issue(st, &req, &v2), STORE_OK);
    assert_true(v2.replayed);
    assert_int_equal(v2.t.id, v1.t.id);
    assert_string_equal(v2.t.label, v1.t.label);
    assert_string_equal(v2.t.token, v1.t.token);
    assert_int_equal(events(st), seq); /* a replay writes nothing */
    /* The same key from another kiosk is another request. */
    req.device_id = 8;
    assert_int_equal(store_ticket_issue(st, &req, &v3), STORE_OK);
    assert_false(v3.replayed);
    assert_string_equal(v3.t.label, "C-002");
    store_close(st);

    st = open_store(NULL); /* keys survive a restart */
    req.device_id = 7;
    assert_int_equal(store_ticket_issue(st, &req, &v2), STORE_OK);
    assert_true(v2.replayed);
    assert_int_equal(v2.t.id, v1.t.id);
    struct store_ticket_view byt;
    assert_int_equal(store_ticket_by_token(st, v1.t.token, &byt), STORE_OK);
    assert_int_equal(byt.t.id, v1.t.id);
    assert_int_equal(byt.position, 1);
    assert_int_equal(store_ticket_by_token(st, "nope", &byt), STORE_ERR_NOT_FOUND);
    /* A day later the keys may be forgotten; the same key is then a new request. */
    clock_now += 86400 + 1;
    assert_int_equal(store_idempotency_purge(st, 86400), STORE_OK);
    assert_int_equal(store_ticket_issue(st, &req, &v2), STORE_OK);
    assert_false(v2.replayed);
    assert_true(v2.t.id != v1.t.id);
    store_close(st);
}

/* Serves counter @c's services with the given service codes, and opens it. */
static void counter_setup(struct store *st, int number, const char *const *codes,
                          size_t n)
{
    int64_t ids[STORE_COUNTER_SERVICES];
    for (size_t i = 0; i < n; i++) {
        struct store_service sv;
        assert_int_equal(store_service_get(st, codes[i], &sv), STORE_OK);
        ids[i] = sv.id;
    }
    assert_int_equal(store_counter_set_services(st, number, ids, n), STORE_OK);
    assert_int_equal(store_counter_set_open(st, number, true, 1), STORE_OK);
}

static void test_call_next_matches_queue(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    struct store_service d;
    assert_int_equal(store_service_get(st, "D", &d), STORE_OK);
    d.weight = 2.0;
    assert_int_equal(store_service_put(st, &d), STORE_OK);
    const char *const codes[] = {"A", "D"};
    counter_setup(st, 1, codes, 2);

    struct queue_ticket called;
    /* closed counter and empty queue */
    assert_int_equal(store_counter_set_open(st, 2, false, 0), STORE_OK);
    assert_int_equal(store_call_next(st, 2, 1, &called), STORE_ERR_CLOSED);
    assert_int_equal(store_call_next(st, 1, 1, &called), STORE_ERR_EMPTY);
    assert_int_equal(store_call_next(st, 99, 1, &called), STORE_ERR_NOT_FOUND);

    /* A script of arrivals; after each call compare with queue_choose_next run on
     * the whole list of today's tickets. */
    const struct {
        int64_t at;
        const char *svc;
        bool prio;
    } arrivals[] = {
        {0, "A", false},   {30, "A", false},  {60, "D", false},  {90, "A", true},
        {100, "D", false}, {120, "B", false}, {200, "A", false}, {260, "D", true},
    };
    for (size_t i = 0; i < sizeof arrivals / sizeof arrivals[0]; i++) {
        clock_now = DAY0 + arrivals[i].at;
        issue(st, arrivals[i].svc, arrivals[i].prio);
    }
    const int64_t call_times[] = {400, 500, 600, 700, 800, 900, 1000};
    struct queue_weight w[2] = {{0, 1.0}, {d.id, 2.0}};
    struct store_service a;
    assert_int_equal(store_service_get(st, "A", &a), STORE_OK);
    w[0].service_id = a.id;
    int calls = 0;
    for (size_t i = 0; i < sizeof call_times / sizeof call_times[0]; i++) {
        clock_now = DAY0 + call_times[i];
        struct queue_ticket *all;
        size_t n;
        assert_int_equal(store_tickets_today(st, NULL, -1, &all, &n), STORE_OK);
        long want = queue_choose_next(all, n, w, 2, clock_now);
        enum store_err e = store_call_next(st, 1, 1, &called);
        if (want < 0) {
            assert_int_equal(e, STORE_ERR_EMPTY);
        } else {
            assert_int_equal(e, STORE_OK);
            if (called.id != all[want].id)
                fail_msg("call %zu: store called %s, queue.c picks %s", i, called.label,
                         all[want].label);
            assert_int_equal(called.state, QUEUE_CALLED);
            assert_int_equal(called.counter, 1);
            calls++;
        }
        free(all);
    }
    assert_int_equal(calls, 7); /* A×4 and D×3; B's ticket is not this counter's */
    /* Priority first: the first two calls were the priority tickets. */
    store_close(st);
}

static void test_counter_flow_and_events(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    const char *const codes[] = {"A"};
    counter_setup(st, 1, codes, 1);
    struct store_ticket_view t1 = issue(st, "A", false);
    struct store_ticket_view t2 = issue(st, "A", false);
    assert_int_equal(t2.people_ahead, 1);

    int64_t seq = events(st);
    struct queue_ticket c;
    clock_now += 60;
    assert_int_equal(store_call_next(st, 1, 1, &c), STORE_OK);
    assert_int_equal(c.id, t1.t.id);
    assert_int_equal(events(st), seq + 1);
    struct store_event *ev;
    size_t n;
    assert_int_equal(store_events_after(st, seq, 0, &ev, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_string_equal(ev[0].type, "ticket.called");
    assert_non_null(strstr(ev[0].payload, "\"label\":\"A-001\""));
    assert_non_null(strstr(ev[0].payload, "\"counter\":1"));
    store_events_free(ev, n);

    struct queue_ticket cur;
    assert_int_equal(store_counter_current(st, 1, &cur), STORE_OK);
    assert_int_equal(cur.id, t1.t.id);
    assert_int_equal(store_ticket_done(st, c.id, 1, &c),
                     STORE_ERR_STATE);     /* not served */
    assert_int_equal(events(st), seq + 1); /* nothing written */
    clock_now += 30;
    assert_int_equal(store_ticket_serve(st, c.id, 1, &c), STORE_OK);
    assert_int_equal(c.state, QUEUE_SERVING);
    clock_now += 240;
    /* "next" while serving: the served ticket is done, in the same transaction */
    assert_int_equal(store_call_next(st, 1, 1, &c), STORE_OK);
    assert_int_equal(c.id, t2.t.id);
    assert_int_equal(events(st), seq + 4);
    struct store_ticket_view v;
    assert_int_equal(store_ticket_get(st, t1.t.id, &v), STORE_OK);
    assert_int_equal(v.t.state, QUEUE_DONE);
    assert_int_equal(v.t.served_at, DAY0 + 90);
    assert_int_equal(v.t.done_at, DAY0 + 330);

    /* Recall limit 3, then no-show; restore puts it back in line. */
    bool done = false;
    int recalls = 0;
    while (!done) {
        assert_int_equal(store_ticket_recall(st, t2.t.id, 1, &c), STORE_OK);
        if (c.state == QUEUE_NO_SHOW)
            done = true;
        else
            recalls++;
        assert_true(recalls <= 3);
    }
    assert_int_equal(recalls, 3);
    assert_int_equal(store_ticket_restore(st, t2.t.id, 1, &c), STORE_OK);
    assert_int_equal(c.state, QUEUE_WAITING);
    assert_int_equal(c.issued_at, t2.t.issued_at);
    assert_int_equal(store_ticket_get(st, t2.t.id, &v), STORE_OK);
    assert_int_equal(v.position, 1);
    assert_int_equal(store_ticket_cancel(st, t2.t.id, 1, &c), STORE_OK);
    assert_int_equal(store_ticket_cancel(st, t2.t.id, 1, &c), STORE_ERR_STATE);

    /* Empty queue after finishing: EMPTY, but the finishing stays committed. */
    struct store_ticket_view t3 = issue(st, "A", false);
    assert_int_equal(store_call_next(st, 1, 1, &c), STORE_OK);
    assert_int_equal(store_ticket_serve(st, c.id, 1, &c), STORE_OK);
    assert_int_equal(store_call_next(st, 1, 1, &c), STORE_ERR_EMPTY);
    assert_int_equal(store_ticket_get(st, t3.t.id, &v), STORE_OK);
    assert_int_equal(v.t.state, QUEUE_DONE);

    /* Every event sequence is consecutive and typed. */
    assert_int_equal(store_events_after(st, 0, 0, &ev, &n), STORE_OK);
    for (size_t i = 1; i < n; i++)
        assert_int_equal(ev[i].seq, ev[i - 1].seq + 1);
    store_events_free(ev, n);
    store_close(st);
}

static void test_transfer_keeps_issue_time(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    const char *const a[] = {"A"}, *const d[] = {"D"};
    counter_setup(st, 1, a, 1);
    counter_setup(st, 4, d, 1);
    struct store_ticket_view t = issue(st, "A", true);
    clock_now += 100;
    struct store_ticket_view dwait = issue(st, "D", false); /* later than t */
    (void)dwait;
    struct queue_ticket c;
    clock_now += 100;
    assert_int_equal(store_call_next(st, 1, 1, &c), STORE_OK);
    assert_int_equal(store_ticket_serve(st, c.id, 1, &c), STORE_OK);
    clock_now += 100;
    int64_t seq = events(st);
    struct queue_ticket moved;
    assert_int_equal(
        store_ticket_transfer(st, c.id, "D", "refer to researcher", 1, &moved), STORE_OK);
    assert_int_equal(events(st), seq + 1);
    assert_int_equal(moved.state, QUEUE_WAITING);
    assert_string_equal(moved.service, "D");
    assert_string_equal(moved.label, "A-001");
    assert_int_equal(moved.issued_at, DAY0);
    assert_int_equal(moved.origin_id, t.t.id);
    assert_true(moved.priority);
    assert_true(strcmp(moved.token, t.t.token) != 0);
    struct store_ticket_view old;
    assert_int_equal(store_ticket_get(st, t.t.id, &old), STORE_OK);
    assert_int_equal(old.t.state, QUEUE_TRANSFERRED);
    /* The note travels with the new ticket (and stays on the old one), read back. */
    assert_string_equal(moved.note, "refer to researcher");
    assert_string_equal(old.t.note, "refer to researcher");
    struct store_ticket_view nv;
    assert_int_equal(store_ticket_get(st, moved.id, &nv), STORE_OK);
    assert_string_equal(nv.t.note, "refer to researcher");
    /* The event payload (displays read it) does not carry the note. */
    struct store_event *ev;
    size_t nev;
    assert_int_equal(store_events_after(st, seq, 0, &ev, &nev), STORE_OK);
    assert_int_equal(nev, 1);
    assert_null(strstr(ev[0].payload, "refer to researcher"));
    store_events_free(ev, nev);
    /* The transfer waited longest (original issue time): called first at D. */
    assert_int_equal(store_call_next(st, 4, 2, &c), STORE_OK);
    assert_int_equal(c.id, moved.id);
    /* A transfer does not use up a number in D. */
    assert_string_equal(issue(st, "D", false).t.label, "D-002");
    assert_int_equal(store_ticket_transfer(st, c.id, "Q", NULL, 1, &moved),
                     STORE_ERR_INVALID);
    assert_int_equal(store_ticket_transfer(st, c.id, "D", NULL, 1, &moved),
                     STORE_ERR_INVALID);
    store_close(st);
}

static void test_group_commit(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    struct store_issue reqs[50];
    struct store_ticket_view out[50];
    enum store_err errs[50];
    char keys[50][16];
    for (int i = 0; i < 50; i++) {
        snprintf(keys[i], sizeof keys[i], "b-%d", i % 40); /* 10 repeats */
        reqs[i] = (struct store_issue){
            .service = i % 2 ? "A" : "B", .idem_key = keys[i], .device_id = 3};
    }
    reqs[7].service = "nope";
    int64_t seq = events(st);
    assert_int_equal(store_ticket_issue_batch(st, reqs, 50, out, errs), STORE_OK);
    int ok = 0, replayed = 0;
    for (int i = 0; i < 50; i++) {
        if (i == 7 || i == 47) { /* 47 repeats 7's key, which failed */
            if (i == 7)
                assert_int_equal(errs[i], STORE_ERR_INVALID);
            continue;
        }
        assert_int_equal(errs[i], STORE_OK);
        ok++;
        replayed += out[i].replayed;
        if (i >= 40 && i != 47)
            assert_int_equal(out[i].t.id, out[i - 40].t.id);
    }
    assert_int_equal(replayed, 9);
    assert_int_equal(events(st), seq + 40); /* 39 new tickets + key 7 again at 47 */

    /* A rolled-back batch leaves nothing, not even used numbers. */
    struct store_ticket_view v;
    struct store_issue one = {.service = "C"};
    assert_int_equal(store_begin(st), STORE_OK);
    assert_int_equal(store_begin(st), STORE_ERR_INVALID);
    assert_int_equal(store_ticket_issue(st, &one, &v), STORE_OK);
    assert_string_equal(v.t.label, "C-001");
    assert_int_equal(store_rollback(st), STORE_OK);
    assert_int_equal(store_ticket_get(st, v.t.id, &v), STORE_ERR_NOT_FOUND);
    assert_string_equal(issue(st, "C", false).t.label, "C-001");
    struct store_service c;
    assert_int_equal(store_service_get(st, "C", &c), STORE_OK);
    assert_int_equal(c.waiting, 1);
    /* ...and the waiting counts are right again after it. */
    assert_int_equal(issue(st, "C", false).people_ahead, 1);
    assert_int_equal(store_commit(st), STORE_ERR_INVALID); /* no batch open */
    store_close(st);
}

/* Reads from another thread while a batch is open neither wait for it nor see it;
 * the thread holding the batch reads its own writes. */
struct reader_job {
    struct store *st;
    int64_t committed, pending;
    enum store_err got_committed, got_pending;
    int64_t last_seq;
    atomic_int done;
};

static void *reader_thread(void *arg)
{
    struct reader_job *j = arg;
    struct store_ticket_view v;
    j->got_committed = store_ticket_get(j->st, j->committed, &v);
    j->got_pending = store_ticket_get(j->st, j->pending, &v);
    j->last_seq = store_event_last_seq(j->st);
    atomic_store(&j->done, 1);
    return NULL;
}

static void run_reader(struct reader_job *j)
{
    pthread_t th;
    atomic_store(&j->done, 0);
    assert_int_equal(pthread_create(&th, NULL, reader_thread, j), 0);
    for (int i = 0; i < 500 && !atomic_load(&j->done); i++) {
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    int finished = atomic_load(&j->done);
    if (!finished)
        store_rollback(j->st); /* let it go before failing */
    pthread_join(th, NULL);
    if (!finished)
        fail_msg("a read waited for another thread's batch");
}

static void test_reads_during_batch(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    struct store_ticket_view a = issue(st, "A", false);
    int64_t seq = events(st);
    assert_int_equal(store_begin(st), STORE_OK);
    struct store_ticket_view b = issue(st, "B", false);
    struct store_ticket_view v;
    assert_int_equal(store_ticket_get(st, b.t.id, &v), STORE_OK); /* own writes */
    struct reader_job j = {.st = st, .committed = a.t.id, .pending = b.t.id};
    run_reader(&j);
    assert_int_equal(j.got_committed, STORE_OK);
    assert_int_equal(j.got_pending, STORE_ERR_NOT_FOUND);
    assert_int_equal(j.last_seq, seq);
    assert_int_equal(store_commit(st), STORE_OK);
    run_reader(&j);
    assert_int_equal(j.got_pending, STORE_OK);
    assert_int_equal(j.last_seq, seq + 1);
    store_close(st);
}

/* Several threads issuing at once, some singly and some in batches: every ticket
 * gets a distinct number and the numbers of a service have no gaps. */
struct issuer {
    struct store *st;
    int id;
    int ok;
};

static void *issuer_thread(void *arg)
{
    struct issuer *is = arg;
    for (int round = 0; round < 20; round++) {
        if ((round + is->id) % 2 == 0) {
            struct store_issue reqs[5];
            struct store_ticket_view out[5];
            enum store_err errs[5];
            for (int k = 0; k < 5; k++)
                reqs[k] = (struct store_issue){.service = k % 2 ? "A" : "B"};
            if (store_ticket_issue_batch(is->st, reqs, 5, out, errs) == STORE_OK)
                for (int k = 0; k < 5; k++)
                    is->ok += errs[k] == STORE_OK;
        } else {
            struct store_issue req = {.service = round % 2 ? "A" : "B"};
            struct store_ticket_view v;
            is->ok += store_ticket_issue(is->st, &req, &v) == STORE_OK;
        }
    }
    return NULL;
}

static void test_concurrent_issue(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    pthread_t th[4];
    struct issuer is[4];
    for (int i = 0; i < 4; i++) {
        is[i] = (struct issuer){.st = st, .id = i};
        assert_int_equal(pthread_create(&th[i], NULL, issuer_thread, &is[i]), 0);
    }
    int total = 0;
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        total += is[i].ok;
    }
    assert_int_equal(total,
                     4 * (10 * 5 + 10)); /* each thread: 10 batches of 5, 10 singles */
    const char *const svcs[] = {"A", "B"};
    int seen = 0;
    for (int k = 0; k < 2; k++) {
        struct queue_ticket *all;
        size_t n;
        assert_int_equal(store_tickets_today(st, svcs[k], -1, &all, &n), STORE_OK);
        char *used = calloc(n + 1, 1);
        for (size_t i = 0; i < n; i++) {
            assert_true(all[i].number >= 1 && (size_t)all[i].number <= n);
            assert_false(used[all[i].number]);
            used[all[i].number] = 1;
        }
        free(used);
        free(all);
        seen += (int)n;
    }
    assert_int_equal(seen, total);
    store_close(st);
}

/* ---------------------------------------------------------------- applications */

static struct form_app sample_form(const char *nine)
{
    struct form_app f = {0};
    strcpy(f.name, "نورة عبدالعزيز محمد السبيعي");
    memcpy(f.nid, nine, 9);
    form_nid_fill_check(f.nid);
    strcpy(f.mobile, "0551234567");
    strcpy(f.city, "الرياض");
    strcpy(f.district, "العليا");
    f.family_members = 4;
    f.income = 3000;
    f.housing = FORM_HOUSING_RENTED;
    strcpy(f.support_type, "rent");
    f.declaration = true;
    return f;
}

static void test_applications(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    struct form_app f = sample_form("104455667");
    struct store_application a, b, c;
    bool replayed;
    struct store_ticket_view t = issue(st, "A", false);
    const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3};
    assert_int_equal(store_application_create(st, &f, APP_CHANNEL_KIOSK, 3, "app-1",
                                              t.t.id, png, sizeof png, &a, &replayed),
                     STORE_OK);
    assert_false(replayed);
    assert_string_equal(a.reference, "2026-000001");
    assert_int_equal(a.status, APP_SUBMITTED);
    assert_int_equal(a.due_at, DAY0 + 14 * 86400);
    assert_int_equal(a.duplicate_of, 0);
    assert_int_equal(a.ticket_id, t.t.id);
    assert_true(a.has_signature);
    assert_string_equal(a.form.name, f.name);
    struct store_ticket_view tv;
    assert_int_equal(store_ticket_get(st, t.t.id, &tv), STORE_OK);
    assert_int_equal(tv.t.application_id, a.id);
    void *sig;
    size_t len;
    assert_int_equal(store_application_signature(st, a.id, &sig, &len), STORE_OK);
    assert_int_equal(len, sizeof png);
    assert_memory_equal(sig, png, len);
    free(sig);

    /* Replayed key: the same application. */
    assert_int_equal(store_application_create(st, &f, APP_CHANNEL_KIOSK, 3, "app-1", 0,
                                              NULL, 0, &b, &replayed),
                     STORE_OK);
    assert_true(replayed);
    assert_int_equal(b.id, a.id);
    /* Same national ID again: flagged, not merged. */
    assert_int_equal(store_application_create(st, &f, APP_CHANNEL_STAFF, 0, NULL, 0, NULL,
                                              0, &b, &replayed),
                     STORE_OK);
    assert_string_equal(b.reference, "2026-000002");
    assert_int_equal(b.duplicate_of, a.id);
    /* Events carry no personal data. */
    struct store_event *ev;
    size_t n;
    assert_int_equal(store_events_after(st, 0, 0, &ev, &n), STORE_OK);
    for (size_t i = 0; i < n; i++) {
        assert_null(strstr(ev[i].payload, f.nid));
        assert_null(strstr(ev[i].payload, f.mobile));
        assert_null(strstr(ev[i].payload, "نورة"));
    }
    store_events_free(ev, n);

    /* Bad input is refused by the store itself. */
    struct form_app bad = f;
    bad.nid[9] = bad.nid[9] == '9' ? '0' : (char)(bad.nid[9] + 1);
    assert_int_equal(store_application_create(st, &bad, APP_CHANNEL_KIOSK, 0, NULL, 0,
                                              NULL, 0, &c, &replayed),
                     STORE_ERR_INVALID);
    assert_int_equal(store_application_create(st, &f, APP_CHANNEL_KIOSK, 0, NULL, 0,
                                              "notpng", 6, &c, &replayed),
                     STORE_ERR_INVALID);

    /* Workflow. */
    assert_int_equal(store_application_set_status(st, a.id, APP_ACCEPTED, 2, NULL, &c),
                     STORE_ERR_STATE);
    clock_now += 3600;
    assert_int_equal(store_application_set_status(st, a.id, APP_VERIFIED, 2, NULL, &c),
                     STORE_OK);
    assert_int_equal(c.verified_by, 2);
    assert_int_equal(c.verified_at, DAY0 + 3600);
    assert_int_equal(
        store_application_set_status(st, a.id, APP_UNDER_REVIEW, 2, NULL, &c), STORE_OK);
    assert_int_equal(
        store_application_set_status(st, a.id, APP_ACCEPTED, 5, "موافقة", &c), STORE_OK);
    assert_int_equal(c.decided_by, 5);
    assert_string_equal(c.note, "موافقة");
    assert_int_equal(store_application_set_status(st, a.id, APP_REJECTED, 5, NULL, &c),
                     STORE_ERR_STATE);

    /* Status lookup: reference + last four digits, nothing else. */
    enum app_status s;
    assert_int_equal(store_application_status_lookup(st, a.reference, f.nid + 6, &s),
                     STORE_OK);
    assert_int_equal(s, APP_ACCEPTED);
    char wrong[5];
    memcpy(wrong, f.nid + 6, 5);
    wrong[3] = wrong[3] == '0' ? '1' : '0';
    assert_int_equal(store_application_status_lookup(st, a.reference, wrong, &s),
                     STORE_ERR_NOT_FOUND);
    assert_int_equal(store_application_status_lookup(st, "2026-999999", f.nid + 6, &s),
                     STORE_ERR_NOT_FOUND);

    /* Overdue: the second one, still open, 15 days later; listed first. */
    struct form_app f3 = sample_form("207788990");
    assert_int_equal(store_application_create(st, &f3, APP_CHANNEL_WEB, 0, NULL, 0, NULL,
                                              0, &c, &replayed),
                     STORE_OK);
    clock_now = DAY0 + 14 * 86400 + 1800; /* b is past due, f3 (an hour later) not yet */
    struct store_application *list;
    struct store_app_filter filt = {.status = -1};
    assert_int_equal(store_applications_list(st, &filt, &list, &n), STORE_OK);
    assert_int_equal(n, 3);
    assert_int_equal(list[0].id, b.id);
    assert_true(list[0].overdue);
    assert_false(list[1].overdue);
    free(list);
    filt.overdue_only = true;
    assert_int_equal(store_applications_list(st, &filt, &list, &n), STORE_OK);
    assert_int_equal(n, 1);
    free(list);
    filt = (struct store_app_filter){.status = APP_ACCEPTED};
    assert_int_equal(store_applications_list(st, &filt, &list, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_int_equal(list[0].id, a.id);
    free(list);
    /* An application decided no longer makes a new one a duplicate. */
    assert_int_equal(store_application_set_status(st, b.id, APP_NEEDS_INFO, 2, "صك", &c),
                     STORE_OK);
    store_close(st);
}

/* ---------------------------------------------------------------- ratings, report */

static void test_ratings_and_report(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    int64_t uid;
    assert_int_equal(
        store_staff_create(st, "huda", "هدى", STORE_ROLE_RECEPTION, "h", &uid), STORE_OK);
    const char *const a[] = {"A"}, *const c[] = {"C"};
    counter_setup(st, 1, a, 1);
    counter_setup(st, 3, c, 1);
    /* A scripted morning: waits 60, 200 and 300 s; service times 200 and 400 s. */
    struct queue_ticket q;
    struct store_ticket_view t1 = issue(st, "A", false);
    clock_now = DAY0 + 60;
    struct store_ticket_view t2 = issue(st, "A", false);
    struct store_ticket_view t3 = issue(st, "C", false);
    assert_int_equal(store_call_next(st, 1, uid, &q), STORE_OK);
    assert_int_equal(q.id, t1.t.id);
    assert_int_equal(store_ticket_serve(st, q.id, uid, &q), STORE_OK);
    clock_now = DAY0 + 260;
    assert_int_equal(store_ticket_done(st, q.id, uid, &q), STORE_OK);
    assert_int_equal(store_call_next(st, 1, uid, &q), STORE_OK);
    assert_int_equal(q.id, t2.t.id);
    assert_int_equal(store_ticket_serve(st, q.id, uid, &q), STORE_OK);
    clock_now = DAY0 + 360;
    assert_int_equal(store_call_next(st, 3, 1, &q), STORE_OK);
    assert_int_equal(q.id, t3.t.id);
    clock_now = DAY0 + 400;
    assert_int_equal(store_ticket_no_show(st, q.id, 1, &q), STORE_OK);
    clock_now = DAY0 + 660;
    assert_int_equal(store_ticket_done(st, t2.t.id, uid, &q), STORE_OK);
    clock_now = DAY0 + 700;
    struct store_ticket_view t4 = issue(st, "A", false);
    clock_now = DAY0 + 710;
    assert_int_equal(store_ticket_cancel(st, t4.t.id, 0, &q), STORE_OK);
    clock_now = DAY0 + 720;
    issue(st, "A", false);
    struct form_app f = sample_form("112233445");
    struct store_application app;
    assert_int_equal(store_application_create(st, &f, APP_CHANNEL_KIOSK, 0, NULL, 0, NULL,
                                              0, &app, NULL),
                     STORE_OK);

    /* Ratings: only finished tickets, once, 1 to 5; counter and staff from the ticket. */
    struct store_rating r;
    int64_t seq = events(st);
    assert_int_equal(store_rating_add(st, t1.t.id, 5, "شكرًا", &r), STORE_OK);
    assert_int_equal(r.counter, 1);
    assert_int_equal(r.staff_id, uid);
    assert_int_equal(events(st), seq + 1);
    assert_int_equal(store_rating_add(st, t2.t.id, 3, NULL, &r), STORE_OK);
    assert_int_equal(store_rating_add(st, t1.t.id, 4, NULL, &r), STORE_ERR_EXISTS);
    assert_int_equal(store_rating_add(st, t3.t.id, 4, NULL, &r), STORE_ERR_STATE);
    assert_int_equal(store_rating_add(st, t2.t.id, 0, NULL, &r), STORE_ERR_INVALID);
    assert_int_equal(store_rating_add(st, t2.t.id, 6, NULL, &r), STORE_ERR_INVALID);
    assert_int_equal(store_rating_add(st, 9999, 3, NULL, &r), STORE_ERR_NOT_FOUND);
    assert_int_equal(events(st), seq + 2);

    struct store_report rep;
    assert_int_equal(store_report(st, "2026-11-23", "2026-11-23", &rep), STORE_OK);
    assert_int_equal(rep.total.issued, 5);
    assert_int_equal(rep.total.called, 3);
    assert_int_equal(rep.total.done, 2);
    assert_int_equal(rep.total.no_show, 1);
    assert_int_equal(rep.total.cancelled, 1);
    assert_int_equal(rep.total.waiting, 1);
    assert_float_equal(rep.total.wait_p50, 200, 1e-9);
    assert_float_equal(rep.total.wait_p90, 300, 1e-9);
    assert_float_equal(rep.total.wait_mean, 560.0 / 3, 1e-9);
    assert_float_equal(rep.total.service_p50, 200, 1e-9);
    assert_float_equal(rep.total.service_p90, 400, 1e-9);
    assert_float_equal(rep.total.service_mean, 300, 1e-9);
    assert_int_equal(rep.total.ratings, 2);
    assert_float_equal(rep.total.rating_avg, 4, 1e-9);
    assert_int_equal(rep.rating_dist[5], 1);
    assert_int_equal(rep.rating_dist[3], 1);
    assert_int_equal(rep.rating_dist[4], 0);
    assert_int_equal(rep.n_service, 2);
    assert_string_equal(rep.by_service[0].key, "A");
    assert_int_equal(rep.by_service[0].issued, 4);
    assert_int_equal(rep.by_service[0].done, 2);
    assert_string_equal(rep.by_service[1].key, "C");
    assert_int_equal(rep.by_service[1].no_show, 1);
    assert_float_equal(rep.by_service[1].wait_p50, 300, 1e-9);
    assert_int_equal(rep.n_counter, 2);
    assert_string_equal(rep.by_counter[0].key, "1");
    assert_int_equal(rep.by_counter[0].done, 2);
    assert_int_equal(rep.n_staff, 2);
    for (size_t i = 0; i < rep.n_staff; i++) {
        if (strcmp(rep.by_staff[i].key, "huda") == 0) {
            assert_int_equal(rep.by_staff[i].called, 2);
            assert_float_equal(rep.by_staff[i].rating_avg, 4, 1e-9);
        } else {
            assert_string_equal(rep.by_staff[i].key, "admin");
            assert_int_equal(rep.by_staff[i].no_show, 1);
        }
    }
    assert_int_equal(rep.apps_total, 1);
    assert_int_equal(rep.apps_by_status[APP_SUBMITTED], 1);
    assert_int_equal(rep.apps_overdue, 0);
    store_report_free(&rep);

    /* The next day is empty; a bad range is refused. */
    assert_int_equal(store_report(st, "2026-11-24", "2026-11-24", &rep), STORE_OK);
    assert_int_equal(rep.total.issued, 0);
    assert_int_equal(rep.apps_total, 0);
    store_report_free(&rep);
    assert_int_equal(store_report(st, "2026-11-25", "2026-11-24", &rep),
                     STORE_ERR_INVALID);
    assert_int_equal(store_report(st, "yesterday", "2026-11-24", &rep),
                     STORE_ERR_INVALID);
    store_close(st);
}

/* ---------------------------------------------------------------- people, devices */

static void test_staff_sessions_devices(void **state)
{
    (void)state;
    struct store *st = open_store(NULL);
    int64_t id;
    assert_int_equal(
        store_staff_create(st, "sara", "سارة", STORE_ROLE_RESEARCHER, "$argon2id$x", &id),
        STORE_OK);
    assert_int_equal(store_staff_create(st, "sara", "", STORE_ROLE_ADMIN, "h", NULL),
                     STORE_ERR_EXISTS);
    assert_int_equal(store_staff_create(st, "bad name", "", STORE_ROLE_ADMIN, "h", NULL),
                     STORE_ERR_INVALID);
    assert_int_equal(store_staff_set_role(st, id, STORE_ROLE_MANAGER), STORE_OK);
    assert_int_equal(store_staff_set_password(st, id, "$argon2id$y"), STORE_OK);
    struct store_staff s;
    assert_int_equal(store_staff_get(st, id, &s), STORE_OK);
    assert_int_equal(s.role, STORE_ROLE_MANAGER);
    assert_string_equal(s.password_hash, "$argon2id$y");
    assert_int_equal(store_staff_set_role(st, 999, STORE_ROLE_MANAGER),
                     STORE_ERR_NOT_FOUND);
    struct store_event *ev;
    size_t n;
    assert_int_equal(store_events_after(st, 0, 0, &ev, &n), STORE_OK);
    for (size_t i = 0; i < n; i++)
        assert_null(strstr(ev[i].payload, "argon2id"));
    store_events_free(ev, n);

    struct store_session ses = {.staff_id = id, .expires_at = DAY0 + 3600};
    strcpy(ses.token_hash, "th-1");
    strcpy(ses.csrf, "csrf-1");
    assert_int_equal(store_session_create(st, &ses), STORE_OK);
    struct store_session got;
    assert_int_equal(store_session_get(st, "th-1", &got), STORE_OK);
    assert_int_equal(got.staff_id, id);
    assert_string_equal(got.csrf, "csrf-1");
    clock_now += 600;
    assert_int_equal(store_session_touch(st, "th-1"), STORE_OK);
    assert_int_equal(store_session_get(st, "th-1", &got), STORE_OK);
    assert_int_equal(got.last_seen_at, DAY0 + 600);
    assert_int_equal(store_sessions_purge(st, 300), STORE_OK); /* idle 0 s: kept */
    assert_int_equal(store_session_get(st, "th-1", &got), STORE_OK);
    clock_now += 3600;
    assert_int_equal(store_session_get(st, "th-1", &got),
                     STORE_ERR_NOT_FOUND); /* expired */
    ses.expires_at = clock_now + 3600;
    strcpy(ses.token_hash, "th-2");
    assert_int_equal(store_session_create(st, &ses), STORE_OK);
    /* A new password or role ends the person's sessions, as deactivation does. */
    assert_int_equal(store_staff_set_password(st, id, "$argon2id$z"), STORE_OK);
    assert_int_equal(store_session_get(st, "th-2", &got), STORE_ERR_NOT_FOUND);
    strcpy(ses.token_hash, "th-3");
    assert_int_equal(store_session_create(st, &ses), STORE_OK);
    assert_int_equal(store_staff_set_role(st, id, STORE_ROLE_RECEPTION), STORE_OK);
    assert_int_equal(store_session_get(st, "th-3", &got), STORE_ERR_NOT_FOUND);
    strcpy(ses.token_hash, "th-4");
    assert_int_equal(store_session_create(st, &ses), STORE_OK);
    assert_int_equal(store_staff_set_active(st, id, false), STORE_OK);
    assert_int_equal(store_session_get(st, "th-4", &got), STORE_ERR_NOT_FOUND);
    assert_int_equal(store_session_delete(st, "th-4"), STORE_ERR_NOT_FOUND);

    int64_t did;
    assert_int_equal(store_device_create(st, "kiosk-1", STORE_DEVICE_KIOSK, "dh-1", &did),
                     STORE_OK);
    assert_int_equal(store_device_create(st, "kiosk-2", STORE_DEVICE_KIOSK, "dh-1", NULL),
                     STORE_ERR_EXISTS);
    struct store_device d;
    assert_int_equal(store_device_by_token(st, "dh-1", &d), STORE_OK);
    assert_int_equal(d.id, did);
    assert_int_equal(d.kind, STORE_DEVICE_KIOSK);
    assert_int_equal(store_device_revoke(st, did), STORE_OK);
    assert_int_equal(store_device_by_token(st, "dh-1", &d), STORE_ERR_NOT_FOUND);
    struct store_device *ds;
    assert_int_equal(store_devices_list(st, &ds, &n), STORE_OK);
    assert_int_equal(n, 1);
    assert_true(ds[0].revoked);
    free(ds);

    int64_t seq;
    assert_int_equal(store_event_append(st, "display.message", "{\"text\":\"hi\"}", &seq),
                     STORE_OK);
    assert_int_equal(seq, events(st));
    assert_int_equal(store_event_append(st, "x", "[1]", &seq), STORE_ERR_INVALID);
    store_close(st);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_open_seed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_association, setup, teardown),
        cmocka_unit_test_setup_teardown(test_default_hash_is_argon2id, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_schema_versions, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_seed_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbering_and_reopen, setup, teardown),
        cmocka_unit_test_setup_teardown(test_idempotency, setup, teardown),
        cmocka_unit_test_setup_teardown(test_call_next_matches_queue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_counter_flow_and_events, setup, teardown),
        cmocka_unit_test_setup_teardown(test_transfer_keeps_issue_time, setup, teardown),
        cmocka_unit_test_setup_teardown(test_group_commit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reads_during_batch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_issue, setup, teardown),
        cmocka_unit_test_setup_teardown(test_applications, setup, teardown),
        cmocka_unit_test_setup_teardown(test_ratings_and_report, setup, teardown),
        cmocka_unit_test_setup_teardown(test_staff_sessions_devices, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
