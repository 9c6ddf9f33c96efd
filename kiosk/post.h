/* post — one JSON POST with an Idempotency-Key header, for the outbox. common/net's
 * net_request() cannot send extra headers yet; once it can, this file goes away. */
#ifndef DAWR_KIOSK_POST_H
#define DAWR_KIOSK_POST_H

#include <stddef.h>

/* POSTs @body to @url with a bearer @token (or NULL) and @key. Returns the HTTP
 * status and the reply body in *@reply (caller frees; at most 64 KiB), or -1 if no
 * reply arrived (then *@reply is NULL). Blocking: call from the worker thread. */
long post_json(const char *url, const char *token, const char *key, const char *body,
               size_t len, char **reply);

#endif
