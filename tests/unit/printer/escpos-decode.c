/* escpos-decode — the tests' ESC/POS interpreter. It knows exactly the commands a
 * ticket job may contain and rejects anything else, so a stray byte in the encoder's
 * output fails the round trip instead of being skipped. Bands must all be the same
 * width; their rows are stacked in order as a printer would print them.
 */
#include <stdlib.h>
#include <string.h>

#include "escpos-decode.h"

static int bad(size_t *where, size_t at)
{
    *where = at;
    return -1;
}

int escpos_decode(const uint8_t *d, size_t len, struct decoded *out, size_t *where)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < len) {
        if (len - i >= 2 && d[i] == 0x1b && d[i + 1] == 0x40) { /* ESC @ */
            out->inits++;
            i += 2;
        } else if (len - i >= 3 && d[i] == 0x1b && d[i + 1] == 0x64) { /* ESC d n */
            out->feed_lines += d[i + 2];
            i += 3;
        } else if (len - i >= 4 && d[i] == 0x1d && d[i + 1] == 0x56 && d[i + 2] == 0x42) {
            out->cuts++; /* GS V 66 n */
            i += 4;
        } else if (len - i >= 8 && d[i] == 0x1d && d[i + 1] == 0x76 && d[i + 2] == 0x30) {
            if (d[i + 3] != 0)
                return bad(where, i + 3); /* only normal density is used */
            int xb = d[i + 4] | d[i + 5] << 8, rows = d[i + 6] | d[i + 7] << 8;
            size_t n = (size_t)xb * rows;
            if (xb == 0 || rows == 0 || len - i - 8 < n)
                return bad(where, i);
            if (out->bands > 0 && xb != out->stride)
                return bad(where, i + 4);
            out->stride = xb;
            out->bits = realloc(out->bits, (size_t)(out->height + rows) * xb);
            if (out->bits == NULL)
                abort();
            memcpy(out->bits + (size_t)out->height * xb, d + i + 8, n);
            out->height += rows;
            out->bands++;
            i += 8 + n;
        } else {
            return bad(where, i);
        }
    }
    return 0;
}

void decoded_free(struct decoded *d)
{
    free(d->bits);
    memset(d, 0, sizeof *d);
}
