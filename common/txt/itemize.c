/* itemize — a font and a script for every codepoint, the two things (besides the
 * bidi level) that split text into shaping runs. A character takes the first font in
 * the layout's list that has it; characters that belong to no script in particular
 * (spaces, digits, punctuation) and combining marks stay with their neighbour's font
 * and script when that font has them, as Pango does, so "A-017" inside Arabic shapes
 * as one Latin run and digits inside Arabic stay in the Arabic font. */
#include "txt_int.h"

static hb_unicode_funcs_t *ufuncs(void)
{
    static hb_unicode_funcs_t *u;
    if (u == NULL)
        u = hb_unicode_funcs_get_default();
    return u;
}

static bool is_neutral_script(hb_script_t s)
{
    return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

static int first_font(const txt_layout *lo, uint32_t cp)
{
    for (size_t f = 0; f < lo->nfonts; f++) {
        if (txt_font_has_char(lo->fonts[f], cp))
            return (int)f;
    }
    return 0; /* nobody has it: the first font shows its .notdef */
}

static bool is_mark(uint32_t cp)
{
    hb_unicode_general_category_t gc = hb_unicode_general_category(ufuncs(), cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || cp == 0x200c ||
           cp == 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);
}

/* hb's script, with a shortcut for ASCII, the commonest case after Arabic. */
static hb_script_t script_of(uint32_t c)
{
    if (c < 0x80) {
        bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        return letter ? HB_SCRIPT_LATIN : HB_SCRIPT_COMMON;
    }
    return hb_unicode_script(ufuncs(), c);
}

void txt_itemize_paragraph(txt_layout *lo, size_t ps, size_t pe)
{
    const uint32_t *cps = lo->cps;
    /* Each character's own script first; font_of marks the neutral ones with -1. */
    for (size_t i = ps; i < pe; i++) {
        hb_script_t s = script_of(cps[i]);
        bool neutral = is_neutral_script(s);
        lo->script[i] = neutral ? HB_SCRIPT_INVALID : s;
        lo->font_of[i] = neutral ? -1 : (int8_t)first_font(lo, cps[i]);
    }
    /* Scripts: neutral characters take the previous real script; leading ones the
     * first real script that follows. */
    hb_script_t last = HB_SCRIPT_INVALID;
    size_t lead = ps;
    for (size_t i = ps; i < pe; i++) {
        if (lo->script[i] == HB_SCRIPT_INVALID) {
            lo->script[i] = last;
            continue;
        }
        if (last == HB_SCRIPT_INVALID) {
            for (; lead < i; lead++)
                lo->script[lead] = lo->script[i];
        }
        last = lo->script[i];
    }
    /* Fonts of neutrals and marks: the previous character's font, else the next
     * character's, else the first font that has them. */
    for (size_t i = ps; i < pe; i++) {
        bool mark = cps[i] >= 0x300 && is_mark(cps[i]);
        if (lo->font_of[i] >= 0 && !(mark && i > ps))
            continue;
        int prev = i > ps ? lo->font_of[i - 1] : -1;
        if (prev >= 0 && (mark || txt_font_has_char(lo->fonts[prev], cps[i]))) {
            lo->font_of[i] = (int8_t)prev;
            continue;
        }
        int next = -1;
        for (size_t j = i + 1; j < pe && next < 0; j++)
            next = lo->font_of[j];
        if (next >= 0 && txt_font_has_char(lo->fonts[next], cps[i]))
            lo->font_of[i] = (int8_t)next;
        else
            lo->font_of[i] = (int8_t)first_font(lo, cps[i]);
    }
}

bool txt_itemize_same_run(const txt_layout *lo, size_t a, size_t b)
{
    return lo->levels[a] == lo->levels[b] && lo->font_of[a] == lo->font_of[b] &&
           lo->script[a] == lo->script[b];
}
