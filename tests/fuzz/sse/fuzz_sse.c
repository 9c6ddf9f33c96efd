/* fuzz_sse — libFuzzer target for the SSE parser (common/net/sse.h).
 *
 * Input: byte 0 picks the line cap (default, or a small one so the cap is reached
 * often), bytes 1..3 seed the chunk sizes, the rest is the stream. The stream is fed
 * once whole and once in chunks whose sizes cycle through the seeds; both runs must
 * report the same events and comments and fail (or not) alike, since where a TCP
 * read happens to split the stream must not change what is heard. Each event's data
 * must fit the cap and be NUL-terminated at data_len. After either run a reset and a
 * known event must work, and the last ID must survive the reset. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sse.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What one run heard, folded into a few numbers (events can be many and large). */
struct heard {
    size_t max_line;
    size_t events, comments;
    uint64_t hash; /* FNV-1a over types, data and ids in order */
};

static void hash_bytes(struct heard *h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h->hash ^= (unsigned char)s[i];
        h->hash *= 1099511628211u;
    }
    h->hash ^= 0xff; /* field separator, so "ab"+"c" differs from "a"+"bc" */
    h->hash *= 1099511628211u;
}

static void on_event(const struct sse_event *ev, void *arg)
{
    struct heard *h = arg;

    if (ev->id == NULL || ev->type == NULL || ev->data == NULL)
        abort();
    if (ev->data_len > h->max_line || ev->data[ev->data_len] != '\0')
        abort();
    if (strlen(ev->id) > h->max_line || strlen(ev->type) > h->max_line)
        abort();
    if (ev->retry < -1)
        abort();
    h->events++;
    hash_bytes(h, ev->type, strlen(ev->type));
    hash_bytes(h, ev->data, ev->data_len);
    hash_bytes(h, ev->id, strlen(ev->id));
}

static void on_comment(const char *text, void *arg)
{
    struct heard *h = arg;

    h->comments++;
    hash_bytes(h, text, strlen(text));
}

static void check_reset(sse_parser *p, struct heard *h)
{
    static const char known[] = "data: ok\r\n\r\n";
    char *last = xstrdup(sse_parser_last_id(p));
    long retry = sse_parser_retry(p);
    size_t before = h->events;

    sse_parser_reset(p);
    if (sse_parser_feed(p, known, sizeof known - 1, NULL) != 0)
        abort();
    if (h->events != before + 1)
        abort();
    if (strcmp(sse_parser_last_id(p), last) != 0 || sse_parser_retry(p) != retry)
        abort();
    free(last);
}

/* Feeds @s in chunks of the sizes in @steps (cycled), or whole if @nsteps is 0. */
static int run(const char *s, size_t n, const uint8_t *steps, size_t nsteps,
               struct heard *h)
{
    sse_parser *p = sse_parser_create(on_event, on_comment, h, h->max_line);
    size_t off = 0, k = 0;
    int rc = 0;

    while (rc == 0 && off < n) {
        size_t chunk = nsteps ? 1 + (size_t)(steps[k++ % nsteps] % 64) : n;
        if (chunk > n - off)
            chunk = n - off;
        char *cause = NULL;
        rc = sse_parser_feed(p, s + off, chunk, &cause);
        if ((rc != 0) != (cause != NULL))
            abort();
        free(cause);
        off += chunk;
    }
    check_reset(p, h);
    sse_parser_destroy(p);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    size_t max_line = data[0] < 128 ? 0 : 8 + (data[0] & 0x3f); /* fits the reset check */
    const char *s = (const char *)data + 4;
    size_t n = size - 4;

    struct heard whole = {.max_line = max_line ? max_line : SSE_MAX_LINE_DEFAULT,
                          .hash = 14695981039346656037u};
    struct heard split = whole;
    int rc_whole = run(s, n, NULL, 0, &whole);
    int rc_split = run(s, n, data + 1, 3, &split);
    if (rc_whole != rc_split || whole.events != split.events ||
        whole.comments != split.comments || whole.hash != split.hash)
        abort();
    return 0;
}
