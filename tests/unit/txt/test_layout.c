/* Layout results that are not hb-shape's business: the Arabic-Indic digit option and
 * the clusters that must still point into the original text, font fallback per run
 * (a ticket label and an e-mail address inside Arabic take the Latin font, digits
 * inside Arabic stay Arabic), and wrapping that never exceeds the width. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "txt_test_fonts.h"

static void test_arabic_digits_string(void **state)
{
    (void)state;
    char *s = txt_arabic_digits("A-017 / 2026");
    assert_string_equal(s, "A-٠١٧ / ٢٠٢٦");
    free(s);
    s = txt_arabic_digits("بدون أرقام");
    assert_string_equal(s, "بدون أرقام");
    free(s);
}

/* The option draws exactly what the Arabic-Indic text draws, with clusters into the
 * original (one byte per digit instead of two). */
static void test_digit_option_clusters(void **state)
{
    (void)state;
    const char *latn = "الموعد 2026/11";
    char *arab = txt_arabic_digits(latn);
    txt_layout *a = test_layout(latn, TXT_DIR_RTL, 0);
    assert_non_null(a);
    assert_true(txt_layout_set_digits(a, TXT_DIGITS_ARAB) && txt_layout_layout(a));
    txt_layout *b = test_layout(arab, TXT_DIR_RTL, 0);
    assert_non_null(b);
    size_t na, nb;
    const txt_glyph *ga = txt_layout_get_glyphs(a, &na);
    const txt_glyph *gb = txt_layout_get_glyphs(b, &nb);
    assert_int_equal(na, nb);
    size_t d0 = test_offset(latn, "2026");
    size_t digits_seen = 0;
    for (size_t i = 0; i < na; i++) {
        assert_int_equal(ga[i].index, gb[i].index);
        assert_int_equal(ga[i].x, gb[i].x);
        if (ga[i].cluster < d0) {
            assert_int_equal(ga[i].cluster, gb[i].cluster);
            continue;
        }
        /* after the first digit every digit is 1 byte in latn, 2 bytes in arab */
        assert_true(ga[i].cluster < strlen(latn));
        if (latn[ga[i].cluster] >= '0' && latn[ga[i].cluster] <= '9')
            digits_seen++;
        size_t k = ga[i].cluster - d0;
        size_t digits_before = 0;
        for (size_t j = 0; j < k; j++)
            digits_before += latn[d0 + j] >= '0' && latn[d0 + j] <= '9';
        assert_int_equal(gb[i].cluster, ga[i].cluster + digits_before);
    }
    assert_int_equal(digits_seen, 6);
    txt_layout_destroy(a);
    txt_layout_destroy(b);
    free(arab);
}

/* The option changes how digits look, not where they go: a ticket label keeps its
 * left-to-right order inside Arabic, exactly as with European digits. */
static void test_digit_option_keeps_order(void **state)
{
    (void)state;
    const char *text = "تذكرتك A-017 الآن";
    size_t a = test_offset(text, "A-017");
    for (int arab = 0; arab < 2; arab++) {
        txt_layout *lo = test_layout(text, TXT_DIR_RTL, 0);
        assert_non_null(lo);
        assert_true(txt_layout_set_digits(lo, arab ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN) &&
                    txt_layout_layout(lo));
        size_t n, k = 0;
        const txt_glyph *g = txt_layout_get_glyphs(lo, &n);
        for (size_t i = 0; i < n; i++) {
            if (g[i].cluster < a || g[i].cluster >= a + 5)
                continue;
            assert_int_equal(g[i].cluster, a + k); /* A - 0 1 7, left to right */
            assert_int_equal(g[i].level, 2);
            k++;
        }
        assert_int_equal(k, 5);
        txt_layout_destroy(lo);
    }
}

/* The font of every glyph whose cluster lies in [from, from + len). */
static void assert_font_of(const txt_layout *lo, size_t from, size_t len, txt_font *want)
{
    size_t n, seen = 0;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &n);
    for (size_t i = 0; i < n; i++) {
        if (g[i].cluster >= from && g[i].cluster < from + len) {
            assert_ptr_equal(g[i].font, want);
            seen++;
        }
    }
    assert_true(seen > 0);
}

