/* usb — the usb:auto and usb:VID:PID[:SERIAL] transports, with libusb. The only file
 * of Dawr that includes libusb.h.
 *
 * The printer-class interface (class 7) and its bulk OUT and IN endpoints are found
 * from the descriptors rather than assumed, because cheap printers put them at
 * different numbers. The kernel's usblp driver is detached so we can claim the
 * interface, and given back on close. When the device goes away the handle is dropped
 * and the next job enumerates again, so unplugging and replugging the printer needs
 * no restart.
 */
#include <libusb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prn-int.h"

#define USB_CLASS_PRINTER 7
#define CHUNK 4096 /* bytes per bulk transfer, each with its own timeout */

struct usb_tr {
    struct prn_transport base;
    libusb_context *ctx;
    bool any; /* usb:auto */
    uint16_t vid, pid;
    char *serial; /* NULL: any */
    libusb_device_handle *h;
    int iface, alt;
    uint8_t ep_out, ep_in; /* ep_in 0: no status channel */
    uint16_t in_packet;
    bool detached;        /* we took the interface from a kernel driver */
    uint8_t pending[512]; /* status bytes read beyond what was asked for */
    size_t pending_len;
};

static prn_err usb_err(int rc)
{
    switch (rc) {
    case LIBUSB_SUCCESS:
        return PRN_OK;
    case LIBUSB_ERROR_NO_DEVICE:
        return PRN_ERR_UNPLUGGED;
    case LIBUSB_ERROR_TIMEOUT:
        return PRN_ERR_TIMEOUT;
    case LIBUSB_ERROR_ACCESS:
    case LIBUSB_ERROR_BUSY:
        return PRN_ERR_ACCESS;
    case LIBUSB_ERROR_NOT_FOUND:
        return PRN_ERR_NOT_FOUND;
    default:
        return PRN_ERR_IO;
    }
}

/* Where the printer interface of @dev is: false if it has none with a bulk OUT. */
struct place {
    int iface, alt;
    uint8_t ep_out, ep_in;
    uint16_t in_packet;
};

static bool find_printer_iface(libusb_device *dev, struct place *pl)
{
    struct libusb_config_descriptor *cfg;
    if (libusb_get_active_config_descriptor(dev, &cfg) != 0 &&
        libusb_get_config_descriptor(dev, 0, &cfg) != 0)
        return false;
    bool found = false;
    for (int i = 0; i < cfg->bNumInterfaces && !found; i++) {
        const struct libusb_interface *itf = &cfg->interface[i];
        for (int a = 0; a < itf->num_altsetting && !found; a++) {
            const struct libusb_interface_descriptor *d = &itf->altsetting[a];
            if (d->bInterfaceClass != USB_CLASS_PRINTER)
                continue;
            memset(pl, 0, sizeof *pl);
            for (int e = 0; e < d->bNumEndpoints; e++) {
                const struct libusb_endpoint_descriptor *ep = &d->endpoint[e];
                if ((ep->bmAttributes & 3) != LIBUSB_TRANSFER_TYPE_BULK)
                    continue;
                if ((ep->bEndpointAddress & LIBUSB_ENDPOINT_IN) && pl->ep_in == 0) {
                    pl->ep_in = ep->bEndpointAddress;
                    pl->in_packet = ep->wMaxPacketSize;
                } else if (!(ep->bEndpointAddress & LIBUSB_ENDPOINT_IN) &&
                           pl->ep_out == 0) {
                    pl->ep_out = ep->bEndpointAddress;
                }
            }
            if (pl->ep_out != 0) {
                pl->iface = d->bInterfaceNumber;
                pl->alt = d->bAlternateSetting;
                found = true;
            }
        }
    }
    libusb_free_config_descriptor(cfg);
    return found;
}

