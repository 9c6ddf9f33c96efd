/* worker — see worker.h. One pthread with a one-slot job queue (a kiosk has one
 * person in front of it, so one ticket at a time) and a timed wait that doubles as
 * the service-list refresh timer. Talks JSON with jansson over common/net. */
#include "worker.h"

#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net.h"
#include "outbox.h"
#include "prn.h"
#include "util.h"

#define WORKER_REFRESH_MS 5000
/* Offline, look again sooner: tickets and saved requests wait on it. */
#define WORKER_RETRY_MS 2000

struct kiosk_worker {
    char *server, *token, *printer_dev, *fonts_dir;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop;
    bool have_job;
    struct kiosk_service job_service;
    bool job_priority;
    long long job_application;
    char job_key[33]; /* the tap's Idempotency-Key: a retry must not issue twice */
    char association[160]; /* from /api/info, for the printed ticket */
    bool have_info;
    bool have_support; /* support types fetched since the server was last reached */
    struct outbox *outbox;
    bool deliver_now;
    bool have_lookup;
    bool have_rating;
    char rating_token[72];
    int rating_score;
    char lookup_ref[32], lookup_last4[8];
    prn_printer *printer;
    const char *printer_told; /* the printer state the server last accepted */
};

Uint32 worker_event_type(void)
{
    static Uint32 type = (Uint32)-1;
    if (type == (Uint32)-1)
        type = SDL_RegisterEvents(1);
    return type;
}

static void worker_post(struct worker_result *r)
{
    SDL_Event ev;
    SDL_zero(ev);
    ev.type = worker_event_type();
    ev.user.code = (Sint32)r->kind;
    ev.user.data1 = r;
    if (SDL_PushEvent(&ev) != 1)
        worker_result_free(r);
}

void worker_result_free(struct worker_result *r)
{
    free(r);
}

static void copy_str(char *dst, size_t size, json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    snprintf(dst, size, "%s", s != NULL ? s : "");
}

/* GET or POST @path (@len bytes of @body, 0: strlen), with an Idempotency-Key when
 * @key is not NULL; the parsed JSON reply or NULL (then *status is 0 when no reply
 * arrived at all). */
static json_t *worker_call_key(struct kiosk_worker *w, const char *method, const char *path,
                               const char *body, size_t len, const char *key, long *status)
{
    char *url = xasprintf("%s%s", w->server, path);
    char *key_line = key != NULL ? xasprintf("Idempotency-Key: %s", key) : NULL;
    const char *headers[] = {key_line, NULL};
    struct net_request req = {
        .method = method,
        .url = url,
        .token = w->token,
        .json_body = body,
        .body_len = len,
        .headers = headers,
        .timeout_ms = key != NULL ? 15000 : 5000,
        .max_body = 1024 * 1024,
    };
    struct net_reply reply = {0};
    char *cause = NULL;
    json_t *out = NULL;
    *status = 0;
    if (net_request(&req, &reply, &cause) == 0) {
        *status = reply.status;
        out = json_loadb(reply.body, reply.len, 0, NULL);
        net_reply_free(&reply);
    }
    free(cause); /* the UI says "cannot reach the server"; details are not shown */
    free(key_line);
    free(url);
    return out;
}

static json_t *worker_call(struct kiosk_worker *w, const char *method, const char *path,
                           const char *body, long *status)
{
    return worker_call_key(w, method, path, body, 0, NULL, status);
}

/* GET /api/support-types → a WORKER_SUPPORT_TYPES result; true if it arrived. The
 * UI keeps the list (its built-in one until then, or when the server is old). */
static bool worker_fetch_support(struct kiosk_worker *w)
{
    long status;
    json_t *list = worker_call(w, "GET", "/api/support-types", NULL, &status);
    bool ok = status == 200 && json_is_array(list) && json_array_size(list) > 0;
    if (ok) {
        struct worker_result *r = xcalloc(1, sizeof *r);
        r->kind = WORKER_SUPPORT_TYPES;
        r->ok = true;
        size_t i;
        json_t *t;
        json_array_foreach(list, i, t)
        {
            if (r->nsupport == REQUEST_SUPPORT_MAX)
                break;
            struct request_support_type *st = &r->support[r->nsupport];
            copy_str(st->code, sizeof st->code, t, "code");
            copy_str(st->ar, sizeof st->ar, t, "name_ar");
            copy_str(st->en, sizeof st->en, t, "name_en");
            if (st->code[0] == '\0')
                continue;
            if (st->ar[0] == '\0')
                memcpy(st->ar, st->code, sizeof st->code); /* code < 32 < 96 bytes */
            if (st->en[0] == '\0')
                memcpy(st->en, st->code, sizeof st->code);
            r->nsupport++;
        }
        worker_post(r);
    }
    json_decref(list);
    return ok || status == 404; /* an older server: keep the built-in list */
}

