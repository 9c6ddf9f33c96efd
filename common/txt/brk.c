/* brk — where lines may break (UAX #14) and where graphemes start (UAX #29), from
 * ICU's break iterators. ICU works on UTF-16, so each paragraph is converted once and
 * the boundaries are mapped back to codepoint indices. The iterators are opened once
 * per layout and only given new text per paragraph. */
#include "txt_int.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Opening an ICU break iterator loads and parses its rules (tens of microseconds), so
 * a destroyed layout leaves its iterators here for the next one; txt_cleanup() closes
 * them. */
static UBreakIterator *spare_line, *spare_chr;

static bool brk_open(struct txt_brk *b)
{
    UErrorCode err = U_ZERO_ERROR;
    if (b->line == NULL && spare_line != NULL)
        b->line = spare_line, spare_line = NULL;
    if (b->chr == NULL && spare_chr != NULL)
        b->chr = spare_chr, spare_chr = NULL;
    if (b->line == NULL)
        b->line = ubrk_open(UBRK_LINE, "ar", NULL, 0, &err);
    if (U_FAILURE(err))
        return false;
    if (b->chr == NULL)
        b->chr = ubrk_open(UBRK_CHARACTER, "ar", NULL, 0, &err);
    return U_SUCCESS(err);
}

static void brk_fill(UBreakIterator *it, const struct txt_brk *b, int32_t len16,
                     bool *out, size_t n)
{
    memset(out, 0, n * sizeof *out);
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(it, b->u16, len16, &err);
    if (U_FAILURE(err)) {
        /* Without ICU's answer every codepoint is its own unit: safe, if ugly. */
        for (size_t i = 0; i < n; i++)
            out[i] = true;
        return;
    }
    for (int32_t p = ubrk_first(it); p != UBRK_DONE; p = ubrk_next(it)) {
        if (p < len16)
            out[b->u16_cp[p]] = true;
    }
}

/* Line break opportunities. ICU's line rules offer breaks inside a grapheme (a space
 * then a mark, which LB10 turns into an AL; a pictograph then a skin tone): a line cut
 * there would split one user-perceived character across lines, so those are dropped.
 * Without a grapheme table only the candidates are asked about (ubrk_isBoundary), which
 * costs far less than a grapheme pass over the whole paragraph. */
static void brk_lines(struct txt_brk *b, int32_t len16, bool *line_ok,
                      const bool *grapheme, size_t n)
{
    UErrorCode err = U_ZERO_ERROR;
    if (grapheme == NULL)
        ubrk_setText(b->chr, b->u16, len16, &err);
    bool chr_ok = U_SUCCESS(err);
    brk_fill(b->line, b, len16, line_ok, n);
    line_ok[0] = false; /* a break before the first character is no break */
    if (grapheme != NULL) {
        for (size_t i = 1; i < n; i++)
            line_ok[i] = line_ok[i] && grapheme[i];
        return;
    }
    if (!chr_ok)
        return;
    for (int32_t p = 1; p < len16; p++) {
        uint32_t i = b->u16_cp[p];
        /* The low half of a surrogate pair maps to the same codepoint as its high
         * half: ask once, at the codepoint's first unit. */
        if (line_ok[i] && b->u16_cp[p - 1] != i && !ubrk_isBoundary(b->chr, p))
            line_ok[i] = false;
    }
}

bool txt_brk_paragraph(struct txt_brk *b, const uint32_t *cps, size_t n, bool *line_ok,
                       bool *grapheme)
{
    if (n == 0)
        return true;
    if (!brk_open(b))
        return false;
    if (2 * n + 1 > b->cap) {
        size_t cap = b->cap;
        b->u16 = xreallocarray_grow(b->u16, &cap, 2 * n + 1, sizeof *b->u16);
        b->u16_cp = xrealloc(b->u16_cp, cap * sizeof *b->u16_cp);
        b->cap = cap;
    }
    int32_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (c >= 0x10000) {
            b->u16_cp[k] = (uint32_t)i;
            b->u16[k++] = (UChar)(0xd800 + ((c - 0x10000) >> 10));
            c = 0xdc00 + ((c - 0x10000) & 0x3ff);
        }
        b->u16_cp[k] = (uint32_t)i;
        b->u16[k++] = (UChar)c;
    }
    if (grapheme != NULL)
        brk_fill(b->chr, b, k, grapheme, n);
    if (line_ok != NULL)
        brk_lines(b, k, line_ok, grapheme, n);
    return true;
}

void txt_brk_free(struct txt_brk *b)
{
    if (spare_line == NULL)
        spare_line = b->line, b->line = NULL;
    if (spare_chr == NULL)
        spare_chr = b->chr, b->chr = NULL;
    if (b->line != NULL)
        ubrk_close(b->line);
    if (b->chr != NULL)
        ubrk_close(b->chr);
    free(b->u16);
    free(b->u16_cp);
    memset(b, 0, sizeof *b);
}

void txt_cleanup(void)
{
    if (spare_line != NULL)
        ubrk_close(spare_line);
    if (spare_chr != NULL)
        ubrk_close(spare_chr);
    spare_line = spare_chr = NULL;
}
