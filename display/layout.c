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
        /* The call takes over half the height: its label is stacked on two lines
         * (panel-call.c), the recent calls show as many as fit. */
        int hh = h * 9 / 100, ch = h * 60 / 100, rh = h * 13 / 100, wh = h * 12 / 100;
        *header = rect(0, 0, w, hh);
        *call = rect(0, hh, w, ch);
        *recent = rect(0, hh + ch, w, rh);
        *waiting = rect(0, hh + ch + rh, w, wh);
        *ticker = rect(0, hh + ch + rh + wh, w, h - (hh + ch + rh + wh));
    }
}

/* Draws @p in @a on a background of its own, clipped to @a: a panel redrawn alone
 * must look exactly as it does in a full redraw, and must not touch its
 * neighbours. */
static void redraw(struct display *d, const struct panel *p, SDL_Rect a)
{
    SDL_RenderSetClipRect(d->renderer, &a);
    draw_rect(d->draw, a, display_bg);
    d->check_area = a;
    d->check_panel = p->name;
    p->draw(d, a);
    if (p == &panel_header) {
        d->check_area = a;
        d->check_panel = panel_status.name;
        panel_status.draw(d, a);
    }
    SDL_RenderSetClipRect(d->renderer, NULL);
}

static void damage(struct display *d, SDL_Rect r)
{
    if (d->ndamage < (int)(sizeof d->damage / sizeof d->damage[0]))
        d->damage[d->ndamage++] = r;
}

/* Copies @r of the still frame to the screen. */
static void show_still(struct display *d, SDL_Rect r)
{
    SDL_RenderCopy(d->renderer, d->still, &r, &r);
    damage(d, r);
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
    bool all = !cached || !d->still_valid;
    /* Each panel is redrawn only when what it shows changed: a call redraws the
     * call and the recent calls, a services reply the waiting counts, the minute
     * and the connection the header. */
    bool head = all || d->still_minute != (long long)d->now / 60 ||
                d->still_online != d->online ||
                d->still_assoc_generation != d->assoc_generation;
    bool calls = all || d->still_generation != d->generation;
    bool counts = all || d->still_services_generation != d->services_generation;
    if (all) {
        SDL_SetRenderDrawColor(d->renderer, display_bg.r, display_bg.g, display_bg.b,
                               255);
        SDL_RenderClear(d->renderer);
    }
    if (head)
        redraw(d, &panel_header, header);
    if (calls) {
        redraw(d, &panel_call, call);
        redraw(d, &panel_recent, recent);
    }
    if (counts)
        redraw(d, &panel_waiting, waiting);
    d->still_w = d->w;
    d->still_h = d->h;
    d->still_generation = d->generation;
    d->still_services_generation = d->services_generation;
    d->still_minute = (long long)d->now / 60;
    d->still_online = d->online;
    d->still_assoc_generation = d->assoc_generation;
    d->still_valid = cached;

    d->ndamage = 0;
    bool flash = panel_call_flashing(d);
    if (cached) {
        SDL_SetRenderTarget(d->renderer, NULL);
        SDL_SetTextureBlendMode(d->still, SDL_BLENDMODE_NONE);
        /* The screen keeps the last frame only with partial presents. */
        if (!d->partial || d->repaint || all) {
            show_still(d, (SDL_Rect){0, 0, d->w, d->h});
        } else {
            if (head)
                show_still(d, header);
            if (calls || flash != d->flash_shown)
                show_still(d, call);
            if (calls)
                show_still(d, recent);
            if (counts)
                show_still(d, waiting);
        }
    } else {
        damage(d, (SDL_Rect){0, 0, d->w, d->h});
    }
    d->repaint = false;
    if (flash)
        panel_call_flash(d, call);
    d->flash_shown = flash;
    panel_ticker.draw(d, ticker);
    damage(d, ticker);
    return head || calls || counts;
}

void layout_free(struct display *d)
{
    if (d->still)
        SDL_DestroyTexture(d->still);
    d->still = NULL;
    if (d->ticker_strip)
        SDL_DestroyTexture(d->ticker_strip);
    d->ticker_strip = NULL;
}