/* Returns true if the server answered. */
static bool worker_fetch_services(struct kiosk_worker *w)
{
    struct worker_result *r = xcalloc(1, sizeof *r);
    r->kind = WORKER_SERVICES;
    long status;
    json_t *o = worker_call(w, "GET", "/api/services", NULL, &status);
    json_t *list = json_object_get(o, "services");
    if (status == 200 && json_is_array(list)) {
        r->ok = true;
        size_t i;
        json_t *s;
        json_array_foreach(list, i, s)
        {
            if (r->nservices == KIOSK_SERVICES_MAX)
                break;
            if (json_is_false(json_object_get(s, "active")))
                continue;
            struct kiosk_service *ks = &r->services[r->nservices++];
            copy_str(ks->code, sizeof ks->code, s, "code");
            copy_str(ks->prefix, sizeof ks->prefix, s, "prefix");
            copy_str(ks->name_ar, sizeof ks->name_ar, s, "name_ar");
            copy_str(ks->name_en, sizeof ks->name_en, s, "name_en");
            ks->waiting = (int)json_integer_value(json_object_get(s, "waiting"));
            ks->needs_application = json_is_true(json_object_get(s, "needs_application"));
        }
    }
    json_decref(o);
    if (r->ok && !w->have_info) {
        w->have_info = true;
        json_t *info = worker_call(w, "GET", "/api/info", NULL, &status);
        copy_str(w->association, sizeof w->association, info, "name_ar");
        json_decref(info);
    }
    bool ok = r->ok;
    worker_post(r);
    if (!ok)
        w->have_support = false; /* fetch them again once back */
    else if (!w->have_support)
        w->have_support = worker_fetch_support(w);
    return ok;
}

/* The outbox's sender: POST with the request's key; on 2xx the reference goes to
 * the UI (the done screen shows it if that request is still on screen). */
static long worker_send(void *arg, const char *key, const char *path, const char *body,
                        size_t len)
{
    struct kiosk_worker *w = arg;
    long status;
    json_t *o = worker_call_key(w, "POST", path, body, len, key, &status);
    if (status >= 200 && status < 300) {
        struct worker_result *r = xcalloc(1, sizeof *r);
        r->kind = WORKER_APPLICATION;
        r->ok = true;
        snprintf(r->key, sizeof r->key, "%s", key);
        copy_str(r->reference, sizeof r->reference, o, "reference");
        r->application_id = (long long)json_integer_value(json_object_get(o, "id"));
        worker_post(r);
    }
    json_decref(o);
    return status != 0 ? status : -1;
}

static void worker_deliver_outbox(struct kiosk_worker *w)
{
    struct outbox_result res;
    char *cause = NULL;
    if (w->outbox != NULL && outbox_deliver(w->outbox, worker_send, w, &res, &cause) != 0)
        free(cause); /* tried again at the next refresh */
}

/* The name POST /api/devices/self/status takes for @e (docs/api.md). */
static const char *worker_printer_state(prn_err e)
{
    switch (e) {
    case PRN_OK: return "ok";
    case PRN_ERR_PAPER_OUT: return "paper_out";
    case PRN_ERR_PAPER_NEAR_END: return "paper_low";
    case PRN_ERR_COVER_OPEN: return "cover_open";
    case PRN_ERR_OFFLINE: return "offline";
    case PRN_ERR_CUTTER: return "cutter";
    case PRN_ERR_MECHANISM: return "mechanism";
    case PRN_ERR_TIMEOUT: return "timeout";
    case PRN_ERR_UNPLUGGED: return "unplugged";
    case PRN_ERR_NOT_FOUND: return "not_found";
    case PRN_ERR_ACCESS: return "access";
    case PRN_ERR_IO: return "io";
    default: return "error";
    }
}

