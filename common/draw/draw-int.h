/* draw-int — what draw's files share: the glyph atlas and the context's struct.
 * Private to common/draw. */
#ifndef DAWR_DRAW_INT_H
#define DAWR_DRAW_INT_H

#include "draw.h"

/* Where a glyph sits in the atlas. @tex is NULL for a glyph without ink (a space). */
struct draw_atlas_glyph {
    SDL_Texture *tex;
    SDL_Rect src;
    int left, top; /* txt_glyph_image's bearings */
};

struct draw_atlas;
struct draw_atlas *draw_atlas_create(SDL_Renderer *r);
void draw_atlas_destroy(struct draw_atlas *a);
/* The atlas slot of glyph @index of @font at @px, rasterising and uploading it on
 * first use. @tint 0 stores white (drawn tinted by colour modulation); otherwise
 * 0xFFRRGGBB stores the glyph already in that colour, a slot of its own, which
 * SDL's software renderer copies several times faster than a modulated one. Borrowed: valid until the next draw_atlas_get() (which may reallocate
 * the table or, when every page is full, start the atlas afresh). NULL if txt
 * cannot rasterise it or SDL cannot make a texture. */
const struct draw_atlas_glyph *draw_atlas_get(struct draw_atlas *a, txt_font *font,
                                              int px, uint32_t index, uint32_t tint);
void draw_atlas_stats(const struct draw_atlas *a, int *pages, int *glyphs);

struct draw_text_cache;
struct draw_text_cache *draw_text_cache_create(void);
void draw_text_cache_destroy(struct draw_text_cache *tc);
int draw_text_cache_count(const struct draw_text_cache *tc);

struct draw {
    SDL_Renderer *renderer;
    struct draw_atlas *atlas;
    txt_font *fonts[2][3]; /* [bold][arabic, latin, symbols] */
    struct draw_text_cache *texts;
};

#endif
