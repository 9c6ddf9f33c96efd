/* keyboard — see keyboard.h. The layouts are static tables; the Arabic one follows
 * the usual Arabic (101) keyboard's letter rows so people who type on a phone or PC
 * find letters where they expect, with the hamza forms and lam-alef on the bottom
 * row. lam-alef inserts two letters, ل and ا, as typing them one by one would. */
#include "keyboard.h"

#define K(s)                                                                             \
    {                                                                                    \
        s, s, 2, KEYBOARD_INSERT, 0                                                      \
    }
#define KW(s, w)                                                                         \
    {                                                                                    \
        s, s, w, KEYBOARD_INSERT, 0                                                      \
    }
#define KL(label, ins)                                                                   \
    {                                                                                    \
        label, ins, 2, KEYBOARD_INSERT, 0                                                \
    }
#define BACK(w)                                                                          \
    {                                                                                    \
        "\u232B", NULL, w, KEYBOARD_BACKSPACE, 0                                         \
    }
#define ENTER(w)                                                                         \
    {                                                                                    \
        "\u23CE", NULL, w, KEYBOARD_ENTER, 0                                             \
    }
#define SPACE(label, w)                                                                  \
    {                                                                                    \
        label, " ", w, KEYBOARD_INSERT, 0                                                \
    }
#define LAYER(label, w, l)                                                               \
    {                                                                                    \
        label, NULL, w, KEYBOARD_LAYER, l                                                \
    }
#define LETTERS(label, w)                                                                \
    {                                                                                    \
        label, NULL, w, KEYBOARD_LETTERS, 0                                              \
    }
/* A haraka is shown on a tatweel so it has something to sit on. */
#define HARAKA(h)                                                                        \
    {                                                                                    \
        "\u0640" h, h, 2, KEYBOARD_INSERT, 0                                             \
    }

struct keyboard_row_def {
    const struct keyboard_key *keys;
    size_t count;
};
#define ROW(a)                                                                           \
    {                                                                                    \
        a, sizeof a / sizeof a[0]                                                        \
    }

static const struct keyboard_key ar1[] = {K("ض"), K("ص"), K("ث"), K("ق"), K("ف"), K("غ"),
                                          K("ع"), K("ه"), K("خ"), K("ح"), K("ج"), K("د")};
static const struct keyboard_key ar2[] = {K("ش"), K("س"), K("ي"), K("ب"), K("ل"), K("ا"),
                                          K("ت"), K("ن"), K("م"), K("ك"), K("ط"), K("ذ")};
static const struct keyboard_key ar3[] = {
    LAYER("حركات", 3, KEYBOARD_HARAKAT),
    K("ئ"),
    K("ء"),
    K("ؤ"),
    K("ر"),
    K("ى"),
    K("ة"),
    K("و"),
    K("ز"),
    K("ظ"),
    BACK(3),
};
static const struct keyboard_key ar4[] = {
    LAYER("EN", 3, KEYBOARD_ENGLISH),
    LAYER("١٢٣", 3, KEYBOARD_DIGITS),
    K("أ"),
    K("إ"),
    K("آ"),
    SPACE("مسافة", 6),
    KL("لا", "لا"),
    ENTER(4),
};

static const struct keyboard_key ha1[] = {
    HARAKA("\u064E"), HARAKA("\u064B"), HARAKA("\u064F"), HARAKA("\u064C"),
    HARAKA("\u0650"), HARAKA("\u064D"), HARAKA("\u0652"), HARAKA("\u0651"),
    K("،"),           K("؛"),           K("؟"),           K("."),
};
static const struct keyboard_key ha2[] = {K("("), K(")"), K("-"),  K("/"),
                                          K(":"), K("!"), K("\""), K("'"),
                                          K("@"), K("_"), K("+"),  K("#")};
static const struct keyboard_key ha3[] = {
    LETTERS("أبج", 3),
    K("%"),
    K("&"),
    K("*"),
    K("="),
    K("<"),
    K(">"),
    K("،"),
    K("«"),
    K("»"),
    BACK(3),
};
static const struct keyboard_key ha4[] = {
    LAYER("EN", 3, KEYBOARD_ENGLISH),
    LAYER("١٢٣", 3, KEYBOARD_DIGITS),
    SPACE("مسافة", 14),
    ENTER(4),
};

static const struct keyboard_key en1[] = {K("q"), K("w"), K("e"), K("r"), K("t"), K("y"),
                                          K("u"), K("i"), K("o"), K("p"), BACK(4)};
static const struct keyboard_key en2[] = {K("a"), K("s"), K("d"), K("f"), K("g"),
                                          K("h"), K("j"), K("k"), K("l"), K("'")};
static const struct keyboard_key en3[] = {
    LAYER("\u21E7", 3, KEYBOARD_SHIFT),
    K("z"),
    K("x"),
    K("c"),
    K("v"),
    K("b"),
    K("n"),
    K("m"),
    K("-"),
    K("."),
    BACK(3),
};
static const struct keyboard_key en4[] = {
    LAYER("عربي", 3, KEYBOARD_ARABIC),
    LAYER("123", 3, KEYBOARD_DIGITS),
    K("@"),
    SPACE("space", 10),
    K(","),
    ENTER(4),
};

static const struct keyboard_key sh1[] = {K("Q"), K("W"), K("E"), K("R"), K("T"), K("Y"),
                                          K("U"), K("I"), K("O"), K("P"), BACK(4)};
