/* draw-text — draw_text(): a string laid out with the default fonts, cached.
 *
 * Screens redraw the same labels every frame; laying out is the costly part
 * (bidi, line breaking, shaping), so layouts are kept by (text, style) and the
 * least recently used one is dropped when the cache is full. */
#include <stdlib.h>
#include <string.h>

#include "draw-int.h"
#include "util.h"

#define TEXT_CACHE_MAX 128
#define TEXT_DEFAULT_PX 32

struct text_entry {
    char *text;
    struct draw_style st;
    txt_layout *lo;
    unsigned long used; /* tick of the last use */
};

struct draw_text_cache {
    struct text_entry entries[TEXT_CACHE_MAX];
    int count;
    unsigned long tick;
};

struct draw_text_cache *draw_text_cache_create(void)
{
    return xcalloc(1, sizeof(struct draw_text_cache));
}

static void text_entry_clear(struct text_entry *e)
{
    free(e->text);
    txt_layout_destroy(e->lo);
    memset(e, 0, sizeof *e);
}

void draw_text_cache_destroy(struct draw_text_cache *tc)
{
    if (tc == NULL)
        return;
    for (int i = 0; i < tc->count; i++)
        text_entry_clear(&tc->entries[i]);
    free(tc);
}

int draw_text_cache_count(const struct draw_text_cache *tc)
{
    return tc->count;
}

/* Fills in the defaults so equal-looking styles compare equal. */
static struct draw_style text_style(const struct draw_style *st)
{
    struct draw_style s = {0};

    if (st != NULL) {
        s.px = st->px;
        s.width = st->width;
        s.align = st->align;
        s.dir = st->dir;
        s.digits = st->digits;
        s.bold = st->bold;
        s.line_spacing = st->line_spacing;
    }
    if (s.px <= 0)
        s.px = TEXT_DEFAULT_PX;
    if (s.width < 0)
        s.width = 0;
    if (s.line_spacing <= 0.0f)
        s.line_spacing = 1.0f;
    return s;
}

static bool text_style_equal(const struct draw_style *a, const struct draw_style *b)
{
    return a->px == b->px && a->width == b->width && a->align == b->align &&
           a->dir == b->dir && a->digits == b->digits && a->bold == b->bold &&
           a->line_spacing == b->line_spacing;
}

static txt_layout *text_lay_out(struct draw *d, const char *utf8,
                                const struct draw_style *s)
{
    txt_layout *lo = txt_layout_create();

    if (txt_layout_set_text(lo, utf8, strlen(utf8)) && draw_add_fonts(d, lo, s->bold) &&
        txt_layout_set_size(lo, s->px) && txt_layout_set_width(lo, s->width) &&
        txt_layout_set_direction(lo, s->dir) && txt_layout_set_align(lo, s->align) &&
        txt_layout_set_digits(lo, s->digits) &&
        txt_layout_set_line_spacing(lo, s->line_spacing) && txt_layout_layout(lo))
        return lo;
    txt_layout_destroy(lo);
    return NULL;
}

static struct text_entry *text_lookup(struct draw *d, const char *utf8,
                                      const struct draw_style *s)
{
    struct draw_text_cache *tc = d->texts;
    struct text_entry *e = NULL;
    txt_layout *lo;

    tc->tick++;
    for (int i = 0; i < tc->count; i++) {
        e = &tc->entries[i];
        if (text_style_equal(&e->st, s) && strcmp(e->text, utf8) == 0) {
            e->used = tc->tick;
            return e;
        }
    }
    lo = text_lay_out(d, utf8, s);
    if (lo == NULL)
        return NULL;
    if (tc->count < TEXT_CACHE_MAX) {
        e = &tc->entries[tc->count++];
    } else {
        e = &tc->entries[0];
        for (int i = 1; i < tc->count; i++) {
            if (tc->entries[i].used < e->used)
                e = &tc->entries[i];
        }
        text_entry_clear(e);
    }
    e->text = xstrdup(utf8);
    e->st = *s;
    e->lo = lo;
    e->used = tc->tick;
    return e;
}

const txt_layout *draw_text_layout(struct draw *d, const char *utf8,
                                   const struct draw_style *st)
{
    struct draw_style s = text_style(st);
    struct text_entry *e;

    if (d == NULL || utf8 == NULL)
        return NULL;
    e = text_lookup(d, utf8, &s);
    return e != NULL ? e->lo : NULL;
}

int draw_text(struct draw *d, const char *utf8, const struct draw_style *st, int x, int y,
              SDL_Color c)
{
    struct draw_style s = text_style(st);
    struct text_entry *e;
    int h = 0;

    if (d == NULL || utf8 == NULL)
        return -1;
    e = text_lookup(d, utf8, &s);
    if (e == NULL)
        return -1;
    draw_layout(d, e->lo, s.px, x, y, c);
    txt_layout_get_size(e->lo, NULL, &h);
    return h;
}
