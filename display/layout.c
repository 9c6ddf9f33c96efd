/* layout — where each panel goes. The design is 1920×1080 landscape; any other size
 * scales by the short side, and a portrait screen stacks the panels instead of
 * placing the big call beside the recent calls. In Arabic the big call sits on the
 * right (where reading starts), in English on the left. */
#include "display.h"

static SDL_Rect rect(int x, int y, int w, int h)
{
    SDL_Rect r = {x, y, w, h};
    return r;
}

static void place(struct display *d, SDL_Rect *header, SDL_Rect *call, SDL_Rect *recent,
                  SDL_Rect *waiting, SDL_Rect *ticker)
{
    int w = d->w, h = d->h;

    if (!d->portrait) {
        int hh = h * 12 / 100, th = h * 7 / 100, wh = h * 13 / 100;
        int mid = h - hh - th - wh;
        int cw = w * 63 / 100;
        *header = rect(0, 0, w, hh);
        *ticker = rect(0, h - th, w, th);
        *waiting = rect(0, hh + mid, w, wh);
        if (d->english) {
            *call = rect(0, hh, cw, mid);
            *recent = rect(cw, hh, w - cw, mid);
        } else {
            *call = rect(w - cw, hh, cw, mid);
            *recent = rect(0, hh, w - cw, mid);
        }
    } else {
        int hh = h * 11 / 100, ch = h * 37 / 100, rh = h * 27 / 100, wh = h * 19 / 100;
        *header = rect(0, 0, w, hh);
        *call = rect(0, hh, w, ch);
        *recent = rect(0, hh + ch, w, rh);
        *waiting = rect(0, hh + ch + rh, w, wh);
        *ticker = rect(0, hh + ch + rh + wh, w, h - (hh + ch + rh + wh));
    }
}

/* True when the cached still frame shows what the display would draw now. */
static bool still_current(const struct display *d)
{
    return d->still_valid && d->still_w == d->w && d->still_h == d->h &&
           d->still_generation == d->generation &&
           d->still_minute == (long long)d->now / 60 && d->still_online == d->online;
}

bool layout_draw(struct display *d)
{
    SDL_Rect header, call, recent, waiting, ticker;
    place(d, &header, &call, &recent, &waiting, &ticker);

    if (d->still && (d->still_w != d->w || d->still_h != d->h)) {
        SDL_DestroyTexture(d->still);
        d->still = NULL;
    }
    if (d->still == NULL) {
        d->still = SDL_CreateTexture(d->renderer, SDL_PIXELFORMAT_ARGB8888,
                                     SDL_TEXTUREACCESS_TARGET, d->w, d->h);
        d->still_valid = false;
    }
    /* Without a render target (or with no cache) everything is drawn every frame. */
    bool cached = d->still && SDL_SetRenderTarget(d->renderer, d->still) == 0;
    bool redraw = !cached || !still_current(d);
    if (redraw) {
        SDL_SetRenderDrawColor(d->renderer, display_bg.r, display_bg.g, display_bg.b,
                               255);
        SDL_RenderClear(d->renderer);
        panel_header.draw(d, header);
        panel_call.draw(d, call);
        panel_recent.draw(d, recent);
        panel_waiting.draw(d, waiting);
        panel_status.draw(d, header);
        d->still_w = d->w;
        d->still_h = d->h;
        d->still_generation = d->generation;
        d->still_minute = (long long)d->now / 60;
        d->still_online = d->online;
        d->still_valid = cached;
    }
    if (cached) {
        SDL_SetRenderTarget(d->renderer, NULL);
        SDL_SetTextureBlendMode(d->still, SDL_BLENDMODE_NONE);
        SDL_RenderCopy(d->renderer, d->still, NULL, NULL);
    }
    panel_call_flash(d, call);
    panel_ticker.draw(d, ticker);
    return redraw;
}

void layout_free(struct display *d)
{
    if (d->still)
        SDL_DestroyTexture(d->still);
    d->still = NULL;
}
