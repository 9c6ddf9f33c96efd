/* store-bench — tickets issued per second by the store alone (no HTTP), every
 * ticket durable (synchronous=FULL) before it counts: one transaction per ticket
 * against group commit (one transaction per batch, as the HTTP side's batcher
 * does), then call-next. Prints figures; never pass/fail.
 *
 *   store-bench [DIR] [SINGLE_N] [BATCH_N]
 *
 * DIR (default: the current directory) should be on the disk the server will use:
 * fsync cost is what is being measured. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static char *cheap_hash(const char *pw, void *arg)
{
    (void)arg;
    (void)pw;
    char *h = malloc(8);
    strcpy(h, "bench");
    return h;
}

static struct store *fresh(const char *dir, const char *name, char *path, size_t cap)
{
    snprintf(path, cap, "%s/%s", dir, name);
    char p[4200];
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, sfx[i]);
        unlink(p);
    }
    const char *assets = getenv("DAWR_ASSETS");
    char ini[4096];
    snprintf(ini, sizeof ini, "%s/config/services.ini",
             assets ? assets : DAWR_BENCH_ASSETS);
    struct store_config cfg = {.services_ini = ini, .hash_password = cheap_hash};
    char *pw = NULL, *cause = NULL;
    struct store *st = store_open(path, &cfg, &pw, &cause);
    if (st == NULL) {
        fprintf(stderr, "store-bench: %s\n", cause);
        exit(1);
    }
    free(pw);
    return st;
}

static void cleanup(const char *path)
{
    char p[4200];
    const char *sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", path, sfx[i]);
        unlink(p);
    }
}

static const char *const svcs[] = {"A", "B", "C", "D", "E"};

static double run_single(struct store *st, int n)
{
    double t0 = now_s();
    for (int i = 0; i < n; i++) {
        char key[32];
        snprintf(key, sizeof key, "s-%d", i);
        struct store_issue req = {
            .service = svcs[i % 5], .idem_key = key, .device_id = 1};
        struct store_ticket_view v;
        if (store_ticket_issue(st, &req, &v) != STORE_OK) {
            fprintf(stderr, "store-bench: issue failed: %s\n", store_errmsg(st));
            exit(1);
        }
    }
    return n / (now_s() - t0);
}

static double run_batched(struct store *st, int n, int batch)
{
    struct store_issue *reqs = calloc((size_t)batch, sizeof *reqs);
    struct store_ticket_view *out = calloc((size_t)batch, sizeof *out);
    enum store_err *errs = calloc((size_t)batch, sizeof *errs);
    char(*keys)[32] = calloc((size_t)batch, 32);
    double t0 = now_s();
    for (int done = 0; done < n; done += batch) {
        for (int j = 0; j < batch; j++) {
            snprintf(keys[j], 32, "b%d-%d", batch, done + j);
            reqs[j] = (struct store_issue){
                .service = svcs[(done + j) % 5], .idem_key = keys[j], .device_id = 2};
        }
        if (store_ticket_issue_batch(st, reqs, (size_t)batch, out, errs) != STORE_OK) {
            fprintf(stderr, "store-bench: batch failed: %s\n", store_errmsg(st));
            exit(1);
        }
    }
    double rate = n / (now_s() - t0);
    free(reqs);
    free(out);
    free(errs);
    free(keys);
    return rate;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    int single_n = argc > 2 ? atoi(argv[2]) : 2000;
    int batch_n = argc > 3 ? atoi(argv[3]) : 100000;
    char path[4096];

    struct store *st = fresh(dir, "store-bench-1.db", path, sizeof path);
    double single = run_single(st, single_n);
    store_close(st);
    cleanup(path);
    printf("store-bench: issue, one transaction per ticket: %8.0f tickets/s (n=%d)\n",
           single, single_n);

    const int batches[] = {16, 64, 256};
    for (size_t i = 0; i < 3; i++) {
        st = fresh(dir, "store-bench-2.db", path, sizeof path);
        double rate = run_batched(st, batch_n, batches[i]);
        store_close(st);
        cleanup(path);
        printf(
            "store-bench: issue, group commit of %3d:         %8.0f tickets/s (n=%d)\n",
            batches[i], rate, batch_n);
    }

    /* Call-next against a long queue: the choice reads only each service's head. */
    st = fresh(dir, "store-bench-3.db", path, sizeof path);
    run_batched(st, 20000, 256);
    store_counter_set_open(st, 1, true, 1);
    int calls = 2000;
    double t0 = now_s();
    for (int i = 0; i < calls; i++) {
        struct queue_ticket t;
        if (store_call_next(st, 1, 1, &t) != STORE_OK) {
            fprintf(stderr, "store-bench: call-next failed: %s\n", store_errmsg(st));
            exit(1);
        }
    }
    double call_rate = calls / (now_s() - t0);
    store_close(st);
    cleanup(path);
    printf("store-bench: call-next (each its own transaction, 4000 waiting): %6.0f "
           "calls/s\n",
           call_rate);
    return 0;
}
