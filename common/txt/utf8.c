/* utf8 — decoding text into codepoints with the byte offset of each, so every later
 * stage works on codepoints and clusters can still be reported as byte offsets into
 * the caller's text (also after the digit option replaced some characters). */
#include "txt_int.h"

#include "util.h"

#include <stdlib.h>

static void utf8_grow(uint32_t **cps, uint32_t **offs, size_t *cap, size_t need)
{
    if (need <= *cap)
        return;
    size_t c = *cap;
    *cps = xreallocarray_grow(*cps, &c, need, sizeof **cps);
    *offs = xrealloc(*offs, c * sizeof **offs);
    *cap = c;
}

size_t txt_utf8_decode(const char *str, size_t len, uint32_t **cps, uint32_t **offs,
                       size_t *cap)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t n = 0;
    utf8_grow(cps, offs, cap, len + 1);
    for (size_t i = 0; i < len;) {
        uint32_t c = s[i], min = 0;
        size_t k = 0;
        if (c < 0x80)
            k = 0;
        else if ((c & 0xe0) == 0xc0)
            k = 1, c &= 0x1f, min = 0x80;
        else if ((c & 0xf0) == 0xe0)
            k = 2, c &= 0x0f, min = 0x800;
        else if ((c & 0xf8) == 0xf0)
            k = 3, c &= 0x07, min = 0x10000;
        else
            k = (size_t)-1;
        bool ok = k != (size_t)-1 && i + k < len;
        for (size_t j = 1; ok && j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                ok = false;
            else
                c = c << 6 | (s[i + j] & 0x3f);
        }
        if (ok && (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)))
            ok = false;
        (*offs)[n] = (uint32_t)i;
        if (ok) {
            (*cps)[n++] = c;
            i += k + 1;
        } else {
            (*cps)[n++] = 0xfffd;
            i++;
        }
    }
    (*offs)[n] = (uint32_t)len;
    return n;
}

size_t txt_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xc0 | cp >> 6);
        o[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xe0 | cp >> 12);
        o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
        o[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    o[0] = (unsigned char)(0xf0 | cp >> 18);
    o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
    o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
    o[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}
