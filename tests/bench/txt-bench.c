/* txt-bench — txt against Pango on the seed paragraphs (issue 2, acceptance 7).
 *
 * Every non-empty line of every seed file is a paragraph; each is laid out right to
 * left at 200, 400 and 800 px, 28 px text, right-aligned, wrapped at UAX #14
 * opportunities, with the same three bundled fonts (Pango finds them through
 * fontconfig, the files added to its configuration), then DRAWN into an 8-bit
 * coverage buffer of the layout's size: txt_layout_draw for txt,
 * pango_cairo_show_layout on a CAIRO_FORMAT_A8 surface for Pango (grey anti-aliasing,
 * no hinting, like txt). Drawing is
 * included because txt's only cache is the rasterised-glyph cache: without drawing,
 * "cold" and "warm" would be the same thing. Layout-only figures are printed too.
 *
 *   txt cold:   txt_cache_clear() before every paragraph and a new txt_layout per
 *               paragraph and width: every glyph is rasterised by FreeType again.
 *               The font files stay open (a running program opens them once).
 *   txt warm:   glyph cache filled by a first pass, one txt_layout per width reused
 *               (set_text + layout) for every paragraph.
 *   pango:      one PangoLayout per paragraph and width on a long-lived font map:
 *               Pango's and cairo's own caches (font, glyph extents, glyph images)
 *               are warm, which is Pango's best case.
 *   pango cold: a new PangoCairoFontMap (and context) at the start of each round,
 *               so Pango's font objects and glyph-extents caches start empty
 *               (fontconfig's configuration and cairo's global font caches stay).
 *
 * The machine is shared, so each figure is the best of @iterations rounds (one round
 * = every paragraph at every width), the modes interleaved round by round: the
 * minimum is the least disturbed by other processes.
 *
 * Usage: txt-bench [iterations [max paragraphs]]   (env DAWR_SEEDS, DAWR_ASSETS)
 * Prints microseconds per paragraph layout (one paragraph at one width) and ratios.
 */
#include <dirent.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "txt.h"

#define SIZE_PX 28
static const int widths[] = {200, 400, 800};
#define NWIDTHS 3

static const char *font_files[] = {"NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf",
                                   "NotoSansSymbols2-Regular.ttf"};
static txt_font *fonts[3];

static char **paras;
static size_t npara;

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static uint8_t *buf;
static size_t bufcap;

static uint8_t *canvas(size_t bytes)
{
    if (bytes > bufcap) {
        free(buf);
        buf = malloc(bytes);
        bufcap = bytes;
    }
    memset(buf, 0, bytes);
    return buf;
}

static unsigned long sink; /* keeps the compiler from dropping unused results */
/* Lines laid out per engine in the last round: the two must wrap alike for the
 * comparison to be fair, so both totals are printed. */
static unsigned long txt_lines, pango_lines;
static bool counting;

static void txt_one(txt_layout *lo, const char *p, bool draw)
{
    if (!txt_layout_set_text(lo, p, strlen(p)) || !txt_layout_layout(lo)) {
        fprintf(stderr, "txt-bench: txt layout failed\n");
        exit(1);
    }
    int w, h;
    size_t nl;
    txt_layout_get_size(lo, &w, &h);
    txt_layout_get_lines(lo, &nl);
    txt_lines += counting ? nl : 0;
    sink += (unsigned)h;
    if (draw && w > 0 && h > 0) {
        txt_bitmap bm = {canvas((size_t)w * h), w, h, w};
        txt_layout_draw(lo, &bm, 0, 0);
        sink += bm.pixels[(h / 2) * w + w / 2];
    }
}

static txt_layout *txt_new(int width)
{
    txt_layout *lo = txt_layout_create();
    for (int i = 0; i < 3; i++)
        txt_layout_add_font(lo, fonts[i]);
    txt_layout_set_size(lo, SIZE_PX);
    txt_layout_set_width(lo, width);
    txt_layout_set_direction(lo, TXT_DIR_RTL);
    txt_layout_set_align(lo, TXT_ALIGN_START);
    return lo;
}

static double bench_txt_cold(bool draw)
{
    double t0 = now_us();
    for (size_t i = 0; i < npara; i++)
        for (int w = 0; w < NWIDTHS; w++) {
            txt_cache_clear();
            txt_layout *lo = txt_new(widths[w]);
            txt_one(lo, paras[i], draw);
            txt_layout_destroy(lo);
        }
    return (now_us() - t0) / ((double)npara * NWIDTHS);
}

