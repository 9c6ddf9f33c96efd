/* shot — saves the renderer's current frame as a PNG file. */
#ifndef DAWR_SHOT_H
#define DAWR_SHOT_H

#include <SDL.h>

/* Reads @w×@h pixels from @r and writes them to @path. Returns 0, or -1 and sets
 * *@cause (caller frees). */
int shot_save(SDL_Renderer *r, int w, int h, const char *path, char **cause);

#endif
