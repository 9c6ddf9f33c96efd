/* Unit tests of kiosk/request: answers typed as keys become exactly the JSON the
 * server expects (Arabic-Indic digits made ASCII, numbers as numbers), the server's
 * own rules reject a bad national ID, and wiping forgets everything. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "request.h"

static size_t step_of(const char *key)
{
    for (size_t i = 0; i < REQUEST_STEPS; i++)
        if (strcmp(request_steps[i].key, key) == 0)
            return i;
    fail_msg("no step %s", key);
    return 0;
}

static void type(struct request *r, const char *key, const char *text)
{
    assert_true(field_set_text(r->fields[step_of(key)], text));
}

static void fill(struct request *r, const char *nid)
{
    type(r, "name", "عبدالرحمن أحمد سعيد الزهراني");
    type(r, "nid", nid);
    type(r, "mobile", "٠٥٠١٢٣٤٥٦٧");
    type(r, "city", "أبها");
    type(r, "district", "المنسك");
    type(r, "family_members", "٦");
    type(r, "income", "2500");
    r->choice[step_of("housing")] = 1;
    r->choice[step_of("support_type")] = 0;
}

static void test_json_is_what_was_typed(void **state)
{
    (void)state;
    char nid[FORM_NID_LEN + 1] = "1012345670";
    form_nid_fill_check(nid);
    struct request r;
    request_init(&r);
    fill(&r, nid);
    for (size_t i = 0; i < REQUEST_STEPS; i++)
        assert_int_equal(request_check(&r, i), FORM_OK);
    unsigned char *png = malloc(4);
    memcpy(png, "\x89PNG", 4);
    request_set_signature(&r, png, 4);
    char *s = request_json(&r);
    assert_non_null(s);
    json_t *o = json_loads(s, 0, NULL);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "name")),
                        "عبدالرحمن أحمد سعيد الزهراني");
    assert_string_equal(json_string_value(json_object_get(o, "nid")), nid);
    assert_string_equal(json_string_value(json_object_get(o, "mobile")), "0501234567");
    assert_string_equal(json_string_value(json_object_get(o, "district")), "المنسك");
    assert_int_equal(json_integer_value(json_object_get(o, "family_members")), 6);
    assert_int_equal(json_integer_value(json_object_get(o, "income")), 2500);
    assert_string_equal(json_string_value(json_object_get(o, "housing")), "rented");
    assert_string_equal(json_string_value(json_object_get(o, "support_type")), "food");
    assert_true(json_is_true(json_object_get(o, "declaration")));
    assert_string_equal(json_string_value(json_object_get(o, "signature_png")),
                        "iVBORw==");
    assert_null(json_object_get(o, "notes")); /* optional and empty: not sent */
    json_decref(o);
    free(s);
    request_free(&r);
}

/* The server's list replaces the built-in one; an answer still offered keeps its
 * code (at its new place), one no longer offered is cleared; the JSON sends the code. */
static void test_support_types_from_server(void **state)
{
    (void)state;
    char nid[FORM_NID_LEN + 1] = "1012345670";
    form_nid_fill_check(nid);
    struct request r;
    request_init(&r);
    fill(&r, nid);
    size_t st = step_of("support_type");
    const struct request_choice *c = request_steps[st].choices;
    assert_string_equal(c[0].code, "food"); /* built in */
    r.choice[st] = 1;                       /* rent */
    struct request_support_type t[2] = {
        {"school-fees", "رسوم مدرسية", "School fees"},
        {"rent", "إيجار", "Rent"},
    };
    assert_true(request_set_support_types(&r, t, 2));
    assert_false(request_set_support_types(&r, t, 2)); /* the same list again */
    assert_string_equal(c[0].code, "school-fees");
    assert_string_equal(c[0].ar, "رسوم مدرسية");
    assert_null(c[2].code);
    assert_int_equal(r.choice[st], 1); /* rent moved, still chosen */
    char *s = request_json(&r);
    assert_non_null(s);
    json_t *o = json_loads(s, 0, NULL);
    assert_string_equal(json_string_value(json_object_get(o, "support_type")), "rent");
    json_decref(o);
    free(s);
    assert_true(request_set_support_types(&r, t, 1)); /* rent gone */
    assert_int_equal(r.choice[st], -1);
    assert_int_not_equal(request_check(&r, st), FORM_OK);
    request_free(&r);
}

static void test_bad_answers_stop_the_request(void **state)
{
    (void)state;
    char nid[FORM_NID_LEN + 1] = "1012345670";
    form_nid_fill_check(nid);
    nid[9] = nid[9] == '9' ? '0' : nid[9] + 1; /* wrong check digit */
    struct request r;
    request_init(&r);
    fill(&r, nid);
    assert_int_equal(request_check(&r, step_of("nid")), FORM_ERR_NID_CHECK);
    assert_null(request_json(&r));
    type(&r, "name", "سارة");
    assert_int_equal(request_check(&r, step_of("name")), FORM_ERR_NAME_PARTS);
    type(&r, "family_members", "٠");
    assert_int_equal(request_check(&r, step_of("family_members")), FORM_ERR_FAMILY_RANGE);
    type(&r, "mobile", "0312345678");
    assert_int_equal(request_check(&r, step_of("mobile")), FORM_ERR_MOBILE_FORMAT);
    r.choice[step_of("housing")] = -1;
    assert_int_equal(request_check(&r, step_of("housing")), FORM_ERR_HOUSING);
    request_free(&r);
}

static void test_wipe(void **state)
{
    (void)state;
    struct request r;
    request_init(&r);
    fill(&r, "1000000000");
    char key[33];
    memcpy(key, r.key, sizeof key);
    size_t len;
    const char *name = field_text(r.fields[step_of("name")], &len);
    r.step = 4;
    request_set_signature(&r, calloc(1, 10), 10);
    request_wipe(&r);
    for (size_t i = 0; i < len; i++)
        assert_int_equal(name[i], 0);
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        assert_string_equal(request_answer(&r, i, false), "");
        assert_int_equal(r.choice[i], -1);
    }
    assert_null(r.signature);
    assert_int_equal(r.step, 0);
    assert_string_not_equal(r.key, key); /* the next person's request is a new one */
    request_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_is_what_was_typed),
        cmocka_unit_test(test_bad_answers_stop_the_request),
        cmocka_unit_test(test_wipe),
        cmocka_unit_test(test_support_types_from_server),
    };
    return cmocka_run_group_tests_name("request", tests, NULL, NULL);
}
