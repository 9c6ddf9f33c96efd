/* queue — pure queue rules (DESIGN.md §5): the legal-transition table, day keys in
 * the office time zone, labels, the call-next choice, people ahead and the
 * expected-wait range. Owns no memory; every function works on caller structs. */
#include "queue.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_names[QUEUE_STATE__COUNT] = {
    "waiting", "called", "serving", "done", "no_show", "transferred", "cancelled",
};

static const char *const action_names[QUEUE_ACT__COUNT] = {
    "call", "recall", "serve", "done", "no_show", "restore", "transfer", "cancel",
};

/* The one table of legal moves; every transition function consults it. */
static const bool legal[QUEUE_STATE__COUNT][QUEUE_ACT__COUNT] = {
    /*                call   recall serve  done   noshow restore transfer cancel */
    [QUEUE_WAITING] = {true, false, false, false, false, false, true, true},
    [QUEUE_CALLED] = {false, true, true, false, true, false, true, true},
    [QUEUE_SERVING] = {false, false, false, true, false, false, true, false},
    [QUEUE_NO_SHOW] = {false, false, false, false, false, true, false, false},
};

const char *queue_state_name(enum queue_state s)
{
    return (unsigned)s < QUEUE_STATE__COUNT ? state_names[s] : "unknown";
}

bool queue_state_parse(const char *s, enum queue_state *out)
{
    for (int i = 0; s != NULL && i < QUEUE_STATE__COUNT; i++) {
        if (strcmp(s, state_names[i]) == 0) {
            *out = (enum queue_state)i;
            return true;
        }
    }
    return false;
}

const char *queue_action_name(enum queue_action a)
{
    return (unsigned)a < QUEUE_ACT__COUNT ? action_names[a] : "unknown";
}

bool queue_can(enum queue_state from, enum queue_action a)
{
    if ((unsigned)from >= QUEUE_STATE__COUNT || (unsigned)a >= QUEUE_ACT__COUNT)
        return false;
    return legal[from][a];
}

/* --- days and labels --- */

/* Days since 1970-01-01 to civil date (Howard Hinnant's algorithm), so the day key
 * needs neither TZ environment games nor locale. */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

