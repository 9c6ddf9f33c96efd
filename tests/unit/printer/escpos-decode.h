/* escpos-decode — a small ESC/POS interpreter for tests: turns the byte stream a
 * printer would receive back into the image it would print. */
#ifndef DAWR_TEST_ESCPOS_DECODE_H
#define DAWR_TEST_ESCPOS_DECODE_H

#include <stddef.h>
#include <stdint.h>

struct decoded {
    uint8_t *bits; /* rows of @stride bytes, MSB leftmost, 1 = ink */
    int stride, height;
    int inits, bands, cuts, feed_lines;
};

/* Returns 0, or -1 on a command it does not know or a truncated stream (with
 * *@where set to the offending offset). Free with decoded_free(). */
int escpos_decode(const uint8_t *data, size_t len, struct decoded *out, size_t *where);
void decoded_free(struct decoded *d);

#endif
