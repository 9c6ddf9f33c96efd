/* Line-breaking golden test: txt's wrapped lines checked against ICU and fribidi.
 *
 * Every seed paragraph long enough to wrap, and a few paragraphs written for this test
 * (long e-mail address and URL wider than 200 px, numbers, brackets, a left-to-right
 * paragraph), are laid out at 200, 400 and 800 px. For each layout the test checks,
 * independently of txt's own code paths:
 *   - the lines' byte ranges tile the paragraph (concatenated, they reproduce it);
 *   - every break is a UAX #14 line-break opportunity (ICU ubrk on the UTF-8 text),
 *     or an emergency break: a grapheme boundary inside a word wider than the line,
 *     where the line holds nothing but that word's piece and is nearly full
 *     (CSS overflow-wrap: break-word; the alternative is overflowing the width);
 *   - no line's ink leaves [0, width], unless the line is one unbreakable word;
 *   - lines are aligned to the start (the default): an RTL line's last non-space
 *     glyph ends at the right edge, an LTR line's first one starts at x = 0;
 *   - every glyph's cluster lies inside its line's range, and the line reads in the
 *     right order: its clusters, left to right, follow fribidi's visual reordering
 *     of the same line (whitespace and invisible controls aside).
 * Plain main (no cmocka): prints each failure and exits 1. Without seeds only the
 * paragraphs written here are checked.
 */
#include <dirent.h>
#include <fribidi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "txt.h"

#define MIN_PARAGRAPH 160 /* bytes; shorter ones rarely wrap even at 200 px */
/* An emergency-broken line must be full to within one wide glyph at 32 px. */
#define WIDEST_GLYPH 48

static int failures, checked_lines, checked_layouts;
static txt_font *fonts[3];

#define FAIL(...)                                                                        \
    do {                                                                                 \
        if (failures < 40) {                                                             \
            fprintf(stderr, "FAIL ");                                                    \
            fprintf(stderr, __VA_ARGS__);                                                \
            fputc('\n', stderr);                                                         \
        }                                                                                \
        failures++;                                                                      \
    } while (0)

/* The text as code points, with the byte offset of each; invalid bytes become
 * U+FFFD one byte long, which is how txt reports them too (clusters stay bytes). */
typedef struct {
    FriBidiChar *cp;
    size_t *byte;
    size_t n;
} decoded;

static void decode(const char *s, size_t len, decoded *d)
{
    d->cp = calloc(len + 1, sizeof *d->cp);
    d->byte = calloc(len + 1, sizeof *d->byte);
    d->n = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t c = u[i];
        size_t k = c < 0x80         ? 1
                   : (c >> 5) == 6  ? 2
                   : (c >> 4) == 14 ? 3
                   : (c >> 3) == 30 ? 4
                                    : 0;
        bool ok = k > 0 && i + k <= len;
        for (size_t j = 1; ok && j < k; j++)
            ok = (u[i + j] & 0xC0) == 0x80;
        if (ok && k > 1) {
            c &= 0xFF >> (k + 1);
            for (size_t j = 1; j < k; j++)
                c = (c << 6) | (u[i + j] & 0x3F);
        }
        if (!ok) {
            c = 0xFFFD;
            k = 1;
        }
        d->cp[d->n] = c;
        d->byte[d->n++] = i;
        i += k;
    }
    d->byte[d->n] = len;
}

