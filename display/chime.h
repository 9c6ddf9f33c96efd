/* chime — the call chime through SDL audio. Each chime_play() appends the whole
 * sound to the device's queue, so chimes for calls that arrive together play one
 * after another and none is cut off. No sound card is not an error: chime_open
 * fails once with a cause for the log, and chime_play(NULL) does nothing. */
#ifndef DAWR_CHIME_H
#define DAWR_CHIME_H

struct chime;

/* Loads @wav_path and opens the default audio device (SDL audio must be initialised).
 * On error returns NULL and sets *@cause (caller frees). Free with chime_close. */
struct chime *chime_open(const char *wav_path, char **cause);
void chime_close(struct chime *c); /* NULL is fine */
/* Queues one chime. NULL is fine. */
void chime_play(struct chime *c);
/* Milliseconds of sound still queued (0 for NULL). */
int chime_queued_ms(struct chime *c);

#endif