/* Tells the server when the printer's state changed (staff see it on the counter
 * page); not accepted, it is told again after the next print. */
static void worker_tell_printer(struct kiosk_worker *w, prn_err e)
{
    const char *state = worker_printer_state(e);
    if (w->printer_told != NULL ? strcmp(w->printer_told, state) == 0
                                : strcmp(state, "ok") == 0)
        return;
    char *body = xasprintf("{\"printer\":\"%s\"}", state);
    long status;
    json_decref(worker_call(w, "POST", "/api/devices/self/status", body, &status));
    free(body);
    if (status == 200)
        w->printer_told = state;
}

static void worker_print(struct kiosk_worker *w, const struct kiosk_ticket *t)
{
    struct worker_result *r = xcalloc(1, sizeof *r);
    r->kind = WORKER_PRINTED;
    r->ticket = *t;
    prn_err e = PRN_ERR_NOT_FOUND;
    if (w->printer == NULL && w->printer_dev != NULL) {
        e = prn_open(w->printer_dev, PRN_WIDTH_80MM, &w->printer);
        if (e != PRN_OK)
            w->printer = NULL;
        else if (w->fonts_dir != NULL)
            prn_set_font_dir(w->printer, w->fonts_dir);
    }
    if (w->printer != NULL) {
        struct prn_ticket pt = {
            .association = w->association[0] ? w->association : "دور",
            .service = t->service_ar,
            .label = t->label,
            .people_ahead = t->people_ahead,
            .wait_low = (int)((t->wait_min_s + 59) / 60),
            .wait_high = (int)((t->wait_max_s + 59) / 60),
            .english = t->service_en,
        };
        char *qr = t->token[0]
                       ? xasprintf("%s/api/tickets/status/%s", w->server, t->token)
                       : NULL;
        pt.qr_url = qr;
        if (pt.wait_high < pt.wait_low)
            pt.wait_high = pt.wait_low;
        e = prn_print_ticket(w->printer, &pt);
        free(qr);
    }
    r->ok = e == PRN_OK;
    r->ticket.print = r->ok ? KIOSK_PRINT_DONE : KIOSK_PRINT_FAILED;
    if (!r->ok) {
        snprintf(r->ticket.print_error_ar, sizeof r->ticket.print_error_ar, "%s",
                 prn_strerror_ar(e));
        snprintf(r->ticket.print_error_en, sizeof r->ticket.print_error_en, "%s",
                 prn_strerror_en(e));
    }
    worker_post(r);
    worker_tell_printer(w, e);
}

static void worker_issue_now(struct kiosk_worker *w, const struct kiosk_service *s,
                             bool priority, long long application_id, const char *key)
{
    struct worker_result *r = xcalloc(1, sizeof *r);
    r->kind = WORKER_TICKET;
    r->for_request = application_id != 0;
    json_t *req = json_pack("{s:s, s:b}", "service", s->code, "priority", priority);
    if (application_id != 0)
        json_object_set_new(req, "application_id", json_integer(application_id));
    char *body = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    long status;
    /* A lost reply is retried once with the same key: the server answers with the
     * ticket it already issued instead of issuing a second one. */
    json_t *o = worker_call_key(w, "POST", "/api/tickets", body, 0, key, &status);
    if (status == 0) {
        json_decref(o);
        o = worker_call_key(w, "POST", "/api/tickets", body, 0, key, &status);
    }
    free(body);
    if ((status == 200 || status == 201) && json_is_object(o)) {
        struct kiosk_ticket *t = &r->ticket;
        copy_str(t->label, sizeof t->label, o, "label");
        copy_str(t->token, sizeof t->token, o, "token");
        snprintf(t->service_ar, sizeof t->service_ar, "%s", s->name_ar);
        snprintf(t->service_en, sizeof t->service_en, "%s", s->name_en);
        t->people_ahead = (int)json_integer_value(json_object_get(o, "people_ahead"));
        t->wait_min_s = (long)json_integer_value(json_object_get(o, "wait_min_s"));
        t->wait_max_s = (long)json_integer_value(json_object_get(o, "wait_max_s"));
        t->print = w->printer_dev != NULL ? KIOSK_PRINT_BUSY : KIOSK_PRINT_NONE;
        r->ok = t->label[0] != '\0';
    }
    if (!r->ok) {
        if (status != 0 && json_is_string(json_object_get(o, "message_ar"))) {
            copy_str(r->error_ar, sizeof r->error_ar, o, "message_ar");
            copy_str(r->error_en, sizeof r->error_en, o, "message_en");
        } else {
            snprintf(r->error_ar, sizeof r->error_ar,
                     "تعذّر إصدار التذكرة، حاول مرة أخرى أو راجع الموظف");
            snprintf(
                r->error_en, sizeof r->error_en,
                "The ticket could not be issued; try again or ask a member of staff");
        }
    }
    json_decref(o);
    struct kiosk_ticket t = r->ticket;
    bool print = r->ok && w->printer_dev != NULL;
    worker_post(r);
    if (print)
        worker_print(w, &t);
}

