/* test_escpos — golden bytes for the ESC/POS encoder (init, raster bands and width
 * padding, feed, cut, status requests) and every documented bit of DLE EOT 1..4. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "prn-int.h"

static void assert_bytes(const struct buf *b, const uint8_t *want, size_t n)
{
    assert_int_equal(b->len, n);
    assert_memory_equal(b->data, want, n);
}

static void test_init_feed_cut(void **state)
{
    (void)state;
    struct buf b = {0};
    escpos_init(&b);
    escpos_feed(&b, 3);
    escpos_cut(&b);
    escpos_feed(&b, 999); /* clamped to one byte */
    const uint8_t want[] = {0x1b, 0x40, 0x1b, 0x64, 3,    0x1d,
                            0x56, 0x42, 0x00, 0x1b, 0x64, 255};
    assert_bytes(&b, want, sizeof want);
    buf_free(&b);
}

static void test_status_requests(void **state)
{
    (void)state;
    struct buf b = {0};
    for (int n = 1; n <= 4; n++)
        escpos_status_request(&b, n);
    const uint8_t want[] = {0x10, 4, 1, 0x10, 4, 2, 0x10, 4, 3, 0x10, 4, 4};
    assert_bytes(&b, want, sizeof want);
    buf_free(&b);
}

/* 10 dots wide → 2 bytes a row, the last 6 bits padding (always 0). */
static void test_raster_width_padding(void **state)
{
    (void)state;
    struct prn_image *img = prn_image_create(10, 2);
    assert_int_equal(img->stride, 2);
    prn_image_set(img, 0, 0);
    prn_image_set(img, 9, 0);
    prn_image_set(img, 8, 1);
    prn_image_set(img, 3, 1);
    struct buf b = {0};
    escpos_raster(&b, img, 24);
    const uint8_t want[] = {0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x40, 0x10, 0x80};
    assert_bytes(&b, want, sizeof want);
    buf_free(&b);
    prn_image_free(img);
}

/* 8×5 image in bands of 2 rows: 2 + 2 + 1, each with its own header. */
static void test_raster_bands(void **state)
{
    (void)state;
    struct prn_image *img = prn_image_create(8, 5);
    for (int y = 0; y < 5; y++)
        prn_image_set(img, y, y);
    struct buf b = {0};
    escpos_raster(&b, img, 2);
    const uint8_t want[] = {
        0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0x80, 0x40,
        0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0x20, 0x10,
        0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0x08,
    };
    assert_bytes(&b, want, sizeof want);
    buf_free(&b);
    prn_image_free(img);
}

/* Widths and heights above 255 use the high bytes. */
static void test_raster_large(void **state)
{
    (void)state;
    struct prn_image *img = prn_image_create(2100, 300);
    struct buf b = {0};
    escpos_raster(&b, img, 1000);
    assert_int_equal(b.len, 8 + 263 * 300);
    const uint8_t head[] = {0x1d,       0x76,     0x30,       0,
                            263 & 0xff, 263 >> 8, 300 & 0xff, 300 >> 8};
    assert_memory_equal(b.data, head, sizeof head);
    buf_free(&b);
    prn_image_free(img);
}

static void test_job(void **state)
{
    (void)state;
    struct prn_image *img = prn_image_create(576, ESCPOS_BAND_ROWS + 1);
    struct buf b = {0};
    escpos_job(&b, img);
    size_t want = 2 + (8 + 72 * ESCPOS_BAND_ROWS) + (8 + 72) + 3 + 4;
    assert_int_equal(b.len, want);
    assert_memory_equal(b.data, "\x1b\x40", 2);
    assert_memory_equal(b.data + b.len - 7, "\x1b\x64\x03\x1d\x56\x42\x00", 7);
    buf_free(&b);
    prn_image_free(img);
}

/* One documented bit of one status byte and what it must set. */
struct bit_case {
    int n;
    uint8_t byte;
    prn_err want;
    size_t field; /* offsetof the bool in prn_status, or SIZE_MAX for none */
};

