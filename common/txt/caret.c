/* caret — byte offsets to caret positions and back, for text fields. A caret sits at
 * the leading edge of the character at its offset (the right edge for RTL text, the
 * left edge for LTR), so across a direction change it moves with the character.
 * Inside a cluster that holds several graphemes (lam-alef) the glyph's advance is
 * split by the font's ligature carets or, without them, into equal parts. */
#include "txt_int.h"

/* The codepoint whose bytes contain @index (n for the end of the text). */
static size_t caret_cp(const txt_layout *lo, size_t index)
{
    size_t lo_i = 0, hi = lo->n;
    while (lo_i < hi) {
        size_t mid = (lo_i + hi + 1) / 2;
        if (lo->offs[mid] <= index)
            lo_i = mid;
        else
            hi = mid - 1;
    }
    return lo_i;
}

static const txt_line *caret_line(const txt_layout *lo, size_t index)
{
    for (size_t l = 0; l < lo->nlines; l++) {
        const txt_line *ln = &lo->lines[l];
        if (index >= ln->start && index < ln->end)
            return ln;
        if (index == ln->end && (l + 1 == lo->nlines || lo->lines[l + 1].start != index))
            return ln;
    }
    return lo->nlines ? &lo->lines[lo->nlines - 1] : NULL;
}

/* The cluster of line @ln holding @index: its byte range, visual extent, level and,
 * when it is one glyph, that glyph. False if the line has no cluster at or before. */
struct caret_cluster {
    size_t start, end;
    int left, right, level;
    const txt_glyph *glyph; /* NULL when the cluster has several glyphs */
};

static bool caret_cluster_find(const txt_layout *lo, const txt_line *ln, size_t index,
                               struct caret_cluster *c)
{
    size_t count = ln->glyph_count;
    /* an empty text has no glyph array: NULL + 0 would be undefined */
    const txt_glyph *g = count ? lo->glyphs + ln->first_glyph : NULL;
    bool found = false;
    c->start = 0;
    for (size_t i = 0; i < count; i++) {
        if (g[i].cluster <= index && (!found || g[i].cluster > c->start)) {
            c->start = g[i].cluster;
            found = true;
        }
    }
    if (!found)
        return false;
    c->end = ln->end;
    int glyphs = 0;
    for (size_t i = 0; i < count; i++) {
        if (g[i].cluster > c->start && g[i].cluster < c->end)
            c->end = g[i].cluster;
        if (g[i].cluster != c->start)
            continue;
        if (glyphs == 0 || g[i].x < c->left)
            c->left = g[i].x;
        if (glyphs == 0 || g[i].x + g[i].x_advance > c->right)
            c->right = g[i].x + g[i].x_advance;
        if (glyphs == 0)
            c->level = g[i].level;
        c->glyph = &g[i];
        glyphs++;
    }
    if (glyphs > 1)
        c->glyph = NULL;
    return true;
}

/* x of the caret stop @j of @k inside cluster @c (0 = leading edge, k = trailing). */
static int caret_split(const txt_layout *lo, const struct caret_cluster *c, int j, int k)
{
    bool rtl = c->level & 1;
    if (j > 0 && j < k && c->glyph != NULL) {
        hb_position_t carets[16];
        unsigned nc = 16;
        hb_font_t *hb = txt_font_size_get(c->glyph->font, lo->px)->hb;
        hb_ot_layout_get_ligature_carets(hb, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR,
                                         c->glyph->index, 0, &nc, carets);
        if ((int)nc == k - 1) {
            /* carets are x positions from the glyph origin; sort so [0] is leading */
            for (unsigned a = 1; a < nc; a++) {
                for (unsigned b = a; b > 0 && (rtl ? carets[b] > carets[b - 1]
                                                   : carets[b] < carets[b - 1]);
                     b--) {
                    hb_position_t t = carets[b];
                    carets[b] = carets[b - 1];
                    carets[b - 1] = t;
                }
            }
            return c->glyph->x + carets[j - 1];
        }
    }
    int w = c->right - c->left;
    return rtl ? c->right - w * j / k : c->left + w * j / k;
}

