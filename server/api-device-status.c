/* api-device-status — what a device says about its own hardware (today: a kiosk's
 * printer), so staff learn at once that tickets are not coming out. The latest
 * state per device is kept in memory only (it is re-sent on the kiosk's next print
 * and is worthless after a restart); each report is also one "device.status"
 * event, so counter consoles show it live through the SSE stream. */
#include "api.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sse.h"

#define DEVSTAT_MAX 64

struct devstat {
    long long id;
    char name[64];
    char printer[24];
    int64_t at;
};

static pthread_mutex_t devstat_lock = PTHREAD_MUTEX_INITIALIZER;
static struct devstat devstat[DEVSTAT_MAX];
static size_t ndevstat;

/* The printer states a kiosk may report (printer/prn.h's errors, by name). */
static const char *const devstat_states[] = {
    "ok",        "paper_out", "paper_low", "cover_open", "offline", "cutter", "mechanism",
    "timeout",   "unplugged", "not_found", "access",     "io",      "error",  NULL,
};

static bool devstat_known(const char *s)
{
    for (const char *const *p = devstat_states; *p != NULL; p++)
        if (strcmp(*p, s) == 0)
            return true;
    return false;
}

void api_device_status_put(struct http_req *r)
{
    if (!api_need_body(r))
        return;
    const char *printer = json_string_value(json_object_get(r->json, "printer"));
    if (printer == NULL || !devstat_known(printer)) {
        http_reply_bad_request(r, "printer");
        return;
    }
    int64_t now = (int64_t)time(NULL);
    pthread_mutex_lock(&devstat_lock);
    size_t i = 0;
    while (i < ndevstat && devstat[i].id != r->who.id)
        i++;
    if (i == ndevstat && ndevstat < DEVSTAT_MAX)
        ndevstat++;
    if (i < ndevstat) {
        devstat[i].id = r->who.id;
        snprintf(devstat[i].name, sizeof devstat[i].name, "%s", r->who.name);
        snprintf(devstat[i].printer, sizeof devstat[i].printer, "%s", printer);
        devstat[i].at = now;
    }
    pthread_mutex_unlock(&devstat_lock);

    json_t *ev = json_pack("{s:I, s:s, s:s}", "device_id", (json_int_t)r->who.id, "device",
                           r->who.name, "printer", printer);
    char *payload = json_dumps(ev, JSON_COMPACT);
    json_decref(ev);
    int64_t seq;
    enum store_err e = store_event_append(api_store, "device.status", payload, &seq);
    free(payload);
    if (!api_store_ok(r, e))
        return;
    sse_notify();
    http_reply_json(r, 200, json_pack("{s:s}", "printer", printer));
}

void api_device_status_list(struct http_req *r)
{
    json_t *list = json_array();
    pthread_mutex_lock(&devstat_lock);
    for (size_t i = 0; i < ndevstat; i++)
        json_array_append_new(list, json_pack("{s:I, s:s, s:s, s:o}", "device_id",
                                              (json_int_t)devstat[i].id, "device",
                                              devstat[i].name, "printer", devstat[i].printer,
                                              "at", api_time(devstat[i].at)));
    pthread_mutex_unlock(&devstat_lock);
    http_reply_json(r, 200, json_pack("{s:o}", "devices", list));
}