static void test_fallback(void **state)
{
    (void)state;
    const char *text = "رقم التذكرة A-017 والبريد info@example.org ورقم الغرفة 12";
    txt_layout *lo = test_layout(text, TXT_DIR_RTL, 0);
    assert_non_null(lo);
    assert_font_of(lo, test_offset(text, "A-017"), 5, test_fonts[1]);
    assert_font_of(lo, test_offset(text, "info@example.org"), 16, test_fonts[1]);
    assert_font_of(lo, test_offset(text, "رقم"), strlen("رقم التذكرة"), test_fonts[0]);
    assert_font_of(lo, test_offset(text, "12"), 2, test_fonts[0]);
    txt_layout_destroy(lo);

    /* a symbol only the third font has */
    const char *sym = "تم ✔ done";
    lo = test_layout(sym, TXT_DIR_RTL, 0);
    assert_non_null(lo);
    assert_true(txt_font_has_char(test_fonts[2], 0x2714));
    if (!txt_font_has_char(test_fonts[0], 0x2714) &&
        !txt_font_has_char(test_fonts[1], 0x2714))
        assert_font_of(lo, test_offset(sym, "✔"), strlen("✔"), test_fonts[2]);
    assert_font_of(lo, test_offset(sym, "done"), 4, test_fonts[1]);
    txt_layout_destroy(lo);
}

static void test_wrapping(void **state)
{
    (void)state;
    const char *text =
        "يرجى من المستفيد إحضار الهوية الوطنية وصك الإعالة عند زيارة مقر الجمعية، "
        "وسيتم استدعاؤه حسب رقم التذكرة A-017 على الشاشة، وللاستفسار راسلنا على "
        "info@example.org أو اتصل على 0501234567 خلال أوقات الدوام الرسمي.";
    const int widths[] = {160, 240, 333, 500, 800};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
        txt_layout *lo = test_layout(text, TXT_DIR_RTL, widths[w]);
        assert_non_null(lo);
        size_t nl, ng;
        const txt_line *ln = txt_layout_get_lines(lo, &nl);
        const txt_glyph *g = txt_layout_get_glyphs(lo, &ng);
        assert_true(nl >= 2);
        size_t at = 0;
        int top = 0;
        for (size_t l = 0; l < nl; l++) {
            assert_int_equal(ln[l].start, at); /* lines cover the text in order */
            assert_true(ln[l].end > ln[l].start);
            at = ln[l].end;
            assert_int_equal(ln[l].top, top);
            top += ln[l].height;
            assert_true(ln[l].width <= widths[w]);
            assert_true(ln[l].x >= 0 && ln[l].x + ln[l].width <= widths[w]);
            /* right-aligned RTL: every line ends at the right edge */
            assert_int_equal(ln[l].x + ln[l].width, widths[w]);
            for (size_t i = ln[l].first_glyph; i < ln[l].first_glyph + ln[l].glyph_count;
                 i++) {
                if (text[g[i].cluster] == ' ')
                    continue; /* a trailing space may hang past the edge */
                assert_true(g[i].x >= 0);
                assert_true(g[i].x + g[i].x_advance <= widths[w]);
            }
        }
        assert_int_equal(at, strlen(text));
        int bw, bh;
        txt_layout_get_size(lo, &bw, &bh);
        assert_int_equal(bh, top);
        assert_true(bw <= widths[w]);
        txt_layout_destroy(lo);
    }
}

static void test_paragraphs_and_direction(void **state)
{
    (void)state;
    txt_layout *lo = test_layout("Hello\nمرحبا", TXT_DIR_AUTO, 0);
    assert_non_null(lo);
    size_t nl;
    const txt_line *ln = txt_layout_get_lines(lo, &nl);
    assert_int_equal(nl, 2);
    assert_int_equal(ln[0].level, 0);
    assert_int_equal(ln[1].level, 1);
    assert_int_equal(ln[1].start, 6);
    assert_int_equal(txt_layout_get_resolved_direction(lo), TXT_DIR_LTR);
    txt_layout_destroy(lo);

    lo = test_layout("مرحبا hello", TXT_DIR_AUTO, 0);
    assert_non_null(lo);
    assert_int_equal(txt_layout_get_resolved_direction(lo), TXT_DIR_RTL);
    txt_layout_destroy(lo);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    txt_layout *lo = txt_layout_create();
    assert_false(txt_layout_layout(lo)); /* no font */
    assert_false(txt_layout_set_size(lo, 0));
    assert_false(txt_layout_set_width(lo, -1));
    assert_false(txt_layout_set_line_spacing(lo, 0.0f));
    assert_false(txt_layout_add_font(lo, NULL));
    /* invalid UTF-8 is laid out, clusters still inside the text */
    assert_true(txt_layout_add_font(lo, test_fonts[0]));
    const char bad[] = "a\xff\xfe"
                       "b\xe2\x82";
    assert_true(txt_layout_set_text(lo, bad, sizeof bad - 1) && txt_layout_layout(lo));
    size_t n;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &n);
    assert_int_equal(n, 6);
    for (size_t i = 0; i < n; i++)
        assert_true(g[i].cluster < sizeof bad - 1);
    txt_layout_destroy(lo);
    txt_layout_destroy(NULL);
    char *cause = NULL;
    assert_null(txt_font_open("/nonexistent/font.ttf", &cause));
    assert_non_null(cause);
    free(cause);
}

