/* metrics — request counters and latency histogram, rendered as Prometheus text for
 * GET /metrics. Keys are route patterns, never paths, so no value leaks. */
#ifndef DAWR_SERVER_METRICS_H
#define DAWR_SERVER_METRICS_H

struct buf;

/* @pattern must be a static string (a route pattern or "-"). */
void metrics_count(const char *pattern, int status, double ms);
/* Appends the exposition text to @out. */
void metrics_render(struct buf *out);

#endif
