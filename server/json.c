/* json — decoding request bodies safely and shaping error replies.
 *
 * jansson has no depth limit of its own, so the body is scanned first: a byte scan
 * that tracks nesting outside strings is enough to refuse deep input before jansson
 * recurses into it. */
#include "json.h"

#include <string.h>

#include "util.h"

static bool json_depth_ok(const char *s, size_t len)
{
    int depth = 0;
    bool in_str = false;

    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_str = false;
            continue;
        }
        if (c == '"')
            in_str = true;
        else if (c == '{' || c == '[') {
            if (++depth > JSON_MAX_DEPTH)
                return false;
        } else if (c == '}' || c == ']')
            depth--;
    }
    return true;
}

json_t *json_decode_body(const char *text, size_t len)
{
    json_error_t err;
    json_t *v;

    if (text == NULL || len == 0 || !json_depth_ok(text, len))
        return NULL;
    v = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);
    if (v != NULL && !json_is_object(v)) {
        json_decref(v);
        return NULL;
    }
    return v;
}

json_t *json_error_new(const char *code, const char *message_ar, const char *message_en,
                       const char *field)
{
    json_t *o = json_pack("{s:s, s:s, s:s}", "error", code, "message_ar", message_ar,
                          "message_en", message_en);
    if (field != NULL)
        json_object_set_new(o, "field", json_string(field));
    return o;
}

const char *json_get_str(const json_t *o, const char *key, const char *def)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : def;
}

long long json_get_int(const json_t *o, const char *key, long long def)
{
    json_t *v = json_object_get(o, key);
    return json_is_integer(v) ? (long long)json_integer_value(v) : def;
}

bool json_get_bool(const json_t *o, const char *key, bool def)
{
    json_t *v = json_object_get(o, key);
    return json_is_boolean(v) ? json_is_true(v) : def;
}
