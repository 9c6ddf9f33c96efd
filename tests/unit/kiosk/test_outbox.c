/* Unit tests of kiosk/outbox in a temporary folder: requests survive a restart, are
 * delivered once and in order, a lost reply does not make a duplicate (the fake
 * server dedupes by key as dawr-server does), and bad files are set aside. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outbox.h"
#include "util.h"

/* The fake server: what it stored (one entry per key) and how it answers. */
struct fake {
    char keys[16][OUTBOX_KEY_MAX + 1];
    char bodies[16][256];
    size_t stored;
    size_t calls;
    long answer;     /* status to reply with; -1: no reply */
    bool lose_reply; /* store the request but reply nothing (a crash before mark) */
};

static long fake_send(void *arg, const char *key, const char *path, const char *body,
                      size_t len)
{
    struct fake *f = arg;
    f->calls++;
    assert_string_equal(path, "/api/applications");
    assert_int_equal(strlen(body), len);
    if (f->answer < 200 || f->answer >= 300)
        return f->answer;
    bool dup = false;
    for (size_t i = 0; i < f->stored; i++)
        dup |= strcmp(f->keys[i], key) == 0;
    if (!dup) {
        assert_true(f->stored < 16);
        snprintf(f->keys[f->stored], sizeof f->keys[0], "%s", key);
        snprintf(f->bodies[f->stored], sizeof f->bodies[0], "%s", body);
        f->stored++;
    }
    return f->lose_reply ? -1 : (dup ? 200 : 201);
}

static char *make_dir(void)
{
    char *t = xstrdup("/tmp/dawr-outbox-test-XXXXXX");
    assert_non_null(mkdtemp(t));
    return t;
}

static void remove_tree(const char *dir)
{
    char *cmd = xasprintf("rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(cmd);
}

static size_t count_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return 0;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' && e->d_type == DT_REG)
            n++;
    closedir(d);
    return n;
}

static struct outbox *open_ok(const char *dir)
{
    char *cause = NULL;
    struct outbox *ob = outbox_open(dir, &cause);
    if (ob == NULL)
        fail_msg("%s", cause);
    return ob;
}

static void put_ok(struct outbox *ob, const char *key, const char *body)
{
    char *cause = NULL;
    if (outbox_put(ob, key, "/api/applications", body, &cause) != 0)
        fail_msg("%s", cause);
}

static void test_survives_restart_delivered_once_in_order(void **state)
{
    (void)state;
    char *dir = make_dir();
    struct outbox *ob = open_ok(dir);
    char k1[33], k2[33];
    outbox_new_key(k1);
    outbox_new_key(k2);
    assert_string_not_equal(k1, k2);
    put_ok(ob, k1, "{\"name\":\"سارة أحمد\"}");
    put_ok(ob, k2, "{\"name\":\"second\"}");
    put_ok(ob, k1, "{\"name\":\"again\"}"); /* same key: already saved */
    assert_int_equal(outbox_pending(ob), 2);
    outbox_close(ob);

    /* the kiosk restarts, the server is still down */
    ob = open_ok(dir);
    assert_int_equal(outbox_pending(ob), 2);
    struct fake srv = {.answer = -1};
    struct outbox_result res;
    char *cause = NULL;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_true(res.stopped);
    assert_int_equal(srv.calls, 1); /* stopped at the first failure */
    assert_int_equal(outbox_pending(ob), 2);
    srv.answer = 503;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_true(res.stopped);
    assert_int_equal(outbox_pending(ob), 2);

    /* the server is back */
    srv.answer = 201;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_false(res.stopped);
    assert_int_equal(res.delivered, 2);
    assert_int_equal(srv.stored, 2);
    assert_string_equal(srv.keys[0], k1);
    assert_string_equal(srv.bodies[0], "{\"name\":\"سارة أحمد\"}");
    assert_string_equal(srv.keys[1], k2);
    assert_int_equal(outbox_pending(ob), 0);
    size_t calls = srv.calls;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_int_equal(srv.calls, calls);
    assert_int_equal(res.delivered, 0);
    outbox_close(ob);
    remove_tree(dir);
    free(dir);
}