#define F(name) offsetof(struct prn_status, name)
static const struct bit_case bit_cases[] = {
    {1, 0x12, PRN_OK, SIZE_MAX},            /* all clear */
    {1, 0x16, PRN_OK, SIZE_MAX},            /* bit 2: drawer pin, not an error */
    {1, 0x1a, PRN_ERR_OFFLINE, F(offline)}, /* bit 3: off-line */
    {1, 0x32, PRN_ERR_OFFLINE, F(offline)}, /* bit 5: waiting for online recovery */
    {1, 0x52, PRN_OK, F(feed_button)},      /* bit 6: feed button pressed */
    {2, 0x12, PRN_OK, SIZE_MAX},
    {2, 0x16, PRN_ERR_COVER_OPEN, F(cover_open)},   /* bit 2 */
    {2, 0x1a, PRN_OK, F(feed_button)},              /* bit 3: feeding by button */
    {2, 0x32, PRN_ERR_PAPER_OUT, F(paper_out)},     /* bit 5: stopped, paper end */
    {2, 0x52, PRN_ERR_MECHANISM, F(unrecoverable)}, /* bit 6: error occurred */
    {3, 0x12, PRN_OK, SIZE_MAX},
    {3, 0x16, PRN_ERR_MECHANISM, F(unrecoverable)},    /* bit 2: mechanism error */
    {3, 0x1a, PRN_ERR_CUTTER, F(cutter_error)},        /* bit 3: autocutter */
    {3, 0x32, PRN_ERR_MECHANISM, F(unrecoverable)},    /* bit 5: unrecoverable */
    {3, 0x52, PRN_ERR_MECHANISM, F(auto_recoverable)}, /* bit 6: auto-recoverable */
    {4, 0x12, PRN_OK, SIZE_MAX},
    {4, 0x16, PRN_ERR_PAPER_NEAR_END, F(paper_near_end)}, /* bit 2 */
    {4, 0x1a, PRN_ERR_PAPER_NEAR_END, F(paper_near_end)}, /* bit 3 */
    {4, 0x1e, PRN_ERR_PAPER_NEAR_END, F(paper_near_end)}, /* both */
    {4, 0x32, PRN_ERR_PAPER_OUT, F(paper_out)},           /* bit 5 */
    {4, 0x52, PRN_ERR_PAPER_OUT, F(paper_out)},           /* bit 6 */
    {4, 0x72, PRN_ERR_PAPER_OUT, F(paper_out)},           /* both */
};

static void test_status_bits(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bit_cases / sizeof bit_cases[0]; i++) {
        const struct bit_case *c = &bit_cases[i];
        struct prn_status st = {0};
        assert_true(escpos_status_decode(c->n, c->byte, &st));
        assert_int_equal(escpos_status_error(&st), c->want);
        /* Exactly the named flag is set, none other. */
        const bool *flags = (const bool *)&st;
        for (size_t f = 0; f < sizeof st / sizeof(bool); f++) {
            bool want = c->field != SIZE_MAX && f * sizeof(bool) == c->field;
            if (flags[f] != want)
                fail_msg("case %zu (n=%d byte=0x%02x): flag %zu is %d", i, c->n, c->byte,
                         f, flags[f]);
        }
    }
}

static void test_status_rejects_bad_bytes(void **state)
{
    (void)state;
    /* Fixed bits wrong: bit 0 or 7 set, bit 1 or 4 clear; or an unknown n. */
    const uint8_t bad[] = {0x00, 0x13, 0x92, 0x10, 0x02, 0xff};
    for (size_t i = 0; i < sizeof bad; i++) {
        for (int n = 1; n <= 4; n++) {
            struct prn_status st = {0};
            assert_false(escpos_status_decode(n, bad[i], &st));
            assert_int_equal(escpos_status_error(&st), PRN_OK);
        }
    }
    struct prn_status st = {0};
    assert_false(escpos_status_decode(5, 0x12, &st));
}

/* Several conditions at once: the one to fix first wins. */
static void test_status_priority(void **state)
{
    (void)state;
    struct prn_status st = {0};
    assert_true(escpos_status_decode(1, 0x1a, &st)); /* offline */
    assert_true(escpos_status_decode(2, 0x36, &st)); /* cover open + paper end */
    assert_true(escpos_status_decode(4, 0x7e, &st)); /* near end + out */
    assert_int_equal(escpos_status_error(&st), PRN_ERR_COVER_OPEN);
    assert_true(escpos_status_blocks(PRN_ERR_COVER_OPEN));
    assert_false(escpos_status_blocks(PRN_ERR_PAPER_NEAR_END));
    assert_false(escpos_status_blocks(PRN_OK));
}

static void test_messages(void **state)
{
    (void)state;
    for (int e = 0; e < PRN_ERR_COUNT; e++) {
        assert_non_null(prn_strerror_ar((prn_err)e));
        assert_non_null(prn_strerror_en((prn_err)e));
        assert_string_not_equal(prn_err_name((prn_err)e), "unknown");
        for (int f = 0; f < e; f++)
            assert_string_not_equal(prn_err_name((prn_err)e), prn_err_name((prn_err)f));
    }
    assert_string_equal(prn_err_name(PRN_ERR_COUNT), "unknown");
    assert_string_equal(prn_strerror_en(PRN_ERR_PAPER_OUT),
                        "The printer is out of paper");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_feed_cut),
        cmocka_unit_test(test_status_requests),
        cmocka_unit_test(test_raster_width_padding),
        cmocka_unit_test(test_raster_bands),
        cmocka_unit_test(test_raster_large),
        cmocka_unit_test(test_job),
        cmocka_unit_test(test_status_bits),
        cmocka_unit_test(test_status_rejects_bad_bytes),
        cmocka_unit_test(test_status_priority),
        cmocka_unit_test(test_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
