/* txt_bidi — the Unicode Bidirectional Algorithm as txt uses it: paragraph levels and
 * the visual order of one line. Public so the conformance test can drive it with
 * BidiCharacterTest.txt; the layout uses exactly these two calls. */
#ifndef DAWR_TXT_BIDI_H
#define DAWR_TXT_BIDI_H

#include "txt.h"

/* Resolves the embedding levels of the @n codepoints of one paragraph (rules P2-W7,
 * N0-I2 and L1 parts 1-3). @dir is the paragraph direction; TXT_DIR_AUTO follows
 * rules P2-P3 (LTR when there is no strong character). Writes levels[0..n) and
 * returns the paragraph level (0 or 1), or -1 on failure. */
int txt_bidi_paragraph(const uint32_t *cps, size_t n, txt_dir dir, uint8_t *levels);

/* Visual order of the line [start, start+len) of a paragraph resolved by
 * txt_bidi_paragraph(): applies rule L1 part 4 to @levels (trailing white space takes
 * the paragraph level) and writes map[0..len), the paragraph-relative index of the
 * character shown at each visual position, left to right (rule L2). Characters
 * removed by rule X9 stay in the map; see txt_bidi_is_removed(). */
bool txt_bidi_line(const uint32_t *cps, size_t start, size_t len, int par_level,
                   uint8_t *levels, int *map);

/* True for the characters rule X9 removes (embedding and override controls, boundary
 * neutrals): their level means nothing and a renderer shows nothing for them. */
bool txt_bidi_is_removed(uint32_t cp);

#endif
