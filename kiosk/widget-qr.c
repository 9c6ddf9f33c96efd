/* widget-qr — a QR code drawn with rectangles (libqrencode), for a ticket whose paper
 * copy could not be printed: the phone can still follow it. */
#include <qrencode.h>

#include "ui.h"
#include "widget.h"

void qr_draw(struct kiosk *k, const char *text, SDL_Rect r)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (q == NULL)
        return;
    int side = r.w < r.h ? r.w : r.h;
    int cell = side / (q->width + 8); /* four modules of quiet zone each side */
    if (cell < 1) {
        QRcode_free(q);
        return;
    }
    int full = cell * (q->width + 8);
    int x0 = r.x + (r.w - full) / 2, y0 = r.y + (r.h - full) / 2;
    draw_rect(k->draw, (SDL_Rect){x0, y0, full, full},
              (SDL_Color){0xFF, 0xFF, 0xFF, 0xFF});
    for (int y = 0; y < q->width; y++)
        for (int x = 0; x < q->width; x++)
            if (q->data[y * q->width + x] & 1)
                draw_rect(
                    k->draw,
                    (SDL_Rect){x0 + (x + 4) * cell, y0 + (y + 4) * cell, cell, cell},
                    (SDL_Color){0, 0, 0, 0xFF});
    QRcode_free(q);
}
