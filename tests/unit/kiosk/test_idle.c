/* Unit tests of kiosk/idle together with kiosk/field: a half-filled form is wiped,
 * byte for byte, when the timer runs out, and only then. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "field.h"
#include "idle.h"

static void wipe_field(void *arg)
{
    field_wipe(arg);
}

static int wiped_count;
static void count_wipe(void *arg)
{
    (void)arg;
    wiped_count++;
}

static void test_timeout_wipes_form(void **state)
{
    (void)state;
    struct field *name = field_create(0), *id_number = field_create(10);
    assert_true(field_set_text(name, "عبدالله بن محمد"));
    assert_true(field_set_text(id_number, "10"));
    size_t len;
    const char *p = field_text(name, &len);

    struct idle id;
    idle_init(&id, 60000, 1000);
    assert_true(idle_add_wiper(&id, wipe_field, name));
    assert_true(idle_add_wiper(&id, wipe_field, id_number));
    assert_false(idle_check(&id, 500000)); /* never touched: home stays home */
    idle_touch(&id, 1000);
    assert_int_equal(idle_remaining(&id, 31000), 30000);
    assert_false(idle_check(&id, 60999));
    idle_touch(&id, 60000); /* a tap restarts the minute */
    assert_false(idle_check(&id, 119999));
    assert_string_equal(field_text(name, NULL), "عبدالله بن محمد");
    assert_true(idle_check(&id, 120000));
    assert_string_equal(field_text(name, NULL), "");
    assert_string_equal(field_text(id_number, NULL), "");
    for (size_t i = 0; i < len; i++)
        assert_int_equal(p[i], 0);
    /* fires once, then waits for the next touch */
    assert_false(idle_check(&id, 500000));
    assert_int_equal(idle_remaining(&id, 500000), UINT64_MAX);
    field_destroy(name);
    field_destroy(id_number);
}

static void test_limits(void **state)
{
    (void)state;
    struct idle id;
    idle_init(&id, 0, 0);
    idle_touch(&id, 5);
    assert_false(idle_check(&id, UINT64_MAX / 2)); /* 0: never */
    idle_init(&id, 1000, 0);
    for (int i = 0; i < IDLE_MAX_WIPERS; i++)
        assert_true(idle_add_wiper(&id, count_wipe, NULL));
    assert_false(idle_add_wiper(&id, count_wipe, NULL));
    idle_touch(&id, 10000);
    assert_false(idle_check(&id, 9000)); /* clock went backwards */
    wiped_count = 0;
    assert_true(idle_check(&id, 11000));
    assert_int_equal(wiped_count, IDLE_MAX_WIPERS);
    idle_touch(&id, 12000);
    idle_wipe(&id); /* form submitted */
    assert_int_equal(wiped_count, 2 * IDLE_MAX_WIPERS);
    assert_false(idle_check(&id, 99000));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timeout_wipes_form),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests_name("idle", tests, NULL, NULL);
}
