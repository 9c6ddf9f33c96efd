/* metrics — counts per (route pattern, status) and one latency histogram.
 *
 * The table is small and fixed (patterns × the few statuses each returns), so a
 * linear scan under a mutex is cheaper than anything cleverer at our rates. */
#include "metrics.h"

#include <pthread.h>
#include <string.h>

#include "sse.h"
#include "util.h"

#define METRICS_MAX 256

static const double metrics_bounds[] = {0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 1000};
#define METRICS_NB (sizeof metrics_bounds / sizeof metrics_bounds[0])

struct metrics_row {
    const char *pattern;
    int status;
    unsigned long long count;
};

static pthread_mutex_t metrics_lock = PTHREAD_MUTEX_INITIALIZER;
static struct metrics_row metrics_rows[METRICS_MAX];
static int metrics_n;
static unsigned long long metrics_hist[METRICS_NB + 1];
static double metrics_sum_ms;
static unsigned long long metrics_total;

void metrics_count(const char *pattern, int status, double ms)
{
    size_t b = 0;

    while (b < METRICS_NB && ms > metrics_bounds[b])
        b++;
    pthread_mutex_lock(&metrics_lock);
    int i;
    for (i = 0; i < metrics_n; i++)
        if (metrics_rows[i].status == status && metrics_rows[i].pattern == pattern)
            break;
    if (i == metrics_n && metrics_n < METRICS_MAX)
        metrics_rows[metrics_n++] = (struct metrics_row){pattern, status, 0};
    if (i < metrics_n)
        metrics_rows[i].count++;
    metrics_hist[b]++;
    metrics_sum_ms += ms;
    metrics_total++;
    pthread_mutex_unlock(&metrics_lock);
}

void metrics_render(struct buf *out)
{
    unsigned long long cum = 0;

    pthread_mutex_lock(&metrics_lock);
    buf_puts(out, "# HELP dawr_http_requests_total HTTP requests by route and status.\n"
                  "# TYPE dawr_http_requests_total counter\n");
    for (int i = 0; i < metrics_n; i++)
        buf_printf(out, "dawr_http_requests_total{route=\"%s\",status=\"%d\"} %llu\n",
                   metrics_rows[i].pattern, metrics_rows[i].status,
                   metrics_rows[i].count);
    buf_puts(out, "# HELP dawr_http_request_duration_seconds Time to the reply.\n"
                  "# TYPE dawr_http_request_duration_seconds histogram\n");
    for (size_t b = 0; b < METRICS_NB; b++) {
        cum += metrics_hist[b];
        buf_printf(out, "dawr_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                   metrics_bounds[b] / 1000.0, cum);
    }
    cum += metrics_hist[METRICS_NB];
    buf_printf(out, "dawr_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n", cum);
    buf_printf(out, "dawr_http_request_duration_seconds_sum %g\n",
               metrics_sum_ms / 1000.0);
    buf_printf(out, "dawr_http_request_duration_seconds_count %llu\n", metrics_total);
    pthread_mutex_unlock(&metrics_lock);
    buf_printf(out,
               "# HELP dawr_sse_clients Connected event-stream clients.\n"
               "# TYPE dawr_sse_clients gauge\ndawr_sse_clients %d\n",
               sse_client_count());
    buf_printf(out,
               "# HELP dawr_event_seq Newest event sequence number.\n"
               "# TYPE dawr_event_seq gauge\ndawr_event_seq %lld\n",
               (long long)sse_last_seq());
}