static bool skipped_char(FriBidiChar c)
{
    FriBidiCharType t = fribidi_get_bidi_type(c);
    return u_isUWhiteSpace((UChar32)c) || t == FRIBIDI_TYPE_BN ||
           FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t) ||
           u_hasBinaryProperty((UChar32)c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

/* Index of the code point starting at byte @b, or -1. */
static long cp_at(const decoded *d, size_t b)
{
    size_t lo = 0, hi = d->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->byte[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < d->n && d->byte[lo] == b ? (long)lo : -1;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The cluster (from @cl, sorted) that byte @b belongs to. */
static uint32_t cluster_of(const uint32_t *cl, size_t n, size_t b)
{
    uint32_t best = cl[0];
    for (size_t i = 0; i < n && cl[i] <= b; i++)
        best = cl[i];
    return best;
}

static void check_layout(const char *name, const char *text, size_t len, int width,
                         const decoded *d, UBreakIterator *bi, UBreakIterator *gi,
                         const FriBidiCharType *types, const FriBidiLevel *levels,
                         FriBidiParType base, txt_dir dir)
{
    txt_layout *lo = txt_layout_create();
    for (int i = 0; i < 3; i++)
        txt_layout_add_font(lo, fonts[i]);
    if (!(txt_layout_set_text(lo, text, len) && txt_layout_set_size(lo, 32) &&
          txt_layout_set_width(lo, width) && txt_layout_set_direction(lo, dir) &&
          txt_layout_layout(lo))) {
        FAIL("%s @%d: layout failed", name, width);
        txt_layout_destroy(lo);
        return;
    }
    checked_layouts++;
    size_t nl, ng;
    const txt_line *lines = txt_layout_get_lines(lo, &nl);
    const txt_glyph *g = txt_layout_get_glyphs(lo, &ng);
    if (nl == 0) {
        FAIL("%s @%d: no lines", name, width);
        txt_layout_destroy(lo);
        return;
    }
    if (lines[0].start != 0 || lines[nl - 1].end != len)
        FAIL("%s @%d: lines cover bytes %zu..%zu of 0..%zu", name, width, lines[0].start,
             lines[nl - 1].end, len);

    FriBidiLevel *lv = malloc(d->n * sizeof *lv);
    FriBidiStrIndex *map = malloc(d->n * sizeof *map);
    uint32_t *cl = malloc((ng + 1) * sizeof *cl);
    uint32_t *want = malloc((d->n + 1) * sizeof *want);
    uint32_t *got = malloc((ng + 1) * sizeof *got);

    for (size_t l = 0; l < nl; l++) {
        const txt_line *ln = &lines[l];
        checked_lines++;
        if (l + 1 < nl && ln->end != lines[l + 1].start)
            FAIL("%s @%d: line %zu ends at %zu, line %zu starts at %zu", name, width, l,
                 ln->end, l + 1, lines[l + 1].start);
        long s = cp_at(d, ln->start), e = cp_at(d, ln->end);
        if (ln->end == len)
            e = (long)d->n;
        if (s < 0 || e < 0 || s > e || ln->first_glyph + ln->glyph_count > ng) {
            FAIL("%s @%d: line %zu has a bad range %zu..%zu", name, width, l, ln->start,
                 ln->end);
            continue;
        }

        /* Ink extent and cluster sanity. */
        int ink_min = 1 << 30, ink_max = -(1 << 30);
        size_t ncl = 0, ngot = 0;
        for (size_t i = ln->first_glyph; i < ln->first_glyph + ln->glyph_count; i++) {
            if (g[i].cluster < ln->start || g[i].cluster >= ln->end) {
                FAIL("%s @%d: line %zu (%zu..%zu) holds a glyph of byte %u", name, width,
                     l, ln->start, ln->end, g[i].cluster);
                continue;
            }
            long c = cp_at(d, g[i].cluster);
            if (c < 0) {
                FAIL("%s @%d: cluster %u is inside a character", name, width,
                     g[i].cluster);
                continue;
            }
            cl[ncl++] = g[i].cluster;
            if (skipped_char(d->cp[c]))
                continue;
            if (g[i].x < ink_min)
                ink_min = g[i].x;
            if (g[i].x + g[i].x_advance > ink_max)
                ink_max = g[i].x + g[i].x_advance;
            if (ngot == 0 || got[ngot - 1] != g[i].cluster)
                got[ngot++] = g[i].cluster;
        }
        if (ncl == 0)
            continue;

        /* Start alignment: every glyph but those of the line's trailing spaces
         * (which hang outside the edge) counts, leading spaces included. */
        long ce = e;
        while (ce > s && u_isUWhiteSpace((UChar32)d->cp[ce - 1]))
            ce--;
        int box_min = 1 << 30, box_max = -(1 << 30);
        for (size_t i = ln->first_glyph; i < ln->first_glyph + ln->glyph_count; i++) {
            if (g[i].cluster >= d->byte[ce] || g[i].cluster < ln->start)
                continue;
            box_min = g[i].x < box_min ? g[i].x : box_min;
            if (g[i].x + g[i].x_advance > box_max)
                box_max = g[i].x + g[i].x_advance;
        }
        if (box_max > box_min && box_min >= 0 && box_max <= width) {
            bool rtl = base == FRIBIDI_PAR_RTL;
            int gap = rtl ? width - box_max : box_min;
            if (gap > 1)
                FAIL("%s @%d: line %zu is not aligned to its start: glyphs at x %d..%d",
                     name, width, l, box_min, box_max);
        }

        /* The break at the end of this line. */
        if (l + 1 < nl && !ubrk_isBoundary(bi, (int32_t)ln->end)) {
            bool inside = false; /* an opportunity the line could have used */
            for (long k = s + 1; k < e && !inside; k++)
                inside = ubrk_isBoundary(bi, (int32_t)d->byte[k]);
            bool grapheme = ubrk_isBoundary(gi, (int32_t)ln->end);
            int ink = ink_max - ink_min;
            if (inside || !grapheme || ink < width - WIDEST_GLYPH)
                FAIL("%s @%d: line %zu breaks at byte %zu, not a UAX #14 opportunity "
                     "(…%.24s|%.24s…)%s%s%s",
                     name, width, l, ln->end, text + (ln->end > 24 ? ln->end - 24 : 0),
                     text + ln->end, inside ? "; the line had an opportunity" : "",
                     grapheme ? "" : "; not even a grapheme boundary",
                     ink < width - WIDEST_GLYPH ? "; and the line is not full" : "");
        }
        if (ink_min < 0 || ink_max > width) {
            /* Allowed only for a word with no break opportunity inside it. */
            bool breakable = false;
            for (long k = s + 1; k < e && !breakable; k++) {
                if (!ubrk_isBoundary(bi, (int32_t)d->byte[k]))
                    continue;
                for (long j = k; j < e && !breakable; j++)
                    breakable = !skipped_char(d->cp[j]);
            }
            if (breakable)
                FAIL("%s @%d: line %zu ink spans x %d..%d, outside 0..%d "
                     "(%.*s)",
                     name, width, l, ink_min, ink_max, width, (int)(ln->end - ln->start),
                     text + ln->start);
        }

        /* Visual order: fribidi's reordering of this line, mapped to txt's clusters. */
        qsort(cl, ncl, sizeof *cl, cmp_u32);
        memcpy(lv, levels, d->n * sizeof *lv);
        for (size_t k = 0; k < d->n; k++)
            map[k] = (FriBidiStrIndex)k;
        if (!fribidi_reorder_line(FRIBIDI_FLAGS_DEFAULT, types, (FriBidiStrIndex)(e - s),
                                  (FriBidiStrIndex)s, base, lv, NULL, map)) {
            FAIL("%s: fribidi_reorder_line failed", name);
            continue;
        }
        size_t nwant = 0;
        for (long k = s; k < e; k++) {
            FriBidiStrIndex c = map[k];
            if (skipped_char(d->cp[c]))
                continue;
            uint32_t cu = cluster_of(cl, ncl, d->byte[c]);
            if (nwant == 0 || want[nwant - 1] != cu)
                want[nwant++] = cu;
        }
        if (nwant != ngot || memcmp(want, got, ngot * sizeof *got)) {
            size_t k = 0;
            while (k < nwant && k < ngot && want[k] == got[k])
                k++;
            FAIL("%s @%d: line %zu reads out of order: at visual position %zu fribidi "
                 "has byte %d, txt has byte %d (%zu vs %zu clusters; line: %.*s)",
                 name, width, l, k, k < nwant ? (int)want[k] : -1,
                 k < ngot ? (int)got[k] : -1, nwant, ngot, (int)(ln->end - ln->start),
                 text + ln->start);
        }
    }
    free(lv);
    free(map);
    free(cl);
    free(want);
    free(got);
    txt_layout_destroy(lo);
}

static void check_paragraph(const char *name, const char *text, size_t len, txt_dir dir)
{
    decoded d;
    decode(text, len, &d);
    FriBidiCharType *types = malloc(d.n * sizeof *types);
    FriBidiBracketType *brackets = malloc(d.n * sizeof *brackets);
    FriBidiLevel *levels = malloc(d.n * sizeof *levels);
    FriBidiParType base = dir == TXT_DIR_LTR ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_RTL;
    fribidi_get_bidi_types(d.cp, (FriBidiStrIndex)d.n, types);
    fribidi_get_bracket_types(d.cp, (FriBidiStrIndex)d.n, types, brackets);
    if (!fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)d.n, &base,
                                             levels)) {
        FAIL("%s: fribidi failed", name);
        goto out;
    }

    UErrorCode st = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &st);
    UBreakIterator *bi = ubrk_open(UBRK_LINE, "ar", NULL, 0, &st);
    UBreakIterator *gi = ubrk_open(UBRK_CHARACTER, "ar", NULL, 0, &st);
    ubrk_setUText(bi, ut, &st);
    ubrk_setUText(gi, ut, &st);
    if (U_FAILURE(st)) {
        FAIL("%s: ICU: %s", name, u_errorName(st));
    } else {
        static const int widths[] = {200, 400, 800};
        for (int w = 0; w < 3; w++)
            check_layout(name, text, len, widths[w], &d, bi, gi, types, levels, base,
                         dir);
    }
    ubrk_close(bi);
    ubrk_close(gi);
    utext_close(ut);
out:
    free(types);
    free(brackets);
    free(levels);
    free(d.cp);
    free(d.byte);
}

