/* draw-shapes — filled and outlined rectangles, with or without rounded corners,
 * for buttons, cards and panels. SDL2 has no rounded rectangle: corners are filled
 * row by row from the circle's equation, with the row's edge pixel blended by how
 * much of it the circle covers so the curve does not look stepped. */
#include <math.h>

#include "draw-int.h"

void draw_rect(struct draw *d, SDL_Rect r, SDL_Color c)
{
    /* An opaque colour blended gives exactly the colour, but SDL's software
     * renderer blends pixel by pixel, where without blending it fills rows at
     * memset speed: ten times less for the panels of a full-screen board. */
    SDL_SetRenderDrawBlendMode(d->renderer,
                               c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(d->renderer, &r);
}

static void shapes_pixel(struct draw *d, int x, int y, SDL_Color c, double cover)
{
    SDL_SetRenderDrawColor(d->renderer, c.r, c.g, c.b, (Uint8)(c.a * cover + 0.5));
    SDL_RenderDrawPoint(d->renderer, x, y);
}

void draw_round_rect(struct draw *d, SDL_Rect r, int radius, SDL_Color c)
{
    if (radius > r.w / 2)
        radius = r.w / 2;
    if (radius > r.h / 2)
        radius = r.h / 2;
    if (radius <= 0) {
        draw_rect(d, r, c);
        return;
    }
    draw_rect(d, (SDL_Rect){r.x, r.y + radius, r.w, r.h - 2 * radius}, c);
    for (int row = 0; row < radius; row++) {
        /* Distance from the corner circle's centre to this row's middle. */
        double dy = radius - row - 0.5;
        double half = sqrt((double)radius * radius - dy * dy);
        int inset = radius - (int)half;
        double frac = half - (int)half;
        int w = r.w - 2 * inset;
        int ys[2] = {r.y + row, r.y + r.h - 1 - row};

        for (int k = 0; k < 2; k++) {
            draw_rect(d, (SDL_Rect){r.x + inset, ys[k], w, 1}, c);
            if (inset > 0 && frac > 0.0) {
                shapes_pixel(d, r.x + inset - 1, ys[k], c, frac);
                shapes_pixel(d, r.x + r.w - inset, ys[k], c, frac);
            }
        }
    }
}

void draw_round_frame(struct draw *d, SDL_Rect r, int radius, int thickness, SDL_Color c)
{
    /* Four straight sides, then the corners as quarter rings tested per pixel. */
    int t = thickness;

    if (t <= 0)
        return;
    if (radius > r.w / 2)
        radius = r.w / 2;
    if (radius > r.h / 2)
        radius = r.h / 2;
    if (radius < t)
        radius = t;
    draw_rect(d, (SDL_Rect){r.x + radius, r.y, r.w - 2 * radius, t}, c);
    draw_rect(d, (SDL_Rect){r.x + radius, r.y + r.h - t, r.w - 2 * radius, t}, c);
    draw_rect(d, (SDL_Rect){r.x, r.y + radius, t, r.h - 2 * radius}, c);
    draw_rect(d, (SDL_Rect){r.x + r.w - t, r.y + radius, t, r.h - 2 * radius}, c);
    SDL_SetRenderDrawBlendMode(d->renderer, SDL_BLENDMODE_BLEND);
    for (int yy = 0; yy < radius; yy++) {
        for (int xx = 0; xx < radius; xx++) {
            double dx = radius - xx - 0.5, dy = radius - yy - 0.5;
            double dist = sqrt(dx * dx + dy * dy);
            double cover = fmin(radius - dist + 0.5, dist - (radius - t) + 0.5);
            if (cover <= 0.0)
                continue;
            if (cover > 1.0)
                cover = 1.0;
            shapes_pixel(d, r.x + xx, r.y + yy, c, cover);
            shapes_pixel(d, r.x + r.w - 1 - xx, r.y + yy, c, cover);
            shapes_pixel(d, r.x + xx, r.y + r.h - 1 - yy, c, cover);
            shapes_pixel(d, r.x + r.w - 1 - xx, r.y + r.h - 1 - yy, c, cover);
        }
    }
}