static void worker_lookup_now(struct kiosk_worker *w, const char *ref, const char *last4)
{
    struct worker_result *r = xcalloc(1, sizeof *r);
    r->kind = WORKER_STATUS;
    json_t *req = json_pack("{s:s, s:s}", "reference", ref, "last4", last4);
    char *body = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    long status;
    json_t *o = worker_call(w, "POST", "/api/applications/status", body, &status);
    sodium_memzero(body, strlen(body));
    free(body);
    if (status == 200) {
        r->ok = true;
        copy_str(r->status, sizeof r->status, o, "status");
        copy_str(r->status_ar, sizeof r->status_ar, o, "status_ar");
    } else if (status == 404 || status == 400) {
        snprintf(r->error_ar, sizeof r->error_ar,
                 "لم نجد طلباً بهذا الرقم وهذه الأرقام. تأكد منها وحاول مرة أخرى.");
        snprintf(r->error_en, sizeof r->error_en,
                 "No request matches this number and these digits. Check and try again.");
    } else if (status != 0 && json_is_string(json_object_get(o, "message_ar"))) {
        copy_str(r->error_ar, sizeof r->error_ar, o, "message_ar");
        copy_str(r->error_en, sizeof r->error_en, o, "message_en");
    } else {
        snprintf(r->error_ar, sizeof r->error_ar, "تعذّر الاتصال بالخادم، حاول لاحقاً.");
        snprintf(r->error_en, sizeof r->error_en,
                 "The server cannot be reached; please try later.");
    }
    json_decref(o);
    worker_post(r);
}

static void worker_rate_now(struct kiosk_worker *w, const char *token, int score)
{
    struct worker_result *r = xcalloc(1, sizeof *r);
    r->kind = WORKER_RATED;
    json_t *req = json_pack("{s:s, s:i}", "token", token, "score", score);
    char *body = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    long status;
    json_t *o = worker_call(w, "POST", "/api/ratings", body, &status);
    free(body);
    r->ok = status == 201 || status == 200;
    if (!r->ok && status != 0 && json_is_string(json_object_get(o, "message_ar"))) {
        copy_str(r->error_ar, sizeof r->error_ar, o, "message_ar");
        copy_str(r->error_en, sizeof r->error_en, o, "message_en");
    } else if (!r->ok) {
        snprintf(r->error_ar, sizeof r->error_ar, "تعذّر إرسال التقييم، حاول لاحقاً.");
        snprintf(r->error_en, sizeof r->error_en,
                 "The rating could not be sent; try later.");
    }
    json_decref(o);
    worker_post(r);
}

