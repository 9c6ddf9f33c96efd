/* cache — rasterised glyphs, keyed by (font, pixel size, glyph index). Each font owns
 * an open-addressing hash table of its glyphs; a glyph is rendered by FreeType once
 * and then drawn from memory, which is what makes warm drawing cheap. */
#include "txt_int.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

struct txt_glyph_slot {
    uint64_t key; /* px << 32 | index; 0 = empty (px is never 0) */
    txt_glyph_image img;
};

struct txt_glyph_cache {
    struct txt_glyph_slot *slots;
    size_t cap, used; /* cap is a power of two */
};

static uint64_t cache_hash(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

static void cache_clear_one(struct txt_glyph_cache *c)
{
    for (size_t i = 0; i < c->cap; i++) {
        if (c->slots[i].key != 0)
            free((void *)c->slots[i].img.pixels);
    }
    free(c->slots);
    c->slots = NULL;
    c->cap = c->used = 0;
}

void txt_glyph_cache_free(struct txt_glyph_cache *cache)
{
    if (cache == NULL)
        return;
    cache_clear_one(cache);
    free(cache);
}

void txt_cache_clear(void)
{
    txt_shape_cache_clear_all();
    for (txt_font *f = txt_font_first(); f != NULL; f = f->next) {
        if (f->cache != NULL)
            cache_clear_one(f->cache);
    }
}

static struct txt_glyph_slot *cache_find(struct txt_glyph_cache *c, uint64_t key)
{
    size_t mask = c->cap - 1;
    for (size_t i = cache_hash(key) & mask;; i = (i + 1) & mask) {
        if (c->slots[i].key == key || c->slots[i].key == 0)
            return &c->slots[i];
    }
}

static void cache_grow(struct txt_glyph_cache *c)
{
    struct txt_glyph_cache old = *c;
    c->cap = old.cap ? old.cap * 2 : 256;
    c->slots = xcalloc(c->cap, sizeof *c->slots);
    for (size_t i = 0; i < old.cap; i++) {
        if (old.slots[i].key != 0)
            *cache_find(c, old.slots[i].key) = old.slots[i];
    }
    free(old.slots);
}

/* Renders with FreeType into a tightly packed copy the cache owns. */
static bool cache_render(txt_font *font, int px, uint32_t index, txt_glyph_image *img)
{
    if (font->ft_px != px) {
        if (FT_Set_Pixel_Sizes(font->ft, 0, (FT_UInt)px) != 0)
            return false;
        font->ft_px = px;
    }
    if (FT_Load_Glyph(font->ft, index, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0)
        return false;
    FT_GlyphSlot g = font->ft->glyph;
    if (FT_Render_Glyph(g, FT_RENDER_MODE_NORMAL) != 0)
        return false;
    const FT_Bitmap *b = &g->bitmap;
    if (b->pixel_mode != FT_PIXEL_MODE_GRAY && b->rows > 0)
        return false;
    img->width = (int)b->width;
    img->height = (int)b->rows;
    img->pitch = (int)b->width;
    img->left = g->bitmap_left;
    img->top = g->bitmap_top;
    uint8_t *px_out = xmalloc((size_t)img->width * (size_t)img->height);
    for (int y = 0; y < img->height; y++)
        memcpy(px_out + (size_t)y * (size_t)img->width,
               b->buffer + (ptrdiff_t)y * b->pitch, (size_t)img->width);
    img->pixels = px_out;
    return true;
}

const txt_glyph_image *txt_font_glyph_image(txt_font *font, int px, uint32_t index)
{
    if (font == NULL || px <= 0 || px > 4096)
        return NULL;
    if (font->cache == NULL)
        font->cache = xcalloc(1, sizeof *font->cache);
    struct txt_glyph_cache *c = font->cache;
    if ((c->used + 1) * 4 > c->cap * 3)
        cache_grow(c);
    uint64_t key = (uint64_t)px << 32 | index;
    struct txt_glyph_slot *s = cache_find(c, key);
    if (s->key == key)
        return &s->img;
    txt_glyph_image img;
    if (!cache_render(font, px, index, &img))
        return NULL;
    s->key = key;
    s->img = img;
    c->used++;
    return &s->img;
}
