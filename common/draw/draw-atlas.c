/* draw-atlas — glyph images from txt's cache, packed onto a few RGBA textures.
 *
 * Each page is a 1024×1024 texture of white pixels whose alpha is the glyph's
 * coverage, so one SDL_RenderCopy with colour and alpha modulation draws a glyph in
 * any colour. Large glyphs are also kept already tinted, per colour: SDL's
 * software renderer copies unmodulated pixels through its fast blending path, and
 * a 350 px label is most of a board's drawing. Glyphs are placed on shelves (rows as tall as their tallest glyph):
 * text at a handful of sizes fills shelves well, and placing is O(shelves).
 * A hash table maps (font, px, glyph index) to a slot. When every page is full the
 * atlas starts afresh; SDL flushes queued copies before a texture is rewritten, so
 * that is safe even in the middle of a frame.
 *
 * Fonts are keyed by address, so the atlas holds a reference on each font it has
 * seen: a freed font's address cannot come back as another font's. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "draw-int.h"
#include "util.h"

#define ATLAS_SIZE 1024
#define ATLAS_MAX_PAGES 4
#define ATLAS_PAD 1 /* empty pixels between glyphs, so neighbours never bleed */

struct atlas_shelf {
    int y, height, x;
};

struct atlas_page {
    SDL_Texture *tex;
    struct atlas_shelf *shelves;
    size_t nshelves, shelves_cap;
    int bottom; /* first row below the last shelf */
};

struct atlas_entry {
    txt_font *font; /* NULL: empty slot */
    int px;
    uint32_t index, tint;
    struct draw_atlas_glyph glyph;
};

struct draw_atlas {
    SDL_Renderer *renderer;
    struct atlas_page pages[ATLAS_MAX_PAGES];
    int npages;
    struct atlas_entry *table;
    size_t table_cap, count; /* cap is a power of two */
    txt_font **fonts;        /* referenced; see the file comment */
    size_t nfonts, fonts_cap;
    uint32_t *upload; /* scratch RGBA for one glyph */
    size_t upload_cap;
};

struct draw_atlas *draw_atlas_create(SDL_Renderer *r)
{
    struct draw_atlas *a = xcalloc(1, sizeof *a);

    a->renderer = r;
    a->table_cap = 1024;
    a->table = xcalloc(a->table_cap, sizeof *a->table);
    return a;
}

void draw_atlas_destroy(struct draw_atlas *a)
{
    if (a == NULL)
        return;
    for (int i = 0; i < a->npages; i++) {
        SDL_DestroyTexture(a->pages[i].tex);
        free(a->pages[i].shelves);
    }
    for (size_t i = 0; i < a->nfonts; i++)
        txt_font_unref(a->fonts[i]);
    free(a->fonts);
    free(a->table);
    free(a->upload);
    free(a);
}

static size_t atlas_hash(const txt_font *font, int px, uint32_t index, uint32_t tint)
{
    uint64_t h = (uint64_t)(uintptr_t)font * 0x9E3779B97F4A7C15ull;

    h ^= ((uint64_t)(uint32_t)px << 32 | index) * 0xC2B2AE3D27D4EB4Full;
    h ^= (uint64_t)tint * 0x165667B19E3779F9ull;
    return (size_t)(h ^ (h >> 29));
}

static struct atlas_entry *atlas_slot(struct atlas_entry *table, size_t cap,
                                      const txt_font *font, int px, uint32_t index,
                                      uint32_t tint)
{
    size_t i = atlas_hash(font, px, index, tint) & (cap - 1);

    while (table[i].font != NULL &&
           !(table[i].font == font && table[i].px == px && table[i].index == index &&
             table[i].tint == tint))
        i = (i + 1) & (cap - 1);
    return &table[i];
}

static void atlas_grow_table(struct draw_atlas *a)
{
    size_t cap = a->table_cap * 2;
    struct atlas_entry *t = xcalloc(cap, sizeof *t);

    for (size_t i = 0; i < a->table_cap; i++) {
        struct atlas_entry *e = &a->table[i];
        if (e->font != NULL)
            *atlas_slot(t, cap, e->font, e->px, e->index, e->tint) = *e;
    }
    free(a->table);
    a->table = t;
    a->table_cap = cap;
}

static void atlas_keep_font(struct draw_atlas *a, txt_font *font)
{
    for (size_t i = 0; i < a->nfonts; i++) {
        if (a->fonts[i] == font)
            return;
    }
    a->fonts =
        xreallocarray_grow(a->fonts, &a->fonts_cap, a->nfonts + 1, sizeof *a->fonts);
    a->fonts[a->nfonts++] = txt_font_ref(font);
}

/* Forgets every glyph; pages and their textures are kept for reuse. */
static void atlas_reset(struct draw_atlas *a)
{
    memset(a->table, 0, a->table_cap * sizeof *a->table);
    a->count = 0;
    for (int i = 0; i < a->npages; i++) {
        a->pages[i].nshelves = 0;
        a->pages[i].bottom = 0;
    }
}

