/* fonts — the five bundled faces a ticket is set in, loaded once per printer.
 *
 * Arabic first, then Latin, then symbols: txt picks, for each run, the first font in
 * the list that covers it.
 */
#include <stdlib.h>

#include "prn-int.h"
#include "txt.h"
#include "fonts.h"

static const char *const files[PRN_FONT_COUNT] = {
    [PRN_FONT_AR] = "NotoSansArabic-Regular.ttf",
    [PRN_FONT_AR_BOLD] = "NotoSansArabic-Bold.ttf",
    [PRN_FONT_LATN] = "NotoSans-Regular.ttf",
    [PRN_FONT_LATN_BOLD] = "NotoSans-Bold.ttf",
    [PRN_FONT_SYMBOLS] = "NotoSansSymbols2-Regular.ttf",
};

const char *prn_fonts_default_dir(void)
{
    static char *dir;
    const char *assets = getenv("DAWR_ASSETS");
    if (assets && *assets) {
        free(dir);
        dir = xasprintf("%s/fonts", assets);
        return dir;
    }
    return DAWR_ASSETS_DIR "/fonts";
}

struct prn_fonts *prn_fonts_load(const char *dir, char **cause)
{
    struct prn_fonts *f = xcalloc(1, sizeof *f);
    for (int i = 0; i < PRN_FONT_COUNT; i++) {
        char *path = xasprintf("%s/%s", dir, files[i]);
        f->font[i] = txt_font_open(path, cause);
        free(path);
        if (f->font[i] == NULL) {
            prn_fonts_free(f);
            return NULL;
        }
    }
    return f;
}

void prn_fonts_free(struct prn_fonts *f)
{
    if (f == NULL)
        return;
    for (int i = 0; i < PRN_FONT_COUNT; i++)
        txt_font_unref(f->font[i]);
    free(f);
}
