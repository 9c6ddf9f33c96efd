/* Unit tests for the pure parts of dawr-server's HTTP layer: route matching against
 * the real table, the JSON body decoder's depth cap, the session-cookie parser, and
 * the SSE hub's replay (from the ring, and from the store for clients further behind
 * than the ring holds). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "auth.h"
#include "json.h"
#include "route.h"
#include "sse.h"
#include "util.h"

static void test_route_find(void **state)
{
    static const struct {
        const char *method, *path;
        enum route_match want;
        const char *pattern, *p0;
    } cases[] = {
        {"GET", "/healthz", ROUTE_FOUND, "/healthz", ""},
        {"POST", "/api/counters/3/next", ROUTE_FOUND, "/api/counters/{number}/next", "3"},
        {"POST", "/api/counters/12/no-show", ROUTE_FOUND,
         "/api/counters/{number}/no-show", "12"},
        {"GET", "/api/counters/3/next", ROUTE_BAD_METHOD, NULL, NULL},
        {"POST", "/api/counters//next", ROUTE_NOT_FOUND, NULL, NULL},
        {"POST", "/api/counters/3/next/", ROUTE_NOT_FOUND, NULL, NULL},
        {"POST", "/api/counters/3", ROUTE_BAD_METHOD, NULL, NULL}, /* GET exists */
        {"GET", "/api/tickets/status/abc", ROUTE_FOUND, "/api/tickets/status/{token}",
         "abc"},
        {"GET", "/api/tickets/17", ROUTE_FOUND, "/api/tickets/{id}", "17"},
        {"POST", "/api/applications/status", ROUTE_FOUND, "/api/applications/status", ""},
        {"GET", "/api/applications/status", ROUTE_FOUND, "/api/applications/{id}",
         "status"},
        {"GET", "/api/reports/daily.csv", ROUTE_FOUND, "/api/reports/daily.csv", ""},
        {"DELETE", "/api/login", ROUTE_BAD_METHOD, NULL, NULL},
        {"GET", "/api", ROUTE_NOT_FOUND, NULL, NULL},
        {"GET", "", ROUTE_NOT_FOUND, NULL, NULL},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
        const struct route *rt = NULL;
        enum route_match m = route_find(cases[i].method, cases[i].path, &rt, params);
        assert_int_equal(m, cases[i].want);
        if (m == ROUTE_FOUND) {
            assert_string_equal(rt->pattern, cases[i].pattern);
            assert_string_equal(params[0], cases[i].p0);
            assert_string_equal(params[ROUTE_MAX_PARAMS - 1], "");
        }
    }
}

static void test_route_limits(void **state)
{
    char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
    const struct route *rt;
    char path[ROUTE_PATH_MAX + 32];

    (void)state;
    /* A parameter one byte too long for its slot does not match. */
    snprintf(path, sizeof path, "/api/tickets/%0*d", ROUTE_PARAM_MAX, 7);
    assert_int_equal(route_find("GET", path, &rt, params), ROUTE_NOT_FOUND);
    snprintf(path, sizeof path, "/api/tickets/%0*d", ROUTE_PARAM_MAX - 1, 7);
    assert_int_equal(route_find("GET", path, &rt, params), ROUTE_FOUND);
    memset(path, 'a', sizeof path - 1);
    path[0] = '/';
    path[sizeof path - 1] = '\0';
    assert_int_equal(route_find("GET", path, &rt, params), ROUTE_NOT_FOUND);
}

static void test_route_table_sane(void **state)
{
    (void)state;
    for (const struct route *rt = route_table; rt->method != NULL; rt++) {
        assert_non_null(rt->handler);
        if (rt->auth == ROUTE_STAFF || rt->auth == ROUTE_DEVICE_OR_STAFF)
            assert_true(rt->roles != 0);
        if (rt->auth == ROUTE_DEVICE || rt->auth == ROUTE_DEVICE_OR_STAFF)
            assert_true(rt->device_kinds != 0);
        /* Every state-changing staff route needs the CSRF header. */
        if (strcmp(rt->method, "GET") != 0 && rt->auth != ROUTE_PUBLIC &&
            rt->auth != ROUTE_DEVICE)
            assert_true(rt->csrf);
    }
    assert_int_equal(route_role_from_name("researcher"), ROLE_RESEARCHER);
    assert_int_equal(route_role_from_name("root"), 0);
    assert_string_equal(route_role_name(ROLE_MANAGER), "manager");
}

