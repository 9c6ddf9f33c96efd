/* showcase — dawr-showcase, the window `make demo` opens while the kiosk and display
 * are being written: txt's Arabic layout, draw's atlas, and cal's dates on screen. */
#ifndef DAWR_SHOWCASE_H
#define DAWR_SHOWCASE_H

#include <stdbool.h>
#include <stdint.h>

/* The walk-in procedure from the first seed document that has it under @seeds_dir,
 * one numbered step a line; NULL if there is none. Caller frees. */
char *showcase_seed_procedure(const char *seeds_dir);

#endif