/* Written for this test (not seed text): what wraps badly if anything does. */
static const struct {
    const char *name, *text;
    txt_dir dir;
} own[] = {
    {"own:procedure",
     "نستقبل المستفيد بلطف ونجيب عن أسئلته كلها ونمنحه الوقت الكافي، ثم نتأكد من أنه "
     "قدّم جميع المستندات المطلوبة، ونطابق البيانات ونتحقق من صحتها وقت التقديم، وإذا "
     "لم يتضح له الإجراء أحلناه إلى مسؤول البحث الاجتماعي.",
     TXT_DIR_RTL},
    {"own:contacts",
     "للتواصل: الهاتف 0551234567 أو 920012345، البريد "
     "beneficiaries.support@charity-association.example.org، التذكرة A-017 (الدور "
     "الحالي ١٥)، والموقع https://www.example.org/services/walk-in?lang=ar للتسجيل.",
     TXT_DIR_RTL},
    {"own:ltr",
     "Ticket A-017: please wait until your number is called, then go to counter 3. "
     "Questions? Call 0551234567 or write to info@example.org; we answer in Arabic "
     "(العربية) and English.",
     TXT_DIR_LTR},
    {"own:harakat",
     "يَحِقُّ لِلْمُسْتَفِيدِ أَنْ يَسْأَلَ عَنْ طَلَبِهِ فِي أَيِّ وَقْتٍ، وَأَنْ يَعْرِفَ "
     "سَبَبَ الرَّفْضِ إِنْ رُفِضَ الطَّلَبُ خِلَالَ أُسْبُوعَيْنِ.",
     TXT_DIR_RTL},
};

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(void)
{
    const char *seeds = getenv("DAWR_SEEDS"), *assets = getenv("DAWR_ASSETS");
    static const char *names[3] = {"NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf",
                                   "NotoSansSymbols2-Regular.ttf"};
    struct dirent **ents;
    int n;
    if (!assets) {
        printf("skip: DAWR_ASSETS not set\n");
        return 77;
    }
    char path[4096];
    for (int i = 0; i < 3; i++) {
        char *cause = NULL;
        snprintf(path, sizeof path, "%s/fonts/%s", assets, names[i]);
        if (!(fonts[i] = txt_font_open(path, &cause))) {
            fprintf(stderr, "FAIL %s: %s\n", path, cause ? cause : "?");
            return 1;
        }
    }
    int paragraphs = 0;
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++, paragraphs++)
        check_paragraph(own[i].name, own[i].text, strlen(own[i].text), own[i].dir);
    if (!seeds || (n = scandir(seeds, &ents, NULL, by_name)) < 0) {
        printf("no seeds (DAWR_SEEDS): only the paragraphs written here\n");
        n = 0;
        ents = NULL;
    }
    for (int f = 0; f < n; f++) {
        size_t nl = strlen(ents[f]->d_name);
        if (nl < 4 || strcmp(ents[f]->d_name + nl - 4, ".txt")) {
            free(ents[f]);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", seeds, ents[f]->d_name);
        FILE *fp = fopen(path, "r");
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        int lineno = 0;
        while (fp && (len = getline(&line, &cap, fp)) >= 0) {
            lineno++;
            while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
                line[--len] = '\0';
            if (len < MIN_PARAGRAPH)
                continue;
            char name[300];
            snprintf(name, sizeof name, "%s:%d", ents[f]->d_name, lineno);
            check_paragraph(name, line, (size_t)len, TXT_DIR_RTL);
            paragraphs++;
        }
        free(line);
        if (fp)
            fclose(fp);
        free(ents[f]);
    }
    free(ents);
    for (int i = 0; i < 3; i++)
        txt_font_unref(fonts[i]);
    printf("%d paragraphs, %d layouts, %d lines checked, %d failures\n", paragraphs,
           checked_layouts, checked_lines, failures);
    return failures ? 1 : 0;
}