static char *nest(int depth)
{
    struct buf b = {0};
    buf_puts(&b, "{\"a\":");
    for (int i = 1; i < depth; i++)
        buf_puts(&b, "[");
    buf_puts(&b, "1");
    for (int i = 1; i < depth; i++)
        buf_puts(&b, "]");
    buf_puts(&b, "}");
    return buf_take(&b);
}

static void test_json_decode(void **state)
{
    static const struct {
        const char *text;
        bool ok;
    } cases[] = {
        {"{\"service\":\"A\",\"priority\":false}", true},
        {"{}", true},
        {"[]", false},
        {"\"x\"", false},
        {"{\"a\":1,\"a\":2}", false},                   /* duplicate keys are refused */
        {"{\"s\":\"[[[[[[[[[[[[[[[[[[[[[[[[\"}", true}, /* brackets in strings */
        {"{\"s\":\"\\\"[[[[[[[[[[[[[[[[[[[[[[\"}", true},
        {"{", false},
        {"", false},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_t *j = json_decode_body(cases[i].text, strlen(cases[i].text));
        assert_int_equal(j != NULL, cases[i].ok);
        json_decref(j);
    }
    char *ok = nest(JSON_MAX_DEPTH), *deep = nest(JSON_MAX_DEPTH + 1);
    json_t *j = json_decode_body(ok, strlen(ok));
    assert_non_null(j);
    json_decref(j);
    assert_null(json_decode_body(deep, strlen(deep)));
    free(ok);
    free(deep);
}

static void test_json_error(void **state)
{
    (void)state;
    json_t *e = json_error_new("invalid", "خطأ", "Error", "service");
    assert_string_equal(json_get_str(e, "error", NULL), "invalid");
    assert_string_equal(json_get_str(e, "message_ar", NULL), "خطأ");
    assert_string_equal(json_get_str(e, "field", NULL), "service");
    assert_int_equal(json_get_int(e, "error", 7), 7);
    json_decref(e);
    e = json_error_new("x", "س", "y", NULL);
    assert_null(json_object_get(e, "field"));
    json_decref(e);
}

/* The reply encoder writes what jansson would, byte for byte. */
static void test_json_encode(void **state)
{
    static const char *const docs[] = {
        "{}",
        "[]",
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":-9223372036854775807}}",
        "{\"s\":\"quote \\\" back \\\\ nl \\n tab \\t cr \\r bs \\b ff \\f "
        "ctl \\u0001\\u001f del \\u007f slash /\"}",
        "{\"ar\":\"دور «A-017» ← شباك ٣\",\"zero\":0,\"neg\":-42,\"real\":2.5}",
        "[\"nul \\u0000 inside\",1e300,-0.125,[[],{}]]",
    };

    (void)state;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        json_error_t err;
        json_t *v = json_loads(docs[i], JSON_ALLOW_NUL, &err);
        assert_non_null(v);
        char *want = json_dumps(v, JSON_COMPACT);
        char *got = json_dump_compact(v);
        assert_string_equal(got, want);
        free(want);
        free(got);
        json_decref(v);
    }
}

static void test_cookie(void **state)
{
    char tok[65], buf[AUTH_TOKEN_LEN + 1];
    char hdr[256];

    (void)state;
    memset(tok, 'a', 64);
    tok[64] = '\0';
    snprintf(hdr, sizeof hdr, "dawr_session=%s", tok);
    assert_string_equal(auth_cookie_token(hdr, buf), tok);
    snprintf(hdr, sizeof hdr, "theme=dark; dawr_session=%s; lang=ar", tok);
    assert_string_equal(auth_cookie_token(hdr, buf), tok);
    snprintf(hdr, sizeof hdr, "xdawr_session=%s", tok);
    assert_null(auth_cookie_token(hdr, buf));
    assert_null(auth_cookie_token("dawr_session=short", buf));
    assert_null(auth_cookie_token("dawr_session=", buf));
    assert_null(auth_cookie_token("", buf));
    assert_null(auth_cookie_token(NULL, buf));

    char a[AUTH_TOKEN_LEN + 1], b[AUTH_TOKEN_LEN + 1], h[AUTH_HASH_LEN + 1];
    assert_int_equal(auth_init(), 0);
    auth_token_new(a);
    auth_token_new(b);
    assert_int_equal(strlen(a), AUTH_TOKEN_LEN);
    assert_string_not_equal(a, b);
    auth_token_hash(a, h);
    assert_int_equal(strlen(h), AUTH_HASH_LEN);
    assert_string_not_equal(a, h);
}

