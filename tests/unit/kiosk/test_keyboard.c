/* Unit tests of kiosk/keyboard: every letter can be typed, the layers connect, and
 * hit testing finds the key that is drawn where the finger lands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <string.h>

#include "keyboard.h"

/* Decodes well-formed UTF-8 (the tables are ours) into @out; returns the count. */
static size_t decode(const char *s, uint32_t *out, size_t max)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < max) {
        uint32_t cp;
        int extra;
        if (*p < 0x80)
            cp = *p, extra = 0;
        else if ((*p & 0xE0) == 0xC0)
            cp = *p & 0x1F, extra = 1;
        else if ((*p & 0xF0) == 0xE0)
            cp = *p & 0x0F, extra = 2;
        else
            cp = *p & 0x07, extra = 3;
        p++;
        while (extra-- > 0)
            cp = (cp << 6) | (*p++ & 0x3F);
        out[n++] = cp;
    }
    return n;
}

/* Marks in @seen every codepoint a single key of @layer inserts alone. */
static void mark_layer(enum keyboard_layer layer, bool *seen, size_t max)
{
    for (size_t r = 0; r < keyboard_rows(layer); r++) {
        size_t n;
        const struct keyboard_key *keys = keyboard_row(layer, r, &n);
        for (size_t i = 0; i < n; i++) {
            uint32_t cps[8];
            if (keys[i].action != KEYBOARD_INSERT)
                continue;
            size_t k = decode(keys[i].insert, cps, 8);
            if (k == 1 && cps[0] < max)
                seen[cps[0]] = true;
        }
    }
}

static void test_every_arabic_letter(void **state)
{
    (void)state;
    static bool seen[0x700];
    mark_layer(KEYBOARD_ARABIC, seen, 0x700);
    mark_layer(KEYBOARD_HARAKAT, seen, 0x700);
    /* U+0621..U+063A and U+0641..U+064A are the Arabic alphabet with its hamza
     * forms, ة and ى. U+063B..U+063F are letters of other languages written in
     * Arabic script (Khowar, Torwali...) and U+0640 is tatweel, not a letter. */
    for (uint32_t cp = 0x0621; cp <= 0x064A; cp++) {
        if (cp >= 0x063B && cp <= 0x0640)
            continue;
        if (!seen[cp])
            fail_msg("U+%04X has no key", cp);
    }
    /* fathatan..sukun: the harakat of the second layer */
    for (uint32_t cp = 0x064B; cp <= 0x0652; cp++)
        if (!seen[cp])
            fail_msg("haraka U+%04X has no key", cp);
}

static void test_lam_alef_inserts_two_letters(void **state)
{
    (void)state;
    size_t n;
    const struct keyboard_key *keys = keyboard_row(KEYBOARD_ARABIC, 3, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++)
        if (keys[i].action == KEYBOARD_INSERT && strcmp(keys[i].label, "لا") == 0) {
            uint32_t cps[4];
            assert_int_equal(decode(keys[i].insert, cps, 4), 2);
            assert_int_equal(cps[0], 0x0644);
            assert_int_equal(cps[1], 0x0627);
            found = true;
        }
    assert_true(found);
}

static void test_latin_and_digits(void **state)
{
    (void)state;
    static bool en[0x80], sh[0x80], dg[0x80], only[0x80];
    mark_layer(KEYBOARD_ENGLISH, en, 0x80);
    mark_layer(KEYBOARD_SHIFT, sh, 0x80);
    mark_layer(KEYBOARD_DIGITS, dg, 0x80);
    mark_layer(KEYBOARD_DIGITS_ONLY, only, 0x80);
    for (char c = 'a'; c <= 'z'; c++) {
        assert_true(en[(int)c]);
        assert_true(sh[c - 'a' + 'A']);
    }
    for (char c = '0'; c <= '9'; c++) {
        assert_true(dg[(int)c]);
        assert_true(only[(int)c]);
    }
    assert_true(en[' '] && en['@']);
}

/* Which layers can be reached from @from by pressing layer keys. */
static void reach(enum keyboard_layer from, bool *seen)
{
    if (seen[from])
        return;
    seen[from] = true;
    struct keyboard kb;
    for (size_t r = 0; r < keyboard_rows(from); r++) {
        size_t n;
        const struct keyboard_key *keys = keyboard_row(from, r, &n);
        for (size_t i = 0; i < n; i++) {
            if (keys[i].action != KEYBOARD_LAYER && keys[i].action != KEYBOARD_LETTERS)
                continue;
            const char *ins;
            keyboard_init(&kb, from);
            assert_int_equal(keyboard_press(&kb, &keys[i], &ins), KEYBOARD_NONE);
            reach(kb.layer, seen);
        }
    }
}

