/* test_roundtrip — a ticket laid out, encoded as ESC/POS and decoded again by the
 * tests' own interpreter is the same image bit for bit, at 80 mm and 58 mm; and what
 * prn_print_ticket writes through file: is that same stream. Uses the bundled fonts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "escpos-decode.h"
#include "prn-int.h"

static const struct prn_ticket plain = {
    .association = "جمعية البر الخيرية",
    .service = "المساعدات الغذائية",
    .label = "A-017",
    .people_ahead = 4,
    .wait_low = 10,
    .wait_high = 20,
    .hijri = "١٣ جمادى الآخرة ١٤٤٨ هـ",
    .gregorian = "23/11/2026  10:30",
    .qr_url = "https://dawr.example/t/A-017",
    .phone = "011 456 7890",
    .address = "الرياض، حي النسيم",
};

static const struct prn_ticket support = {
    .association = "جمعية البر الخيرية",
    .service = "طلبات الدعم",
    .label = "S-042",
    .people_ahead = 12,
    .wait_low = 25,
    .wait_high = 40,
    .qr_url = "https://dawr.example/t/S-042",
    .application_ref = "APP-2026-00917",
    .due_date = "7/12/2026",
    .english = "Support request",
};

static struct prn_fonts *fonts;

static int setup(void **state)
{
    (void)state;
    char *cause = NULL;
    fonts = prn_fonts_load(prn_fonts_default_dir(), &cause);
    if (fonts == NULL) {
        fprintf(stderr, "fonts: %s\n", cause);
        free(cause);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    prn_fonts_free(fonts);
    return 0;
}

static void roundtrip(const struct prn_ticket *t, int width)
{
    struct prn_image *img;
    assert_int_equal(ticket_render(fonts, t, width, &img), PRN_OK);
    assert_int_equal(img->width, width);
    assert_true(img->height > 400);
    /* Something is printed in every part of the ticket: not a blank image. */
    size_t ink = 0;
    for (size_t i = 0; i < (size_t)img->stride * img->height; i++)
        ink += (size_t)__builtin_popcount(img->bits[i]);
    assert_true(ink > (size_t)img->width * img->height / 50);

    struct buf job = {0};
    escpos_job(&job, img);
    struct decoded d;
    size_t where = 0;
    int rc = escpos_decode((const uint8_t *)job.data, job.len, &d, &where);
    if (rc != 0)
        fail_msg("undecodable byte at offset %zu", where);
    assert_int_equal(d.inits, 1);
    assert_int_equal(d.cuts, 1);
    assert_int_equal(d.bands, (img->height + ESCPOS_BAND_ROWS - 1) / ESCPOS_BAND_ROWS);
    assert_int_equal(d.stride, width / 8);
    assert_int_equal(d.height, img->height);
    assert_memory_equal(d.bits, img->bits, (size_t)img->stride * img->height);
    decoded_free(&d);
    buf_free(&job);
    prn_image_free(img);
}

static void test_plain_80(void **state)
{
    (void)state;
    roundtrip(&plain, PRN_WIDTH_80MM);
}

static void test_plain_58(void **state)
{
    (void)state;
    roundtrip(&plain, PRN_WIDTH_58MM);
}

static void test_support_80(void **state)
{
    (void)state;
    roundtrip(&support, PRN_WIDTH_80MM);
}

static void test_support_58(void **state)
{
    (void)state;
    roundtrip(&support, PRN_WIDTH_58MM);
}

/* The support variant says more, so it is taller than the plain one. */
static void test_support_is_longer(void **state)
{
    (void)state;
    struct prn_image *a, *b;
    assert_int_equal(ticket_render(fonts, &plain, 576, &a), PRN_OK);
    struct prn_ticket t = plain;
    t.application_ref = "APP-1";
    assert_int_equal(ticket_render(fonts, &t, 576, &b), PRN_OK);
    assert_true(b->height > a->height + 100);
    prn_image_free(a);
    prn_image_free(b);
}

static void test_bad_tickets(void **state)
{
    (void)state;
    struct prn_image *img = (struct prn_image *)1;
    struct prn_ticket t = plain;
    t.label = NULL;
    assert_int_equal(ticket_render(fonts, &t, 576, &img), PRN_ERR_BAD_TICKET);
    assert_null(img);
    t = plain;
    t.wait_low = 30; /* above wait_high */
    assert_int_equal(ticket_render(fonts, &t, 576, &img), PRN_ERR_BAD_TICKET);
    t = plain;
    t.people_ahead = -1;
    assert_int_equal(ticket_render(fonts, &t, 576, &img), PRN_ERR_BAD_TICKET);
    char *longs = xcalloc(2000, 1);
    memset(longs, 'x', 1999);
    t = plain;
    t.address = longs;
    assert_int_equal(ticket_render(fonts, &t, 576, &img), PRN_ERR_BAD_TICKET);
    free(longs);
}

/* prn_print_ticket through file: writes exactly escpos_job() of ticket_render(). */
static void test_file_transport_stream(void **state)
{
    (void)state;
    char path[] = "/tmp/prn-roundtrip-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    char *device = xasprintf("file:%s", path);
    prn_printer *p;
    assert_int_equal(prn_open(device, PRN_WIDTH_58MM, &p), PRN_OK);
    assert_int_equal(prn_print_ticket(p, &support), PRN_OK);
    size_t want_len = prn_last_job_size(p);
    prn_close(p);

    size_t len;
    char *got = util_read_file(path, &len);
    assert_non_null(got);
    struct prn_image *img;
    assert_int_equal(ticket_render(fonts, &support, PRN_WIDTH_58MM, &img), PRN_OK);
    struct buf job = {0};
    escpos_job(&job, img);
    assert_int_equal(len, job.len);
    assert_int_equal(len, want_len);
    assert_memory_equal(got, job.data, len);
    buf_free(&job);
    prn_image_free(img);
    free(got);
    free(device);
    unlink(path);
}

static void test_bad_devices(void **state)
{
    (void)state;
    const char *bad[] = {"",
                         "lp0",
                         "usb:",
                         "usb:zz:1",
                         "usb:04b8",
                         "usb:04b8:0e15:",
                         "usb:12345:1",
                         "tcp:",
                         "tcp:host:",
                         "tcp:host:9x",
                         "tcp:[::1",
                         "file:",
                         "png:"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        prn_printer *p = (prn_printer *)1;
        prn_err err = prn_open(bad[i], 576, &p);
        if (err != PRN_ERR_BAD_DEVICE)
            fail_msg("'%s' gave %s", bad[i], prn_err_name(err));
        assert_null(p);
    }
    prn_printer *p;
    assert_int_equal(prn_open("png:/nonexistent-dir", 576, &p), PRN_ERR_NOT_FOUND);
    assert_int_equal(prn_open("png:/tmp", 500, &p), PRN_ERR_BAD_DEVICE);
    assert_int_equal(prn_open("png:/tmp", 384, &p), PRN_OK);
    struct prn_status st;
    assert_int_equal(prn_status(p, &st), PRN_ERR_UNSUPPORTED);
    prn_close(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_80),
        cmocka_unit_test(test_plain_58),
        cmocka_unit_test(test_support_80),
        cmocka_unit_test(test_support_58),
        cmocka_unit_test(test_support_is_longer),
        cmocka_unit_test(test_bad_tickets),
        cmocka_unit_test(test_file_transport_stream),
        cmocka_unit_test(test_bad_devices),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
