/* draw — SDL2 drawing for the kiosk and the display: txt layouts through a glyph
 * texture atlas, rectangles, and text with the bundled fonts in one call.
 *
 * A struct draw belongs to one SDL_Renderer and is used from that renderer's thread.
 * Glyphs are rasterised by txt (by glyph index, as harfbuzz placed them), packed
 * into a few atlas textures, and tinted at draw time, so a colour change costs
 * nothing. */
#ifndef DAWR_DRAW_H
#define DAWR_DRAW_H

#include <stdbool.h>

#include <SDL.h>

#include "txt.h"

struct draw;

/* Text style for draw_text(). Zero-initialised means 32 px, no wrapping, start
 * alignment, direction from the text, digits as written, regular weight. */
struct draw_style {
    int px;            /* pixel size; 0: 32 */
    int width;         /* wrap width in pixels; 0: no wrapping */
    txt_align align;   /* within @width (or the widest line) */
    txt_dir dir;       /* base direction */
    txt_digits digits; /* TXT_DIGITS_ARAB shows 0-9 as ٠-٩ */
    bool bold;
    float line_spacing; /* 0: 1.0 */
};

/* Makes a drawing context for @r with the default fonts from @fonts_dir (NULL:
 * draw_fonts_dir()). On error returns NULL and sets *@cause (caller frees).
 * @r is borrowed and must outlive the context. */
struct draw *draw_create(SDL_Renderer *r, const char *fonts_dir, char **cause);
void draw_destroy(struct draw *d); /* NULL is fine */
/* Borrowed. */
SDL_Renderer *draw_renderer(struct draw *d);

/* $DAWR_ASSETS/fonts, else the assets/fonts of the source tree Dawr was built
 * from. Borrowed (static storage). */
const char *draw_fonts_dir(void);

/* Adds the default fonts (Arabic, Latin, symbols; bold or regular) to @lo in that
 * order of preference, for callers that build their own layouts. */
bool draw_add_fonts(struct draw *d, txt_layout *lo, bool bold);

/* Draws laid-out @lo, set to @px pixels (txt_layout_set_size), with the top-left of
 * its box at (@x, @y), in colour @c (alpha honoured). @px is needed because txt has
 * no getter for a layout's size; glyphs over 1024 pixels (text over ~700 px) are
 * not drawn. */
void draw_layout(struct draw *d, const txt_layout *lo, int px, int x, int y, SDL_Color c);

/* Lays out @utf8 in @st (NULL: defaults) with the default fonts, through a cache
 * keyed by text and style, and draws it with its top-left at (@x, @y). Returns the
 * height of the text box, or -1 if it could not be laid out. */
int draw_text(struct draw *d, const char *utf8, const struct draw_style *st, int x, int y,
              SDL_Color c);
/* The cached layout draw_text() would draw, for measuring (txt_layout_get_size).
 * Borrowed: valid until the next draw_text*() call or draw_destroy(). NULL if the
 * text could not be laid out. */
const txt_layout *draw_text_layout(struct draw *d, const char *utf8,
                                   const struct draw_style *st);

/* Filled rectangle; filled rectangle with corners of @radius pixels; a @thickness
 * pixel outline with rounded corners. Colours are blended by their alpha. */
void draw_rect(struct draw *d, SDL_Rect r, SDL_Color c);
void draw_round_rect(struct draw *d, SDL_Rect r, int radius, SDL_Color c);
void draw_round_frame(struct draw *d, SDL_Rect r, int radius, int thickness, SDL_Color c);

/* Statistics for tests and benchmarks: atlas pages in use, glyphs in the atlas,
 * cached text layouts. */
void draw_stats(const struct draw *d, int *pages, int *glyphs, int *layouts);

/* Reads @w×@h pixels of @r's current target and writes them to @path as an RGB PNG.
 * Returns 0, or -1 and sets *@cause (caller frees). */
int draw_screenshot(SDL_Renderer *r, int w, int h, const char *path, char **cause);

#endif
