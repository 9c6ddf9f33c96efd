/* store-report — the numbers of the daily/range report (DESIGN.md §1, manager):
 * tickets per service, counter and staff member, waits and service times with
 * percentiles, satisfaction, applications by status and overdue. Reads the rows
 * once and aggregates in C; formatting (JSON, CSV) is the HTTP side's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store-int.h"
#include "util.h"

struct agg {
    struct store_report_row row;
    double *waits;
    size_t n_waits, cap_waits;
    double *svc;
    size_t n_svc, cap_svc;
    double rating_sum;
};

struct group {
    struct agg *a;
    size_t n, cap;
};

static struct agg *group_get(struct group *g, const char *key)
{
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->a[i].row.key, key) == 0)
            return &g->a[i];
    g->a = xreallocarray_grow(g->a, &g->cap, g->n + 1, sizeof *g->a);
    struct agg *a = &g->a[g->n++];
    memset(a, 0, sizeof *a);
    snprintf(a->row.key, sizeof a->row.key, "%s", key);
    return a;
}

static void push(double **v, size_t *n, size_t *cap, double x)
{
    *v = xreallocarray_grow(*v, cap, *n + 1, sizeof **v);
    (*v)[(*n)++] = x;
}

struct trow {
    enum queue_state state;
    int64_t issued_at, called_at, served_at, done_at;
    int score;
    bool handed_out; /* not a transfer */
};

static void add(struct agg *a, const struct trow *r)
{
    struct store_report_row *o = &a->row;
    o->issued++;
    switch (r->state) {
    case QUEUE_DONE:
        o->done++;
        break;
    case QUEUE_NO_SHOW:
        o->no_show++;
        break;
    case QUEUE_TRANSFERRED:
        o->transferred++;
        break;
    case QUEUE_CANCELLED:
        o->cancelled++;
        break;
    case QUEUE_WAITING:
        o->waiting++;
        break;
    default:
        break;
    }
    if (r->called_at > 0) {
        o->called++;
        push(&a->waits, &a->n_waits, &a->cap_waits,
             (double)(r->called_at - r->issued_at));
    }
    if (r->state == QUEUE_DONE && r->served_at > 0)
        push(&a->svc, &a->n_svc, &a->cap_svc, (double)(r->done_at - r->served_at));
    if (r->score > 0) {
        o->ratings++;
        a->rating_sum += r->score;
    }
}

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* Nearest-rank percentile of sorted @v. */
static double pct(const double *v, size_t n, double p)
{
    if (n == 0)
        return 0;
    size_t rank = (size_t)ceil(p / 100.0 * (double)n);
    return v[rank > 0 ? rank - 1 : 0];
}

static double mean(const double *v, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += v[i];
    return n ? s / (double)n : 0;
}

static void finish(struct agg *a, struct store_report_row *out)
{
    if (a->n_waits > 0)
        qsort(a->waits, a->n_waits, sizeof *a->waits, cmp_double);
    if (a->n_svc > 0)
        qsort(a->svc, a->n_svc, sizeof *a->svc, cmp_double);
    a->row.wait_mean = mean(a->waits, a->n_waits);
    a->row.wait_p50 = pct(a->waits, a->n_waits, 50);
    a->row.wait_p90 = pct(a->waits, a->n_waits, 90);
    a->row.service_mean = mean(a->svc, a->n_svc);
    a->row.service_p50 = pct(a->svc, a->n_svc, 50);
    a->row.service_p90 = pct(a->svc, a->n_svc, 90);
    a->row.rating_avg = a->row.ratings ? a->rating_sum / a->row.ratings : 0;
    *out = a->row;
    free(a->waits);
    free(a->svc);
}

static void finish_group(struct group *g, struct store_report_row **out, size_t *n)
{
    *out = xcalloc(g->n ? g->n : 1, sizeof **out);
    *n = g->n;
    for (size_t i = 0; i < g->n; i++)
        finish(&g->a[i], &(*out)[i]);
    free(g->a);
}

/* Epoch of local midnight starting @day in the store's zone. */
static bool day_start(struct store *st, const char *day, int64_t *out)
{
    int y, m, d;
    if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    /* days_from_civil, the inverse of queue.c's civil_from_days */
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    int64_t days = era * 146097 + doe - 719468;
    int off;
    if (queue_tz_offset(st->tz, days * 86400, &off) != QUEUE_OK)
        off = 0;
    *out = days * 86400 - off;
    return true;
}