/* Finds room for a @w×@h box on @p; false if there is none. */
static bool atlas_place(struct atlas_page *p, int w, int h, SDL_Rect *out)
{
    struct atlas_shelf *best = NULL;

    for (size_t i = 0; i < p->nshelves; i++) {
        struct atlas_shelf *s = &p->shelves[i];
        /* The shortest shelf that fits wastes the least height. */
        if (s->height >= h && s->x + w <= ATLAS_SIZE &&
            (best == NULL || s->height < best->height))
            best = s;
    }
    if (best == NULL) {
        if (p->bottom + h > ATLAS_SIZE || w > ATLAS_SIZE)
            return false;
        p->shelves = xreallocarray_grow(p->shelves, &p->shelves_cap, p->nshelves + 1,
                                        sizeof *p->shelves);
        best = &p->shelves[p->nshelves++];
        best->y = p->bottom;
        best->height = h;
        best->x = 0;
        p->bottom += h;
    }
    *out = (SDL_Rect){best->x, best->y, w, h};
    best->x += w;
    return true;
}

static bool atlas_new_page(struct draw_atlas *a)
{
    struct atlas_page *p;
    SDL_Texture *tex;

    if (a->npages == ATLAS_MAX_PAGES)
        return false;
    tex = SDL_CreateTexture(a->renderer, SDL_PIXELFORMAT_ARGB8888,
                            SDL_TEXTUREACCESS_STATIC, ATLAS_SIZE, ATLAS_SIZE);
    if (tex == NULL)
        return false;
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    p = &a->pages[a->npages++];
    memset(p, 0, sizeof *p);
    p->tex = tex;
    return true;
}

/* Places a @w×@h box on some page, starting afresh if all are full. */
static bool atlas_alloc(struct draw_atlas *a, int w, int h, SDL_Rect *r,
                        SDL_Texture **tex)
{
    /* A glyph bigger than a page (text over ~700 px) would empty the atlas every
     * time it is asked for and still not fit. */
    if (w > ATLAS_SIZE || h > ATLAS_SIZE)
        return false;
    for (int attempt = 0; attempt < 2; attempt++) {
        for (int i = 0; i < a->npages; i++) {
            if (atlas_place(&a->pages[i], w, h, r)) {
                *tex = a->pages[i].tex;
                return true;
            }
        }
        if (atlas_new_page(a) && atlas_place(&a->pages[a->npages - 1], w, h, r)) {
            *tex = a->pages[a->npages - 1].tex;
            return true;
        }
        if (a->npages == 0)
            return false;
        atlas_reset(a);
    }
    return false;
}

static bool atlas_upload(struct draw_atlas *a, const txt_glyph_image *img,
                         uint32_t tint, struct draw_atlas_glyph *g)
{
    uint32_t rgb = tint != 0 ? tint & 0xFFFFFFu : 0xFFFFFFu;
    size_t n = (size_t)img->width * (size_t)img->height;
    SDL_Rect box;

    if (!atlas_alloc(a, img->width + ATLAS_PAD, img->height + ATLAS_PAD, &box, &g->tex))
        return false;
    a->upload = xreallocarray_grow(a->upload, &a->upload_cap, n, sizeof *a->upload);
    for (int y = 0; y < img->height; y++) {
        const uint8_t *row = img->pixels + (size_t)y * (size_t)img->pitch;
        for (int x = 0; x < img->width; x++)
            a->upload[(size_t)y * (size_t)img->width + (size_t)x] =
                (uint32_t)row[x] << 24 | rgb;
    }
    g->src = (SDL_Rect){box.x, box.y, img->width, img->height};
    return SDL_UpdateTexture(g->tex, &g->src, a->upload, img->width * 4) == 0;
}

const struct draw_atlas_glyph *draw_atlas_get(struct draw_atlas *a, txt_font *font,
                                              int px, uint32_t index, uint32_t tint)
{
    const txt_glyph_image *img;
    struct draw_atlas_glyph g = {0};
    struct atlas_entry *e;

    if (font == NULL)
        return NULL;
    e = atlas_slot(a->table, a->table_cap, font, px, index, tint);
    if (e->font != NULL)
        return &e->glyph;
    img = txt_font_glyph_image(font, px, index);
    if (img == NULL)
        return NULL;
    g.left = img->left;
    g.top = img->top;
    if (img->width > 0 && img->height > 0 && !atlas_upload(a, img, tint, &g))
        return NULL;
    /* Uploading may have emptied the table (atlas full): look the slot up again. */
    if ((a->count + 1) * 10 > a->table_cap * 7)
        atlas_grow_table(a);
    e = atlas_slot(a->table, a->table_cap, font, px, index, tint);
    atlas_keep_font(a, font);
    e->font = font;
    e->px = px;
    e->index = index;
    e->tint = tint;
    e->glyph = g;
    a->count++;
    return &e->glyph;
}

void draw_atlas_stats(const struct draw_atlas *a, int *pages, int *glyphs)
{
    if (pages != NULL)
        *pages = a->npages;
    if (glyphs != NULL)
        *glyphs = (int)a->count;
}
