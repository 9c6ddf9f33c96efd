/* api-reports — the daily report (tickets, waits p50/p90, service times, per service,
 * per counter, per staff member, satisfaction, applications) as JSON and as CSV. */
#include "api.h"

#include <string.h>

static bool api_report_day_ok(const char *s)
{
    return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
           strspn(s, "0123456789-") == 10;
}

/* Runs the report for ?date= (default today) .. ?to= (default date). */
static bool api_report_run(struct http_req *r, struct store_report *rep)
{
    char today[QUEUE_DAY_SIZE];
    const char *from = http_query(r, "date"), *to = http_query(r, "to");

    store_today(api_store, today);
    if (from == NULL)
        from = today;
    if (to == NULL)
        to = from;
    if (!api_report_day_ok(from) || !api_report_day_ok(to)) {
        http_reply_bad_request(r, api_report_day_ok(from) ? "to" : "date");
        return false;
    }
    return api_store_ok(r, store_report(api_store, from, to, rep));
}

static json_t *api_report_row_json(const struct store_report_row *w)
{
    return json_pack(
        "{s:s, s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:f, s:f, s:f, s:f, s:f, s:f,"
        " s:i, s:f}",
        "key", w->key, "issued", w->issued, "called", w->called, "done", w->done,
        "no_show", w->no_show, "transferred", w->transferred, "cancelled", w->cancelled,
        "waiting", w->waiting, "wait_mean_s", w->wait_mean, "wait_p50_s", w->wait_p50,
        "wait_p90_s", w->wait_p90, "service_mean_s", w->service_mean, "service_p50_s",
        w->service_p50, "service_p90_s", w->service_p90, "ratings", w->ratings,
        "rating_avg", w->rating_avg);
}

static json_t *api_report_rows(const struct store_report_row *rows, size_t n)
{
    json_t *a = json_array();

    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_report_row_json(&rows[i]));
    return a;
}

void api_reports_daily(struct http_req *r)
{
    struct store_report rep;

    if (!api_report_run(r, &rep))
        return;
    json_t *dist = json_object(), *apps = json_object();
    for (int s = 1; s <= 5; s++) {
        char k[2] = {(char)('0' + s), 0};
        json_object_set_new(dist, k, json_integer(rep.rating_dist[s]));
    }
    for (int s = 0; s < APP_STATUS__COUNT; s++)
        json_object_set_new(apps, app_status_name((enum app_status)s),
                            json_integer(rep.apps_by_status[s]));
    json_t *support = json_array();
    for (size_t i = 0; i < rep.n_apps_support; i++)
        json_array_append_new(support,
                              json_pack("{s:s, s:i}", "code", rep.apps_by_support[i].key,
                                        "count", rep.apps_by_support[i].n));
    json_t *o = json_pack(
        "{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:{s:i, s:o, s:i, s:o}}", "from", rep.from, "to",
        rep.to, "total", api_report_row_json(&rep.total), "by_service",
        api_report_rows(rep.by_service, rep.n_service), "by_counter",
        api_report_rows(rep.by_counter, rep.n_counter), "by_staff",
        api_report_rows(rep.by_staff, rep.n_staff), "ratings", dist, "applications",
        "submitted", rep.apps_total, "by_status", apps, "overdue", rep.apps_overdue, "by_support_type", support);
    store_report_free(&rep);
    http_reply_json(r, 200, o);
}

static void api_csv_row(struct buf *b, const char *group,
                        const struct store_report_row *w)
{
    /* Keys are service codes, counter numbers and usernames; quote them anyway. */
    buf_printf(b, "%s,\"", group);
    for (const char *p = w->key; *p != '\0'; p++)
        buf_printf(b, *p == '"' ? "\"\"" : "%c", *p);
    buf_printf(b, "\",%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%.1f,%.1f,%.1f,%.1f,%d,%.2f\r\n",
               w->issued, w->called, w->done, w->no_show, w->transferred, w->cancelled,
               w->waiting, w->wait_mean, w->wait_p50, w->wait_p90, w->service_mean,
               w->service_p50, w->service_p90, w->ratings, w->rating_avg);
}

void api_reports_daily_csv(struct http_req *r)
{
    struct store_report rep;
    struct buf b = {0};

    if (!api_report_run(r, &rep))
        return;
    buf_puts(&b, "group,key,issued,called,done,no_show,transferred,cancelled,waiting,"
                 "wait_mean_s,wait_p50_s,wait_p90_s,service_mean_s,service_p50_s,"
                 "service_p90_s,ratings,rating_avg\r\n");
    api_csv_row(&b, "total", &rep.total);
    for (size_t i = 0; i < rep.n_service; i++)
        api_csv_row(&b, "service", &rep.by_service[i]);
    for (size_t i = 0; i < rep.n_counter; i++)
        api_csv_row(&b, "counter", &rep.by_counter[i]);
    for (size_t i = 0; i < rep.n_staff; i++)
        api_csv_row(&b, "staff", &rep.by_staff[i]);
    r->content_disposition =
        xasprintf("attachment; filename=\"dawr-report-%s_%s.csv\"", rep.from, rep.to);
    store_report_free(&rep);
    http_reply_data(r, 200, "text/csv; charset=utf-8", b.data, b.len);
    buf_free(&b);
}
