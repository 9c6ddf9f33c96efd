/* Table-driven tests of the SSE parser. Each case's input is fed whole, one byte at a
 * time, and split in two at every byte; every way must yield the same transcript of
 * events and comments, so no chunk boundary (inside a CRLF, a BOM, a field name) can
 * change what the display sees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "sse.h"
#include "util.h"

/* Transcript: "E id=<id> type=<type> retry=<n> data=<data>\n" per event (newlines in
 * data shown as '|'), "C <text>\n" per comment. */
static void on_event(const struct sse_event *ev, void *arg)
{
    struct buf *t = arg;
    buf_printf(t, "E id=%s type=%s retry=%ld data=", ev->id, ev->type, ev->retry);
    assert_int_equal(strlen(ev->data), ev->data_len);
    for (size_t i = 0; i < ev->data_len; i++)
        buf_append(t, ev->data[i] == '\n' ? "|" : &ev->data[i], 1);
    buf_puts(t, "\n");
}

static void on_comment(const char *text, void *arg)
{
    buf_printf(arg, "C %s\n", text);
}

static const struct {
    const char *name, *in, *want;
} cases[] = {
    {"one event LF", "id: 1\nevent: call\ndata: {\"label\":\"A-017\"}\n\n",
     "E id=1 type=call retry=-1 data={\"label\":\"A-017\"}\n"},
    {"CRLF line ends", "id: 7\r\ndata: x\r\n\r\n",
     "E id=7 type=message retry=-1 data=x\n"},
    {"CR line ends", "id: 7\rdata: x\r\r", "E id=7 type=message retry=-1 data=x\n"},
    {"mixed line ends", "data: a\r\ndata: b\rdata: c\n\r\n",
     "E id= type=message retry=-1 data=a|b|c\n"},
    {"multi-line data", "data: one\ndata: two\ndata:\n\n",
     "E id= type=message retry=-1 data=one|two|\n"},
    {"BOM dropped",
     "\xEF\xBB\xBF"
     "data: x\n\n",
     "E id= type=message retry=-1 data=x\n"},
    {"second BOM is text",
     "\xEF\xBB\xBF\xEF\xBB\xBF"
     "data: x\n\n",
     ""},
    {"comment is a heartbeat", ": keep-alive\n:\n", "C  keep-alive\nC \n"},
    {"no space after colon", "data:x\n\n", "E id= type=message retry=-1 data=x\n"},
    {"only one space stripped", "data:  x\n\n", "E id= type=message retry=-1 data= x\n"},
    {"field without colon", "data\n\n", "E id= type=message retry=-1 data=\n"},
    {"no data: no event", "id: 3\nevent: call\n\n", ""},
    {"id persists", "id: 5\ndata: a\n\ndata: b\n\n",
     "E id=5 type=message retry=-1 data=a\nE id=5 type=message retry=-1 data=b\n"},
    {"id kept from data-less block", "id: 9\n\ndata: b\n\n",
     "E id=9 type=message retry=-1 data=b\n"},
    {"empty id resets", "id: 5\ndata: a\n\nid\ndata: b\n\n",
     "E id=5 type=message retry=-1 data=a\nE id= type=message retry=-1 data=b\n"},
    {"type does not persist", "event: call\ndata: a\n\ndata: b\n\n",
     "E id= type=call retry=-1 data=a\nE id= type=message retry=-1 data=b\n"},
    {"retry digits", "retry: 2500\ndata: a\n\n",
     "E id= type=message retry=2500 data=a\n"},
    {"retry not digits ignored", "retry: 25x\ndata: a\n\n",
     "E id= type=message retry=-1 data=a\n"},
    {"unknown field ignored", "foo: bar\ndata: a\n\n",
     "E id= type=message retry=-1 data=a\n"},
    {"unterminated event not dispatched", "data: a\n", ""},
    {"arabic data", "data: شباك ٣\n\n", "E id= type=message retry=-1 data=شباك ٣\n"},
    {"heartbeat between events", "id: 1\ndata: a\n\n: hb\nid: 2\ndata: b\n\n",
     "E id=1 type=message retry=-1 data=a\nC  hb\nE id=2 type=message retry=-1 data=b\n"},
};