static double bench_txt_warm(bool draw)
{
    txt_layout *lo[NWIDTHS];
    for (int w = 0; w < NWIDTHS; w++)
        lo[w] = txt_new(widths[w]);
    for (size_t i = 0; i < npara; i++) /* fill the glyph cache */
        for (int w = 0; w < NWIDTHS; w++)
            txt_one(lo[w], paras[i], true);
    double t0 = now_us();
    for (size_t i = 0; i < npara; i++)
        for (int w = 0; w < NWIDTHS; w++)
            txt_one(lo[w], paras[i], draw);
    double us = (now_us() - t0) / ((double)npara * NWIDTHS);
    for (int w = 0; w < NWIDTHS; w++)
        txt_layout_destroy(lo[w]);
    return us;
}

static PangoContext *pango_ctx(PangoFontMap **fm_out)
{
    PangoFontMap *fm = pango_cairo_font_map_new();
    PangoContext *ctx = pango_font_map_create_context(fm);
    pango_context_set_base_dir(ctx, PANGO_DIRECTION_RTL);
    cairo_font_options_t *fo = cairo_font_options_create();
    /* As txt draws: grey anti-aliasing, unhinted outlines and metrics. */
    cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    *fm_out = fm;
    return ctx;
}

static void pango_one(PangoContext *ctx, PangoFontDescription *desc, const char *p,
                      int width, bool draw)
{
    PangoLayout *pl = pango_layout_new(ctx);
    pango_layout_set_auto_dir(pl, FALSE);
    pango_layout_set_font_description(pl, desc);
    pango_layout_set_width(pl, width * PANGO_SCALE);
    pango_layout_set_wrap(pl, PANGO_WRAP_WORD);
    /* With an RTL base direction, PANGO_ALIGN_LEFT means "start": the right edge. */
    pango_layout_set_alignment(pl, PANGO_ALIGN_LEFT);
    pango_layout_set_text(pl, p, -1);
    int w, h;
    pango_layout_get_pixel_size(pl, &w, &h);
    pango_lines += counting ? (unsigned long)pango_layout_get_line_count(pl) : 0;
    sink += (unsigned)h;
    if (draw && h > 0) {
        int stride = cairo_format_stride_for_width(CAIRO_FORMAT_A8, width);
        cairo_surface_t *s = cairo_image_surface_create_for_data(
            canvas((size_t)stride * h), CAIRO_FORMAT_A8, width, h, stride);
        cairo_t *cr = cairo_create(s);
        pango_cairo_show_layout(cr, pl);
        cairo_destroy(cr);
        cairo_surface_flush(s);
        sink += buf[(h / 2) * stride + width / 2];
        cairo_surface_destroy(s);
    }
    g_object_unref(pl);
}

