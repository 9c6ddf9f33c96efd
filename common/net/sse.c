/* sse — Server-Sent Events parser. Owns the current line, the event being built
 * (type and data) and the values that persist across events: last event ID and
 * retry. Follows the WHATWG HTML "event stream interpretation" rules, so a server
 * written by anyone else is read the same way a browser reads it. */
#include "sse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct sse_parser {
    sse_event_cb on_event;
    sse_comment_cb on_comment;
    void *arg;
    size_t max_line;

    struct buf line;  /* the line being received, without its end */
    bool last_was_cr; /* a CR ended the previous line: skip an LF that follows */
    size_t bom_seen;  /* bytes of a leading BOM matched so far; SIZE_MAX when done */

    struct buf type; /* event: field of the event being built */
    struct buf data; /* data: lines, each followed by '\n' */
    char *last_id;
    long retry;
};

static const unsigned char bom[] = {0xEF, 0xBB, 0xBF};

sse_parser *sse_parser_create(sse_event_cb on_event, sse_comment_cb on_comment, void *arg,
                              size_t max_line)
{
    sse_parser *p = xcalloc(1, sizeof *p);
    p->on_event = on_event;
    p->on_comment = on_comment;
    p->arg = arg;
    p->max_line = max_line ? max_line : SSE_MAX_LINE_DEFAULT;
    p->last_id = xstrdup("");
    p->retry = -1;
    return p;
}

void sse_parser_destroy(sse_parser *p)
{
    if (p == NULL)
        return;
    buf_free(&p->line);
    buf_free(&p->type);
    buf_free(&p->data);
    free(p->last_id);
    free(p);
}

void sse_parser_reset(sse_parser *p)
{
    p->line.len = 0;
    p->type.len = 0;
    p->data.len = 0;
    p->last_was_cr = false;
    p->bom_seen = 0;
}

const char *sse_parser_last_id(const sse_parser *p)
{
    return p->last_id;
}

long sse_parser_retry(const sse_parser *p)
{
    return p->retry;
}

void sse_parser_set_last_id(sse_parser *p, const char *id)
{
    free(p->last_id);
    p->last_id = xstrdup(id ? id : "");
}

/* An empty line ends an event; with no data lines nothing is dispatched. */
static void dispatch(sse_parser *p)
{
    if (p->data.len == 0) {
        p->type.len = 0;
        return;
    }
    p->data.len--; /* the spec drops the last '\n' */
    p->data.data[p->data.len] = '\0';
    struct sse_event ev = {
        .id = p->last_id,
        .type = p->type.len ? p->type.data : "message",
        .data = p->data.data,
        .data_len = p->data.len,
        .retry = p->retry,
    };
    p->on_event(&ev, p->arg);
    p->type.len = 0;
    p->data.len = 0;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* Handles one complete line (without its end). */
static int process_line(sse_parser *p, char **cause)
{
    const char *l = p->line.data ? p->line.data : "";
    size_t n = p->line.len;

    if (n == 0) {
        dispatch(p);
        return 0;
    }
    if (l[0] == ':') {
        if (p->on_comment)
            p->on_comment(l + 1, p->arg);
        return 0;
    }
    const char *colon = memchr(l, ':', n);
    size_t nlen = colon ? (size_t)(colon - l) : n;
    const char *v = colon ? colon + 1 : l + n;
    size_t vlen = (size_t)(l + n - v);
    if (vlen > 0 && v[0] == ' ') {
        v++;
        vlen--;
    }

    if (nlen == 5 && memcmp(l, "event", 5) == 0) {
        p->type.len = 0;
        buf_append(&p->type, v, vlen);
    } else if (nlen == 4 && memcmp(l, "data", 4) == 0) {
        if (p->data.len + vlen + 1 > p->max_line) {
            if (cause)
                *cause = xasprintf("event data longer than %zu bytes", p->max_line);
            return -1;
        }
        buf_append(&p->data, v, vlen);
        buf_append(&p->data, "\n", 1);
    } else if (nlen == 2 && memcmp(l, "id", 2) == 0) {
        if (memchr(v, '\0', vlen) == NULL) { /* the spec ignores ids with NUL */
            free(p->last_id);
            p->last_id = xstrndup(v, vlen);
        }
    } else if (nlen == 5 && memcmp(l, "retry", 5) == 0) {
        if (all_digits(v, vlen) && vlen < 10)
            p->retry = strtol(v, NULL, 10);
    }
    /* Any other field is ignored, as the spec says. */
    return 0;
}

int sse_parser_feed(sse_parser *p, const char *bytes, size_t len, char **cause)
{
    size_t i = 0;

    /* The BOM may itself arrive split across chunks. */
    while (p->bom_seen != SIZE_MAX && i < len) {
        if ((unsigned char)bytes[i] == bom[p->bom_seen]) {
            i++;
            if (++p->bom_seen == sizeof bom)
                p->bom_seen = SIZE_MAX;
        } else {
            if (p->bom_seen > 0) /* a partial BOM was real text after all */
                buf_append(&p->line, bom, p->bom_seen);
            p->bom_seen = SIZE_MAX;
        }
    }

    while (i < len) {
        char c = bytes[i];
        if (c == '\n' && p->last_was_cr) {
            p->last_was_cr = false;
            i++;
            continue;
        }
        p->last_was_cr = false;
        if (c == '\r' || c == '\n') {
            p->last_was_cr = (c == '\r');
            i++;
            int rc = process_line(p, cause);
            p->line.len = 0;
            if (rc != 0)
                return -1;
            continue;
        }
        /* Copy the run up to the next line end in one go. */
        size_t j = i;
        while (j < len && bytes[j] != '\r' && bytes[j] != '\n')
            j++;
        if (p->line.len + (j - i) > p->max_line) {
            if (cause)
                *cause = xasprintf("line longer than %zu bytes", p->max_line);
            return -1;
        }
        buf_append(&p->line, bytes + i, j - i);
        i = j;
    }
    return 0;
}