static int caret_x(const txt_layout *lo, const txt_line *ln, size_t index)
{
    struct caret_cluster c;
    if (index >= ln->end && ln->end > ln->start) {
        /* after the last character: its trailing edge */
        if (!caret_cluster_find(lo, ln, ln->end - 1, &c))
            return ln->x;
        return caret_split(lo, &c, 1, 1);
    }
    if (!caret_cluster_find(lo, ln, index, &c))
        return ln->level ? ln->x + ln->width : ln->x;
    size_t a = caret_cp(lo, c.start), b = caret_cp(lo, c.end), at = caret_cp(lo, index);
    int k = 0, j = 0;
    for (size_t i = a; i < b; i++) {
        if (i == a || lo->grapheme[i]) {
            k++;
            if (i <= at)
                j = k - 1;
        }
    }
    return caret_split(lo, &c, j, k > 0 ? k : 1);
}

bool txt_layout_index_to_position(const txt_layout *lo, size_t index, int *x, int *y,
                                  int *height)
{
    if (lo == NULL || !lo->laid_out || index > lo->len)
        return false;
    txt_layout_graphemes(lo);
    const txt_line *ln = caret_line(lo, index);
    if (ln == NULL)
        return false;
    if (x != NULL)
        *x = caret_x(lo, ln, index);
    if (y != NULL)
        *y = ln->top;
    if (height != NULL)
        *height = ln->height;
    return true;
}

bool txt_layout_position_to_index(const txt_layout *lo, int x, int y, size_t *index)
{
    if (lo == NULL || !lo->laid_out || lo->nlines == 0 || index == NULL)
        return false;
    txt_layout_graphemes(lo);
    const txt_line *ln = &lo->lines[0];
    for (size_t l = 0; l < lo->nlines; l++) {
        if (y >= lo->lines[l].top)
            ln = &lo->lines[l];
    }
    /* Every grapheme boundary of the line is a candidate; the nearest wins. */
    size_t best = ln->start;
    int best_d = -1;
    size_t i = caret_cp(lo, ln->start);
    for (;;) {
        size_t b = lo->offs[i];
        if (b > ln->end)
            break;
        if (b == ln->end || lo->grapheme[i]) {
            int d = caret_x(lo, ln, b) - x;
            d = d < 0 ? -d : d;
            if (best_d < 0 || d < best_d) {
                best_d = d;
                best = b;
            }
        }
        if (b == ln->end || i >= lo->n)
            break;
        i++;
    }
    *index = best;
    return true;
}

/* Steps over one UTF-8 character: the fallback before the text is laid out. */
static size_t caret_utf8_step(const txt_layout *lo, size_t index, int dir)
{
    const unsigned char *s = (const unsigned char *)lo->text;
    if (dir > 0) {
        index++;
        while (index < lo->len && (s[index] & 0xc0) == 0x80)
            index++;
        return index > lo->len ? lo->len : index;
    }
    if (index == 0)
        return 0;
    index--;
    while (index > 0 && (s[index] & 0xc0) == 0x80)
        index--;
    return index;
}

size_t txt_layout_next_grapheme(const txt_layout *lo, size_t index)
{
    if (lo == NULL)
        return 0;
    if (index >= lo->len)
        return lo->len;
    if (!lo->laid_out)
        return caret_utf8_step(lo, index, 1);
    txt_layout_graphemes(lo);
    size_t j = caret_cp(lo, index) + 1;
    while (j < lo->n && !lo->grapheme[j])
        j++;
    return lo->offs[j];
}

size_t txt_layout_prev_grapheme(const txt_layout *lo, size_t index)
{
    if (lo == NULL || index == 0)
        return 0;
    if (index > lo->len)
        index = lo->len;
    if (!lo->laid_out)
        return caret_utf8_step(lo, index, -1);
    txt_layout_graphemes(lo);
    size_t j = caret_cp(lo, index);
    if (lo->offs[j] == index)
        j--;
    while (j > 0 && !lo->grapheme[j])
        j--;
    return lo->offs[j];
}