static void test_draw(void **state)
{
    (void)state;
    txt_layout *lo = test_layout("سلام A-017", TXT_DIR_RTL, 0);
    assert_non_null(lo);
    int w, h;
    txt_layout_get_size(lo, &w, &h);
    assert_true(w > 0 && h > 0);
    txt_bitmap bm = {.width = w, .height = h, .stride = w + 3};
    bm.pixels = calloc((size_t)bm.stride, (size_t)h);
    txt_layout_draw(lo, &bm, 0, 0);
    size_t ink = 0;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            ink += bm.pixels[y * bm.stride + x] > 128;
    assert_true(ink > 200);
    /* far outside: clipped, nothing drawn, no crash */
    memset(bm.pixels, 0, (size_t)bm.stride * (size_t)h);
    txt_layout_draw(lo, &bm, -10000, 10000);
    txt_layout_draw(lo, &bm, w - 5, -h + 5);
    for (int y = 0; y < h; y++)
        for (int x = w; x < bm.stride; x++)
            assert_int_equal(bm.pixels[y * bm.stride + x], 0); /* stride padding */
    free(bm.pixels);
    /* the cache hands back the same image until cleared */
    const txt_glyph_image *a = txt_font_glyph_image(test_fonts[0], 32, 5);
    assert_ptr_equal(a, txt_font_glyph_image(test_fonts[0], 32, 5));
    txt_cache_clear();
    assert_non_null(txt_font_glyph_image(test_fonts[0], 32, 5));
    txt_layout_destroy(lo);
}

/* Glyphs of @text laid out at @width, as a comparable list. */
static size_t snapshot(const char *text, txt_dir dir, int width, bool cold,
                       txt_glyph *out, size_t cap)
{
    if (cold)
        txt_cache_clear();
    txt_layout *lo = test_layout(text, dir, width);
    assert_non_null(lo);
    size_t n;
    const txt_glyph *g = txt_layout_get_glyphs(lo, &n);
    assert_true(n <= cap);
    memcpy(out, g, n * sizeof *g);
    txt_layout_destroy(lo);
    return n;
}

/* The word cache and the reuse of measured glyphs must never change a result: every
 * text laid out with all caches empty equals the same text laid out after many
 * others (seed lines when there are, built-in sentences always). */
static void test_caches_change_nothing(void **state)
{
    (void)state;
    static const char *const builtin[] = {
        "يرجى الانتظار حتى يظهر رقمك على الشاشة، ثم التوجه إلى النافذة",
        "الرقم A-017 إلى النافذة 3، والرقم A-018 إلى النافذة 4",
        "ثم التوجه إلى النافذة رقم ٣ مع الهوية الوطنية (الأصل)",
        "Please wait until your number appears, then go to window 3",
        "على الشاشة ثم إلى الشاشة ثم على النافذة ثم إلى",
        "« قال ثم ذهب", /* the leading piece is LTR or RTL with the paragraph */
        "( قال ثم ذهب",
        "he said ( yes ) then « no » and left",
    };
    char *lines[160];
    size_t nlines = 0;
    for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
        lines[nlines++] = strdup(builtin[i]);
    const char *seeds = getenv("DAWR_SEEDS");
    char path[1024];
    snprintf(path, sizeof path, "%s/001_ca7e0fb6c7833089.txt", seeds ? seeds : "");
    FILE *f = seeds != NULL ? fopen(path, "r") : NULL;
    if (f != NULL) {
        char buf[4096];
        while (nlines < sizeof lines / sizeof *lines &&
               fgets(buf, sizeof buf, f) != NULL) {
            buf[strcspn(buf, "\r\n")] = '\0';
            if (strlen(buf) > 10)
                lines[nlines++] = strdup(buf);
        }
        fclose(f);
    }
    static txt_glyph warm[4096];
    txt_glyph *cold[sizeof lines / sizeof *lines];
    size_t ncold[sizeof lines / sizeof *lines];
    const int widths[] = {0, 300};
    const txt_dir dirs[] = {TXT_DIR_RTL, TXT_DIR_LTR};
    for (size_t w = 0; w < 4; w++) {
        txt_dir dir = dirs[w / 2];
        int width = widths[w % 2];
        for (size_t i = 0; i < nlines; i++) { /* each alone, every cache empty */
            cold[i] = malloc(4096 * sizeof *cold[i]);
            ncold[i] = snapshot(lines[i], dir, width, true, cold[i], 4096);
        }
        for (size_t d = 0; d < 2; d++) { /* then fill the caches with everything */
            for (size_t i = 0; i < nlines; i++)
                snapshot(lines[i], dirs[d], widths[1 - w % 2], false, warm, 4096);
        }
        for (size_t i = 0; i < nlines; i++) {
            size_t nw = snapshot(lines[i], dir, width, false, warm, 4096);
            assert_int_equal(nw, ncold[i]);
            for (size_t k = 0; k < nw; k++) {
                assert_int_equal(warm[k].index, cold[i][k].index);
                assert_int_equal(warm[k].cluster, cold[i][k].cluster);
                assert_int_equal(warm[k].x, cold[i][k].x);
                assert_int_equal(warm[k].y, cold[i][k].y);
                assert_int_equal(warm[k].x_offset, cold[i][k].x_offset);
                assert_int_equal(warm[k].y_offset, cold[i][k].y_offset);
            }
            free(cold[i]);
        }
    }
    for (size_t i = 0; i < nlines; i++)
        free(lines[i]);
}

