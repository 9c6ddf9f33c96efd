/* dawr-shape — shows what the text engine does with a piece of text: each laid-out
 * line, top to bottom, printed as hb-shape prints a buffer
 *   [glyphname=cluster+advance|glyphname=cluster@xoff,yoff+advance|...]
 * in visual order (left to right), clusters as byte offsets into TEXT, advances in
 * pixels (hb-shape --font-size=PX). With --png it also draws the layout, black on
 * white. The golden tests compare this output with hb-shape's. */
#include "txt.h"
#include "util.h"

#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uclean.h>

#ifndef DAWR_ASSETS_DEFAULT
#define DAWR_ASSETS_DEFAULT "assets"
#endif

static const char *const default_fonts[] = {
    "NotoSansArabic-Regular.ttf",
    "NotoSans-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
};

static void usage(void)
{
    fprintf(stderr,
            "usage: dawr-shape [--font FILE]... [--size PX] [--width PX] [--no-wrap]\n"
            "                  [--dir rtl|ltr|auto] [--digits arab|latn]\n"
            "                  [--align start|end|left|right|center] [--spacing F]\n"
            "                  [--png FILE] [--] TEXT\n");
}

static void print_lines(txt_layout *lo, const txt_glyph *glyphs, const txt_line *lines,
                        size_t nlines)
{
    (void)lo;
    char name[128];
    for (size_t l = 0; l < nlines; l++) {
        const txt_line *ln = &lines[l];
        putchar('[');
        for (size_t i = 0; i < ln->glyph_count; i++) {
            const txt_glyph *g = &glyphs[ln->first_glyph + i];
            txt_font_glyph_name(g->font, g->index, name, sizeof name);
            printf("%s%s=%u", i ? "|" : "", name, (unsigned)g->cluster);
            if (g->x_offset || g->y_offset)
                printf("@%d,%d", g->x_offset, g->y_offset);
            printf("+%d", g->x_advance);
        }
        printf("]\n");
    }
}

static int write_png(const char *path, const txt_layout *lo)
{
    int w, h;
    txt_layout_get_size(lo, &w, &h);
    int margin = 8;
    txt_bitmap bm = {.width = w + 2 * margin, .height = h + 2 * margin};
    bm.stride = bm.width;
    bm.pixels = xcalloc((size_t)bm.stride, (size_t)bm.height);
    txt_layout_draw(lo, &bm, margin, margin);
    for (size_t i = 0; i < (size_t)bm.stride * (size_t)bm.height; i++)
        bm.pixels[i] = (uint8_t)(255 - bm.pixels[i]);

    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        free(bm.pixels);
        return -1;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        fclose(f);
        free(bm.pixels);
        return -1;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, (png_uint_32)bm.width, (png_uint_32)bm.height, 8,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < bm.height; y++)
        png_write_row(png, bm.pixels + (size_t)y * (size_t)bm.stride);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(bm.pixels);
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    const char *fonts[16];
    int nfonts = 0, size = 32, width = 0;
    float spacing = 1.0f;
    txt_dir dir = TXT_DIR_AUTO;
    txt_digits digits = TXT_DIGITS_LATN;
    txt_align align = TXT_ALIGN_START;
    const char *png = NULL, *text = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = true;
        if (strcmp(a, "--font") == 0 && v != NULL && nfonts < 16)
            fonts[nfonts++] = v;
        else if (strcmp(a, "--size") == 0 && v != NULL)
            size = atoi(v);
        else if (strcmp(a, "--width") == 0 && v != NULL)
            width = atoi(v);
        else if (strcmp(a, "--spacing") == 0 && v != NULL)
            spacing = strtof(v, NULL);
        else if (strcmp(a, "--png") == 0 && v != NULL)
            png = v;
        else if (strcmp(a, "--dir") == 0 && v != NULL)
            dir = strcmp(v, "rtl") == 0   ? TXT_DIR_RTL
                  : strcmp(v, "ltr") == 0 ? TXT_DIR_LTR
                                          : TXT_DIR_AUTO;
        else if (strcmp(a, "--digits") == 0 && v != NULL)
            digits = strcmp(v, "arab") == 0 ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN;
        else if (strcmp(a, "--align") == 0 && v != NULL)
            align = strcmp(v, "end") == 0      ? TXT_ALIGN_END
                    : strcmp(v, "left") == 0   ? TXT_ALIGN_LEFT
                    : strcmp(v, "right") == 0  ? TXT_ALIGN_RIGHT
                    : strcmp(v, "center") == 0 ? TXT_ALIGN_CENTER
                                               : TXT_ALIGN_START;
        else if (strcmp(a, "--") == 0 && v != NULL && text == NULL && i + 2 == argc)
            text = v; /* TEXT may start with '-' (a list item) */
        else if (strcmp(a, "--no-wrap") == 0)
            width = 0, takes = false;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage();
            return 0;
        } else if (a[0] == '-' && a[1] == '-' && a[2] != '\0') {
            usage();
            return 2;
        } else if (text == NULL) {
            text = a, takes = false;
        } else {
            usage();
            return 2;
        }
        if (takes)
            i++;
    }
    if (text == NULL) {
        usage();
        return 2;
    }

    const char *assets = getenv("DAWR_ASSETS");
    if (assets == NULL || assets[0] == '\0')
        assets = DAWR_ASSETS_DEFAULT;
    txt_layout *lo = txt_layout_create();
    int status = 0;
    int want = nfonts ? nfonts : (int)(sizeof default_fonts / sizeof *default_fonts);
    for (int i = 0; i < want && status == 0; i++) {
        char *path = nfonts ? xstrdup(fonts[i])
                            : xasprintf("%s/fonts/%s", assets, default_fonts[i]);
        char *cause = NULL;
        txt_font *f = txt_font_open(path, &cause);
        if (f == NULL) {
            fprintf(stderr, "dawr-shape: %s\n", cause);
            free(cause);
            status = 1;
        } else {
            txt_layout_add_font(lo, f);
            txt_font_unref(f);
        }
        free(path);
    }
    if (status == 0 &&
        !(txt_layout_set_text(lo, text, strlen(text)) && txt_layout_set_size(lo, size) &&
          txt_layout_set_width(lo, width) && txt_layout_set_direction(lo, dir) &&
          txt_layout_set_digits(lo, digits) && txt_layout_set_align(lo, align) &&
          txt_layout_set_line_spacing(lo, spacing) && txt_layout_layout(lo))) {
        fprintf(stderr, "dawr-shape: layout failed (bad size, width or spacing?)\n");
        status = 1;
    }
    if (status == 0) {
        size_t nglyphs, nlines;
        const txt_glyph *glyphs = txt_layout_get_glyphs(lo, &nglyphs);
        const txt_line *lines = txt_layout_get_lines(lo, &nlines);
        print_lines(lo, glyphs, lines, nlines);
        if (png != NULL && write_png(png, lo) != 0) {
            fprintf(stderr, "dawr-shape: cannot write %s\n", png);
            status = 1;
        }
    }
    txt_layout_destroy(lo);
    txt_cleanup();
    /* ICU keeps data caches for the life of the process; freeing them keeps
     * valgrind's leak check meaningful. */
    u_cleanup();
    return status;
}
