/* escpos — the ESC/POS byte stream for a ticket image and the printer's status bytes.
 *
 * Pure: it appends commands to a buffer and decodes bytes, and knows nothing of how
 * they travel. The image goes as GS v 0 raster bands (not as text in a code page,
 * which cannot shape Arabic); bands keep each command within cheap printers' buffers.
 * Status bits follow Epson's ESC/POS reference for DLE EOT n, n = 1..4.
 */
#include <stdlib.h>
#include <string.h>

#include "prn-int.h"

struct prn_image *prn_image_create(int width, int height)
{
    struct prn_image *img = xmalloc(sizeof *img);
    img->width = width;
    img->height = height;
    img->stride = (width + 7) / 8;
    img->bits = xcalloc((size_t)img->stride * (size_t)(height > 0 ? height : 1), 1);
    return img;
}

void prn_image_free(struct prn_image *img)
{
    if (img == NULL)
        return;
    free(img->bits);
    free(img);
}

static void put(struct buf *b, const uint8_t *bytes, size_t n)
{
    buf_append(b, bytes, n);
}

void escpos_init(struct buf *b)
{
    put(b, (const uint8_t[]){0x1b, 0x40}, 2);
}

void escpos_raster(struct buf *b, const struct prn_image *img, int band_rows)
{
    if (band_rows < 1)
        band_rows = 1;
    if (band_rows > 0xffff)
        band_rows = 0xffff;
    for (int y = 0; y < img->height; y += band_rows) {
        int rows = img->height - y < band_rows ? img->height - y : band_rows;
        /* GS v 0 m xL xH yL yH: m = 0 (normal density), x in bytes, y in dots. */
        uint8_t head[8] = {0x1d,
                           0x76,
                           0x30,
                           0x00,
                           (uint8_t)(img->stride & 0xff),
                           (uint8_t)(img->stride >> 8),
                           (uint8_t)(rows & 0xff),
                           (uint8_t)(rows >> 8)};
        put(b, head, sizeof head);
        put(b, img->bits + (size_t)y * img->stride, (size_t)rows * img->stride);
    }
}

void escpos_feed(struct buf *b, int lines)
{
    if (lines < 0)
        lines = 0;
    if (lines > 255)
        lines = 255;
    put(b, (const uint8_t[]){0x1b, 0x64, (uint8_t)lines}, 3);
}

void escpos_cut(struct buf *b)
{
    /* Function B: feed to the cutting position plus n dots, then partial cut, so the
     * last line is not cut through whatever the head-to-cutter distance is. */
    put(b, (const uint8_t[]){0x1d, 0x56, 0x42, 0x00}, 4);
}

void escpos_status_request(struct buf *b, int n)
{
    put(b, (const uint8_t[]){0x10, 0x04, (uint8_t)n}, 3);
}

void escpos_job(struct buf *b, const struct prn_image *img)
{
    escpos_init(b);
    escpos_raster(b, img, ESCPOS_BAND_ROWS);
    escpos_feed(b, 3);
    escpos_cut(b);
}

bool escpos_status_decode(int n, uint8_t byte, struct prn_status *st)
{
    /* Every answer has bit 1 and bit 4 set and bits 0 and 7 clear. */
    if ((byte & 0x93) != 0x12)
        return false;
    switch (n) {
    case 1: /* printer status */
        st->offline = st->offline || (byte & 0x08);
        /* bit 2: drawer kick connector (no drawer here); bit 5: waiting for online
         * recovery; bit 6: feed button pressed. */
        st->offline = st->offline || (byte & 0x20);
        st->feed_button = st->feed_button || (byte & 0x40);
        return true;
    case 2: /* off-line cause */
        st->cover_open = st->cover_open || (byte & 0x04);
        st->feed_button = st->feed_button || (byte & 0x08);
        st->paper_out = st->paper_out || (byte & 0x20);
        /* bit 6 "error occurred": the cause comes with DLE EOT 3; if it names none
         * this is all we know. */
        st->unrecoverable = st->unrecoverable || (byte & 0x40);
        return true;
    case 3: /* error cause */
        /* bit 2: recoverable error (mechanism), bit 3: autocutter, bit 5:
         * unrecoverable, bit 6: auto-recoverable (e.g. head temperature). */
        st->unrecoverable = st->unrecoverable || (byte & 0x04) || (byte & 0x20);
        st->cutter_error = st->cutter_error || (byte & 0x08);
        st->auto_recoverable = st->auto_recoverable || (byte & 0x40);
        return true;
    case 4: /* roll paper sensor: two bits each, either set counts */
        st->paper_near_end = st->paper_near_end || (byte & 0x0c);
        st->paper_out = st->paper_out || (byte & 0x60);
        return true;
    default:
        return false;
    }
}

prn_err escpos_status_error(const struct prn_status *st)
{
    /* The order is what a person should fix first. */
    if (st->cover_open)
        return PRN_ERR_COVER_OPEN;
    if (st->paper_out)
        return PRN_ERR_PAPER_OUT;
    if (st->cutter_error)
        return PRN_ERR_CUTTER;
    if (st->unrecoverable || st->auto_recoverable)
        return PRN_ERR_MECHANISM;
    if (st->offline)
        return PRN_ERR_OFFLINE;
    if (st->paper_near_end)
        return PRN_ERR_PAPER_NEAR_END;
    return PRN_OK;
}

bool escpos_status_blocks(prn_err err)
{
    return err != PRN_OK && err != PRN_ERR_PAPER_NEAR_END;
}
