/* prn — print queue tickets on ESC/POS thermal printers as raster images (DESIGN.md §8).
 *
 * Cheap thermal printers cannot shape Arabic, so a ticket is laid out with common/txt
 * into a 1-bit image (576 dots for 80 mm paper, 384 for 58 mm) and sent as ESC/POS
 * raster bands. A device string picks the transport:
 *
 *   usb:auto                 the first USB printer-class device found
 *   usb:VID:PID[:SERIAL]     a given USB printer (hex ids)
 *   file:PATH                a character device or file, e.g. /dev/usb/lp0
 *   tcp:HOST:PORT            a network printer's raw port (usually 9100)
 *   png:DIR                  a virtual printer that writes the ticket image as PNG
 *
 * The call pattern is curl's: open a handle, use it for many jobs, close it. This is
 * the library's only public header; dawr-print uses nothing else.
 */
#ifndef DAWR_PRN_H
#define DAWR_PRN_H

#include <stdbool.h>
#include <stddef.h>

#define PRN_WUR __attribute__((warn_unused_result))

/* Paper widths in printer dots (203 dpi heads). */
#define PRN_WIDTH_80MM 576
#define PRN_WIDTH_58MM 384

typedef enum prn_err {
    PRN_OK = 0,
    PRN_ERR_PAPER_OUT,      /* roll empty: the job was not printed */
    PRN_ERR_PAPER_NEAR_END, /* only reported by prn_status(); jobs still print */
    PRN_ERR_COVER_OPEN,
    PRN_ERR_OFFLINE,     /* printer says it is offline for another reason */
    PRN_ERR_CUTTER,      /* autocutter jammed or failed */
    PRN_ERR_MECHANISM,   /* unrecoverable or other error reported by the printer */
    PRN_ERR_TIMEOUT,     /* the printer did not accept or answer in time */
    PRN_ERR_UNPLUGGED,   /* the device went away; the next job looks for it again */
    PRN_ERR_NOT_FOUND,   /* no such printer */
    PRN_ERR_ACCESS,      /* permission denied or the device is claimed elsewhere */
    PRN_ERR_IO,          /* any other transport error */
    PRN_ERR_BAD_DEVICE,  /* the device string is malformed */
    PRN_ERR_BAD_TICKET,  /* a required ticket field is missing or too long */
    PRN_ERR_FONTS,       /* fonts could not be loaded or the layout failed */
    PRN_ERR_UNSUPPORTED, /* the transport cannot do this (e.g. status on png:) */
    PRN_ERR_COUNT
} prn_err;

/* Messages for people at the kiosk or counter. Static strings; never NULL. */
const char *prn_strerror_ar(prn_err err);
const char *prn_strerror_en(prn_err err);
/* A stable short name ("paper-out") for logs and JSON. */
const char *prn_err_name(prn_err err);

/* What a ticket says. Every string is borrowed UTF-8, read during the call only.
 * Dates are formatted by the caller (common/cal) so prn knows no calendar. */
struct prn_ticket {
    const char *association; /* required */
    const char *service;     /* required */
    const char *label;       /* required, e.g. "A-017" */
    int people_ahead;        /* >= 0 */
    int wait_low, wait_high; /* expected wait in minutes, low <= high */
    const char *hijri; /* e.g. "٣ جمادى الآخرة ١٤٤٨ هـ  ١٠:٣٠ ص"; optional */
    const char *gregorian; /* e.g. "23/11/2026 10:30"; optional */
    const char *qr_url;    /* status page of the ticket; optional */
    const char *phone;     /* footer; optional */
    const char *address;   /* footer; optional */
    /* Support requests: when @application_ref is set the ticket says the request goes
     * to the research committee and gives the due date. */
    const char *application_ref;
    const char *due_date;
    const char *english; /* one English line under the Arabic; optional */
};

/* What the printer reported through DLE EOT 1..4. */
struct prn_status {
    bool offline;
    bool cover_open;
    bool paper_out;
    bool paper_near_end;
    bool cutter_error;
    bool unrecoverable;    /* also set for "error occurred" without a known cause */
    bool auto_recoverable; /* e.g. head overheated; clears by itself */
    bool feed_button;      /* paper is being fed by the button */
};

typedef struct prn_printer prn_printer;

/* Opens @device (see above) for paper @width_dots wide (PRN_WIDTH_80MM or _58MM).
 * Nothing is sent yet; a USB printer is looked for again on every job after it was
 * unplugged. On success *@out is set; the caller closes it with prn_close(). */
PRN_WUR prn_err prn_open(const char *device, int width_dots, prn_printer **out);
void prn_close(prn_printer *p); /* NULL is fine */

/* Milliseconds to wait for the printer to accept each write or answer a status
 * request; default 3000. */
void prn_set_timeout(prn_printer *p, int ms);
/* Folder holding the fonts (NotoSansArabic-*.ttf, NotoSans-*.ttf,
 * NotoSansSymbols2-Regular.ttf). Default: $DAWR_ASSETS/fonts, else the source tree's
 * assets/fonts. Copied. */
void prn_set_font_dir(prn_printer *p, const char *dir);

/* Lays out, encodes and sends one ticket, then cuts the paper. If the printer reports
 * a blocking condition (paper out, cover open, ...) beforehand nothing is sent and
 * that error is returned. A printer that does not answer status requests within
 * min(timeout, 1 s) is printed to anyway and not asked again by this handle. */
PRN_WUR prn_err prn_print_ticket(prn_printer *p, const struct prn_ticket *t);

/* Asks the printer for its status. PRN_OK means nothing is wrong; otherwise the most
 * serious condition (paper near end included). @st may be NULL. */
PRN_WUR prn_err prn_status(prn_printer *p, struct prn_status *st);

/* The image file the last job wrote (png: only), or NULL. Borrowed, valid until the
 * next job or prn_close(). */
const char *prn_last_output(const prn_printer *p);
/* The bytes of the last job's ESC/POS stream (0 for png:). */
size_t prn_last_job_size(const prn_printer *p);

/* Lists USB printers as device strings ("usb:04b8:0e15:SERIAL"). *@list is a
 * NULL-terminated array the caller frees with prn_list_free(). */
PRN_WUR prn_err prn_list(char ***list);
void prn_list_free(char **list);

#endif
