/* txt-dump — prints what txt laid out, with the facts dawr-shape's text format hides.
 *
 * The golden scripts need to know, for every glyph, which font of the fallback list
 * shaped it and at which bidi level, so that each run can be compared with hb-shape
 * on that run's own font and direction. dawr-shape prints only names, clusters and
 * advances; this test-only program prints, one paragraph per input line (stdin):
 *
 *   P <byte length>
 *   L <start> <end> <x> <width>                 one per laid-out line
 *   G <font#> <level> <cluster> <advance> <x_offset> <y_offset> <name>
 *   E
 *
 * Glyph names come from harfbuzz on the same font file, the way hb-shape names them.
 */
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "txt.h"

#define MAX_FONTS 8

static hb_font_t *hb_fonts[MAX_FONTS];
static txt_font *fonts[MAX_FONTS];
static int nfonts;

static int font_number(const txt_font *f)
{
    for (int i = 0; i < nfonts; i++)
        if (fonts[i] == f)
            return i;
    return -1;
}

static void glyph_name(int fi, uint32_t index, char *buf, size_t len)
{
    if (fi < 0 || !hb_font_get_glyph_name(hb_fonts[fi], index, buf, (unsigned)len) ||
        !buf[0])
        snprintf(buf, len, "gid%u", index);
}

static void dump(txt_layout *lo, size_t len)
{
    size_t nlines, nglyphs;
    const txt_line *lines = txt_layout_get_lines(lo, &nlines);
    const txt_glyph *g = txt_layout_get_glyphs(lo, &nglyphs);

    printf("P %zu\n", len);
    for (size_t l = 0; l < nlines; l++) {
        printf("L %zu %zu %d %d\n", lines[l].start, lines[l].end, lines[l].x,
               lines[l].width);
        for (size_t i = lines[l].first_glyph;
             i < lines[l].first_glyph + lines[l].glyph_count && i < nglyphs; i++) {
            char name[128];
            int fi = font_number(g[i].font);
            glyph_name(fi, g[i].index, name, sizeof name);
            printf("G %d %d %u %d %d %d %s\n", fi, g[i].level, g[i].cluster,
                   g[i].x_advance, g[i].x_offset, g[i].y_offset, name);
        }
    }
    printf("E\n");
}

int main(int argc, char **argv)
{
    int size = 32, width = 0;
    txt_dir dir = TXT_DIR_AUTO;
    txt_digits digits = TXT_DIGITS_LATN;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--font") && i + 1 < argc && nfonts < MAX_FONTS) {
            char *cause = NULL;
            const char *path = argv[++i];
            fonts[nfonts] = txt_font_open(path, &cause);
            if (!fonts[nfonts]) {
                fprintf(stderr, "txt-dump: %s: %s\n", path, cause ? cause : "?");
                return 2;
            }
            hb_blob_t *blob = hb_blob_create_from_file(path);
            hb_face_t *face = hb_face_create(blob, 0);
            hb_fonts[nfonts] = hb_font_create(face);
            hb_face_destroy(face);
            hb_blob_destroy(blob);
            nfonts++;
        } else if (!strcmp(argv[i], "--size") && i + 1 < argc) {
            size = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "--width") && i + 1 < argc) {
            width = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "--dir") && i + 1 < argc) {
            i++;
            dir = !strcmp(argv[i], "rtl")   ? TXT_DIR_RTL
                  : !strcmp(argv[i], "ltr") ? TXT_DIR_LTR
                                            : TXT_DIR_AUTO;
        } else if (!strcmp(argv[i], "--digits") && i + 1 < argc) {
            digits = !strcmp(argv[++i], "arab") ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN;
        } else {
            fprintf(stderr, "usage: txt-dump --font F... [--size PX] [--width PX] "
                            "[--dir rtl|ltr|auto] [--digits arab|latn] < paragraphs\n");
            return 2;
        }
    }
    if (nfonts == 0)
        return 2;

    txt_layout *lo = txt_layout_create();
    for (int i = 0; i < nfonts; i++)
        txt_layout_add_font(lo, fonts[i]);
    if (!txt_layout_set_size(lo, size) || !txt_layout_set_width(lo, width) ||
        !txt_layout_set_direction(lo, dir) || !txt_layout_set_digits(lo, digits))
        return 2;

    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = 0;
    while ((n = getline(&line, &cap, stdin)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if (!txt_layout_set_text(lo, line, (size_t)n) || !txt_layout_layout(lo)) {
            printf("P %zd\nX layout failed\nE\n", n);
            rc = 1;
            continue;
        }
        dump(lo, (size_t)n);
    }
    fflush(stdout);
    free(line);
    txt_layout_destroy(lo);
    for (int i = 0; i < nfonts; i++) {
        txt_font_unref(fonts[i]);
        hb_font_destroy(hb_fonts[i]);
    }
    return rc;
}
