/* log — one line per request (time, method, route pattern, status, milliseconds) and
 * the server's own notices. Never given names, national IDs, phones or incomes: the
 * request line uses the route PATTERN, not the path, so no value reaches the log. */
#ifndef DAWR_SERVER_LOG_H
#define DAWR_SERVER_LOG_H

#include <stdio.h>

/* Logs to @f (stderr when NULL). */
void log_open(FILE *f);
void log_request(const char *method, const char *pattern, int status, double ms);
void log_notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