static double bench_pango(bool draw, bool cold)
{
    PangoFontDescription *desc = pango_font_description_from_string(
        "Noto Sans Arabic, Noto Sans, Noto Sans Symbols 2");
    pango_font_description_set_absolute_size(desc, SIZE_PX * PANGO_SCALE);
    PangoFontMap *fm;
    PangoContext *ctx = pango_ctx(&fm);
    bool count = counting;
    counting = false;
    for (size_t i = 0; i < npara; i++) /* warm Pango's caches */
        for (int w = 0; w < NWIDTHS; w++)
            pango_one(ctx, desc, paras[i], widths[w], true);
    counting = count;
    double t0 = now_us();
    if (cold) {
        g_object_unref(ctx);
        g_object_unref(fm);
        ctx = pango_ctx(&fm);
    }
    for (size_t i = 0; i < npara; i++)
        for (int w = 0; w < NWIDTHS; w++)
            pango_one(ctx, desc, paras[i], widths[w], draw);
    double us = (now_us() - t0) / ((double)npara * NWIDTHS);
    g_object_unref(ctx);
    g_object_unref(fm);
    pango_font_description_free(desc);
    return us;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void load_seeds(const char *dir)
{
    struct dirent **ents;
    int n = scandir(dir, &ents, NULL, by_name);
    size_t cap = 0;
    for (int f = 0; f < n; f++) {
        size_t l = strlen(ents[f]->d_name);
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, ents[f]->d_name);
        FILE *fp =
            l > 4 && !strcmp(ents[f]->d_name + l - 4, ".txt") ? fopen(path, "r") : NULL;
        char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        while (fp && (len = getline(&line, &lcap, fp)) >= 0) {
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
                               line[len - 1] == ' '))
                line[--len] = '\0';
            if (len == 0)
                continue;
            if (npara == cap)
                paras = realloc(paras, (cap = cap ? cap * 2 : 64) * sizeof *paras);
            paras[npara++] = strdup(line);
        }
        free(line);
        if (fp)
            fclose(fp);
        free(ents[f]);
    }
    if (n >= 0)
        free(ents);
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 5;
    const char *seeds = getenv("DAWR_SEEDS"), *assets = getenv("DAWR_ASSETS");
    if (!seeds || !assets || iters < 1) {
        fprintf(stderr, "usage: DAWR_SEEDS=dir DAWR_ASSETS=dir txt-bench [iterations]\n");
        return 77;
    }
    load_seeds(seeds);
    if (argc > 2 && (size_t)atoi(argv[2]) < npara && atoi(argv[2]) > 0) {
        for (size_t i = (size_t)atoi(argv[2]); i < npara; i++)
            free(paras[i]);
        npara = (size_t)atoi(argv[2]);
    }
    if (npara == 0) {
        printf("skip: no seed paragraphs in %s\n", seeds);
        return 77;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < npara; i++)
        bytes += strlen(paras[i]);
    for (int i = 0; i < 3; i++) {
        char path[4096], *cause = NULL;
        snprintf(path, sizeof path, "%s/fonts/%s", assets, font_files[i]);
        if (!(fonts[i] = txt_font_open(path, &cause))) {
            fprintf(stderr, "txt-bench: %s: %s\n", path, cause ? cause : "?");
            return 1;
        }
        FcConfigAppFontAddFile(FcConfigGetCurrent(), (const FcChar8 *)path);
    }

    printf("txt-bench: %zu paragraphs (%zu bytes, avg %zu), widths 200/400/800 px, "
           "%d px, best of %d rounds\n",
           npara, bytes, bytes / npara, SIZE_PX, iters);
    printf("microseconds per paragraph layout (one paragraph at one width)\n\n");
    printf("%-12s %14s %14s\n", "", "layout+draw", "layout only");
    double tc = 1e30, tcl = 1e30, tw = 1e30, twl = 1e30;
    double pw = 1e30, pwl = 1e30, pc = 1e30, pcl = 1e30;
    for (int it = 0; it < iters; it++) {
        txt_lines = pango_lines = 0;
        counting = true;
        tc = fmin(tc, bench_txt_cold(true));
        counting = false;
        tcl = fmin(tcl, bench_txt_cold(false));
        tw = fmin(tw, bench_txt_warm(true));
        twl = fmin(twl, bench_txt_warm(false));
        counting = true;
        pw = fmin(pw, bench_pango(true, false));
        counting = false;
        pwl = fmin(pwl, bench_pango(false, false));
        pc = fmin(pc, bench_pango(true, true));
        pcl = fmin(pcl, bench_pango(false, true));
    }
    printf("%-12s %14.1f %14.1f\n", "txt cold", tc, tcl);
    printf("%-12s %14.1f %14.1f\n", "txt warm", tw, twl);
    printf("%-12s %14.1f %14.1f\n", "pango", pw, pwl);
    printf("%-12s %14.1f %14.1f\n", "pango cold", pc, pcl);
    printf("lines (all paragraphs at the three widths): txt %lu, pango %lu\n", txt_lines,
           pango_lines);
    printf("\nratios (layout+draw; >1 means txt is faster)\n");
    printf("  pango / txt cold      %6.2fx   target >= 1   %s\n", pw / tc,
           pw / tc >= 1 ? "met" : "NOT MET");
    printf("  pango cold / txt cold %6.2fx\n", pc / tc);
    printf("  pango / txt warm      %6.2fx   target >= 5   %s\n", pw / tw,
           pw / tw >= 5 ? "met" : "NOT MET");
    printf("ratios (layout only)\n");
    printf("  pango / txt cold      %6.2fx\n  pango / txt warm      %6.2fx\n", pwl / tcl,
           pwl / twl);
    if (sink == 42)
        putchar(' ');
    for (int i = 0; i < 3; i++)
        txt_font_unref(fonts[i]);
    for (size_t i = 0; i < npara; i++)
        free(paras[i]);
    free(paras);
    free(buf);
    return 0;
}
