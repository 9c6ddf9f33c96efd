/* ticket — lays a ticket out with txt into an 8-bit canvas, then makes it 1-bit.
 *
 * The ticket is a column of centred blocks: association, service, the big label,
 * people ahead and wait, dates, QR code, the support-request notice, footer. Blocks
 * are laid out first so the image is exactly as tall as its content, then drawn.
 * Sizes are set for 576 dots and scaled for narrower paper. Text is thresholded, not
 * dithered: thermal heads print coverage edges as noise, and a hard edge reads best.
 * The QR code is drawn straight in whole dots so every module is square and sharp.
 */
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "prn-int.h"
#include "txt.h"

#define MAX_BLOCKS 24
#define MAX_FIELD 512 /* bytes; a longer field is a caller bug, not a ticket */

enum block_kind { BLOCK_TEXT, BLOCK_RULE, BLOCK_QR };

struct block {
    enum block_kind kind;
    int gap; /* blank dots above */
    int height;
    txt_layout *lo; /* BLOCK_TEXT */
    QRcode *qr;     /* BLOCK_QR */
    int module;     /* BLOCK_QR: dots per module */
};

struct sheet {
    struct prn_fonts *fonts;
    int width, margin;
    double scale;
    struct block blocks[MAX_BLOCKS];
    int n;
    bool failed;
};

static int px(const struct sheet *s, int size)
{
    int v = (int)(size * s->scale + 0.5);
    return v < 1 ? 1 : v;
}

