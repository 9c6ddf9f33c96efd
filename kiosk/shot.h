/* shot — saves what the renderer drew as a PNG file (--screenshot, golden tests). */
#ifndef DAWR_KIOSK_SHOT_H
#define DAWR_KIOSK_SHOT_H

#include <SDL.h>

/* Reads the current render target of @r (@w × @h) and writes it to @path as RGB PNG.
 * Returns 0, or -1 and *cause (caller frees). */
int shot_save(SDL_Renderer *r, int w, int h, const char *path, char **cause);

#endif
