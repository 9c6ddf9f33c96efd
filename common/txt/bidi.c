/* bidi — paragraph levels and line order with fribidi (DESIGN.md §7). Character
 * properties come from ICU rather than fribidi's own tables: fribidi 1.0.8 carries
 * Unicode 12 data while ICU 72 and the system's BidiCharacterTest.txt are Unicode 15,
 * and a renderer must agree with the data the rest of the system uses. */
#include "txt_bidi.h"

#include "util.h"

#include <fribidi.h>
#include <stdlib.h>
#include <unicode/uchar.h>

static FriBidiCharType bidi_type(uint32_t cp)
{
    switch (u_charDirection((UChar32)cp)) {
    case U_LEFT_TO_RIGHT:
        return FRIBIDI_TYPE_LTR;
    case U_RIGHT_TO_LEFT:
        return FRIBIDI_TYPE_RTL;
    case U_EUROPEAN_NUMBER:
        return FRIBIDI_TYPE_EN;
    case U_EUROPEAN_NUMBER_SEPARATOR:
        return FRIBIDI_TYPE_ES;
    case U_EUROPEAN_NUMBER_TERMINATOR:
        return FRIBIDI_TYPE_ET;
    case U_ARABIC_NUMBER:
        return FRIBIDI_TYPE_AN;
    case U_COMMON_NUMBER_SEPARATOR:
        return FRIBIDI_TYPE_CS;
    case U_BLOCK_SEPARATOR:
        return FRIBIDI_TYPE_BS;
    case U_SEGMENT_SEPARATOR:
        return FRIBIDI_TYPE_SS;
    case U_WHITE_SPACE_NEUTRAL:
        return FRIBIDI_TYPE_WS;
    case U_OTHER_NEUTRAL:
        return FRIBIDI_TYPE_ON;
    case U_LEFT_TO_RIGHT_EMBEDDING:
        return FRIBIDI_TYPE_LRE;
    case U_LEFT_TO_RIGHT_OVERRIDE:
        return FRIBIDI_TYPE_LRO;
    case U_RIGHT_TO_LEFT_ARABIC:
        return FRIBIDI_TYPE_AL;
    case U_RIGHT_TO_LEFT_EMBEDDING:
        return FRIBIDI_TYPE_RLE;
    case U_RIGHT_TO_LEFT_OVERRIDE:
        return FRIBIDI_TYPE_RLO;
    case U_POP_DIRECTIONAL_FORMAT:
        return FRIBIDI_TYPE_PDF;
    case U_DIR_NON_SPACING_MARK:
        return FRIBIDI_TYPE_NSM;
    case U_BOUNDARY_NEUTRAL:
        return FRIBIDI_TYPE_BN;
    case U_FIRST_STRONG_ISOLATE:
        return FRIBIDI_TYPE_FSI;
    case U_LEFT_TO_RIGHT_ISOLATE:
        return FRIBIDI_TYPE_LRI;
    case U_RIGHT_TO_LEFT_ISOLATE:
        return FRIBIDI_TYPE_RLI;
    case U_POP_DIRECTIONAL_ISOLATE:
        return FRIBIDI_TYPE_PDI;
    default:
        return FRIBIDI_TYPE_ON;
    }
}

/* Rule BD16 pairs brackets by their Bidi_Paired_Bracket property, comparing canonical
 * equivalents (U+2329/U+232A pair with U+3008/U+3009). */
static FriBidiBracketType bracket_type(uint32_t cp)
{
    int t = u_getIntPropertyValue((UChar32)cp, UCHAR_BIDI_PAIRED_BRACKET_TYPE);
    if (t == U_BPT_NONE)
        return FRIBIDI_NO_BRACKET;
    uint32_t open = t == U_BPT_OPEN ? cp : (uint32_t)u_getBidiPairedBracket((UChar32)cp);
    if (open == 0x2329)
        open = 0x3008;
    return (open & FRIBIDI_BRACKET_ID_MASK) |
           (t == U_BPT_OPEN ? FRIBIDI_BRACKET_OPEN_MASK : 0);
}

bool txt_bidi_is_removed(uint32_t cp)
{
    FriBidiCharType t = bidi_type(cp);
    return FRIBIDI_IS_EXPLICIT_OR_BN(t) && !FRIBIDI_IS_ISOLATE(t);
}

int txt_bidi_paragraph(const uint32_t *cps, size_t n, txt_dir dir, uint8_t *levels)
{
    if (n == 0)
        return dir == TXT_DIR_RTL ? 1 : 0;
    if (n > (size_t)INT32_MAX / 2)
        return -1;
    FriBidiCharType *types = xmalloc(n * sizeof *types);
    FriBidiBracketType *brackets = xmalloc(n * sizeof *brackets);
    FriBidiLevel *lv = xmalloc(n * sizeof *lv);
    for (size_t i = 0; i < n; i++) {
        types[i] = bidi_type(cps[i]);
        brackets[i] = bracket_type(cps[i]);
    }
    FriBidiParType base = dir == TXT_DIR_RTL   ? FRIBIDI_PAR_RTL
                          : dir == TXT_DIR_LTR ? FRIBIDI_PAR_LTR
                                               : FRIBIDI_PAR_ON;
    FriBidiLevel max = fribidi_get_par_embedding_levels_ex(types, brackets,
                                                           (FriBidiStrIndex)n, &base, lv);
    int par = -1;
    if (max > 0) {
        par = FRIBIDI_DIR_TO_LEVEL(base);
        for (size_t i = 0; i < n; i++)
            levels[i] = (uint8_t)lv[i];
    }
    free(types);
    free(brackets);
    free(lv);
    return par;
}

bool txt_bidi_line(const uint32_t *cps, size_t start, size_t len, int par_level,
                   uint8_t *levels, int *map)
{
    if (len == 0)
        return true;
    FriBidiCharType *types = xmalloc(len * sizeof *types);
    FriBidiLevel *lv = xmalloc(len * sizeof *lv);
    FriBidiStrIndex *m = xmalloc(len * sizeof *m);
    for (size_t i = 0; i < len; i++) {
        types[i] = bidi_type(cps[start + i]);
        lv[i] = (FriBidiLevel)levels[start + i];
        m[i] = (FriBidiStrIndex)i;
    }
    /* No FRIBIDI_FLAG_REORDER_NSM: harfbuzz places marks, and runs must stay
     * contiguous in logical order. */
    FriBidiLevel max =
        fribidi_reorder_line(0, types, (FriBidiStrIndex)len, 0,
                             par_level ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR, lv, NULL, m);
    for (size_t i = 0; i < len; i++) {
        levels[start + i] = (uint8_t)lv[i];
        map[i] = (int)(start + (size_t)m[i]);
    }
    free(types);
    free(lv);
    free(m);
    return max > 0;
}
