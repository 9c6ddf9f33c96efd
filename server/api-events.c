/* api-events — GET /api/events, the Server-Sent Events stream, and the store query
 * that turns event rows into SSE frames for the hub in sse.c. */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "sse.h"

int64_t api_events_fetch(int64_t after, int max, struct buf *out)
{
    struct store_event *ev;
    size_t n;
    int64_t last = after;

    if (store_events_after(api_store, after, (size_t)max, &ev, &n) != STORE_OK)
        return after;
    for (size_t i = 0; i < n; i++) {
        buf_printf(out, "id: %lld\nevent: %s\n", (long long)ev[i].seq, ev[i].type);
        /* A data field ends at a newline, so each line of the payload gets its own. */
        for (const char *p = ev[i].payload; p != NULL;) {
            const char *nl = strchr(p, '\n');
            size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);
            buf_puts(out, "data: ");
            buf_append(out, p, len);
            buf_puts(out, "\n");
            p = nl != NULL ? nl + 1 : NULL;
        }
        buf_puts(out, "\n");
        last = ev[i].seq;
    }
    store_events_free(ev, n);
    return last;
}

void api_events_stream(struct http_req *r)
{
    const char *last = http_header(r, "Last-Event-ID");
    int64_t id = 0;

    if (last == NULL)
        last = http_query(r, "last_event_id");
    if (last != NULL) {
        char *end;
        long long v = strtoll(last, &end, 10);
        if (*end != '\0' || v < 0) {
            http_reply_bad_request(r, "Last-Event-ID");
            return;
        }
        id = v;
    }
    r->status = 200;
    r->stream = sse_client_new(id);
}