/* The serial number string, or "" if the device has none or cannot be opened. */
static void read_serial(libusb_device *dev, libusb_device_handle *h, char *out,
                        size_t cap)
{
    struct libusb_device_descriptor dd;
    out[0] = '\0';
    if (libusb_get_device_descriptor(dev, &dd) != 0 || dd.iSerialNumber == 0)
        return;
    libusb_device_handle *own = NULL;
    if (h == NULL && libusb_open(dev, &own) != 0)
        return;
    int n = libusb_get_string_descriptor_ascii(h ? h : own, dd.iSerialNumber,
                                               (unsigned char *)out, (int)cap);
    if (n < 0)
        out[0] = '\0';
    if (own)
        libusb_close(own);
}

static void drop_handle(struct usb_tr *t)
{
    if (t->h == NULL)
        return;
    libusb_release_interface(t->h, t->iface);
    if (t->detached)
        libusb_attach_kernel_driver(t->h, t->iface);
    libusb_close(t->h);
    t->h = NULL;
    t->detached = false;
    t->pending_len = 0;
}

/* Opens and claims the first matching printer. */
static prn_err usb_prepare(struct prn_transport *base)
{
    struct usb_tr *t = (struct usb_tr *)base;
    if (t->h)
        return PRN_OK;
    libusb_device **list;
    ssize_t n = libusb_get_device_list(t->ctx, &list);
    if (n < 0)
        return usb_err((int)n);
    prn_err err = PRN_ERR_NOT_FOUND;
    for (ssize_t i = 0; i < n && t->h == NULL; i++) {
        struct libusb_device_descriptor dd;
        struct place pl;
        if (libusb_get_device_descriptor(list[i], &dd) != 0)
            continue;
        if (!t->any && (dd.idVendor != t->vid || dd.idProduct != t->pid))
            continue;
        if (!find_printer_iface(list[i], &pl))
            continue;
        libusb_device_handle *h;
        int rc = libusb_open(list[i], &h);
        if (rc != 0) {
            err = usb_err(rc);
            continue;
        }
        if (t->serial) {
            char serial[256];
            read_serial(list[i], h, serial, sizeof serial);
            if (strcmp(serial, t->serial) != 0) {
                libusb_close(h);
                continue;
            }
        }
        bool detached = false;
        if (libusb_kernel_driver_active(h, pl.iface) == 1) {
            rc = libusb_detach_kernel_driver(h, pl.iface);
            if (rc != 0) {
                err = usb_err(rc);
                libusb_close(h);
                continue;
            }
            detached = true;
        }
        rc = libusb_claim_interface(h, pl.iface);
        if (rc == 0 && pl.alt != 0)
            rc = libusb_set_interface_alt_setting(h, pl.iface, pl.alt);
        if (rc != 0) {
            err = usb_err(rc);
            if (detached)
                libusb_attach_kernel_driver(h, pl.iface);
            libusb_close(h);
            continue;
        }
        t->h = h;
        t->iface = pl.iface;
        t->alt = pl.alt;
        t->ep_out = pl.ep_out;
        t->ep_in = pl.ep_in;
        t->in_packet = pl.in_packet ? pl.in_packet : 64;
        t->detached = detached;
        err = PRN_OK;
    }
    libusb_free_device_list(list, 1);
    return err;
}

static prn_err usb_write(struct prn_transport *base, const void *data, size_t len,
                         int timeout_ms)
{
    struct usb_tr *t = (struct usb_tr *)base;
    prn_err err = usb_prepare(base);
    if (err != PRN_OK)
        return err;
    const unsigned char *p = data;
    while (len > 0) {
        int chunk = len > CHUNK ? CHUNK : (int)len, done = 0;
        int rc = libusb_bulk_transfer(t->h, t->ep_out, (unsigned char *)p, chunk, &done,
                                      (unsigned)timeout_ms);
        if (rc != 0 && !(rc == LIBUSB_ERROR_TIMEOUT && done > 0)) {
            err = usb_err(rc);
            if (err == PRN_ERR_UNPLUGGED || err == PRN_ERR_IO)
                drop_handle(t);
            return err;
        }
        p += done;
        len -= (size_t)done;
    }
    return PRN_OK;
}

