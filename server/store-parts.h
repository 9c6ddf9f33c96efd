/* store-parts — the pieces of the store that need no database: the schema
 * migrations (migrate.c) and the parser of the services seed file (seed.c). Kept
 * apart so that neither includes sqlite3.h. */
#ifndef DAWR_STORE_PARTS_H
#define DAWR_STORE_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include "queue.h"
#include "store.h"

/* migrate_steps[i] upgrades a database at user_version i to i + 1; each step is a
 * script run in one transaction together with the version bump. */
extern const char *const migrate_steps[];
extern const int migrate_count;

struct seed_service {
    char code[QUEUE_CODE_SIZE];
    char prefix[8];
    char name_ar[128];
    char name_en[128];
    bool needs_application;
    double weight;
    int sort;
};

struct seed_counter {
    int number;
    char name[64];
    size_t n_services;
    char services[STORE_COUNTER_SERVICES][QUEUE_CODE_SIZE];
};

struct seed {
    struct seed_service *services;
    size_t n_services;
    struct seed_counter *counters;
    size_t n_counters;
};

/* Parses @path (INI: [service X] and [counter N] sections, see
 * assets/config/services.ini). Returns 0, or -1 with *@cause set (caller frees).
 * Free the result with seed_free. */
int seed_load(const char *path, struct seed *out, char **cause);
void seed_free(struct seed *s);

#endif
