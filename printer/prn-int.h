/* prn-int — what the files of printer/ share and tests may use; not installed.
 *
 * A 1-bit image, the pure ESC/POS encoder and status decoder, the ticket layout and
 * the transport interface. None of this knows about USB: only usb.c includes libusb.
 */
#ifndef DAWR_PRN_INT_H
#define DAWR_PRN_INT_H

#include <stdint.h>

#include "prn.h"
#include "util.h"

/* ---- 1-bit image ------------------------------------------------------------ */

/* Rows of @stride bytes, most significant bit leftmost, 1 = ink (the ESC/POS raster
 * convention). @stride is (width + 7) / 8; pad bits are always 0. */
struct prn_image {
    uint8_t *bits;
    int width, height, stride;
};

/* Allocates a blank image; the caller frees with prn_image_free(). */
struct prn_image *prn_image_create(int width, int height);
void prn_image_free(struct prn_image *img); /* NULL is fine */
static inline int prn_image_get(const struct prn_image *img, int x, int y)
{
    return (img->bits[(size_t)y * img->stride + x / 8] >> (7 - x % 8)) & 1;
}
static inline void prn_image_set(struct prn_image *img, int x, int y)
{
    img->bits[(size_t)y * img->stride + x / 8] |= (uint8_t)(0x80 >> (x % 8));
}

/* ---- ESC/POS encoder (escpos.c) ---------------------------------------------- */

/* Rows per GS v 0 band: small enough for the receive buffer of cheap printers. */
#define ESCPOS_BAND_ROWS 128

void escpos_init(struct buf *b); /* ESC @ */
/* GS v 0 bands of at most @band_rows rows (1..65535). */
void escpos_raster(struct buf *b, const struct prn_image *img, int band_rows);
void escpos_feed(struct buf *b, int lines); /* ESC d n */
void escpos_cut(struct buf *b);             /* GS V 66 n: feed, partial cut */
/* DLE EOT n, n = 1..4. */
void escpos_status_request(struct buf *b, int n);
/* The whole job for one image: init, bands, feed, cut. */
void escpos_job(struct buf *b, const struct prn_image *img);

/* Merges the meaning of the answer @byte to DLE EOT @n into @st. False if the byte
 * is not a status byte (fixed bits wrong), leaving @st alone. */
bool escpos_status_decode(int n, uint8_t byte, struct prn_status *st);
/* The most serious condition in @st, PRN_OK if none. */
prn_err escpos_status_error(const struct prn_status *st);
/* True if the condition stops printing (paper near end does not). */
bool escpos_status_blocks(prn_err err);

/* ---- Ticket layout (ticket.c) ------------------------------------------------ */

struct prn_fonts;
/* Loads the five bundled fonts from @dir. NULL and *@cause (caller frees) on error. */
struct prn_fonts *prn_fonts_load(const char *dir, char **cause);
void prn_fonts_free(struct prn_fonts *f); /* NULL is fine */
/* The default font folder: $DAWR_ASSETS/fonts, else the source tree's assets/fonts.
 * Borrowed; valid until the next call. */
const char *prn_fonts_default_dir(void);

/* True if @t has its required fields, sane numbers and no field over 512 bytes. */
bool ticket_check(const struct prn_ticket *t);
/* Lays @t out @width dots wide into a new 1-bit image the caller frees. */
PRN_WUR prn_err ticket_render(struct prn_fonts *f, const struct prn_ticket *t, int width,
                              struct prn_image **out);

/* ---- Transports -------------------------------------------------------------- */

struct prn_transport;
struct prn_transport_ops {
    /* Sends all of @data or fails. */
    prn_err (*write)(struct prn_transport *t, const void *data, size_t len,
                     int timeout_ms);
    /* Reads at least one byte (up to @cap) into @data; *@got is set. NULL if the
     * transport cannot read. */
    prn_err (*read)(struct prn_transport *t, void *data, size_t cap, size_t *got,
                    int timeout_ms);
    /* Called before each job: reconnect if needed. NULL if nothing to do. */
    prn_err (*prepare)(struct prn_transport *t);
    /* Instead of write: the virtual printer takes the image itself. */
    prn_err (*put_image)(struct prn_transport *t, const struct prn_image *img,
                         char **path);
    void (*close)(struct prn_transport *t);
};
struct prn_transport {
    const struct prn_transport_ops *ops;
};

/* Each parses what follows "usb:", "file:", "tcp:" or "png:". */
prn_err prn_usb_open(const char *spec, struct prn_transport **out);
prn_err prn_file_open(const char *spec, struct prn_transport **out);
prn_err prn_tcp_open(const char *spec, struct prn_transport **out);
prn_err prn_png_open(const char *spec, struct prn_transport **out);
prn_err prn_usb_list(char ***list);

/* Writes @img as a 1-bit grey PNG (ink black) to @path. */
prn_err prn_png_write(const struct prn_image *img, const char *path);

#endif
