/* board — the display's model. Owns the filters, the queue of calls still to be
 * announced, the call on the big panel, the recent list and the services with their
 * waiting counts. Event payloads are the server's JSON (docs/api.md): ticket events
 * carry at least id, label, service, state and counter. */
#include "board.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_FILTER 32
#define MAX_PENDING 64

struct board {
    int counters[MAX_FILTER];
    size_t ncounters;
    char services_filter[MAX_FILTER][8];
    size_t nservices_filter;

    int announce_ms;
    int64_t last_seq;
    struct board_call pending[MAX_PENDING]; /* FIFO */
    size_t npending;
    bool have_current;
    struct board_call current;
    struct board_call recent[BOARD_RECENT]; /* newest first */
    size_t nrecent;
    struct board_service services[BOARD_MAX_SERVICES];
    size_t nservices;
};

struct board *board_create(const char *counters, const char *services)
{
    struct board *b = xcalloc(1, sizeof *b);
    b->announce_ms = BOARD_ANNOUNCE_MS;
    char *copy, *tok, *save;

    if (counters && *counters) {
        copy = xstrdup(counters);
        for (tok = strtok_r(copy, ", ", &save); tok && b->ncounters < MAX_FILTER;
             tok = strtok_r(NULL, ", ", &save))
            b->counters[b->ncounters++] = atoi(tok);
        free(copy);
    }
    if (services && *services) {
        copy = xstrdup(services);
        for (tok = strtok_r(copy, ", ", &save); tok && b->nservices_filter < MAX_FILTER;
             tok = strtok_r(NULL, ", ", &save))
            snprintf(b->services_filter[b->nservices_filter++], 8, "%s", tok);
        free(copy);
    }
    return b;
}

void board_set_announce_ms(struct board *b, int ms)
{
    b->announce_ms = ms > 0 ? ms : BOARD_ANNOUNCE_MS;
}

void board_destroy(struct board *b)
{
    free(b);
}

static bool counter_shown(const struct board *b, int counter)
{
    if (b->ncounters == 0)
        return true;
    for (size_t i = 0; i < b->ncounters; i++)
        if (b->counters[i] == counter)
            return true;
    return false;
}

static bool service_shown(const struct board *b, const char *code)
{
    if (b->nservices_filter == 0)
        return true;
    for (size_t i = 0; i < b->nservices_filter; i++)
        if (strcmp(b->services_filter[i], code) == 0)
            return true;
    return false;
}

static struct board_service *service_find(struct board *b, const char *code)
{
    for (size_t i = 0; i < b->nservices; i++)
        if (strcmp(b->services[i].code, code) == 0)
            return &b->services[i];
    return NULL;
}

/* Services outside the filter are never stored. */
static void waiting_add(struct board *b, const char *code, int delta)
{
    if (code[0] == '\0' || !service_shown(b, code))
        return;
    struct board_service *s = service_find(b, code);
    if (s == NULL && b->nservices < BOARD_MAX_SERVICES && delta > 0) {
        s = &b->services[b->nservices++];
        memset(s, 0, sizeof *s);
        snprintf(s->code, sizeof s->code, "%s", code);
    }
    if (s == NULL)
        return;
    s->waiting += delta;
    if (s->waiting < 0)
        s->waiting = 0;
}

/* Moves the current call into the recent list; a ticket called again (a recall)
 * appears once, at the top. */
static void push_recent(struct board *b, const struct board_call *c)
{
    size_t i;
    for (i = 0; i < b->nrecent; i++)
        if (strcmp(b->recent[i].label, c->label) == 0)
            break;
    if (i == b->nrecent) {
        if (b->nrecent < BOARD_RECENT)
            b->nrecent++;
        i = b->nrecent - 1;
    }
    memmove(&b->recent[1], &b->recent[0], i * sizeof b->recent[0]);
    b->recent[0] = *c;
}

/* Makes @c the current call; the previous current call becomes recent. */
static void make_current(struct board *b, const struct board_call *c)
{
    /* If it is a recall of a recent call, it leaves the recent list first, so the
     * list does not lose an older call to make room. */
    for (size_t i = 0; i < b->nrecent; i++) {
        if (strcmp(b->recent[i].label, c->label) == 0) {
            memmove(&b->recent[i], &b->recent[i + 1],
                    (b->nrecent - i - 1) * sizeof b->recent[0]);
            b->nrecent--;
            break;
        }
    }
    if (b->have_current && strcmp(b->current.label, c->label) != 0)
        push_recent(b, &b->current);
    b->current = *c;
    b->have_current = true;
}

