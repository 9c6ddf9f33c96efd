/* json-encode — compact JSON text from jansson values, for replies and event
 * payloads. It writes what json_dumps(JSON_COMPACT) writes, byte for byte (the
 * srvhttp unit test compares them), straight into a struct buf: jansson's dumper
 * goes through a callback per token and printf per number, and at thousands of
 * tickets a second encoding was a fifth of the server's instructions. In the core
 * library because the store encodes event payloads on the group-commit thread. */
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

/* Appends @s as a JSON string: jansson's escapes (quote, backslash, control
 * characters), UTF-8 passed through as it is (jansson's strings are valid UTF-8). */
static void json_put_string(struct buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF"; /* as jansson writes them */
    size_t run = 0;

    buf_append(b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': buf_append(b, "\\\"", 2); break;
        case '\\': buf_append(b, "\\\\", 2); break;
        case '\b': buf_append(b, "\\b", 2); break;
        case '\f': buf_append(b, "\\f", 2); break;
        case '\n': buf_append(b, "\\n", 2); break;
        case '\r': buf_append(b, "\\r", 2); break;
        case '\t': buf_append(b, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            buf_append(b, u, sizeof u);
        }
        }
    }
    buf_append(b, s + run, len - run);
    buf_append(b, "\"", 1);
}

static void json_put_int(struct buf *b, json_int_t v)
{
    char tmp[24], *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    buf_append(b, p, (size_t)(tmp + sizeof tmp - p));
}

void json_encode(struct buf *b, const json_t *v)
{
    const char *key;
    json_t *item;
    size_t i;
    bool first = true;

    switch (json_typeof(v)) {
    case JSON_OBJECT:
        buf_append(b, "{", 1);
        json_object_foreach((json_t *)v, key, item) {
            if (!first)
                buf_append(b, ",", 1);
            first = false;
            json_put_string(b, key, strlen(key));
            buf_append(b, ":", 1);
            json_encode(b, item);
        }
        buf_append(b, "}", 1);
        break;
    case JSON_ARRAY:
        buf_append(b, "[", 1);
        json_array_foreach(v, i, item) {
            if (i > 0)
                buf_append(b, ",", 1);
            json_encode(b, item);
        }
        buf_append(b, "]", 1);
        break;
    case JSON_STRING:
        json_put_string(b, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
        json_put_int(b, json_integer_value(v));
        break;
    case JSON_REAL: {
        /* Rare in replies: jansson's own formatting, so numbers read back the same. */
        char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
        buf_puts(b, s != NULL ? s : "null");
        free(s);
        break;
    }
    case JSON_TRUE:
        buf_append(b, "true", 4);
        break;
    case JSON_FALSE:
        buf_append(b, "false", 5);
        break;
    default:
        buf_append(b, "null", 4);
        break;
    }
}

char *json_dump_compact(const json_t *v)
{
    struct buf b = {0};

    json_encode(&b, v);
    return buf_take(&b);
}
