/* log — request and notice lines, one write each so threads do not interleave. */
#include "log.h"

#include <stdarg.h>
#include <time.h>

static FILE *log_file;

void log_open(FILE *f)
{
    log_file = f;
}

static void log_stamp(char out[32])
{
    time_t t = time(NULL);
    struct tm tm;

    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void log_request(const char *method, const char *pattern, int status, double ms)
{
    char ts[32];

    log_stamp(ts);
    fprintf(log_file != NULL ? log_file : stderr, "%s %s %s %d %.2fms\n", ts, method,
            pattern, status, ms);
}

void log_notice(const char *fmt, ...)
{
    char ts[32], line[512];
    va_list ap;

    log_stamp(ts);
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(log_file != NULL ? log_file : stderr, "%s notice: %s\n", ts, line);
}