void queue_day_key_offset(int64_t epoch, int utc_offset_s, char out[QUEUE_DAY_SIZE])
{
    int64_t local = epoch + utc_offset_s;
    int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(out, QUEUE_DAY_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

static const struct {
    const char *name;
    int offset_s;
} zones[] = {
    {"UTC", 0},
    {"Etc/UTC", 0},
    {"GMT", 0},
    {"Asia/Riyadh", 3 * 3600},
    {"Asia/Aden", 3 * 3600},
    {"Asia/Kuwait", 3 * 3600},
    {"Asia/Qatar", 3 * 3600},
    {"Asia/Bahrain", 3 * 3600},
    {"Asia/Baghdad", 3 * 3600},
    {"Asia/Dubai", 4 * 3600},
    {"Asia/Muscat", 4 * 3600},
};

/* "+03:00", "+0300", "+3", "UTC+3", "UTC-04:30". */
static bool parse_offset(const char *s, int *out)
{
    if (strncmp(s, "UTC", 3) == 0 || strncmp(s, "GMT", 3) == 0)
        s += 3;
    if (*s != '+' && *s != '-')
        return false;
    int sign = *s == '-' ? -1 : 1;
    s++;
    int h = 0, m = 0, digits = 0;
    while (*s >= '0' && *s <= '9' && digits < 2) {
        h = h * 10 + (*s++ - '0');
        digits++;
    }
    if (digits == 0)
        return false;
    if (*s == ':')
        s++;
    if (*s != '\0') {
        if (!(s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9') || s[2] != '\0')
            return false;
        m = (s[0] - '0') * 10 + (s[1] - '0');
    }
    if (h > 14 || m > 59)
        return false;
    *out = sign * (h * 3600 + m * 60);
    return true;
}

enum queue_err queue_tz_offset(const char *tz, int64_t epoch, int *utc_offset_s)
{
    (void)epoch; /* the zones we know keep no DST; kept for zones that will */
    if (tz == NULL)
        tz = QUEUE_DEFAULT_TZ;
    for (size_t i = 0; i < sizeof zones / sizeof zones[0]; i++) {
        if (strcmp(tz, zones[i].name) == 0) {
            *utc_offset_s = zones[i].offset_s;
            return QUEUE_OK;
        }
    }
    return parse_offset(tz, utc_offset_s) ? QUEUE_OK : QUEUE_ERR_TZ;
}

enum queue_err queue_day_key(int64_t epoch, const char *tz, char out[QUEUE_DAY_SIZE])
{
    int off;
    if (queue_tz_offset(tz, epoch, &off) != QUEUE_OK)
        return QUEUE_ERR_TZ;
    queue_day_key_offset(epoch, off, out);
    return QUEUE_OK;
}

void queue_label(const char *prefix, int number, char out[QUEUE_LABEL_SIZE])
{
    snprintf(out, QUEUE_LABEL_SIZE, "%.6s-%03d", prefix, number);
}

/* --- call next --- */

static long service_index(const struct queue_weight *services, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (services[i].service_id == id)
            return (long)i;
    return -1;
}

/* True when @a should be called before @b. */
static bool before(const struct queue_ticket *a, double score_a, long idx_a,
                   const struct queue_ticket *b, double score_b, long idx_b)
{
    if (a->priority != b->priority)
        return a->priority;
    if (score_a != score_b)
        return score_a > score_b;
    if (a->issued_at != b->issued_at)
        return a->issued_at < b->issued_at;
    if (idx_a != idx_b)
        return idx_a < idx_b;
    return a->id < b->id;
}

long queue_choose_next(const struct queue_ticket *tickets, size_t n,
                       const struct queue_weight *services, size_t n_services,
                       int64_t now)
{
    long best = -1, best_idx = 0;
    double best_score = 0;
    for (size_t i = 0; i < n; i++) {
        const struct queue_ticket *t = &tickets[i];
        if (t->state != QUEUE_WAITING)
            continue;
        long idx = service_index(services, n_services, t->service_id);
        if (idx < 0)
            continue;
        /* A clock step backwards must not make waits negative and flip the order. */
        int64_t wait = now > t->issued_at ? now - t->issued_at : 0;
        double w = services[idx].weight > 0 ? services[idx].weight : 1.0;
        double score = (double)wait * w;
        if (best < 0 || before(t, score, idx, &tickets[best], best_score, best_idx)) {
            best = (long)i;
            best_score = score;
            best_idx = idx;
        }
    }
    return best;
}

int queue_people_ahead(const struct queue_ticket *tickets, size_t n,
                       const struct queue_ticket *t)
{
    int ahead = 0;
    for (size_t i = 0; i < n; i++) {
        const struct queue_ticket *o = &tickets[i];
        if (o->state != QUEUE_WAITING || o->service_id != t->service_id ||
            (o->id == t->id && o->id != 0) || o == t)
            continue;
        if (o->priority != t->priority) {
            ahead += o->priority;
            continue;
        }
        if (o->issued_at < t->issued_at ||
            (o->issued_at == t->issued_at && o->id < t->id))
            ahead++;
    }
    return ahead;
}

/* --- transitions --- */

enum queue_err queue_call(struct queue_ticket *t, int counter, int64_t staff_id,
                          int64_t now)
{
    if (!queue_can(t->state, QUEUE_ACT_CALL))
        return QUEUE_ERR_STATE;
    t->state = QUEUE_CALLED;
    t->counter = counter;
    t->staff_id = staff_id;
    if (t->called_at == 0)
        t->called_at = now;
    return QUEUE_OK;
}

enum queue_err queue_recall(struct queue_ticket *t, int limit, int64_t now, bool *no_show)
{
    if (!queue_can(t->state, QUEUE_ACT_RECALL))
        return QUEUE_ERR_STATE;
    if (limit <= 0)
        limit = QUEUE_RECALL_LIMIT;
    if (t->recalls >= limit) {
        t->state = QUEUE_NO_SHOW;
        t->done_at = now;
        *no_show = true;
    } else {
        t->recalls++;
        *no_show = false;
    }
    return QUEUE_OK;
}

enum queue_err queue_serve(struct queue_ticket *t, int64_t staff_id, int64_t now)
{
    if (!queue_can(t->state, QUEUE_ACT_SERVE))
        return QUEUE_ERR_STATE;
    t->state = QUEUE_SERVING;
    t->served_at = now;
    if (staff_id != 0)
        t->staff_id = staff_id;
    return QUEUE_OK;
}

enum queue_err queue_done(struct queue_ticket *t, int64_t now)
{
    if (!queue_can(t->state, QUEUE_ACT_DONE))
        return QUEUE_ERR_STATE;
    t->state = QUEUE_DONE;
    t->done_at = now;
    return QUEUE_OK;
}

enum queue_err queue_no_show(struct queue_ticket *t, int64_t now)
{
    if (!queue_can(t->state, QUEUE_ACT_NO_SHOW))
        return QUEUE_ERR_STATE;
    t->state = QUEUE_NO_SHOW;
    t->done_at = now;
    return QUEUE_OK;
}

enum queue_err queue_restore(struct queue_ticket *t)
{
    if (!queue_can(t->state, QUEUE_ACT_RESTORE))
        return QUEUE_ERR_STATE;
    t->state = QUEUE_WAITING;
    t->counter = 0;
    t->staff_id = 0;
    t->recalls = 0;
    t->called_at = 0;
    t->done_at = 0;
    return QUEUE_OK;
}

enum queue_err queue_transfer(struct queue_ticket *t, int64_t to_service_id,
                              const char *to_code, int64_t now, struct queue_ticket *out)
{
    if (!queue_can(t->state, QUEUE_ACT_TRANSFER))
        return QUEUE_ERR_STATE;
    if (to_service_id == t->service_id)
        return QUEUE_ERR_SERVICE;
    memset(out, 0, sizeof *out);
    out->service_id = to_service_id;
    snprintf(out->service, sizeof out->service, "%s", to_code ? to_code : "");
    memcpy(out->day, t->day, sizeof out->day);
    memcpy(out->label, t->label, sizeof out->label);
    out->priority = t->priority;
    out->state = QUEUE_WAITING;
    out->issued_at = t->issued_at;
    out->origin_id = t->id;
    out->application_id = t->application_id;
    out->device_id = t->device_id;
    t->state = QUEUE_TRANSFERRED;
    t->done_at = now;
    return QUEUE_OK;
}

enum queue_err queue_cancel(struct queue_ticket *t, int64_t now)
{
    if (!queue_can(t->state, QUEUE_ACT_CANCEL))
        return QUEUE_ERR_STATE;
    t->state = QUEUE_CANCELLED;
    t->done_at = now;
    return QUEUE_OK;
}

/* --- expected wait --- */

struct queue_wait queue_estimate_wait(int people_ahead, double mean_service_s,
                                      int open_counters)
{
    struct queue_wait w = {0, 0};
    if (people_ahead <= 0 || !(mean_service_s > 0))
        return w;
    if (open_counters <= 0)
        open_counters = 1;
    double mid = (double)people_ahead * mean_service_s / open_counters;
    w.low = (int64_t)floor(mid * 0.8 / 60.0) * 60;
    w.high = (int64_t)ceil(mid * 1.3 / 60.0) * 60;
    if (w.high <= w.low)
        w.high = w.low + 60;
    return w;
}
