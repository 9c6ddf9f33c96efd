/* prn — the printer handle: picks a transport from the device string, and for each job
 * checks the printer's status, lays the ticket out, encodes it and sends it.
 *
 * The fonts are loaded on the first job and kept, so a kiosk pays for them once.
 */
#include <stdlib.h>
#include <string.h>

#include "prn-int.h"

struct prn_printer {
    struct prn_transport *tr;
    int width;
    int timeout_ms;
    char *font_dir;
    struct prn_fonts *fonts;
    char *last_output;
    size_t last_job_size;
    bool silent; /* did not answer a status request: do not ask before every job */
};

prn_err prn_open(const char *device, int width_dots, prn_printer **out)
{
    static const struct {
        const char *scheme;
        prn_err (*open)(const char *, struct prn_transport **);
    } schemes[] = {
        {"usb:", prn_usb_open},
        {"file:", prn_file_open},
        {"tcp:", prn_tcp_open},
        {"png:", prn_png_open},
    };
    *out = NULL;
    if (device == NULL || (width_dots != PRN_WIDTH_80MM && width_dots != PRN_WIDTH_58MM))
        return PRN_ERR_BAD_DEVICE;
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        size_t n = strlen(schemes[i].scheme);
        if (strncmp(device, schemes[i].scheme, n) != 0)
            continue;
        struct prn_transport *tr;
        prn_err err = schemes[i].open(device + n, &tr);
        if (err != PRN_OK)
            return err;
        prn_printer *p = xcalloc(1, sizeof *p);
        p->tr = tr;
        p->width = width_dots;
        p->timeout_ms = 3000;
        *out = p;
        return PRN_OK;
    }
    return PRN_ERR_BAD_DEVICE;
}

void prn_close(prn_printer *p)
{
    if (p == NULL)
        return;
    p->tr->ops->close(p->tr);
    prn_fonts_free(p->fonts);
    free(p->font_dir);
    free(p->last_output);
    free(p);
}

void prn_set_timeout(prn_printer *p, int ms)
{
    p->timeout_ms = ms > 0 ? ms : 1;
}

void prn_set_font_dir(prn_printer *p, const char *dir)
{
    free(p->font_dir);
    p->font_dir = dir ? xstrdup(dir) : NULL;
    prn_fonts_free(p->fonts);
    p->fonts = NULL;
}

const char *prn_last_output(const prn_printer *p)
{
    return p->last_output;
}

size_t prn_last_job_size(const prn_printer *p)
{
    return p->last_job_size;
}

/* Asks DLE EOT 1..4 in turn; each answer is one byte. */
static prn_err query_status(prn_printer *p, struct prn_status *st, int timeout_ms)
{
    memset(st, 0, sizeof *st);
    if (p->tr->ops->read == NULL)
        return PRN_ERR_UNSUPPORTED;
    for (int n = 1; n <= 4; n++) {
        struct buf req = {0};
        escpos_status_request(&req, n);
        prn_err err = p->tr->ops->write(p->tr, req.data, req.len, timeout_ms);
        buf_free(&req);
        if (err != PRN_OK)
            return err;
        uint8_t byte;
        size_t got = 0;
        err = p->tr->ops->read(p->tr, &byte, 1, &got, timeout_ms);
        if (err != PRN_OK)
            return err;
        if (got != 1 || !escpos_status_decode(n, byte, st))
            return PRN_ERR_IO;
    }
    return PRN_OK;
}

prn_err prn_status(prn_printer *p, struct prn_status *st)
{
    struct prn_status local;
    if (st == NULL)
        st = &local;
    if (p->tr->ops->prepare) {
        prn_err err = p->tr->ops->prepare(p->tr);
        if (err != PRN_OK)
            return err;
    }
    prn_err err = query_status(p, st, p->timeout_ms);
    return err != PRN_OK ? err : escpos_status_error(st);
}

prn_err prn_print_ticket(prn_printer *p, const struct prn_ticket *t)
{
    free(p->last_output);
    p->last_output = NULL;
    p->last_job_size = 0;
    if (!ticket_check(t))
        return PRN_ERR_BAD_TICKET;
    if (p->fonts == NULL) {
        char *cause = NULL;
        p->fonts =
            prn_fonts_load(p->font_dir ? p->font_dir : prn_fonts_default_dir(), &cause);
        free(cause);
        if (p->fonts == NULL)
            return PRN_ERR_FONTS;
    }
    prn_err err;
    if (p->tr->ops->prepare && (err = p->tr->ops->prepare(p->tr)) != PRN_OK)
        return err;
    /* A printer that answers status gets asked first, so a visitor is told "no paper"
     * instead of waiting for a ticket that never comes. One that does not answer
     * (many file: devices, some network printers) is printed to anyway. */
    if (p->tr->ops->read && !p->silent) {
        struct prn_status st;
        err = query_status(p, &st, p->timeout_ms < 1000 ? p->timeout_ms : 1000);
        if (err == PRN_ERR_UNPLUGGED || err == PRN_ERR_NOT_FOUND)
            return err;
        /* Waiting up to a second before every ticket would be felt at the kiosk. */
        p->silent = err == PRN_ERR_TIMEOUT || err == PRN_ERR_UNSUPPORTED;
        if (err == PRN_OK && escpos_status_blocks(escpos_status_error(&st)))
            return escpos_status_error(&st);
    }
    struct prn_image *img;
    if ((err = ticket_render(p->fonts, t, p->width, &img)) != PRN_OK)
        return err;
    if (p->tr->ops->put_image) {
        err = p->tr->ops->put_image(p->tr, img, &p->last_output);
    } else {
        struct buf job = {0};
        escpos_job(&job, img);
        p->last_job_size = job.len;
        err = p->tr->ops->write(p->tr, job.data, job.len, p->timeout_ms);
        buf_free(&job);
    }
    prn_image_free(img);
    return err;
}

prn_err prn_list(char ***list)
{
    return prn_usb_list(list);
}

void prn_list_free(char **list)
{
    if (list == NULL)
        return;
    for (char **s = list; *s; s++)
        free(*s);
    free(list);
}
