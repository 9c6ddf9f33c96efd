/* fuzz_escpos — libFuzzer target for the printer's pure ESC/POS code (printer/
 * escpos.c, through prn-int.h) and the tests' interpreter that reads it back.
 *
 * Input: bytes 0-3 are the printer's answers to DLE EOT 1..4; bytes 4-6 give a
 * bitmap's width (1-200 dots), height (1-300 rows) and band height; the rest fills
 * the bitmap. Status: a byte is accepted exactly when its fixed bits are right,
 * merging only ever adds conditions, a refused byte changes nothing, and whether a
 * condition blocks printing follows from the flags. Encoder: the image encoded as a
 * job and decoded by tests/unit/printer/escpos-decode comes back bit for bit, in
 * the expected number of bands. Last, the whole input goes to the interpreter as a
 * byte stream, which must refuse or accept it without reading out of bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "escpos-decode.h"
#include "prn-int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool any_flag(const struct prn_status *st)
{
    return st->offline || st->cover_open || st->paper_out || st->paper_near_end ||
           st->cutter_error || st->unrecoverable || st->auto_recoverable ||
           st->feed_button;
}

/* True if every flag set in @a is set in @b. */
static bool flags_within(const struct prn_status *a, const struct prn_status *b)
{
    return (!a->offline || b->offline) && (!a->cover_open || b->cover_open) &&
           (!a->paper_out || b->paper_out) && (!a->paper_near_end || b->paper_near_end) &&
           (!a->cutter_error || b->cutter_error) &&
           (!a->unrecoverable || b->unrecoverable) &&
           (!a->auto_recoverable || b->auto_recoverable) &&
           (!a->feed_button || b->feed_button);
}

static void check_status(const uint8_t ans[4])
{
    struct prn_status st = {0}, before, bare = {0};

    for (int n = 0; n <= 5; n++) {
        uint8_t byte = ans[(n + 3) % 4];
        bool fixed_ok = (byte & 0x93) == 0x12;
        before = st;
        bool ok = escpos_status_decode(n, byte, &st);
        if (ok != (fixed_ok && n >= 1 && n <= 4))
            abort();
        if (!ok && memcmp(&st, &before, sizeof st) != 0)
            abort();
        if (!flags_within(&before, &st))
            abort();
        struct prn_status twice = st; /* merging the same answer again adds nothing */
        escpos_status_decode(n, byte, &twice);
        if (memcmp(&twice, &st, sizeof st) != 0)
            abort();
        if (ok && escpos_status_decode(n, 0x12, &bare) && any_flag(&bare))
            abort(); /* an answer with only the fixed bits reports nothing */
    }
    prn_err err = escpos_status_error(&st);
    bool serious = st.offline || st.cover_open || st.paper_out || st.cutter_error ||
                   st.unrecoverable || st.auto_recoverable;
    if (escpos_status_blocks(err) != serious)
        abort();
    if (!serious && err != (st.paper_near_end ? PRN_ERR_PAPER_NEAR_END : PRN_OK))
        abort();
}

static void check_roundtrip(const uint8_t *data, size_t size)
{
    int width = 1 + data[4] % 200, height = 1 + (data[5] | (data[6] & 1) << 8) % 300;
    struct prn_image *img = prn_image_create(width, height);
    size_t at = 7;

    for (int y = 0; y < height && at < size; y++)
        for (int x = 0; x < width && at < size; x++, at++)
            if (data[at] & 1)
                prn_image_set(img, x, y);

    struct buf b = {0};
    escpos_job(&b, img);
    struct decoded d;
    size_t where = 0;
    if (escpos_decode((const uint8_t *)b.data, b.len, &d, &where) != 0)
        abort();
    int bands = (height + ESCPOS_BAND_ROWS - 1) / ESCPOS_BAND_ROWS;
    if (d.inits != 1 || d.cuts != 1 || d.bands != bands || d.stride != img->stride ||
        d.height != height)
        abort();
    if (memcmp(d.bits, img->bits, (size_t)img->stride * (size_t)height) != 0)
        abort();
    decoded_free(&d);

    /* Any band height must give the same picture. */
    int rows = 1 + (data[6] >> 1) % 64;
    b.len = 0;
    escpos_raster(&b, img, rows);
    if (escpos_decode((const uint8_t *)b.data, b.len, &d, &where) != 0 ||
        d.bands != (height + rows - 1) / rows || d.height != height ||
        memcmp(d.bits, img->bits, (size_t)img->stride * (size_t)height) != 0)
        abort();
    decoded_free(&d);
    buf_free(&b);
    prn_image_free(img);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct decoded d;
    size_t where = 0;

    /* A refused stream may have decoded some bands already: free in both cases. */
    if (escpos_decode(data, size, &d, &where) != 0 && where >= size)
        abort();
    decoded_free(&d);
    if (size < 7)
        return 0;
    check_status(data);
    check_roundtrip(data, size);
    return 0;
}
