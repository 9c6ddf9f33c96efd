/* The display's state file: events written by feed_record and read back by
 * feed_replay restore the board without announcing anything, resume at the right
 * sequence, and survive data with several lines and a file cut off mid-event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "board.h"
#include "feed.h"

static void test_round_trip(void **state)
{
    (void)state;
    char path[] = "/tmp/dawr-state-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    feed_record(f, 7, "ticket.called",
                "{\"label\":\"A-001\",\"service\":\"A\",\"counter\":1}");
    feed_record(f, 8, "ticket.called",
                "{\"label\":\"B-002\",\n\"service\":\"B\",\n\"counter\":2}");
    feed_record(f, 9, "ticket.issued", "{\"label\":\"A-003\",\"service\":\"A\"}");
    /* Power lost while the next event was being written. */
    fputs("id: 10\nevent: ticket.called\ndata: {\"label\":\"A-0", f);
    fclose(f);

    struct board *b = board_create(NULL, NULL);
    char *cause = NULL;
    assert_int_equal(feed_replay(path, b, true, &cause), 4);
    assert_null(cause);
    assert_int_equal(board_pending(b), 0); /* restored, not announced */
    const struct board_call *cur = board_current(b), *rec;
    assert_string_equal(cur->label, "B-002");
    assert_int_equal(cur->counter, 2);
    assert_int_equal(board_recent(b, &rec), 1);
    assert_string_equal(rec[0].label, "A-001");
    /* The torn event is not applied; the sequence resumes after it anyway, which is
     * right: the server will not send 10 again, and it was never shown. */
    assert_int_equal(board_last_seq(b), 10);
    /* Replaying the same file again changes nothing. */
    assert_int_equal(feed_replay(path, b, false, &cause), 4);
    assert_int_equal(board_pending(b), 0);
    board_destroy(b);
    unlink(path);

    assert_int_equal(feed_replay("/nonexistent/state.sse", NULL, true, &cause), -1);
    assert_non_null(cause);
    free(cause);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
