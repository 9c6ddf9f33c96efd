/* worker — the kiosk's network and printer thread. The UI thread never waits on the
 * server or the printer: it queues a job here and gets the answer back as an SDL user
 * event of type worker_event_type(), whose data1 is a struct worker_result the UI
 * frees with worker_result_free(). The worker also refreshes the service list (and
 * with it whether the server is reachable) every few seconds. */
#ifndef DAWR_KIOSK_WORKER_H
#define DAWR_KIOSK_WORKER_H

#include <stdbool.h>

#include "kiosk.h"
#include "request.h"

enum worker_kind {
    WORKER_SERVICES,    /* a fresh service list, or the server is unreachable */
    WORKER_TICKET,      /* the answer to worker_issue() */
    WORKER_PRINTED,     /* the printer finished (or failed) the ticket just issued */
    WORKER_APPLICATION, /* the server stored a request from the outbox */
    WORKER_STATUS,      /* the answer to worker_lookup() */
    WORKER_RATED,       /* the answer to worker_rate() */
    WORKER_SUPPORT_TYPES, /* the server's support types (after each (re)connection) */
};

struct worker_result {
    enum worker_kind kind;
    bool ok;
    /* WORKER_SERVICES */
    struct kiosk_service services[KIOSK_SERVICES_MAX];
    size_t nservices;
    /* WORKER_SUPPORT_TYPES */
    struct request_support_type support[REQUEST_SUPPORT_MAX];
    size_t nsupport;
    /* WORKER_TICKET: the ticket; WORKER_PRINTED: print state and message */
    struct kiosk_ticket ticket;
    bool for_request; /* WORKER_TICKET: the ticket of a support request just sent */
    /* WORKER_APPLICATION: its idempotency key and the server's reference */
    char key[33], reference[32];
    long long application_id;
    /* WORKER_STATUS: the status code and its Arabic name from the server */
    char status[32], status_ar[96];
    /* when !ok: what to tell the person */
    char error_ar[200], error_en[200];
};

struct worker_config {
    const char *server;  /* base URL, e.g. http://127.0.0.1:8080 */
    const char *token;   /* device bearer token, or NULL */
    const char *printer; /* prn device string, or NULL for none */
    const char *fonts_dir;
    const char *outbox; /* folder of saved support requests, or NULL */
};

struct kiosk_worker;

/* Starts the thread. The strings are copied. NULL and *cause on error. */
struct kiosk_worker *worker_start(const struct worker_config *cfg, char **cause);
/* Stops and joins the thread. NULL is fine. */
void worker_stop(struct kiosk_worker *w);
/* The SDL event type results arrive as (registered once). */
Uint32 worker_event_type(void);
/* Queues a ticket for @service (its names are for the printout), linked to the
 * stored application @application_id when not 0. A request already
 * queued and not yet sent is replaced. */
void worker_issue(struct kiosk_worker *w, const struct kiosk_service *service,
                  bool priority, long long application_id);
/* Asks the status of request @reference for the last four digits of its ID. */
void worker_lookup(struct kiosk_worker *w, const char *reference, const char *last4);
/* Sends a rating of 1..5 for the ticket whose token is @token. */
void worker_rate(struct kiosk_worker *w, const char *token, int score);
/* Sends the outbox now rather than at the next refresh. */
void worker_deliver(struct kiosk_worker *w);
void worker_result_free(struct worker_result *r);

/* screen-status.c: shows a WORKER_STATUS answer. */
void status_result(struct kiosk *k, const struct worker_result *r);
/* screen-rating.c: shows a WORKER_RATED answer. */
void rating_result(struct kiosk *k, const struct worker_result *r);

#endif