static prn_err usb_read(struct prn_transport *base, void *data, size_t cap, size_t *got,
                        int timeout_ms)
{
    struct usb_tr *t = (struct usb_tr *)base;
    *got = 0;
    prn_err err = usb_prepare(base);
    if (err != PRN_OK)
        return err;
    if (t->ep_in == 0)
        return PRN_ERR_UNSUPPORTED;
    if (t->pending_len == 0) {
        /* A whole packet: asking for less would overflow if the printer sends more. */
        int n = 0;
        int want = t->in_packet < sizeof t->pending ? t->in_packet : sizeof t->pending;
        int rc = libusb_bulk_transfer(t->h, t->ep_in, t->pending, want, &n,
                                      (unsigned)timeout_ms);
        if (rc == 0 && n == 0)
            rc = LIBUSB_ERROR_TIMEOUT;
        if (rc != 0) {
            err = usb_err(rc);
            if (err == PRN_ERR_UNPLUGGED || err == PRN_ERR_IO)
                drop_handle(t);
            return err;
        }
        t->pending_len = (size_t)n;
    }
    size_t k = cap < t->pending_len ? cap : t->pending_len;
    memcpy(data, t->pending, k);
    memmove(t->pending, t->pending + k, t->pending_len - k);
    t->pending_len -= k;
    *got = k;
    return PRN_OK;
}

static void usb_close(struct prn_transport *base)
{
    struct usb_tr *t = (struct usb_tr *)base;
    drop_handle(t);
    libusb_exit(t->ctx);
    free(t->serial);
    free(t);
}

static const struct prn_transport_ops usb_ops = {
    .write = usb_write, .read = usb_read, .prepare = usb_prepare, .close = usb_close};

static bool parse_hex16(const char *s, size_t n, uint16_t *out)
{
    if (n == 0 || n > 4)
        return false;
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return false;
        v = v * 16 + (unsigned)d;
    }
    *out = (uint16_t)v;
    return true;
}

prn_err prn_usb_open(const char *spec, struct prn_transport **out)
{
    *out = NULL;
    struct usb_tr t = {.base.ops = &usb_ops};
    if (strcmp(spec, "auto") == 0) {
        t.any = true;
    } else {
        const char *c1 = strchr(spec, ':');
        const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
        const char *pid_end = c2 ? c2 : (c1 ? c1 + strlen(c1) : NULL);
        if (c1 == NULL || !parse_hex16(spec, (size_t)(c1 - spec), &t.vid) ||
            !parse_hex16(c1 + 1, (size_t)(pid_end - c1 - 1), &t.pid) ||
            (c2 && c2[1] == '\0'))
            return PRN_ERR_BAD_DEVICE;
        if (c2)
            t.serial = xstrdup(c2 + 1);
    }
    if (libusb_init(&t.ctx) != 0) {
        free(t.serial);
        return PRN_ERR_IO;
    }
    struct usb_tr *p = xmalloc(sizeof *p);
    *p = t;
    *out = &p->base;
    return PRN_OK;
}

prn_err prn_usb_list(char ***out)
{
    *out = NULL;
    libusb_context *ctx;
    if (libusb_init(&ctx) != 0)
        return PRN_ERR_IO;
    libusb_device **list;
    ssize_t n = libusb_get_device_list(ctx, &list);
    if (n < 0) {
        libusb_exit(ctx);
        return usb_err((int)n);
    }
    char **names = xcalloc((size_t)n + 1, sizeof *names);
    size_t k = 0;
    for (ssize_t i = 0; i < n; i++) {
        struct libusb_device_descriptor dd;
        struct place pl;
        if (libusb_get_device_descriptor(list[i], &dd) != 0 ||
            !find_printer_iface(list[i], &pl))
            continue;
        char serial[128];
        read_serial(list[i], NULL, serial, sizeof serial);
        names[k++] =
            *serial ? xasprintf("usb:%04x:%04x:%s", dd.idVendor, dd.idProduct, serial)
                    : xasprintf("usb:%04x:%04x", dd.idVendor, dd.idProduct);
    }
    libusb_free_device_list(list, 1);
    libusb_exit(ctx);
    *out = names;
    return PRN_OK;
}
