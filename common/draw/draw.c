/* draw — the drawing context: the renderer, the default fonts (regular and bold),
 * the glyph atlas, and drawing a txt layout glyph by glyph from the atlas. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw-int.h"
#include "util.h"

#ifndef DAWR_ASSETS_DIR
#define DAWR_ASSETS_DIR "assets"
#endif

/* Text at least this large is drawn from glyphs stored in its colour. */
#define DRAW_TINT_PX 64

/* In order of preference: each run of text takes the first font that covers it. */
static const char *draw_font_files[2][3] = {
    {"NotoSansArabic-Regular.ttf", "NotoSans-Regular.ttf",
     "NotoSansSymbols2-Regular.ttf"},
    {"NotoSansArabic-Bold.ttf", "NotoSans-Bold.ttf", "NotoSansSymbols2-Regular.ttf"},
};

const char *draw_fonts_dir(void)
{
    static char path[4096];
    const char *assets = getenv("DAWR_ASSETS");

    if (assets == NULL || *assets == '\0')
        assets = DAWR_ASSETS_DIR;
    snprintf(path, sizeof path, "%s/fonts", assets);
    return path;
}

struct draw *draw_create(SDL_Renderer *r, const char *fonts_dir, char **cause)
{
    struct draw *d;

    if (r == NULL) {
        if (cause != NULL)
            *cause = xstrdup("no renderer");
        return NULL;
    }
    if (fonts_dir == NULL)
        fonts_dir = draw_fonts_dir();
    d = xcalloc(1, sizeof *d);
    d->renderer = r;
    for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++) {
            char *path = xasprintf("%s/%s", fonts_dir, draw_font_files[b][i]);
            d->fonts[b][i] = txt_font_open(path, cause);
            free(path);
            if (d->fonts[b][i] == NULL) {
                draw_destroy(d);
                return NULL;
            }
        }
    }
    d->atlas = draw_atlas_create(r);
    d->texts = draw_text_cache_create();
    return d;
}

void draw_destroy(struct draw *d)
{
    if (d == NULL)
        return;
    draw_text_cache_destroy(d->texts);
    draw_atlas_destroy(d->atlas);
    for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 3; i++)
            txt_font_unref(d->fonts[b][i]);
    }
    free(d);
}

SDL_Renderer *draw_renderer(struct draw *d)
{
    return d->renderer;
}

bool draw_add_fonts(struct draw *d, txt_layout *lo, bool bold)
{
    bool ok = true;

    for (int i = 0; i < 3; i++)
        ok = ok && txt_layout_add_font(lo, d->fonts[bold ? 1 : 0][i]);
    return ok;
}

void draw_layout(struct draw *d, const txt_layout *lo, int px, int x, int y, SDL_Color c)
{
    const txt_glyph *glyphs;
    size_t n;

    if (d == NULL || lo == NULL)
        return;
    glyphs = txt_layout_get_glyphs(lo, &n);
    /* Large opaque text is drawn from glyphs stored in its colour (see
     * draw-atlas.c); small or translucent text, which may take many colours, is
     * tinted at draw time. */
    uint32_t tint = px >= DRAW_TINT_PX && c.a == 255
                        ? 0xFF000000u | (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b
                        : 0;
    for (size_t i = 0; i < n; i++) {
        const txt_glyph *g = &glyphs[i];
        const struct draw_atlas_glyph *ag =
            draw_atlas_get(d->atlas, g->font, px, g->index, tint);
        SDL_Rect dst;

        if (ag == NULL || ag->tex == NULL)
            continue;
        dst.x = x + g->x + g->x_offset + ag->left;
        dst.y = y + g->y - g->y_offset - ag->top;
        dst.w = ag->src.w;
        dst.h = ag->src.h;
        if (tint != 0) {
            SDL_SetTextureColorMod(ag->tex, 255, 255, 255);
            SDL_SetTextureAlphaMod(ag->tex, 255);
        } else {
            SDL_SetTextureColorMod(ag->tex, c.r, c.g, c.b);
            SDL_SetTextureAlphaMod(ag->tex, c.a);
        }
        SDL_RenderCopy(d->renderer, ag->tex, &ag->src, &dst);
    }
}

void draw_stats(const struct draw *d, int *pages, int *glyphs, int *layouts)
{
    draw_atlas_stats(d->atlas, pages, glyphs);
    if (layouts != NULL)
        *layouts = draw_text_cache_count(d->texts);
}
