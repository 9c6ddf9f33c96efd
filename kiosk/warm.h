/* warm — draws every screen once off screen, in both languages, before anyone sees
 * it, so that the first real frame of each finds its glyphs already rasterised in
 * the draw atlas and its text already shaped (a cold frame costs 20–60 ms with the
 * software renderer, a warm one 5–10 ms). The work is split into steps the event
 * loop runs only while the kiosk sits on the home screen with nothing to do, so a
 * tap waits for at most one step. */
#ifndef DAWR_KIOSK_WARM_H
#define DAWR_KIOSK_WARM_H

#include <stdbool.h>

struct kiosk;
struct screen;

/* Queues every screen in both languages. */
void warm_all(struct kiosk *k);
/* Queues the screens that show service names and ticket labels (home, ticket), if
 * the services differ from the ones last warmed. */
void warm_services(struct kiosk *k);
/* Whether steps are queued. */
bool warm_pending(const struct kiosk *k);
/* Draws the next queued step off screen and leaves @k as it found it. Call only on
 * the home screen (entering a screen resets its fields, which is harmless there). */
void warm_step(struct kiosk *k);
/* Runs now the queued steps of screen @s, both languages (the home screen before
 * the frame that first shows new service names). */
void warm_screen(struct kiosk *k, const struct screen *s);
/* Frees the off-screen texture. */
void warm_free(struct kiosk *k);

#endif
