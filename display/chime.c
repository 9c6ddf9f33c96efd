/* chime — owns the loaded WAV (converted once to the device's format) and the SDL
 * audio device it is queued to. SDL_QueueAudio appends, which is exactly the "one
 * after another, never cut off" rule; no mixing is needed. */
#include "chime.h"

#include <SDL.h>
#include <stdlib.h>

#include "util.h"

struct chime {
    SDL_AudioDeviceID dev;
    SDL_AudioSpec spec;
    Uint8 *pcm; /* in the device's format; SDL_free */
    Uint32 len;
};

struct chime *chime_open(const char *wav_path, char **cause)
{
    SDL_AudioSpec want, have;
    Uint8 *buf;
    Uint32 len;

    if (SDL_LoadWAV(wav_path, &want, &buf, &len) == NULL) {
        *cause = xasprintf("cannot load %s: %s", wav_path, SDL_GetError());
        return NULL;
    }
    want.callback = NULL; /* queued audio */
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (dev == 0) {
        *cause = xasprintf("no audio device: %s", SDL_GetError());
        SDL_FreeWAV(buf);
        return NULL;
    }
    SDL_AudioCVT cvt;
    int rc = SDL_BuildAudioCVT(&cvt, want.format, want.channels, want.freq, have.format,
                               have.channels, have.freq);
    if (rc < 0) {
        *cause = xasprintf("cannot convert the chime: %s", SDL_GetError());
        SDL_FreeWAV(buf);
        SDL_CloseAudioDevice(dev);
        return NULL;
    }
    struct chime *c = xcalloc(1, sizeof *c);
    c->dev = dev;
    c->spec = have;
    if (rc == 0) {
        c->pcm = buf;
        c->len = len;
    } else {
        cvt.len = (int)len;
        cvt.buf = SDL_malloc((size_t)len * (size_t)cvt.len_mult);
        SDL_memcpy(cvt.buf, buf, len);
        SDL_FreeWAV(buf);
        SDL_ConvertAudio(&cvt);
        c->pcm = cvt.buf;
        c->len = (Uint32)cvt.len_cvt;
    }
    SDL_PauseAudioDevice(dev, 0);
    return c;
}

void chime_close(struct chime *c)
{
    if (c == NULL)
        return;
    SDL_CloseAudioDevice(c->dev);
    SDL_free(c->pcm);
    free(c);
}

void chime_play(struct chime *c)
{
    if (c != NULL)
        SDL_QueueAudio(c->dev, c->pcm, c->len);
}

int chime_queued_ms(struct chime *c)
{
    if (c == NULL)
        return 0;
    int frame = SDL_AUDIO_BITSIZE(c->spec.format) / 8 * c->spec.channels;
    return (int)((long long)SDL_GetQueuedAudioSize(c->dev) / frame * 1000 / c->spec.freq);
}
