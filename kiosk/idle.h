/* idle — the kiosk's privacy timer: after a while with no touch, every screen goes
 * home and whatever the beneficiary typed is wiped from memory (DESIGN.md §6).
 * Pure: the caller passes the time in, so tests need no clock and no SDL. */
#ifndef DAWR_KIOSK_IDLE_H
#define DAWR_KIOSK_IDLE_H

#include <stdbool.h>
#include <stdint.h>

/* Something that holds personal data and must forget it when the kiosk goes idle;
 * the form registers its fields. */
typedef void (*idle_wipe_fn)(void *arg);

#define IDLE_MAX_WIPERS 8

struct idle {
    uint64_t timeout_ms; /* 0: never */
    uint64_t last_ms;    /* time of the last touch */
    bool armed;          /* something personal is on screen since the last wipe */
    struct {
        idle_wipe_fn fn;
        void *arg;
    } wipers[IDLE_MAX_WIPERS];
    int nwipers;
};

void idle_init(struct idle *id, uint64_t timeout_ms, uint64_t now_ms);
/* Registers @fn to run on timeout (in registration order). False if full. */
bool idle_add_wiper(struct idle *id, idle_wipe_fn fn, void *arg);
/* A touch, a key, anything the person did: the timer starts again and is armed. */
void idle_touch(struct idle *id, uint64_t now_ms);
/* True once when the timer runs out after a touch: then every wiper has run and the
 * caller shows the home screen. The home screen itself never times out again. */
bool idle_check(struct idle *id, uint64_t now_ms);
/* Milliseconds until the timeout (0 if due, UINT64_MAX if not armed), so the event
 * loop can sleep exactly that long. */
uint64_t idle_remaining(const struct idle *id, uint64_t now_ms);
/* Runs every wiper now (the form was finished or cancelled) and disarms. */
void idle_wipe(struct idle *id);

#endif
