/* The display's model: calls are announced one after another, events replayed after
 * a reconnect or restored from the state file never announce twice, recalls move a
 * ticket to the top, filters by counter and service, waiting counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "board.h"

static enum board_change call(struct board *b, int64_t seq, const char *label,
                              int counter, bool quiet)
{
    char json[160];
    snprintf(json, sizeof json,
             "{\"id\":%lld,\"label\":\"%s\",\"service\":\"%.1s\",\"state\":\"called\","
             "\"counter\":%d}",
             (long long)seq, label, label, counter);
    return board_apply(b, seq, "ticket.called", json, quiet);
}

/* Labels on the board: current first, then recent, "|"-separated. */
static void shown(struct board *b, char *out, size_t n)
{
    const struct board_call *cur = board_current(b), *rec;
    size_t nr = board_recent(b, &rec);
    snprintf(out, n, "%s", cur ? cur->label : "-");
    for (size_t i = 0; i < nr; i++)
        snprintf(out + strlen(out), n - strlen(out), "|%s", rec[i].label);
}

static void test_announce_in_turn(void **state)
{
    (void)state;
    struct board *b = board_create(NULL, NULL);
    char s[200];
    assert_int_equal(call(b, 1, "A-001", 1, false), BOARD_QUEUED);
    assert_int_equal(call(b, 2, "B-001", 2, false), BOARD_QUEUED);
    assert_int_equal(call(b, 3, "A-002", 3, false), BOARD_QUEUED);
    assert_int_equal(board_pending(b), 3);

    const struct board_call *c = board_tick(b, 1000);
    assert_non_null(c);
    assert_string_equal(c->label, "A-001");
    assert_int_equal(c->counter, 1);
    /* The second waits until the first announcement has run its course. */
    assert_null(board_tick(b, 1000 + BOARD_ANNOUNCE_MS - 1));
    c = board_tick(b, 1000 + BOARD_ANNOUNCE_MS);
    assert_string_equal(c->label, "B-001");
    c = board_tick(b, 1000 + 2 * BOARD_ANNOUNCE_MS);
    assert_string_equal(c->label, "A-002");
    assert_null(board_tick(b, 1000 + 9 * BOARD_ANNOUNCE_MS));
    shown(b, s, sizeof s);
    assert_string_equal(s, "A-002|B-001|A-001");
    board_destroy(b);
}

static void test_replay_never_twice(void **state)
{
    (void)state;
    struct board *b = board_create(NULL, NULL);
    char s[200];
    /* Restored from the state file: shown, not announced. */
    assert_int_equal(call(b, 10, "A-010", 1, true), BOARD_CHANGED);
    assert_int_equal(call(b, 11, "A-011", 2, true), BOARD_CHANGED);
    assert_int_equal(board_pending(b), 0);
    assert_null(board_tick(b, 5000));
    assert_int_equal(board_last_seq(b), 11);
    /* The server replays from Last-Event-ID 11, but a reconnect may overlap. */
    assert_int_equal(call(b, 11, "A-011", 2, false), BOARD_IGNORED);
    assert_int_equal(call(b, 10, "A-010", 1, false), BOARD_IGNORED);
    assert_int_equal(call(b, 12, "A-012", 3, false), BOARD_QUEUED);
    assert_int_equal(call(b, 12, "A-012", 3, false), BOARD_IGNORED);
    const struct board_call *c = board_tick(b, 6000);
    assert_string_equal(c->label, "A-012");
    assert_null(board_tick(b, 60000));
    shown(b, s, sizeof s);
    assert_string_equal(s, "A-012|A-011|A-010");
    board_destroy(b);
}

static void test_recent_six_and_recall(void **state)
{
    (void)state;
    struct board *b = board_create(NULL, NULL);
    char s[200], label[16];
    for (int i = 1; i <= 9; i++) {
        snprintf(label, sizeof label, "C-%03d", i);
        call(b, i, label, 1, true);
    }
    shown(b, s, sizeof s);
    assert_string_equal(s, "C-009|C-008|C-007|C-006|C-005|C-004|C-003");
    /* Recalling C-006 announces it again and it appears once. */
    assert_int_equal(board_apply(b, 10, "ticket.recalled",
                                 "{\"label\":\"C-006\",\"service\":\"C\",\"counter\":4}",
                                 false),
                     BOARD_QUEUED);
    const struct board_call *c = board_tick(b, 100);
    assert_true(c->recall);
    assert_int_equal(c->counter, 4);
    shown(b, s, sizeof s);
    assert_string_equal(s, "C-006|C-009|C-008|C-007|C-005|C-004|C-003");
    board_destroy(b);
}

static void test_filters_and_bad_input(void **state)
{
    (void)state;
    struct board *b = board_create("2, 3", "A");
    assert_int_equal(call(b, 1, "A-001", 1, false), BOARD_CHANGED); /* counter 1 */
    assert_int_equal(call(b, 2, "B-001", 2, false), BOARD_CHANGED); /* service B */
    assert_int_equal(call(b, 3, "A-002", 3, false), BOARD_QUEUED);
    assert_int_equal(board_apply(b, 4, "ticket.called", "not json", false),
                     BOARD_IGNORED);
    assert_int_equal(board_apply(b, 5, "ticket.called", "{\"label\":\"A-3\"}", false),
                     BOARD_IGNORED);
    assert_int_equal(board_apply(b, 6, "ticket.done", "{\"label\":\"A-002\"}", false),
                     BOARD_IGNORED);
    assert_int_equal(board_apply(b, 7, "ticket.called", NULL, false), BOARD_IGNORED);
    assert_int_equal(board_pending(b), 1);
    assert_int_equal(board_last_seq(b), 7);
    board_destroy(b);
}

static void test_waiting_counts(void **state)
{
    (void)state;
    struct board *b = board_create(NULL, "A,B");
    const struct board_service *sv;
    assert_int_equal(board_set_services(b, "{\"nope\":1}"), -1);
    const char *reply =
        "{\"services\":[{\"code\":\"A\",\"name_ar\":\"طلب دعم\",\"name_en\":"
        "\"Support request\",\"waiting\":4},{\"code\":\"B\",\"name_ar\":\"مراجعة\","
        "\"waiting\":0},{\"code\":\"C\",\"waiting\":9},{\"code\":\"D\",\"active\":"
        "false}]}";
    assert_int_equal(board_set_services(b, reply), 1);
    assert_int_equal(board_set_services(b, reply), 0); /* the same counts: no redraw */
    assert_int_equal(board_services(b, &sv), 2);
    assert_string_equal(sv[0].name_ar, "طلب دعم");
    assert_int_equal(sv[0].waiting, 4);
    board_apply(b, 1, "ticket.issued", "{\"label\":\"B-001\",\"service\":\"B\"}", false);
    board_apply(b, 2, "ticket.issued", "{\"label\":\"C-001\",\"service\":\"C\"}", false);
    call(b, 3, "A-001", 1, false);
    board_apply(b, 4, "ticket.cancelled",
                "{\"label\":\"A-002\",\"service\":\"A\",\"from_state\":\"waiting\"}",
                false);
    assert_int_equal(board_services(b, &sv), 2);
    assert_int_equal(sv[0].waiting, 2);
    assert_int_equal(sv[1].waiting, 1);
    board_destroy(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_announce_in_turn),
        cmocka_unit_test(test_replay_never_twice),
        cmocka_unit_test(test_recent_six_and_recall),
        cmocka_unit_test(test_filters_and_bad_input),
        cmocka_unit_test(test_waiting_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
