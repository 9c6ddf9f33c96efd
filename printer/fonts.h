/* fonts — the faces of a ticket (see fonts.c); shared by fonts.c and ticket.c only. */
#ifndef DAWR_PRN_FONTS_H
#define DAWR_PRN_FONTS_H

#include "txt.h"

enum {
    PRN_FONT_AR,
    PRN_FONT_AR_BOLD,
    PRN_FONT_LATN,
    PRN_FONT_LATN_BOLD,
    PRN_FONT_SYMBOLS,
    PRN_FONT_COUNT
};

struct prn_fonts {
    txt_font *font[PRN_FONT_COUNT];
};

#endif
