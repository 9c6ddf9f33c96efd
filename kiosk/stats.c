/* stats — see stats.h. A fixed array of frame times; the percentiles are computed
 * once, at exit. */
#include "stats.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define STATS_FRAMES 100000

static bool on;
static Uint64 t0, frame_t, tap_t;
static double first_frame_ms = -1, tap_to_ticket_ms = -1;
static double *frames;
/* The UI thread's CPU time per frame: what the frame cost the kiosk itself, apart
 * from waiting for a core on a busy machine (wall time minus this) and the X
 * server's share of the present. */
static double *cpu, cpu_t;
static size_t nframes;
static bool was_ticket;

static double stats_ms(Uint64 from, Uint64 to)
{
    return (double)(to - from) * 1000.0 / (double)SDL_GetPerformanceFrequency();
}

static double stats_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void stats_init(void)
{
    on = getenv("DAWR_KIOSK_STATS") != NULL;
    if (!on)
        return;
    t0 = SDL_GetPerformanceCounter();
    frames = calloc(STATS_FRAMES, sizeof *frames);
    cpu = calloc(STATS_FRAMES, sizeof *cpu);
    on = frames != NULL && cpu != NULL;
}

void stats_tap(void)
{
    if (on)
        tap_t = SDL_GetPerformanceCounter();
}

void stats_frame_begin(void)
{
    if (!on)
        return;
    frame_t = SDL_GetPerformanceCounter();
    cpu_t = stats_cpu_ms();
}

void stats_frame_end(bool ticket)
{
    if (!on)
        return;
    Uint64 now = SDL_GetPerformanceCounter();
    if (first_frame_ms < 0)
        first_frame_ms = stats_ms(t0, now);
    if (nframes < STATS_FRAMES) {
        cpu[nframes] = stats_cpu_ms() - cpu_t;
        frames[nframes++] = stats_ms(frame_t, now);
    }
    if (ticket && !was_ticket && tap_t != 0 && tap_to_ticket_ms < 0)
        tap_to_ticket_ms = stats_ms(tap_t, now);
    was_ticket = ticket;
}

static int stats_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

void stats_write(void)
{
    if (!on)
        return;
    FILE *f = fopen(getenv("DAWR_KIOSK_STATS"), "w");
    if (f != NULL) {
        if (getenv("DAWR_KIOSK_STATS_ALL") != NULL) /* every frame, in order */
            for (size_t i = 0; i < nframes; i++)
                fprintf(f, "frame_ms %.2f cpu %.2f\n", frames[i], cpu[i]);
        /* the first frame (cold glyph atlas) is first_frame_ms's; p99 without it */
        double p99_warm = -1;
        if (nframes > 1) {
            qsort(frames + 1, nframes - 1, sizeof *frames, stats_cmp);
            p99_warm = frames[1 + ((nframes - 1) * 99) / 100];
        }
        qsort(frames, nframes, sizeof *frames, stats_cmp);
        qsort(cpu, nframes, sizeof *cpu, stats_cmp);
        double p50 = nframes ? frames[nframes / 2] : -1;
        double p99 = nframes ? frames[(nframes * 99) / 100] : -1;
        double max = nframes ? frames[nframes - 1] : -1;
        fprintf(f, "first_frame_ms %.1f\ntap_to_ticket_ms %.1f\nframes %zu\n",
                first_frame_ms, tap_to_ticket_ms, nframes);
        size_t over = 0;
        while (over < nframes && frames[nframes - 1 - over] > 16.0)
            over++;
        fprintf(f, "frame_p50_ms %.2f\nframe_p99_ms %.2f\nframe_max_ms %.2f\n", p50, p99,
                max);
        fprintf(f, "frame_p99_after_first_ms %.2f\nframes_over_16ms %zu\n", p99_warm,
                over);

        fprintf(f, "frame_cpu_p50_ms %.2f\nframe_cpu_p99_ms %.2f\n",
                nframes ? cpu[nframes / 2] : -1, nframes ? cpu[(nframes * 99) / 100] : -1);
        fclose(f);
    }
    free(frames);
    free(cpu);
}
