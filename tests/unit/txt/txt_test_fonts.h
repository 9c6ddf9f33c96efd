/* Test helper: opens the bundled fonts from $DAWR_ASSETS/fonts (Arabic, Latin,
 * symbols) and builds layouts with them. Header-only, shared by the txt unit tests. */
#ifndef TXT_TEST_FONTS_H
#define TXT_TEST_FONTS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "txt.h"

static txt_font *test_fonts[3];

/* Returns 0, or 77 when the fonts are not there (the test is then skipped). */
static int test_fonts_open(void)
{
    static const char *const names[3] = {"NotoSansArabic-Regular.ttf",
                                         "NotoSans-Regular.ttf",
                                         "NotoSansSymbols2-Regular.ttf"};
    const char *assets = getenv("DAWR_ASSETS");
    for (int i = 0; i < 3; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/fonts/%s", assets ? assets : "assets", names[i]);
        char *cause = NULL;
        test_fonts[i] = txt_font_open(path, &cause);
        if (test_fonts[i] == NULL) {
            fprintf(stderr, "skipped: %s\n", cause);
            free(cause);
            return 77;
        }
    }
    return 0;
}

static void test_fonts_close(void)
{
    for (int i = 0; i < 3; i++)
        txt_font_unref(test_fonts[i]);
}

static inline txt_layout *test_layout(const char *text, txt_dir dir, int width)
{
    txt_layout *lo = txt_layout_create();
    for (int i = 0; i < 3; i++)
        txt_layout_add_font(lo, test_fonts[i]);
    if (!(txt_layout_set_text(lo, text, strlen(text)) && txt_layout_set_size(lo, 32) &&
          txt_layout_set_direction(lo, dir) && txt_layout_set_width(lo, width) &&
          txt_layout_layout(lo))) {
        txt_layout_destroy(lo);
        return NULL;
    }
    return lo;
}

/* Byte offset of the first occurrence of @needle in @hay (must be there). */
static inline size_t test_offset(const char *hay, const char *needle)
{
    const char *p = strstr(hay, needle);
    if (p == NULL) {
        fprintf(stderr, "test bug: \"%s\" not in text\n", needle);
        abort();
    }
    return (size_t)(p - hay);
}

static inline int test_caret_x(const txt_layout *lo, size_t index)
{
    int x, y, h;
    if (!txt_layout_index_to_position(lo, index, &x, &y, &h)) {
        fprintf(stderr, "no caret position for %zu\n", index);
        abort();
    }
    return x;
}

#endif