static struct block *add_block(struct sheet *s, enum block_kind kind, int gap)
{
    if (s->n == MAX_BLOCKS) {
        s->failed = true;
        return NULL;
    }
    struct block *b = &s->blocks[s->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->gap = px(s, gap);
    return b;
}

/* An Arabic line (RTL, Arabic-Indic digits) or a Latin one, centred and wrapped. */
static void add_text(struct sheet *s, const char *text, int size, bool bold, bool arabic,
                     int gap)
{
    struct block *b = add_block(s, BLOCK_TEXT, gap);
    if (b == NULL)
        return;
    txt_layout *lo = txt_layout_create();
    b->lo = lo;
    txt_font **f = s->fonts->font;
    bool ok = txt_layout_set_text(lo, text, strlen(text)) &&
              txt_layout_add_font(lo, f[bold ? PRN_FONT_AR_BOLD : PRN_FONT_AR]) &&
              txt_layout_add_font(lo, f[bold ? PRN_FONT_LATN_BOLD : PRN_FONT_LATN]) &&
              txt_layout_add_font(lo, f[PRN_FONT_SYMBOLS]) &&
              txt_layout_set_size(lo, px(s, size)) &&
              txt_layout_set_width(lo, s->width - 2 * s->margin) &&
              txt_layout_set_direction(lo, arabic ? TXT_DIR_RTL : TXT_DIR_LTR) &&
              txt_layout_set_align(lo, TXT_ALIGN_CENTER) &&
              txt_layout_set_digits(lo, arabic ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN) &&
              txt_layout_layout(lo);
    if (!ok) {
        s->failed = true;
        return;
    }
    int w;
    txt_layout_get_size(lo, &w, &b->height);
}

static void add_rule(struct sheet *s, int gap)
{
    struct block *b = add_block(s, BLOCK_RULE, gap);
    if (b)
        b->height = px(s, 3);
}

static void add_qr(struct sheet *s, const char *url, int gap)
{
    QRcode *qr = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (qr == NULL) {
        s->failed = true;
        return;
    }
    struct block *b = add_block(s, BLOCK_QR, gap);
    if (b == NULL) {
        QRcode_free(qr);
        return;
    }
    b->qr = qr;
    /* About 45% of the paper with a quiet zone of 4 modules each side. */
    int module = (s->width * 45 / 100) / (qr->width + 8);
    b->module = module < 2 ? 2 : module;
    b->height = (qr->width + 8) * b->module;
}

/* "أمامك ١٢ شخصًا": Arabic counts agree with the noun (1, 2, 3–10, 11+). */
static char *people_ahead_ar(int n)
{
    if (n == 0)
        return xstrdup("لا أحد أمامك، دورك الآن");
    if (n == 1)
        return xstrdup("أمامك شخص واحد");
    if (n == 2)
        return xstrdup("أمامك شخصان");
    if (n <= 10)
        return xasprintf("أمامك %d أشخاص", n);
    return xasprintf("أمامك %d شخصًا", n);
}

static const char *minutes_ar(int n)
{
    int r = n % 100;
    return (r >= 3 && r <= 10) ? "دقائق" : "دقيقة";
}

static char *wait_ar(int lo, int hi)
{
    if (hi == 0)
        return xstrdup("الانتظار المتوقع: أقل من دقيقة");
    if (lo == hi)
        return xasprintf("الانتظار المتوقع: نحو %d %s", hi, minutes_ar(hi));
    return xasprintf("الانتظار المتوقع: من %d إلى %d %s", lo, hi, minutes_ar(hi));
}

/* "هاتف: ٠١١ ٤٥٦ ٧٨٩٠". In an Arabic line, digit groups split by spaces or hyphens
 * would be ordered right to left as separate numbers; a no-break space is a common
 * separator to the bidi algorithm, so the groups stay one number in reading order. */
static char *phone_line(const char *phone)
{
    struct buf b = {0};
    buf_puts(&b, "هاتف: ");
    for (const char *p = phone; *p; p++) {
        if (*p == ' ' || *p == '-')
            buf_puts(&b, "\u00a0");
        else
            buf_append(&b, p, 1);
    }
    return buf_take(&b);
}

static bool field_ok(const char *s, bool required)
{
    if (s == NULL || *s == '\0')
        return !required;
    return strlen(s) <= MAX_FIELD;
}

bool ticket_check(const struct prn_ticket *t)
{
    if (t == NULL)
        return false;
    const char *optional[] = {t->hijri,   t->gregorian,       t->qr_url,   t->phone,
                              t->address, t->application_ref, t->due_date, t->english};
    if (!field_ok(t->association, true) || !field_ok(t->service, true) ||
        !field_ok(t->label, true))
        return false;
    for (size_t i = 0; i < sizeof optional / sizeof optional[0]; i++)
        if (!field_ok(optional[i], false))
            return false;
    return t->people_ahead >= 0 && t->wait_low >= 0 && t->wait_high >= t->wait_low;
}

static bool set(const char *s)
{
    return s && *s;
}

static void compose(struct sheet *s, const struct prn_ticket *t)
{
    char *line;
    add_text(s, t->association, 30, true, true, 8);
    add_rule(s, 10);
    add_text(s, t->service, 34, false, true, 10);
    add_text(s, t->label, 120, true, false, 4);
    line = people_ahead_ar(t->people_ahead);
    add_text(s, line, 30, true, true, 4);
    free(line);
    line = wait_ar(t->wait_low, t->wait_high);
    add_text(s, line, 28, false, true, 6);
    free(line);
    if (set(t->english))
        add_text(s, t->english, 24, false, false, 6);
    if (set(t->hijri) || set(t->gregorian))
        add_rule(s, 12);
    if (set(t->hijri))
        add_text(s, t->hijri, 26, false, true, 10);
    if (set(t->gregorian))
        add_text(s, t->gregorian, 26, false, true, 4);
    if (set(t->application_ref)) {
        add_rule(s, 12);
        add_text(s, "رقم الطلب", 26, false, true, 10);
        add_text(s, t->application_ref, 40, true, false, 2);
        add_text(s, "سيتم رفع طلبك إلى لجنة البحث والرد عليك خلال أسبوعين", 28, true,
                 true, 8);
        if (set(t->due_date)) {
            line = xasprintf("موعد الرد: %s", t->due_date);
            add_text(s, line, 26, false, true, 6);
            free(line);
        }
    }
    if (set(t->qr_url)) {
        add_qr(s, t->qr_url, 10);
        add_text(s, "امسح الرمز لمتابعة دورك", 24, false, true, 0);
    }
    if (set(t->phone) || set(t->address))
        add_rule(s, 12);
    if (set(t->address))
        add_text(s, t->address, 22, false, true, 8);
    if (set(t->phone)) {
        line = phone_line(t->phone);
        add_text(s, line, 22, false, true, 4);
        free(line);
    }
}

static void draw(struct sheet *s, txt_bitmap *bm, struct prn_image *img)
{
    int y = 0;
    for (int i = 0; i < s->n; i++) {
        struct block *b = &s->blocks[i];
        y += b->gap;
        switch (b->kind) {
        case BLOCK_TEXT:
            txt_layout_draw(b->lo, bm, s->margin, y);
            break;
        case BLOCK_RULE:
            for (int r = 0; r < b->height; r++)
                memset(bm->pixels + (size_t)(y + r) * bm->stride + s->margin, 255,
                       (size_t)(s->width - 2 * s->margin));
            break;
        case BLOCK_QR:
            break; /* drawn in 1-bit below */
        }
        y += b->height;
    }
    /* Threshold the text at half coverage. */
    for (int yy = 0; yy < img->height; yy++)
        for (int x = 0; x < img->width; x++)
            if (bm->pixels[(size_t)yy * bm->stride + x] >= 128)
                prn_image_set(img, x, yy);
    y = 0;
    for (int i = 0; i < s->n; i++) {
        struct block *b = &s->blocks[i];
        y += b->gap;
        if (b->kind == BLOCK_QR) {
            int side = (b->qr->width + 8) * b->module;
            int x0 = (s->width - side) / 2 + 4 * b->module;
            int y0 = y + 4 * b->module;
            for (int my = 0; my < b->qr->width; my++)
                for (int mx = 0; mx < b->qr->width; mx++) {
                    if (!(b->qr->data[my * b->qr->width + mx] & 1))
                        continue;
                    for (int dy = 0; dy < b->module; dy++)
                        for (int dx = 0; dx < b->module; dx++)
                            prn_image_set(img, x0 + mx * b->module + dx,
                                          y0 + my * b->module + dy);
                }
        }
        y += b->height;
    }
}

prn_err ticket_render(struct prn_fonts *f, const struct prn_ticket *t, int width,
                      struct prn_image **out)
{
    *out = NULL;
    if (!ticket_check(t))
        return PRN_ERR_BAD_TICKET;
    if (width < 128 || width > 2048)
        return PRN_ERR_BAD_DEVICE;
    /* Text shrinks less than the paper: 58 mm tickets wrap more instead of printing
     * letters too small to read. */
    struct sheet s = {.fonts = f, .width = width, .scale = 0.4 + 0.6 * width / 576.0};
    s.margin = px(&s, 16);
    compose(&s, t);
    prn_err err = s.failed ? PRN_ERR_FONTS : PRN_OK;
    if (err == PRN_OK) {
        int height = px(&s, 24); /* bottom margin before the feed */
        for (int i = 0; i < s.n; i++)
            height += s.blocks[i].gap + s.blocks[i].height;
        txt_bitmap bm = {.width = width, .height = height, .stride = width};
        bm.pixels = xcalloc((size_t)width * height, 1);
        struct prn_image *img = prn_image_create(width, height);
        draw(&s, &bm, img);
        free(bm.pixels);
        *out = img;
    }
    for (int i = 0; i < s.n; i++) {
        txt_layout_destroy(s.blocks[i].lo);
        if (s.blocks[i].qr)
            QRcode_free(s.blocks[i].qr);
    }
    return err;
}
