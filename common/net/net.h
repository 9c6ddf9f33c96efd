/* net — the HTTP client kiosk and display use to talk to dawr-server (libcurl).
 * Blocking calls meant for a worker thread; errors are returned, never printed.
 * The SSE side lives in sse.h (parser) and stream.h (reconnecting worker). */
#ifndef DAWR_NET_H
#define DAWR_NET_H

#include <stddef.h>

/* Call once from main() before any thread uses net (curl_global_init is not
 * thread-safe in every libcurl build). Returns 0 or -1. */
int net_init(void);
void net_cleanup(void);

struct net_request {
    const char *method; /* "GET" (default when NULL), "POST", ... */
    const char *url;
    const char *token;     /* bearer token, or NULL */
    const char *json_body; /* sent as application/json, or NULL */
    size_t body_len;       /* bytes of json_body; 0: strlen(json_body) */
    /* extra header lines ("Idempotency-Key: K"), NULL-terminated, or NULL; only the
     * pointers are borrowed, for the duration of the call */
    const char *const *headers;
    long timeout_ms;       /* whole request; 0: 10 s */
    size_t max_body;       /* cap on the reply body; 0: 4 MiB */
};

struct net_reply {
    long status; /* HTTP status */
    char *body;  /* NUL-terminated; caller frees with net_reply_free */
    size_t len;
};

/* Performs @req. Returns 0 when an HTTP reply arrived (any status: the caller decides
 * what a 4xx means), or -1 on a transport error, a timeout or a reply body over the
 * cap; then *cause is set to a message the caller frees. */
int net_request(const struct net_request *req, struct net_reply *reply, char **cause)
    __attribute__((warn_unused_result));
void net_reply_free(struct net_reply *reply);

#endif
