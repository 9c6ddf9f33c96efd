/* json — the server's JSON edge: decoding request bodies with a depth cap, and the one
 * error shape every rejection uses ({"error", "message_ar", "message_en", "field"?}). */
#ifndef DAWR_SERVER_JSON_H
#define DAWR_SERVER_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

#define JSON_MAX_DEPTH 16

/* Decodes @len bytes of @text as a JSON object no deeper than JSON_MAX_DEPTH.
 * Returns a new reference the caller decrefs, or NULL (body is not such an object). */
json_t *json_decode_body(const char *text, size_t len);

/* Builds the error object; @field may be NULL. Returns a new reference. */
json_t *json_error_new(const char *code, const char *message_ar, const char *message_en,
                       const char *field);

/* Typed getters over an object; return @def when absent or of the wrong type. */
const char *json_get_str(const json_t *o, const char *key, const char *def);
long long json_get_int(const json_t *o, const char *key, long long def);
bool json_get_bool(const json_t *o, const char *key, bool def);

/* Appends @v to @b as compact JSON, as json_dumps(JSON_COMPACT) writes it (keys in
 * insertion order) but without its per-token buffering and printf calls: replies
 * are most of a request's encoding work. */
struct buf;
void json_encode(struct buf *b, const json_t *v);
/* Serialises compactly; the caller frees the string. */
char *json_dump_compact(const json_t *v);

#endif