static void test_lost_reply_is_not_a_duplicate(void **state)
{
    (void)state;
    char *dir = make_dir();
    struct outbox *ob = open_ok(dir);
    put_ok(ob, "key-lost-reply-1", "{\"n\":1}");
    struct fake srv = {.answer = 201, .lose_reply = true};
    struct outbox_result res;
    char *cause = NULL;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_true(res.stopped);
    assert_int_equal(outbox_pending(ob), 1); /* not marked: no 2xx seen */
    outbox_close(ob);
    ob = open_ok(dir);
    srv.lose_reply = false;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_int_equal(res.delivered, 1);
    assert_int_equal(srv.calls, 2);  /* sent twice ... */
    assert_int_equal(srv.stored, 1); /* ... stored once */
    assert_int_equal(outbox_pending(ob), 0);
    outbox_close(ob);
    remove_tree(dir);
    free(dir);
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
    char *p = xasprintf("%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    free(p);
}

static void test_corrupt_set_aside(void **state)
{
    (void)state;
    char *dir = make_dir();
    struct outbox *ob = open_ok(dir);
    put_ok(ob, "good-key-0001", "{\"ok\":true}");
    put_ok(ob, "flip-key-0002", "{\"ok\":false}");
    /* flip one body byte of the second file: the checksum must catch it */
    DIR *d = opendir(dir);
    struct dirent *e;
    char flipped[300] = "";
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, "flip-key-0002"))
            snprintf(flipped, sizeof flipped, "%s", e->d_name);
    closedir(d);
    assert_true(flipped[0] != '\0');
    char *path = xasprintf("%s/%s", dir, flipped);
    size_t len;
    char *data = util_read_file(path, &len);
    assert_non_null(data);
    data[len - 3] ^= 0x01;
    write_file(dir, flipped, data, len);
    free(data);
    free(path);
    write_file(dir, "00000000000000000000-garbage-1.req", "hello", 5);
    write_file(dir, "00000000000000000001-empty-1.req", "", 0);
    const char trunc[] = "dawr-outbox 1\nkey trunc-key-1\npath /api/applications\n"
                         "length 100\ncheck 00\n\n{}";
    write_file(dir, "00000000000000000002-trunc-key-1.req", trunc, sizeof trunc - 1);
    assert_int_equal(outbox_pending(ob), 5);

    struct fake srv = {.answer = 201};
    struct outbox_result res;
    char *cause = NULL;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_int_equal(res.corrupt, 4);
    assert_int_equal(res.delivered, 1);
    assert_int_equal(srv.stored, 1);
    assert_string_equal(srv.keys[0], "good-key-0001");
    assert_int_equal(outbox_pending(ob), 0);
    char *aside = xasprintf("%s/corrupt", dir);
    assert_int_equal(count_files(aside), 4); /* kept, not deleted */
    free(aside);
    outbox_close(ob);
    remove_tree(dir);
    free(dir);
}

static void test_rejected_and_stale_temp(void **state)
{
    (void)state;
    char *dir = make_dir();
    /* a crash while writing left a temporary file: it was never reported saved */
    write_file(dir, ".tmp-half-written-1", "dawr-outbox 1\nkey", 17);
    struct outbox *ob = open_ok(dir);
    assert_int_equal(count_files(dir), 0);
    put_ok(ob, "refused-key-1", "{\"national_id\":\"bad\"}");
    struct fake srv = {.answer = 400};
    struct outbox_result res;
    char *cause = NULL;
    assert_int_equal(outbox_deliver(ob, fake_send, &srv, &res, &cause), 0);
    assert_int_equal(res.rejected, 1);
    assert_false(res.stopped);
    assert_int_equal(outbox_pending(ob), 0);
    char *aside = xasprintf("%s/rejected", dir);
    assert_int_equal(count_files(aside), 1);
    free(aside);
    /* a file holds personal data: owner only */
    put_ok(ob, "mode-check-1", "{}");
    {
        DIR *d = opendir(dir);
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strstr(e->d_name, "mode-check-1") == NULL)
                continue;
            char *p = xasprintf("%s/%s", dir, e->d_name);
            struct stat st;
            assert_int_equal(stat(p, &st), 0);
            assert_int_equal(st.st_mode & 0777, 0600);
            free(p);
        }
        closedir(d);
    }
    /* bad keys and paths are refused */
    assert_int_equal(outbox_put(ob, "../../etc/x", "/api/applications", "{}", &cause),
                     -1);
    free(cause);
    assert_int_equal(outbox_put(ob, "short", "/api/applications", "{}", &cause), -1);
    free(cause);
    assert_int_equal(outbox_put(ob, "good-key-123", "api", "{}", &cause), -1);
    free(cause);
    outbox_close(ob);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_survives_restart_delivered_once_in_order),
        cmocka_unit_test(test_lost_reply_is_not_a_duplicate),
        cmocka_unit_test(test_corrupt_set_aside),
        cmocka_unit_test(test_rejected_and_stale_temp),
    };
    return cmocka_run_group_tests_name("outbox", tests, NULL, NULL);
}
