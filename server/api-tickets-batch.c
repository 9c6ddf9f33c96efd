/* api-tickets-batch — group commit for ticket issues.
 *
 * Every ticket must be durable (synchronous=FULL) before its reply, and one fsync
 * per ticket caps a disk at a few hundred tickets a second. So request threads queue
 * their issue and sleep; one writer thread takes everything queued, issues it in ONE
 * transaction (store_ticket_issue_batch), commits, publishes the events and wakes
 * the waiters. Under load a batch holds as many tickets as arrived during the
 * previous commit; alone, a ticket commits at once. Each job names what to do when
 * its batch is done: the HTTP server resumes the suspended connection (no thread
 * waits per request), a plain caller (api_batch_issue) posts its own semaphore. */
#include "api.h"

#include <pthread.h>
#include <semaphore.h>
#include <string.h>

#include "sse.h"

#define API_BATCH_MAX 512


static pthread_mutex_t api_batch_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t api_batch_work = PTHREAD_COND_INITIALIZER;
static struct api_batch_job *api_batch_head, **api_batch_tail = &api_batch_head;
static bool api_batch_running, api_batch_stopping;
static pthread_t api_batch_thread;

static void api_batch_run(struct api_batch_job *items, size_t n)
{
    struct store_issue reqs[API_BATCH_MAX];
    struct store_ticket_view outs[API_BATCH_MAX];
    enum store_err errs[API_BATCH_MAX];
    struct api_batch_job *it = items;
    enum store_err e;

    for (size_t i = 0; i < n; i++, it = it->next)
        reqs[i] = *it->req;
    e = store_ticket_issue_batch(api_store, reqs, n, outs, errs);
    if (e == STORE_OK)
        sse_notify();
    it = items;
    for (size_t i = 0; i < n; i++) {
        /* Read next first: once posted, the item's owner may return and free it. */
        struct api_batch_job *next = it->next;
        it->err = e == STORE_OK ? errs[i] : e;
        if (it->err == STORE_OK)
            *it->out = outs[i];
        it->done(it->arg);
        it = next;
    }
}

static void *api_batch_main(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&api_batch_lock);
    for (;;) {
        while (api_batch_head == NULL && !api_batch_stopping)
            pthread_cond_wait(&api_batch_work, &api_batch_lock);
        if (api_batch_head == NULL)
            break;
        /* Take up to API_BATCH_MAX items off the queue. */
        struct api_batch_job *first = api_batch_head, *last = first;
        size_t n = 1;
        while (last->next != NULL && n < API_BATCH_MAX) {
            last = last->next;
            n++;
        }
        api_batch_head = last->next;
        if (api_batch_head == NULL)
            api_batch_tail = &api_batch_head;
        last->next = NULL;
        pthread_mutex_unlock(&api_batch_lock);
        api_batch_run(first, n);
        pthread_mutex_lock(&api_batch_lock);
    }
    pthread_mutex_unlock(&api_batch_lock);
    return NULL;
}

void api_batch_start(void)
{
    api_batch_stopping = false;
    if (pthread_create(&api_batch_thread, NULL, api_batch_main, NULL) == 0)
        api_batch_running = true;
}

void api_batch_stop(void)
{
    if (!api_batch_running)
        return;
    pthread_mutex_lock(&api_batch_lock);
    api_batch_stopping = true;
    pthread_cond_signal(&api_batch_work);
    pthread_mutex_unlock(&api_batch_lock);
    pthread_join(api_batch_thread, NULL);
    api_batch_running = false;
}

void api_batch_submit(struct api_batch_job *it)
{
    it->next = NULL;
    if (!api_batch_running) {
        it->err = store_ticket_issue(api_store, it->req, it->out);
        if (it->err == STORE_OK)
            sse_notify();
        it->done(it->arg);
        return;
    }
    pthread_mutex_lock(&api_batch_lock);
    *api_batch_tail = it;
    api_batch_tail = &it->next;
    pthread_cond_signal(&api_batch_work);
    pthread_mutex_unlock(&api_batch_lock);
}

static void api_batch_post(void *arg)
{
    sem_post(arg);
}

enum store_err api_batch_issue(const struct store_issue *req,
                               struct store_ticket_view *out)
{
    sem_t done;
    struct api_batch_job it = {.req = req, .out = out, .done = api_batch_post,
                               .arg = &done};

    sem_init(&done, 0, 0);
    api_batch_submit(&it);
    while (sem_wait(&done) != 0)
        ;
    sem_destroy(&done);
    return it.err;
}
