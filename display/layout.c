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

void layout_draw(struct display *d)
{
    int w = d->w, h = d->h;
    SDL_Rect header, call, recent, waiting, ticker;

    SDL_SetRenderDrawColor(d->renderer, display_bg.r, display_bg.g, display_bg.b, 255);
    SDL_RenderClear(d->renderer);

    if (!d->portrait) {
        int hh = h * 12 / 100, th = h * 7 / 100, wh = h * 13 / 100;
        int mid = h - hh - th - wh;
        int cw = w * 63 / 100;
        header = rect(0, 0, w, hh);
        ticker = rect(0, h - th, w, th);
        waiting = rect(0, hh + mid, w, wh);
        if (d->english) {
            call = rect(0, hh, cw, mid);
            recent = rect(cw, hh, w - cw, mid);
        } else {
            call = rect(w - cw, hh, cw, mid);
            recent = rect(0, hh, w - cw, mid);
        }
    } else {
        int hh = h * 11 / 100, ch = h * 37 / 100, rh = h * 27 / 100, wh = h * 19 / 100;
        header = rect(0, 0, w, hh);
        call = rect(0, hh, w, ch);
        recent = rect(0, hh + ch, w, rh);
        waiting = rect(0, hh + ch + rh, w, wh);
        ticker = rect(0, hh + ch + rh + wh, w, h - (hh + ch + rh + wh));
    }
    panel_header.draw(d, header);
    panel_call.draw(d, call);
    panel_recent.draw(d, recent);
    panel_waiting.draw(d, waiting);
    panel_ticker.draw(d, ticker);
    panel_status.draw(d, header);
}