static void test_layers_connect(void **state)
{
    (void)state;
    bool seen[KEYBOARD_LAYERS] = {0};
    reach(KEYBOARD_ARABIC, seen);
    for (int l = 0; l < KEYBOARD_LAYERS; l++)
        assert_int_equal(seen[l], l != KEYBOARD_DIGITS_ONLY);
    /* the digits-only pad leads nowhere */
    bool only[KEYBOARD_LAYERS] = {0};
    reach(KEYBOARD_DIGITS_ONLY, only);
    for (int l = 0; l < KEYBOARD_LAYERS; l++)
        assert_int_equal(only[l], l == KEYBOARD_DIGITS_ONLY);
    /* every layer has backspace and enter */
    for (int l = 0; l < KEYBOARD_LAYERS; l++) {
        bool back = false, enter = false;
        for (size_t r = 0; r < keyboard_rows(l); r++) {
            size_t n;
            const struct keyboard_key *keys = keyboard_row(l, r, &n);
            for (size_t i = 0; i < n; i++) {
                back |= keys[i].action == KEYBOARD_BACKSPACE;
                enter |= keys[i].action == KEYBOARD_ENTER;
            }
        }
        assert_true(back && enter);
    }
}

static void test_shift_is_one_shot(void **state)
{
    (void)state;
    struct keyboard kb;
    keyboard_init(&kb, KEYBOARD_ARABIC);
    struct keyboard_rect area = {0, 0, 1200, 400};
    const char *ins;
    /* EN at the bottom left of the Arabic layer */
    const struct keyboard_key *k = keyboard_hit(kb.layer, area, 10, 390);
    assert_non_null(k);
    assert_int_equal(keyboard_press(&kb, k, &ins), KEYBOARD_NONE);
    assert_int_equal(kb.layer, KEYBOARD_ENGLISH);
    k = keyboard_hit(kb.layer, area, 10, 250); /* shift */
    assert_int_equal(keyboard_press(&kb, k, &ins), KEYBOARD_NONE);
    assert_int_equal(kb.layer, KEYBOARD_SHIFT);
    k = keyboard_hit(kb.layer, area, 1200 * 3 / 24 + 5, 250); /* Z */
    assert_int_equal(keyboard_press(&kb, k, &ins), KEYBOARD_INSERT);
    assert_string_equal(ins, "Z");
    assert_int_equal(kb.layer, KEYBOARD_ENGLISH);
    /* digits, then back to the letters we came from */
    k = keyboard_hit(kb.layer, area, 1200 * 4 / 24, 390);
    assert_int_equal(keyboard_press(&kb, k, &ins), KEYBOARD_NONE);
    assert_int_equal(kb.layer, KEYBOARD_DIGITS);
    k = keyboard_hit(kb.layer, area, 10, 390);
    assert_int_equal(keyboard_press(&kb, k, &ins), KEYBOARD_NONE);
    assert_int_equal(kb.layer, KEYBOARD_ENGLISH);
    assert_int_equal(keyboard_press(&kb, NULL, &ins), KEYBOARD_NONE);
}

static void test_hit_every_key(void **state)
{
    (void)state;
    const struct keyboard_rect areas[] = {
        {0, 1200, 1080, 700}, {37, 11, 333, 201}, {100, 500, 1920, 480}};
    for (size_t a = 0; a < sizeof areas / sizeof areas[0]; a++) {
        struct keyboard_rect area = areas[a];
        for (int l = 0; l < KEYBOARD_LAYERS; l++) {
            for (size_t r = 0; r < keyboard_rows(l); r++) {
                size_t n;
                const struct keyboard_key *keys = keyboard_row(l, r, &n);
                int units = 0, width = 0, prev_right = -1;
                for (size_t i = 0; i < n; i++) {
                    struct keyboard_rect k;
                    assert_true(keyboard_key_rect(l, area, r, i, &k));
                    assert_true(k.w > 0 && k.h > 0);
                    /* centre, and the four corners of the cell */
                    assert_ptr_equal(keyboard_hit(l, area, k.x + k.w / 2, k.y + k.h / 2),
                                     &keys[i]);
                    assert_ptr_equal(keyboard_hit(l, area, k.x, k.y), &keys[i]);
                    assert_ptr_equal(keyboard_hit(l, area, k.x + k.w - 1, k.y + k.h - 1),
                                     &keys[i]);
                    if (prev_right >= 0)
                        assert_int_equal(k.x, prev_right); /* no gap, no overlap */
                    prev_right = k.x + k.w;
                    units += keys[i].units;
                    width += k.w;
                }
                assert_true(units <= KEYBOARD_UNITS);
                if (units == KEYBOARD_UNITS)
                    assert_int_equal(width, area.w);
                assert_false(
                    keyboard_key_rect(l, area, r, n, &(struct keyboard_rect){0}));
            }
            assert_null(keyboard_hit(l, area, area.x - 1, area.y + 1));
            assert_null(keyboard_hit(l, area, area.x + 1, area.y + area.h));
        }
        /* the English home row is shorter and centred: its margins hit nothing */
        assert_null(
            keyboard_hit(KEYBOARD_ENGLISH, area, area.x, area.y + area.h * 3 / 8));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_arabic_letter),
        cmocka_unit_test(test_lam_alef_inserts_two_letters),
        cmocka_unit_test(test_latin_and_digits),
        cmocka_unit_test(test_layers_connect),
        cmocka_unit_test(test_shift_is_one_shot),
        cmocka_unit_test(test_hit_every_key),
    };
    return cmocka_run_group_tests_name("keyboard", tests, NULL, NULL);
}
