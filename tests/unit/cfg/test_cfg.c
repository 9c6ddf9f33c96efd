/* Unit tests for common/cfg: parsing, lookups with defaults, integers and booleans,
 * continuation lines, errors with file and line, cfg_set, the default path, and the
 * shipped example assets/config/dawr.ini. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cfg.h"

/* Writes @text to a fresh temporary file; returns its path (static buffer). */
static const char *write_temp(const char *text)
{
    static char path[64];
    int fd;

    strcpy(path, "/tmp/dawr-cfg-test-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    return path;
}

static cfg *load_text(const char *text, char **cause)
{
    const char *path = write_temp(text);
    cfg *c = cfg_load(path, cause);

    unlink(path);
    return c;
}

static void test_values(void **state)
{
    char *cause = NULL;
    cfg *c = load_text("; comment\n"
                       "# another\n"
                       "[association]\n"
                       "name_ar = جمعية البر\n"
                       "Name_En=Al-Birr Society ; inline comment\n"
                       "timezone = Asia/Riyadh\n"
                       "\n"
                       "[kiosk]\n"
                       "idle_seconds = 90\n"
                       "bad_int = 12abc\n"
                       "neg = -7\n"
                       "empty =\n"
                       "yes1 = Yes\n"
                       "no1 = off\n"
                       "maybe = perhaps\n",
                       &cause);
    (void)state;
    assert_non_null(c);
    assert_null(cause);
    assert_string_equal(cfg_get(c, "association", "name_ar", NULL), "جمعية البر");
    assert_string_equal(cfg_get(c, "ASSOCIATION", "name_en", NULL), "Al-Birr Society");
    assert_string_equal(cfg_get(c, "association", "timezone", "x"), "Asia/Riyadh");
    assert_string_equal(cfg_get(c, "association", "missing", "dflt"), "dflt");
    assert_null(cfg_get(c, "nosection", "name_ar", NULL));
    assert_string_equal(cfg_get(c, "kiosk", "empty", "dflt"), "");

    assert_int_equal(cfg_get_int(c, "kiosk", "idle_seconds", 60), 90);
    assert_int_equal(cfg_get_int(c, "kiosk", "neg", 0), -7);
    assert_int_equal(cfg_get_int(c, "kiosk", "bad_int", 5), 5);
    assert_int_equal(cfg_get_int(c, "kiosk", "empty", 6), 6);
    assert_int_equal(cfg_get_int(c, "kiosk", "missing", 8), 8);

    assert_true(cfg_get_bool(c, "kiosk", "yes1", false));
    assert_false(cfg_get_bool(c, "kiosk", "no1", true));
    assert_true(cfg_get_bool(c, "kiosk", "maybe", true));
    assert_false(cfg_get_bool(c, "kiosk", "maybe", false));
    assert_true(cfg_get_bool(c, "kiosk", "missing", true));
    cfg_free(c);
}

static void test_continuation_and_repeat(void **state)
{
    cfg *c = load_text("[display]\n"
                       "ticker_ar = أهلاً بكم\n"
                       "  في الجمعية\n"
                       "  نتمنى لكم يوماً طيباً\n"
                       "a = 1\n"
                       "b = 2\n"
                       "a = 3\n",
                       NULL);
    (void)state;
    assert_non_null(c);
    assert_string_equal(cfg_get(c, "display", "ticker_ar", NULL),
                        "أهلاً بكم في الجمعية نتمنى لكم يوماً طيباً");
    assert_string_equal(cfg_get(c, "display", "a", NULL), "3");
    assert_string_equal(cfg_get(c, "display", "b", NULL), "2");
    cfg_free(c);
}

static void test_errors(void **state)
{
    char *cause = NULL;
    char longline[400];
    cfg *c;
    (void)state;

    c = cfg_load("/nonexistent/dawr.ini", &cause);
    assert_null(c);
    assert_non_null(cause);
    assert_non_null(strstr(cause, "/nonexistent/dawr.ini"));
    free(cause);
    cause = NULL;

    c = load_text("[kiosk]\nserver = x\nthis line has no equals sign\n", &cause);
    assert_null(c);
    assert_non_null(cause);
    assert_non_null(strstr(cause, ":3:"));
    free(cause);
    cause = NULL;

    /* A line inih would split: refused with its number, not misparsed. */
    strcpy(longline, "[display]\nticker_ar = ");
    memset(longline + strlen(longline), 'x', 250);
    strcpy(longline + strlen("[display]\nticker_ar = ") + 250, "\n");
    c = load_text(longline, &cause);
    assert_null(c);
    assert_non_null(cause);
    assert_non_null(strstr(cause, ":2:"));
    free(cause);

    c = cfg_load(NULL, &cause);
    assert_null(c);
    assert_non_null(cause);
    free(cause);

    /* A NULL cause is allowed. */
    assert_null(cfg_load("/nonexistent/dawr.ini", NULL));
}

static void test_parse_string(void **state)
{
    char *cause = NULL;
    cfg *c = cfg_parse("[a]\nb = c\n", "inline", &cause);
    (void)state;
    assert_non_null(c);
    assert_string_equal(cfg_get(c, "a", "b", NULL), "c");
    cfg_free(c);
    assert_null(cfg_parse("[a]\n=\n[", "inline", &cause));
    assert_non_null(cause);
    assert_true(strncmp(cause, "inline:", 7) == 0);
    free(cause);
    c = cfg_parse("", NULL, NULL);
    assert_non_null(c);
    assert_null(cfg_get(c, "a", "b", NULL));
    cfg_free(c);
}

static void test_set(void **state)
{
    cfg *c = cfg_new();
    (void)state;
    assert_null(cfg_get(c, "server", "listen", NULL));
    cfg_set(c, "server", "listen", "127.0.0.1:8080");
    assert_string_equal(cfg_get(c, "server", "listen", NULL), "127.0.0.1:8080");
    cfg_set(c, "server", "LISTEN", "0.0.0.0:80");
    assert_string_equal(cfg_get(c, "server", "listen", NULL), "0.0.0.0:80");
    for (int i = 0; i < 40; i++) {
        char key[16];
        snprintf(key, sizeof key, "k%d", i);
        cfg_set(c, "many", key, key);
    }
    assert_string_equal(cfg_get(c, "many", "k39", NULL), "k39");
    assert_int_equal(cfg_get_int(c, "many", "k39", 0), 0);
    cfg_set(c, "many", "k0", NULL);
    assert_null(cfg_get(c, "many", "k0", NULL));
    assert_string_equal(cfg_get(c, "many", "k1", NULL), "k1");
    assert_string_equal(cfg_get(c, "server", "listen", NULL), "0.0.0.0:80");
    cfg_free(c);
    cfg_free(NULL);
    assert_string_equal(cfg_get(NULL, "a", "b", "d"), "d");
}

static void test_default_path(void **state)
{
    (void)state;
    unsetenv("DAWR_CONFIG");
    assert_string_equal(cfg_default_path(), "/etc/dawr/dawr.ini");
    setenv("DAWR_CONFIG", "", 1);
    assert_string_equal(cfg_default_path(), "/etc/dawr/dawr.ini");
    setenv("DAWR_CONFIG", "/tmp/x.ini", 1);
    assert_string_equal(cfg_default_path(), "/tmp/x.ini");
    unsetenv("DAWR_CONFIG");
}

/* The example that ships must load and say what the header promises. */
static void test_shipped_example(void **state)
{
    const char *assets = getenv("DAWR_ASSETS");
    char path[4096], *cause = NULL;
    cfg *c;
    (void)state;
    if (assets == NULL)
        skip();
    snprintf(path, sizeof path, "%s/config/dawr.ini", assets);
    c = cfg_load(path, &cause);
    if (c == NULL)
        fail_msg("%s", cause);
    assert_string_equal(cfg_get(c, "association", "timezone", NULL), "Asia/Riyadh");
    assert_non_null(cfg_get(c, "association", "name_ar", NULL));
    assert_string_equal(cfg_get(c, "server", "listen", NULL), "127.0.0.1:8080");
    assert_string_equal(cfg_get(c, "kiosk", "printer", NULL), "png:/tmp/dawr-tickets");
    assert_int_equal(cfg_get_int(c, "kiosk", "idle_seconds", 0), 60);
    assert_string_equal(cfg_get(c, "display", "digits", NULL), "arab");
    assert_non_null(cfg_get(c, "display", "ticker_ar", NULL));
    assert_int_equal(cfg_get_int(c, "printer", "width", 0), 80);
    assert_true(cfg_get_bool(c, "printer", "english_line", false));
    cfg_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_continuation_and_repeat),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_parse_string),
        cmocka_unit_test(test_set),
        cmocka_unit_test(test_default_path),
        cmocka_unit_test(test_shipped_example),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