static const struct keyboard_key sh2[] = {K("A"), K("S"), K("D"), K("F"), K("G"),
                                          K("H"), K("J"), K("K"), K("L"), K("\"")};
static const struct keyboard_key sh3[] = {
    LAYER("\u21E7", 3, KEYBOARD_ENGLISH),
    K("Z"),
    K("X"),
    K("C"),
    K("V"),
    K("B"),
    K("N"),
    K("M"),
    K("_"),
    K("?"),
    BACK(3),
};

static const struct keyboard_key dg1[] = {KW("1", 8), KW("2", 8), KW("3", 8)};
static const struct keyboard_key dg2[] = {KW("4", 8), KW("5", 8), KW("6", 8)};
static const struct keyboard_key dg3[] = {KW("7", 8), KW("8", 8), KW("9", 8)};
static const struct keyboard_key dg4[] = {LETTERS("أبج / abc", 6), KW("0", 6), BACK(6),
                                          ENTER(6)};
static const struct keyboard_key do4[] = {BACK(8), KW("0", 8), ENTER(8)};

static const struct keyboard_row_def layers[KEYBOARD_LAYERS][4] = {
    [KEYBOARD_ARABIC] = {ROW(ar1), ROW(ar2), ROW(ar3), ROW(ar4)},
    [KEYBOARD_HARAKAT] = {ROW(ha1), ROW(ha2), ROW(ha3), ROW(ha4)},
    [KEYBOARD_ENGLISH] = {ROW(en1), ROW(en2), ROW(en3), ROW(en4)},
    [KEYBOARD_SHIFT] = {ROW(sh1), ROW(sh2), ROW(sh3), ROW(en4)},
    [KEYBOARD_DIGITS] = {ROW(dg1), ROW(dg2), ROW(dg3), ROW(dg4)},
    [KEYBOARD_DIGITS_ONLY] = {ROW(dg1), ROW(dg2), ROW(dg3), ROW(do4)},
};

size_t keyboard_rows(enum keyboard_layer layer)
{
    return layer < KEYBOARD_LAYERS ? 4 : 0;
}

const struct keyboard_key *keyboard_row(enum keyboard_layer layer, size_t row,
                                        size_t *count)
{
    if (row >= keyboard_rows(layer)) {
        *count = 0;
        return NULL;
    }
    *count = layers[layer][row].count;
    return layers[layer][row].keys;
}

bool keyboard_key_rect(enum keyboard_layer layer, struct keyboard_rect area, size_t row,
                       size_t i, struct keyboard_rect *out)
{
    size_t n, rows = keyboard_rows(layer);
    const struct keyboard_key *keys = keyboard_row(layer, row, &n);
    if (keys == NULL || i >= n || area.w <= 0 || area.h <= 0)
        return false;
    int total = 0, before = 0;
    for (size_t k = 0; k < n; k++) {
        if (k < i)
            before += keys[k].units;
        total += keys[k].units;
    }
    /* Edges from cumulative units, so rounding never opens a gap between cells. */
    int u0 = (KEYBOARD_UNITS - total) + 2 * before; /* in half units, centred */
    int u1 = u0 + 2 * keys[i].units;
    out->x = area.x + (int)((long)area.w * u0 / (2 * KEYBOARD_UNITS));
    out->w = area.x + (int)((long)area.w * u1 / (2 * KEYBOARD_UNITS)) - out->x;
    out->y = area.y + (int)((long)area.h * (long)row / (long)rows);
    out->h = area.y + (int)((long)area.h * (long)(row + 1) / (long)rows) - out->y;
    return true;
}

const struct keyboard_key *keyboard_hit(enum keyboard_layer layer,
                                        struct keyboard_rect area, int x, int y)
{
    size_t rows = keyboard_rows(layer);
    for (size_t r = 0; r < rows; r++) {
        size_t n;
        const struct keyboard_key *keys = keyboard_row(layer, r, &n);
        for (size_t i = 0; i < n; i++) {
            struct keyboard_rect k;
            if (keyboard_key_rect(layer, area, r, i, &k) && x >= k.x && x < k.x + k.w &&
                y >= k.y && y < k.y + k.h)
                return &keys[i];
        }
    }
    return NULL;
}

void keyboard_init(struct keyboard *kb, enum keyboard_layer layer)
{
    kb->layer = layer;
    kb->letters = layer == KEYBOARD_ENGLISH || layer == KEYBOARD_SHIFT ? KEYBOARD_ENGLISH
                                                                       : KEYBOARD_ARABIC;
}

enum keyboard_action keyboard_press(struct keyboard *kb, const struct keyboard_key *key,
                                    const char **insert)
{
    *insert = NULL;
    if (key == NULL)
        return KEYBOARD_NONE;
    switch (key->action) {
    case KEYBOARD_INSERT:
        *insert = key->insert;
        if (kb->layer == KEYBOARD_SHIFT)
            kb->layer = KEYBOARD_ENGLISH;
        return KEYBOARD_INSERT;
    case KEYBOARD_LAYER:
        kb->layer = key->layer;
        if (key->layer == KEYBOARD_ARABIC || key->layer == KEYBOARD_ENGLISH)
            kb->letters = key->layer;
        return KEYBOARD_NONE;
    case KEYBOARD_LETTERS:
        kb->layer = kb->letters;
        return KEYBOARD_NONE;
    case KEYBOARD_BACKSPACE:
    case KEYBOARD_ENTER:
        return key->action;
    case KEYBOARD_NONE:
        break;
    }
    return KEYBOARD_NONE;
}