static char *run(const char *in, size_t len, size_t split, size_t step)
{
    struct buf t = {0};
    sse_parser *p = sse_parser_create(on_event, on_comment, &t, 0);
    size_t i = 0;
    while (i < len) {
        size_t n = step ? step : (i < split ? split - i : len - i);
        if (n > len - i)
            n = len - i;
        assert_int_equal(sse_parser_feed(p, in + i, n, NULL), 0);
        i += n;
    }
    sse_parser_destroy(p);
    return buf_take(&t);
}

static void test_table(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t len = strlen(cases[c].in);
        char *whole = run(cases[c].in, len, len, 0);
        if (strcmp(whole, cases[c].want) != 0)
            fail_msg("%s: got\n%s\nwant\n%s", cases[c].name, whole, cases[c].want);
        char *bytes = run(cases[c].in, len, 0, 1);
        if (strcmp(bytes, cases[c].want) != 0)
            fail_msg("%s (byte by byte): got\n%s", cases[c].name, bytes);
        for (size_t s = 0; s <= len; s++) {
            char *two = run(cases[c].in, len, s, 0);
            if (strcmp(two, cases[c].want) != 0)
                fail_msg("%s (split at %zu): got\n%s", cases[c].name, s, two);
            free(two);
        }
        free(whole);
        free(bytes);
    }
}

static void test_line_cap(void **state)
{
    (void)state;
    struct buf t = {0};
    sse_parser *p = sse_parser_create(on_event, on_comment, &t, 16);
    char *cause = NULL;
    assert_int_equal(sse_parser_feed(p, "data: 0123456789\n\n", 18, &cause), 0);
    assert_null(cause);
    /* 17 bytes of line, in two chunks so the cap is checked across them. */
    assert_int_equal(sse_parser_feed(p, "data: 0123", 10, &cause), 0);
    assert_int_equal(sse_parser_feed(p, "4567890", 7, &cause), -1);
    assert_non_null(cause);
    free(cause);
    cause = NULL;
    /* Data joined over many lines is capped too. */
    sse_parser_reset(p);
    assert_int_equal(sse_parser_feed(p, "data: 01234567\n", 15, &cause), 0);
    assert_int_equal(sse_parser_feed(p, "data: 01234567\n", 15, &cause), -1);
    free(cause);
    /* After a reset the parser works again and kept the first event's id. */
    sse_parser_reset(p);
    assert_int_equal(sse_parser_feed(p, "data: ok\n\n", 10, NULL), 0);
    assert_string_equal(t.data, "E id= type=message retry=-1 data=0123456789\n"
                                "E id= type=message retry=-1 data=ok\n");
    sse_parser_destroy(p);
    buf_free(&t);
}

static void test_reset_keeps_id(void **state)
{
    (void)state;
    struct buf t = {0};
    sse_parser *p = sse_parser_create(on_event, NULL, &t, 0);
    sse_parser_set_last_id(p, "41");
    assert_string_equal(sse_parser_last_id(p), "41");
    assert_int_equal(sse_parser_feed(p, "id: 42\ndata: a\n\ndata: half", 26, NULL), 0);
    sse_parser_reset(p); /* connection dropped mid-event: the half event is lost */
    assert_string_equal(sse_parser_last_id(p), "42");
    assert_int_equal(sse_parser_feed(p,
                                     "\xEF\xBB\xBF"
                                     "data: b\n\n",
                                     12, NULL),
                     0);
    assert_string_equal(t.data, "E id=42 type=message retry=-1 data=a\n"
                                "E id=42 type=message retry=-1 data=b\n");
    sse_parser_destroy(p);
    buf_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_line_cap),
        cmocka_unit_test(test_reset_keeps_id),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
