/* Unit tests of common/util: buffers grow, stay NUL-terminated, and hand over. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void test_buf_grows(void **state)
{
    (void)state;
    struct buf b = {0};
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%03d", i);
    assert_int_equal(b.len, 3000);
    assert_memory_equal(b.data + 2997, "999", 4);
    char *s = buf_take(&b);
    assert_null(b.data);
    assert_int_equal(strlen(s), 3000);
    free(s);
}

static void test_asprintf(void **state)
{
    (void)state;
    char *s = xasprintf("%s-%03d", "A", 17);
    assert_string_equal(s, "A-017");
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grows),
        cmocka_unit_test(test_asprintf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