/* Lines start only where a caret can stop. ICU's line rules allow a break between a
 * space and a combining mark (LB10 makes the mark an AL) and before a skin tone after
 * some pictographs, but UAX #29 keeps each pair one grapheme; these texts, from the
 * fuzzer, used to end a line at the space with the mark on the next line. */
static void test_break_only_between_graphemes(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t len; /* 0: strlen */
        txt_dir dir;
        int px;
        size_t not_a_line_start; /* byte offset inside a grapheme, 0: none */
    } cases[] = {
        /* U+065F WAVY HAMZA BELOW, which only the Arabic font has */
        {"aaaa bbbb \xd9\x9f"
         "cc",
         0, TXT_DIR_RTL, 40, 10},
        /* control: U+0301 shapes with its space in the Latin font, so harfbuzz's
         * cluster already kept this one together */
        {"aaaa bbbb \xcc\x81"
         "cc",
         0, TXT_DIR_RTL, 40, 10},
        /* U+1F3FD skin tone after the space */
        {"aaaa bbbb \xf0\x9f\x8f\xbd"
         "cc",
         0, TXT_DIR_RTL, 40, 10},
        /* the fuzzer's: a skin tone after stray continuation bytes (U+FFFD) */
        {"\x82\xf0\x9f \xd8\xa7\xd9\x87 p\x00\x00\x00\x00\x00 \xe2\x80\x8f\xe2\x80zone "
         "otval\x9f\x91\x8d\xf0\x9f\x8f\xbd \xe2\x80\x8f\xe2\x80zone\xae"
         "abc\xe2\x80\x0a",
         55, TXT_DIR_AUTO, 37, 34},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        const char *text = cases[c].text;
        size_t len = cases[c].len ? cases[c].len : strlen(text);
        txt_layout *lo = test_layout(text, cases[c].dir, 200);
        assert_non_null(lo);
        assert_true(txt_layout_set_text(lo, text, len) &&
                    txt_layout_set_size(lo, cases[c].px) && txt_layout_layout(lo));
        size_t nl;
        const txt_line *ln = txt_layout_get_lines(lo, &nl);
        assert_true(nl >= 2); /* 200 px does wrap these */
        for (size_t l = 0; l < nl; l++) {
            size_t at = 0;
            while (at < ln[l].start)
                at = txt_layout_next_grapheme(lo, at);
            assert_int_equal(at, ln[l].start); /* the line starts at a caret stop */
            assert_true(ln[l].start != cases[c].not_a_line_start || l == 0);
        }
        txt_layout_destroy(lo);
    }
}

int main(void)
{
    int skip = test_fonts_open();
    if (skip)
        return skip;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arabic_digits_string),
        cmocka_unit_test(test_digit_option_clusters),
        cmocka_unit_test(test_digit_option_keeps_order),
        cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_wrapping),
        cmocka_unit_test(test_paragraphs_and_direction),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_draw),
        cmocka_unit_test(test_caches_change_nothing),
        cmocka_unit_test(test_break_only_between_graphemes),
    };
    int r = cmocka_run_group_tests(tests, NULL, NULL);
    test_fonts_close();
    return r;
}