static const char *jstr(json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static enum board_change apply_call(struct board *b, json_t *o, int64_t seq, bool recall,
                                    bool quiet)
{
    struct board_call c = {.seq = seq, .recall = recall};
    json_t *counter = json_object_get(o, "counter");
    const char *label = jstr(o, "label");

    if (label[0] == '\0' || !json_is_integer(counter))
        return BOARD_IGNORED;
    snprintf(c.label, sizeof c.label, "%s", label);
    snprintf(c.service, sizeof c.service, "%s", jstr(o, "service"));
    c.counter = (int)json_integer_value(counter);
    if (!recall)
        waiting_add(b, c.service, -1);
    if (!counter_shown(b, c.counter) || !service_shown(b, c.service))
        return recall ? BOARD_IGNORED : BOARD_CHANGED;
    if (quiet) {
        make_current(b, &c);
        return BOARD_CHANGED;
    }
    if (b->npending == MAX_PENDING) { /* a flood: the oldest is shown silently */
        make_current(b, &b->pending[0]);
        memmove(&b->pending[0], &b->pending[1], (MAX_PENDING - 1) * sizeof c);
        b->npending--;
    }
    b->pending[b->npending++] = c;
    return BOARD_QUEUED;
}

enum board_change board_apply(struct board *b, int64_t seq, const char *type,
                              const char *data, bool quiet)
{
    if (seq <= b->last_seq)
        return BOARD_IGNORED;
    b->last_seq = seq;

    json_t *o = json_loads(data ? data : "", 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return BOARD_IGNORED;
    }
    enum board_change r = BOARD_IGNORED;
    const char *service = jstr(o, "service");
    if (strcmp(type, "ticket.called") == 0) {
        r = apply_call(b, o, seq, false, quiet);
    } else if (strcmp(type, "ticket.recalled") == 0) {
        r = apply_call(b, o, seq, true, quiet);
    } else if (strcmp(type, "ticket.issued") == 0 ||
               strcmp(type, "ticket.restored") == 0) {
        waiting_add(b, service, 1);
        r = BOARD_CHANGED;
    } else if (strcmp(type, "ticket.cancelled") == 0 &&
               strcmp(jstr(o, "from_state"), "waiting") == 0) {
        waiting_add(b, service, -1);
        r = BOARD_CHANGED;
    }
    json_decref(o);
    return r;
}

static void copy_name(char *dst, size_t n, json_t *s, const char *k1, const char *k2)
{
    const char *v = json_string_value(json_object_get(s, k1));
    if (v == NULL)
        v = json_string_value(json_object_get(s, k2));
    snprintf(dst, n, "%s", v ? v : "");
}

int board_set_services(struct board *b, const char *json)
{
    json_t *root = json_loads(json, 0, NULL);
    json_t *arr = json_is_array(root) ? root : json_object_get(root, "services");
    if (!json_is_array(arr)) {
        json_decref(root);
        return -1;
    }
    struct board_service old[BOARD_MAX_SERVICES];
    size_t nold = b->nservices;
    memcpy(old, b->services, sizeof old);
    size_t i, n = 0;
    json_t *s;
    json_array_foreach(arr, i, s)
    {
        const char *code = json_string_value(json_object_get(s, "code"));
        json_t *active = json_object_get(s, "active");
        if (code == NULL || n == BOARD_MAX_SERVICES || json_is_false(active) ||
            !service_shown(b, code))
            continue;
        struct board_service *d = &b->services[n++];
        memset(d, 0, sizeof *d);
        snprintf(d->code, sizeof d->code, "%s", code);
        copy_name(d->name_ar, sizeof d->name_ar, s, "name_ar", "name");
        copy_name(d->name_en, sizeof d->name_en, s, "name_en", "name");
        d->waiting = (int)json_integer_value(json_object_get(s, "waiting"));
    }
    b->nservices = n;
    json_decref(root);
    return n != nold || memcmp(old, b->services, n * sizeof old[0]) != 0;
}

const struct board_call *board_tick(struct board *b, long long now_ms)
{
    if (b->npending == 0)
        return NULL;
    if (b->have_current && b->current.at_ms != 0 &&
        now_ms - b->current.at_ms < b->announce_ms)
        return NULL; /* the current announcement is still running */
    struct board_call c = b->pending[0];
    memmove(&b->pending[0], &b->pending[1], (b->npending - 1) * sizeof c);
    b->npending--;
    c.at_ms = now_ms ? now_ms : 1;
    make_current(b, &c);
    return &b->current;
}

const struct board_call *board_current(const struct board *b)
{
    return b->have_current ? &b->current : NULL;
}

size_t board_recent(const struct board *b, const struct board_call **out)
{
    *out = b->recent;
    return b->nrecent;
}

size_t board_services(const struct board *b, const struct board_service **out)
{
    *out = b->services;
    return b->nservices;
}

size_t board_pending(const struct board *b)
{
    return b->npending;
}

int64_t board_last_seq(const struct board *b)
{
    return b->last_seq;
}