static void *worker_main(void *arg)
{
    struct kiosk_worker *w = arg;
    pthread_mutex_lock(&w->lock);
    while (!w->stop) {
        if (w->have_job) {
            struct kiosk_service s = w->job_service;
            bool prio = w->job_priority;
            long long app = w->job_application;
            char key[sizeof w->job_key];
            memcpy(key, w->job_key, sizeof key);
            w->have_job = false;
            pthread_mutex_unlock(&w->lock);
            worker_issue_now(w, &s, prio, app, key);
            pthread_mutex_lock(&w->lock);
        }
        if (w->have_rating) {
            char token[72];
            memcpy(token, w->rating_token, sizeof token);
            int score = w->rating_score;
            w->have_rating = false;
            pthread_mutex_unlock(&w->lock);
            worker_rate_now(w, token, score);
            pthread_mutex_lock(&w->lock);
            continue;
        }
        if (w->have_lookup) {
            char ref[32], last4[8];
            memcpy(ref, w->lookup_ref, sizeof ref);
            memcpy(last4, w->lookup_last4, sizeof last4);
            w->have_lookup = false;
            pthread_mutex_unlock(&w->lock);
            worker_lookup_now(w, ref, last4);
            sodium_memzero(last4, sizeof last4);
            pthread_mutex_lock(&w->lock);
            continue;
        }
        /* after a ticket too: the waiting counts just changed */
        w->deliver_now = false;
        pthread_mutex_unlock(&w->lock);
        bool online = worker_fetch_services(w);
        if (online)
            worker_deliver_outbox(w);
        pthread_mutex_lock(&w->lock);
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_sec += (online ? WORKER_REFRESH_MS : WORKER_RETRY_MS) / 1000;
        while (!w->stop && !w->have_job && !w->deliver_now && !w->have_lookup &&
               !w->have_rating && pthread_cond_timedwait(&w->wake, &w->lock, &until) == 0)
            ;
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

struct kiosk_worker *worker_start(const struct worker_config *cfg, char **cause)
{
    struct kiosk_worker *w = xcalloc(1, sizeof *w);
    w->server = xstrdup(cfg->server);
    /* a trailing slash would make "//api/..." */
    size_t n = strlen(w->server);
    while (n > 0 && w->server[n - 1] == '/')
        w->server[--n] = '\0';
    w->token = cfg->token && cfg->token[0] ? xstrdup(cfg->token) : NULL;
    w->printer_dev = cfg->printer && cfg->printer[0] ? xstrdup(cfg->printer) : NULL;
    w->fonts_dir = cfg->fonts_dir ? xstrdup(cfg->fonts_dir) : NULL;
    pthread_mutex_init(&w->lock, NULL);
    pthread_cond_init(&w->wake, NULL);
    worker_event_type();
    bool ok = true;
    if (sodium_init() < 0) { /* the tickets' idempotency keys */
        *cause = xstrdup("cannot initialise libsodium");
        ok = false;
    }
    ok = ok && (
        cfg->outbox == NULL || (w->outbox = outbox_open(cfg->outbox, cause)) != NULL);
    if (ok && pthread_create(&w->thread, NULL, worker_main, w) != 0) {
        *cause = xstrdup("cannot start the network thread");
        ok = false;
    }
    if (!ok) {
        outbox_close(w->outbox);
        pthread_mutex_destroy(&w->lock);
        pthread_cond_destroy(&w->wake);
        free(w->server);
        free(w->token);
        free(w->printer_dev);
        free(w->fonts_dir);
        free(w);
        return NULL;
    }
    return w;
}

void worker_stop(struct kiosk_worker *w)
{
    if (w == NULL)
        return;
    pthread_mutex_lock(&w->lock);
    w->stop = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
    pthread_join(w->thread, NULL);
    prn_close(w->printer);
    outbox_close(w->outbox);
    pthread_mutex_destroy(&w->lock);
    pthread_cond_destroy(&w->wake);
    free(w->server);
    free(w->token);
    free(w->printer_dev);
    free(w->fonts_dir);
    free(w);
}

void worker_issue(struct kiosk_worker *w, const struct kiosk_service *service,
                  bool priority, long long application_id)
{
    pthread_mutex_lock(&w->lock);
    w->job_service = *service;
    w->job_priority = priority;
    w->job_application = application_id;
    unsigned char raw[16];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(w->job_key, sizeof w->job_key, raw, sizeof raw);
    w->have_job = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void worker_deliver(struct kiosk_worker *w)
{
    pthread_mutex_lock(&w->lock);
    w->deliver_now = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void worker_lookup(struct kiosk_worker *w, const char *reference, const char *last4)
{
    pthread_mutex_lock(&w->lock);
    snprintf(w->lookup_ref, sizeof w->lookup_ref, "%s", reference);
    snprintf(w->lookup_last4, sizeof w->lookup_last4, "%s", last4);
    w->have_lookup = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}

void worker_rate(struct kiosk_worker *w, const char *token, int score)
{
    pthread_mutex_lock(&w->lock);
    snprintf(w->rating_token, sizeof w->rating_token, "%s", token);
    w->rating_score = score;
    w->have_rating = true;
    pthread_cond_signal(&w->wake);
    pthread_mutex_unlock(&w->lock);
}
