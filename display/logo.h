/* logo — the association's logo (a PNG file named in the config) as a texture. */
#ifndef DAWR_LOGO_H
#define DAWR_LOGO_H

#include <SDL.h>

/* Loads @path into a texture for @r. On error returns NULL and sets *@cause (caller
 * frees). The caller destroys the texture with SDL_DestroyTexture. */
SDL_Texture *logo_load(SDL_Renderer *r, const char *path, char **cause);

#endif
