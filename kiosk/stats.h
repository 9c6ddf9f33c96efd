/* stats — timings for tests/bench/kiosk-bench: start to first frame, tap to ticket
 * on screen, and every frame's draw time. Written to the file named by
 * $DAWR_KIOSK_STATS when the kiosk exits; costs nothing when that is unset. */
#ifndef DAWR_KIOSK_STATS_H
#define DAWR_KIOSK_STATS_H

#include <stdbool.h>

void stats_init(void); /* at the top of main() */
void stats_tap(void);  /* a press arrived */
void stats_frame_begin(void);
/* The frame is on screen; @ticket: the ticket screen is what it shows. */
void stats_frame_end(bool ticket);
void stats_write(void); /* at exit */

#endif
