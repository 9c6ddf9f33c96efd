/* Table-driven tests of the pure queue rules (server/queue.c, DESIGN.md §5):
 * call-next choice (priority, weights, ties, transfers), the transition table,
 * recall limit, restore, daily day keys in the office zone, labels, wait range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "queue.h"

#define T0 1795000000 /* some epoch second in late 2026 */

static struct queue_ticket tk(int64_t id, int64_t svc, bool prio, int64_t issued,
                              enum queue_state st)
{
    struct queue_ticket t = {0};
    t.id = id;
    t.service_id = svc;
    t.priority = prio;
    t.issued_at = issued;
    t.state = st;
    return t;
}

/* --- call next --- */

struct choose_case {
    const char *what;
    struct queue_ticket tickets[6];
    size_t n;
    struct queue_weight services[3];
    size_t n_services;
    int64_t now;
    long want; /* index, -1 = none */
};

static void test_choose_next(void **state)
{
    (void)state;
    const struct choose_case cases[] = {
        {"empty queue", {{0}}, 0, {{1, 1.0}}, 1, T0, -1},
        {"only the counter's services count",
         {tk(1, 2, false, T0 - 500, QUEUE_WAITING)},
         1,
         {{1, 1.0}},
         1,
         T0,
         -1},
        {"only waiting tickets count",
         {tk(1, 1, false, T0 - 900, QUEUE_CALLED), tk(2, 1, false, T0 - 800, QUEUE_DONE),
          tk(3, 1, false, T0 - 10, QUEUE_WAITING)},
         3,
         {{1, 1.0}},
         1,
         T0,
         2},
        {"longest wait first",
         {tk(1, 1, false, T0 - 100, QUEUE_WAITING),
          tk(2, 1, false, T0 - 300, QUEUE_WAITING),
          tk(3, 1, false, T0 - 200, QUEUE_WAITING)},
         3,
         {{1, 1.0}},
         1,
         T0,
         1},
        {"priority beats a longer wait",
         {tk(1, 1, false, T0 - 3000, QUEUE_WAITING),
          tk(2, 1, true, T0 - 5, QUEUE_WAITING)},
         2,
         {{1, 1.0}},
         1,
         T0,
         1},
        {"priority beats weight across services",
         {tk(1, 1, false, T0 - 3000, QUEUE_WAITING),
          tk(2, 2, true, T0 - 5, QUEUE_WAITING)},
         2,
         {{1, 10.0}, {2, 1.0}},
         2,
         T0,
         1},
        {"among priority tickets the longest wait",
         {tk(1, 1, true, T0 - 60, QUEUE_WAITING), tk(2, 1, true, T0 - 120, QUEUE_WAITING),
          tk(3, 1, false, T0 - 999, QUEUE_WAITING)},
         3,
         {{1, 1.0}},
         1,
         T0,
         1},
        {"weight: 200 s x 2 beats 300 s x 1",
         {tk(1, 1, false, T0 - 300, QUEUE_WAITING),
          tk(2, 2, false, T0 - 200, QUEUE_WAITING)},
         2,
         {{1, 1.0}, {2, 2.0}},
         2,
         T0,
         1},
        {"weight: 100 s x 2 loses to 300 s x 1",
         {tk(1, 1, false, T0 - 300, QUEUE_WAITING),
          tk(2, 2, false, T0 - 100, QUEUE_WAITING)},
         2,
         {{1, 1.0}, {2, 2.0}},
         2,
         T0,
         0},
        {"equal score: earlier issue time wins",
         /* 200 x 1.5 == 300 x 1.0; ticket 1 was issued earlier */
         {tk(2, 2, false, T0 - 200, QUEUE_WAITING),
          tk(1, 1, false, T0 - 300, QUEUE_WAITING)},
         2,
         {{1, 1.0}, {2, 1.5}},
         2,
         T0,
         1},
        {"same issue time and service: lower id wins",
         {tk(9, 1, false, T0 - 50, QUEUE_WAITING),
          tk(4, 1, false, T0 - 50, QUEUE_WAITING)},
         2,
         {{1, 1.0}},
         1,
         T0,
         1},
        {"same issue time, two services: the counter's first service wins",
         {tk(4, 1, false, T0 - 50, QUEUE_WAITING),
          tk(9, 2, false, T0 - 50, QUEUE_WAITING)},
         2,
         {{2, 1.0}, {1, 1.0}},
         2,
         T0,
         1},
        {"a transfer keeps its origin's issue time and goes ahead",
         /* ticket 7 came from service A at T0-900 into D, where 5 waited since T0-400 */
         {tk(5, 4, false, T0 - 400, QUEUE_WAITING),
          tk(7, 4, false, T0 - 900, QUEUE_WAITING)},
         2,
         {{4, 1.0}},
         1,
         T0,
         1},
        {"clock behind the issue time counts as zero wait",
         {tk(1, 1, false, T0 + 60, QUEUE_WAITING),
          tk(2, 1, false, T0 + 30, QUEUE_WAITING)},
         2,
         {{1, 1.0}},
         1,
         T0,
         1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct choose_case *c = &cases[i];
        long got =
            queue_choose_next(c->tickets, c->n, c->services, c->n_services, c->now);
        if (got != c->want)
            fail_msg("%s: got %ld, want %ld", c->what, got, c->want);
    }
}

static void test_people_ahead(void **state)
{
    (void)state;
    struct queue_ticket q[] = {
        tk(1, 1, false, T0 - 300, QUEUE_WAITING),
        tk(2, 1, true, T0 - 100, QUEUE_WAITING),
        tk(3, 1, false, T0 - 200, QUEUE_WAITING),
        tk(4, 2, false, T0 - 900, QUEUE_WAITING),
        tk(5, 1, false, T0 - 400, QUEUE_CALLED),
        tk(6, 1, true, T0 - 50, QUEUE_WAITING),
    };
    const struct {
        size_t idx;
        int want;
    } cases[] = {{0, 2}, {1, 0}, {2, 3}, {3, 0}, {5, 1}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int got = queue_people_ahead(q, 6, &q[cases[i].idx]);
        if (got != cases[i].want)
            fail_msg("ticket %lld: %d ahead, want %d", (long long)q[cases[i].idx].id, got,
                     cases[i].want);
    }
}

/* --- transitions --- */

static void test_transition_table(void **state)
{
    (void)state;
    /* The whole table, written out: rows are states, columns actions in enum order
     * call recall serve done no_show restore transfer cancel. */
    static const char *const want[QUEUE_STATE__COUNT] = {
        [QUEUE_WAITING] = "10000011",   [QUEUE_CALLED] = "01101011",
        [QUEUE_SERVING] = "00010010",   [QUEUE_DONE] = "00000000",
        [QUEUE_NO_SHOW] = "00000100",   [QUEUE_TRANSFERRED] = "00000000",
        [QUEUE_CANCELLED] = "00000000",
    };
    for (int s = 0; s < QUEUE_STATE__COUNT; s++)
        for (int a = 0; a < QUEUE_ACT__COUNT; a++)
            if (queue_can((enum queue_state)s, (enum queue_action)a) !=
                (want[s][a] == '1'))
                fail_msg("%s + %s", queue_state_name((enum queue_state)s),
                         queue_action_name((enum queue_action)a));
    assert_false(queue_can(QUEUE_STATE__COUNT, QUEUE_ACT_CALL));
}

static void test_state_names(void **state)
{
    (void)state;
    for (int s = 0; s < QUEUE_STATE__COUNT; s++) {
        enum queue_state back;
        assert_true(queue_state_parse(queue_state_name((enum queue_state)s), &back));
        assert_int_equal(back, s);
    }
    enum queue_state x;
    assert_false(queue_state_parse("finished", &x));
    assert_false(queue_state_parse(NULL, &x));
}

static void test_lifecycle(void **state)
{
    (void)state;
    struct queue_ticket t = tk(1, 1, false, T0, QUEUE_WAITING);
    assert_int_equal(queue_serve(&t, 7, T0 + 1), QUEUE_ERR_STATE); /* not called yet */
    assert_int_equal(t.state, QUEUE_WAITING);
    assert_int_equal(queue_call(&t, 3, 7, T0 + 60), QUEUE_OK);
    assert_int_equal(t.state, QUEUE_CALLED);
    assert_int_equal(t.counter, 3);
    assert_int_equal(t.called_at, T0 + 60);
    assert_int_equal(queue_call(&t, 4, 7, T0 + 61), QUEUE_ERR_STATE);
    assert_int_equal(t.counter, 3);
    assert_int_equal(queue_serve(&t, 7, T0 + 90), QUEUE_OK);
    assert_int_equal(t.served_at, T0 + 90);
    assert_int_equal(queue_no_show(&t, T0 + 91), QUEUE_ERR_STATE);
    assert_int_equal(queue_done(&t, T0 + 400), QUEUE_OK);
    assert_int_equal(t.state, QUEUE_DONE);
    assert_int_equal(t.done_at, T0 + 400);
    assert_int_equal(queue_restore(&t), QUEUE_ERR_STATE);
    assert_int_equal(queue_cancel(&t, T0), QUEUE_ERR_STATE);
}

static void test_recall_limit(void **state)
{
    (void)state;
    const struct {
        int limit;
        int recalls_before_no_show;
    } cases[] = {{3, 3}, {1, 1}, {5, 5}, {0, QUEUE_RECALL_LIMIT}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct queue_ticket t = tk(1, 1, false, T0, QUEUE_WAITING);
        assert_int_equal(queue_call(&t, 1, 0, T0), QUEUE_OK);
        bool no_show = false;
        int recalls = 0;
        while (!no_show) {
            assert_int_equal(queue_recall(&t, cases[i].limit, T0 + 10, &no_show),
                             QUEUE_OK);
            if (!no_show)
                recalls++;
            assert_true(recalls <= cases[i].recalls_before_no_show);
        }
        if (recalls != cases[i].recalls_before_no_show)
            fail_msg("limit %d: %d recalls", cases[i].limit, recalls);
        assert_int_equal(t.state, QUEUE_NO_SHOW);
        assert_int_equal(t.recalls, cases[i].recalls_before_no_show);
        assert_int_equal(queue_recall(&t, cases[i].limit, T0, &no_show), QUEUE_ERR_STATE);
    }
}

static void test_restore(void **state)
{
    (void)state;
    struct queue_ticket t = tk(1, 1, true, T0 - 500, QUEUE_WAITING);
    queue_call(&t, 2, 9, T0 - 100);
    bool ns;
    queue_recall(&t, 3, T0 - 90, &ns);
    assert_int_equal(queue_no_show(&t, T0 - 50), QUEUE_OK);
    assert_int_equal(queue_restore(&t), QUEUE_OK);
    assert_int_equal(t.state, QUEUE_WAITING);
    assert_int_equal(t.issued_at, T0 - 500); /* keeps its place in time */
    assert_true(t.priority);
    assert_int_equal(t.counter, 0);
    assert_int_equal(t.recalls, 0);
    assert_int_equal(t.called_at, 0);
}

static void test_transfer(void **state)
{
    (void)state;
    const enum queue_state from[] = {QUEUE_WAITING, QUEUE_CALLED, QUEUE_SERVING};
    for (size_t i = 0; i < 3; i++) {
        struct queue_ticket t = tk(42, 1, true, T0 - 700, QUEUE_WAITING);
        strcpy(t.label, "A-017");
        strcpy(t.day, "2026-11-23");
        t.application_id = 5;
        if (from[i] != QUEUE_WAITING)
            queue_call(&t, 1, 3, T0 - 300);
        if (from[i] == QUEUE_SERVING)
            queue_serve(&t, 3, T0 - 200);
        struct queue_ticket moved;
        assert_int_equal(queue_transfer(&t, 4, "D", T0, &moved), QUEUE_OK);
        assert_int_equal(t.state, QUEUE_TRANSFERRED);
        assert_int_equal(t.done_at, T0);
        assert_int_equal(moved.state, QUEUE_WAITING);
        assert_int_equal(moved.service_id, 4);
        assert_string_equal(moved.service, "D");
        assert_int_equal(moved.issued_at, T0 - 700);
        assert_int_equal(moved.origin_id, 42);
        assert_string_equal(moved.label, "A-017");
        assert_string_equal(moved.day, "2026-11-23");
        assert_true(moved.priority);
        assert_int_equal(moved.application_id, 5);
        assert_int_equal(moved.id, 0);
        assert_int_equal(moved.number, 0);
        assert_int_equal(moved.counter, 0);
    }
    struct queue_ticket t = tk(1, 1, false, T0, QUEUE_WAITING), moved;
    assert_int_equal(queue_transfer(&t, 1, "A", T0, &moved), QUEUE_ERR_SERVICE);
    assert_int_equal(t.state, QUEUE_WAITING);
    t.state = QUEUE_DONE;
    assert_int_equal(queue_transfer(&t, 2, "B", T0, &moved), QUEUE_ERR_STATE);
}

/* --- days and labels --- */

static void test_day_keys(void **state)
{
    (void)state;
    const struct {
        int64_t epoch;
        const char *tz;
        const char *want;
    } cases[] = {
        /* 2026-11-23 20:59:59 UTC is 23:59:59 in Riyadh: still the 23rd */
        {1795467599, "Asia/Riyadh", "2026-11-23"},
        /* one second later it is midnight in Riyadh: the next day, numbers restart */
        {1795467600, "Asia/Riyadh", "2026-11-24"},
        {1795467600, "UTC", "2026-11-23"},
        {1795467600, NULL, "2026-11-24"}, /* default zone is Riyadh */
        {1795464000, "Asia/Dubai", "2026-11-24"},
        {1795463999, "+04:00", "2026-11-23"},
        {1795467600, "UTC+3", "2026-11-24"},
        {0, "UTC", "1970-01-01"},
        {951782400, "UTC", "2000-02-29"},
        {1709164800, "Asia/Riyadh", "2024-02-29"},
        {-1, "UTC", "1969-12-31"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char day[QUEUE_DAY_SIZE];
        assert_int_equal(queue_day_key(cases[i].epoch, cases[i].tz, day), QUEUE_OK);
        if (strcmp(day, cases[i].want) != 0)
            fail_msg("%lld in %s: %s, want %s", (long long)cases[i].epoch,
                     cases[i].tz ? cases[i].tz : "(default)", day, cases[i].want);
    }
    char day[QUEUE_DAY_SIZE];
    assert_int_equal(queue_day_key(0, "Mars/Olympus", day), QUEUE_ERR_TZ);
    assert_int_equal(queue_day_key(0, "+25:00", day), QUEUE_ERR_TZ);
    int off;
    assert_int_equal(queue_tz_offset("-04:30", 0, &off), QUEUE_OK);
    assert_int_equal(off, -(4 * 3600 + 30 * 60));
}

static void test_labels(void **state)
{
    (void)state;
    const struct {
        const char *prefix;
        int n;
        const char *want;
    } cases[] = {{"A", 17, "A-017"},
                 {"A", 1, "A-001"},
                 {"D", 999, "D-999"},
                 {"B", 1000, "B-1000"},
                 {"VIP", 5, "VIP-005"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char label[QUEUE_LABEL_SIZE];
        queue_label(cases[i].prefix, cases[i].n, label);
        assert_string_equal(label, cases[i].want);
    }
}

/* --- wait estimate --- */

static void test_wait_estimate(void **state)
{
    (void)state;
    const struct {
        int ahead;
        double mean;
        int counters;
        int64_t low, high;
    } cases[] = {
        {0, 300, 1, 0, 0},       /* nobody ahead: no wait */
        {4, 300, 1, 960, 1560},  /* mid 1200 s: 960..1560 */
        {4, 300, 2, 480, 780},   /* two counters halve it */
        {10, 240, 3, 600, 1080}, /* mid 800: 640 -> 600 (down), 1040 -> 1080 (up) */
        {4, 300, 0, 960, 1560},  /* no counter open yet: as if one */
        {1, 30, 1, 0, 60},       /* under a minute still shows a range */
        {3, 0, 1, 0, 0},         /* no history and no default: nothing to promise */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct queue_wait w =
            queue_estimate_wait(cases[i].ahead, cases[i].mean, cases[i].counters);
        if (w.low != cases[i].low || w.high != cases[i].high)
            fail_msg("case %zu: %lld..%lld, want %lld..%lld", i, (long long)w.low,
                     (long long)w.high, (long long)cases[i].low,
                     (long long)cases[i].high);
        assert_true(w.low <= w.high);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_choose_next),      cmocka_unit_test(test_people_ahead),
        cmocka_unit_test(test_transition_table), cmocka_unit_test(test_state_names),
        cmocka_unit_test(test_lifecycle),        cmocka_unit_test(test_recall_limit),
        cmocka_unit_test(test_restore),          cmocka_unit_test(test_transfer),
        cmocka_unit_test(test_day_keys),         cmocka_unit_test(test_labels),
        cmocka_unit_test(test_wait_estimate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