/* A fake store holding events 1..fake_last. */
static int64_t fake_last;
static int fake_fetches;

static int64_t fake_fetch(int64_t after, int max, struct buf *out)
{
    int64_t s = after;

    fake_fetches++;
    for (int i = 0; i < max && s < fake_last; i++) {
        s++;
        buf_printf(out, "id: %lld\nevent: ticket.issued\ndata: {\"seq\":%lld}\n\n",
                   (long long)s, (long long)s);
    }
    return s;
}

/* Reads from @c until event @last arrived; checks ids run first..last in order. */
static void read_until(struct sse_client *c, int64_t first, int64_t last)
{
    struct buf all = {0};
    char chunk[3000]; /* smaller than a batch: frames are split across reads */
    int64_t want = first;

    while (want <= last) {
        ssize_t n = sse_client_read(c, 0, chunk, sizeof chunk);
        assert_true(n > 0);
        buf_append(&all, chunk, (size_t)n);
        char *p;
        while ((p = strstr(all.data, "\n\n")) != NULL) {
            size_t len = (size_t)(p + 2 - all.data);
            if (strncmp(all.data, "id: ", 4) == 0) {
                assert_int_equal(strtoll(all.data + 4, NULL, 10), want);
                want++;
            }
            memmove(all.data, all.data + len, all.len - len + 1);
            all.len -= len;
        }
    }
    assert_int_equal(all.len, 0);
    buf_free(&all);
}

static void *publish_later(void *arg)
{
    struct timespec ts = {0, 200 * 1000 * 1000};

    (void)arg;
    nanosleep(&ts, NULL);
    fake_last++;
    sse_notify();
    return NULL;
}

static void test_sse_replay(void **state)
{
    (void)state;
    fake_last = 3;
    sse_init(3, fake_fetch);
    struct sse_client *live = sse_client_new(0); /* starts after event 3 */
    struct sse_client *old = sse_client_new(1);

    fake_last = 3 + SSE_RING * 2 + 17; /* more than the ring holds */
    sse_notify();
    assert_int_equal(sse_last_seq(), fake_last);
    assert_int_equal(sse_client_count(), 2);

    /* Far behind: the oldest part comes from the store, the rest from the ring. */
    fake_fetches = 0;
    read_until(old, 2, fake_last);
    assert_true(fake_fetches > 0);
    /* Reconnecting a little behind is served from the ring alone. */
    struct sse_client *near = sse_client_new(fake_last - 10);
    fake_fetches = 0;
    read_until(near, fake_last - 9, fake_last);
    assert_int_equal(fake_fetches, 0);
    read_until(live, 4, fake_last);

    /* Nothing new: after the heartbeat interval a comment keeps the line alive. */
    char chunk[256];
    sse_set_heartbeat(1);
    time_t t0 = time(NULL);
    ssize_t n = sse_client_read(live, 0, chunk, sizeof chunk - 1);
    assert_true(n > 0);
    chunk[n] = '\0';
    assert_string_equal(chunk, ": heartbeat\n\n");
    assert_true(time(NULL) - t0 <= 3);
    /* A new event wakes a reader already waiting, long before its heartbeat. */
    pthread_t th;
    sse_set_heartbeat(0);
    t0 = time(NULL);
    assert_int_equal(pthread_create(&th, NULL, publish_later, NULL), 0);
    n = sse_client_read(live, 0, chunk, sizeof chunk - 1);
    pthread_join(th, NULL);
    assert_true(n > 0);
    chunk[n] = '\0';
    assert_non_null(strstr(chunk, "id: "));
    assert_true(time(NULL) - t0 < SSE_HEARTBEAT - 5);
    sse_client_free(live);
    sse_client_free(old);
    sse_client_free(near);
    assert_int_equal(sse_client_count(), 0);
    sse_shutdown();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_route_find),       cmocka_unit_test(test_route_limits),
        cmocka_unit_test(test_route_table_sane), cmocka_unit_test(test_json_decode),
        cmocka_unit_test(test_json_error), cmocka_unit_test(test_json_encode),
              cmocka_unit_test(test_cookie),
        cmocka_unit_test(test_sse_replay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
