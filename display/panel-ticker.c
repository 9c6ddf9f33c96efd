/* panel-ticker — the configured message scrolling along the bottom. Arabic text
 * moves to the right (new words enter where an Arabic reader's eye is going next),
 * English to the left. A new text (association.updated) restarts it. Two copies are drawn so the loop has no gap. */
#include "display.h"

#define SPEED 110 /* design pixels per second */

/* The strip: @span × @h pixels of ticker background with the text at its start,
 * its top @y down; made again only when the size changes. NULL if the renderer
 * cannot draw into a texture. */
static SDL_Texture *ticker_strip(struct display *d, const struct draw_style *st,
                                 int span, int h, int y)
{
    if (d->ticker_strip && d->ticker_strip_w == span && d->ticker_strip_h == h &&
        d->ticker_strip_px == st->px &&
        d->ticker_strip_generation == d->assoc_generation)
        return d->ticker_strip;
    if (d->ticker_strip)
        SDL_DestroyTexture(d->ticker_strip);
    d->ticker_strip = SDL_CreateTexture(d->renderer, SDL_PIXELFORMAT_ARGB8888,
                                        SDL_TEXTUREACCESS_TARGET, span, h);
    if (d->ticker_strip == NULL)
        return NULL;
    SDL_Texture *prev = SDL_GetRenderTarget(d->renderer);
    if (SDL_SetRenderTarget(d->renderer, d->ticker_strip) != 0) {
        SDL_DestroyTexture(d->ticker_strip);
        d->ticker_strip = NULL;
        return NULL;
    }
    draw_rect(d->draw, (SDL_Rect){0, 0, span, h}, display_ticker);
    draw_text(d->draw, d->ticker, st, 0, y, display_bg);
    SDL_SetRenderTarget(d->renderer, prev);
    SDL_SetTextureBlendMode(d->ticker_strip, SDL_BLENDMODE_NONE);
    d->ticker_strip_w = span;
    d->ticker_strip_h = h;
    d->ticker_strip_px = st->px;
    d->ticker_strip_generation = d->assoc_generation;
    return d->ticker_strip;
}

static void ticker_draw(struct display *d, SDL_Rect a)
{
    draw_rect(d->draw, a, display_ticker);
    if (d->ticker == NULL || d->ticker[0] == '\0')
        return;
    int px = a.h * 55 / 100;
    if (px > display_px(d, 46))
        px = display_px(d, 46);
    struct draw_style st = {
        .px = px, .bold = true, .dir = d->english ? TXT_DIR_LTR : TXT_DIR_RTL};
    int w = display_text_width(d, d->ticker, &st);
    int th = display_text_height(d, d->ticker, &st);
    if (th > a.h && th > 0) {
        st.px = st.px * a.h / th;
        w = display_text_width(d, d->ticker, &st);
    }
    if (w <= 0)
        return;
    int span = w + display_px(d, 160);
    long long moved = (d->now_ms - d->ticker_t0) * display_px(d, SPEED) / 1000;
    int off = (int)(moved % span);
    int y = a.y + (a.h - display_text_height(d, d->ticker, &st)) / 2;
    /* One copy of the text and its gap, drawn once into a strip of its own: each
     * frame then only copies the strip (opaque, no blending) where the text goes,
     * instead of blending every glyph again. */
    SDL_Texture *strip = ticker_strip(d, &st, span, a.h, y - a.y);
    SDL_Color ink = display_bg;
    SDL_RenderSetClipRect(d->renderer, &a);
    int x;
    if (d->english) {
        x = a.x + a.w / 4 - off; /* the first frame starts with text on screen */
    } else {
        x = a.x + a.w * 3 / 4 - w + off;
        while (x > a.x)
            x -= span;
    }
    for (; x < a.x + a.w; x += span) {
        if (strip != NULL)
            SDL_RenderCopy(d->renderer, strip, NULL, &(SDL_Rect){x, a.y, span, a.h});
        else
            draw_text(d->draw, d->ticker, &st, x, y, ink);
    }
    SDL_RenderSetClipRect(d->renderer, NULL);
}

const struct panel panel_ticker = {"ticker", ticker_draw};