static enum store_err tickets_part(struct store *st, struct store_report *r)
{
    sqlite3_stmt *s = sx_prep(
        st, "SELECT s.code, t.counter, COALESCE(u.username, ''), t.state, t.issued_at, "
            "t.called_at, t.served_at, t.done_at, COALESCE(rt.score, 0), t.origin_id "
            "FROM tickets t JOIN services s ON s.id = t.service_id "
            "LEFT JOIN staff u ON u.id = t.staff_id "
            "LEFT JOIN ratings rt ON rt.ticket_id = t.id "
            "WHERE t.day BETWEEN ? AND ? ORDER BY s.sort, s.code, t.id");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, r->from);
    sx_bind_text(s, 2, r->to);
    struct agg total = {0};
    struct group by_service = {0}, by_counter = {0}, by_staff = {0};
    snprintf(total.row.key, sizeof total.row.key, "total");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct trow t = {0};
        queue_state_parse((const char *)sqlite3_column_text(s, 3), &t.state);
        t.issued_at = sqlite3_column_int64(s, 4);
        t.called_at = sqlite3_column_int64(s, 5);
        t.served_at = sqlite3_column_int64(s, 6);
        t.done_at = sqlite3_column_int64(s, 7);
        t.score = sqlite3_column_int(s, 8);
        t.handed_out = sqlite3_column_int64(s, 9) == 0;
        add(group_get(&by_service, (const char *)sqlite3_column_text(s, 0)), &t);
        int counter = sqlite3_column_int(s, 1);
        if (counter > 0) {
            char key[16];
            snprintf(key, sizeof key, "%d", counter);
            add(group_get(&by_counter, key), &t);
        }
        const char *user = (const char *)sqlite3_column_text(s, 2);
        if (user != NULL && *user != '\0')
            add(group_get(&by_staff, user), &t);
        add(&total, &t);
        /* A transfer is the same person: counted once among tickets handed out. */
        if (!t.handed_out)
            total.row.issued--;
        if (t.score >= 1 && t.score <= 5)
            r->rating_dist[t.score]++;
    }
    enum store_err e = rc == SQLITE_DONE ? STORE_OK : sx_err(st, rc);
    finish(&total, &r->total);
    finish_group(&by_service, &r->by_service, &r->n_service);
    finish_group(&by_counter, &r->by_counter, &r->n_counter);
    finish_group(&by_staff, &r->by_staff, &r->n_staff);
    return e;
}

static enum store_err apps_part(struct store *st, struct store_report *r)
{
    int64_t from, to;
    if (!day_start(st, r->from, &from) || !day_start(st, r->to, &to))
        return sx_fail(STORE_ERR_INVALID, "bad day");
    to += 86400;
    sqlite3_stmt *s = sx_prep(st, "SELECT status, COUNT(*) FROM applications "
                                  "WHERE submitted_at >= ? AND submitted_at < ? "
                                  "GROUP BY status");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, from);
    sqlite3_bind_int64(s, 2, to);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        enum app_status a;
        int n = sqlite3_column_int(s, 1);
        if (app_status_parse((const char *)sqlite3_column_text(s, 0), &a))
            r->apps_by_status[a] += n;
        r->apps_total += n;
    }
    if (rc != SQLITE_DONE)
        return sx_err(st, rc);
    s = sx_prep(st, "SELECT support_type, COUNT(*) AS n FROM applications "
                    "WHERE submitted_at >= ? AND submitted_at < ? "
                    "GROUP BY support_type ORDER BY n DESC, support_type");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, from);
    sqlite3_bind_int64(s, 2, to);
    size_t cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r->apps_by_support = xreallocarray_grow(r->apps_by_support, &cap,
                                                r->n_apps_support + 1,
                                                sizeof *r->apps_by_support);
        struct store_report_count *c = &r->apps_by_support[r->n_apps_support++];
        sx_col_text(s, 0, c->key, sizeof c->key);
        c->n = sqlite3_column_int(s, 1);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return sx_err(st, rc);
    s = sx_prep(st, "SELECT COUNT(*) FROM applications WHERE status NOT IN "
                    "('accepted', 'rejected') AND due_at < ?");
    if (s == NULL)
        return STORE_ERR_IO;
    sqlite3_bind_int64(s, 1, store_now(st));
    int64_t n;
    enum store_err e = sx_int(st, s, &n);
    r->apps_overdue = (int)n;
    return e;
}

enum store_err store_report(struct store *st, const char *from, const char *to,
                            struct store_report *out)
{
    memset(out, 0, sizeof *out);
    int64_t dummy;
    if (from == NULL || to == NULL || strlen(from) != 10 || strlen(to) != 10 ||
        !day_start(st, from, &dummy) || !day_start(st, to, &dummy) ||
        strcmp(from, to) > 0)
        return sx_fail(STORE_ERR_INVALID, "bad day range");
    memcpy(out->from, from, QUEUE_DAY_SIZE);
    memcpy(out->to, to, QUEUE_DAY_SIZE);
    st = sx_rbegin(st);
    enum store_err e = tickets_part(st, out);
    if (e == STORE_OK)
        e = apps_part(st, out);
    sx_unlock(st);
    if (e != STORE_OK)
        store_report_free(out);
    return e;
}

void store_report_free(struct store_report *r)
{
    if (r == NULL)
        return;
    free(r->by_service);
    free(r->by_counter);
    free(r->by_staff);
    free(r->apps_by_support);
    r->apps_by_support = NULL;
    r->n_apps_support = 0;
    r->by_service = r->by_counter = r->by_staff = NULL;
    r->n_service = r->n_counter = r->n_staff = 0;
}
