/* seed — reads assets/config/services.ini, the services and counters a new
 * database starts with. Parsing only; the store inserts what this returns. */
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store-parts.h"
#include "util.h"

struct ctx {
    struct seed *s;
    size_t cap_services, cap_counters;
    char *cause;
};

static bool parse_bool(const char *v)
{
    return strcasecmp(v, "true") == 0 || strcasecmp(v, "yes") == 0 ||
           strcmp(v, "1") == 0 || strcasecmp(v, "on") == 0;
}

/* Returns the entry for section @section, appending it when new; NULL when the
 * section is neither "service X" nor "counter N". */
static void *entry(struct ctx *c, const char *section, bool *is_service)
{
    struct seed *s = c->s;
    if (strncmp(section, "service ", 8) == 0) {
        const char *code = section + 8;
        *is_service = true;
        if (s->n_services > 0 && strcmp(s->services[s->n_services - 1].code, code) == 0)
            return &s->services[s->n_services - 1];
        if (*code == '\0' || strlen(code) >= QUEUE_CODE_SIZE)
            return NULL;
        s->services = xreallocarray_grow(s->services, &c->cap_services, s->n_services + 1,
                                         sizeof *s->services);
        struct seed_service *sv = &s->services[s->n_services++];
        memset(sv, 0, sizeof *sv);
        snprintf(sv->code, sizeof sv->code, "%s", code);
        snprintf(sv->prefix, sizeof sv->prefix, "%s", code);
        sv->weight = 1.0;
        sv->sort = (int)s->n_services;
        return sv;
    }
    if (strncmp(section, "counter ", 8) == 0) {
        char *end;
        long n = strtol(section + 8, &end, 10);
        *is_service = false;
        if (*end != '\0' || n <= 0 || n > 999)
            return NULL;
        if (s->n_counters > 0 && s->counters[s->n_counters - 1].number == n)
            return &s->counters[s->n_counters - 1];
        s->counters = xreallocarray_grow(s->counters, &c->cap_counters, s->n_counters + 1,
                                         sizeof *s->counters);
        struct seed_counter *co = &s->counters[s->n_counters++];
        memset(co, 0, sizeof *co);
        co->number = (int)n;
        snprintf(co->name, sizeof co->name, "%ld", n);
        return co;
    }
    return NULL;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    struct ctx *c = user;
    bool is_service;
    void *e = entry(c, section, &is_service);
    if (e == NULL) {
        c->cause = xasprintf("unknown section [%s]", section);
        return 0;
    }
    if (is_service) {
        struct seed_service *sv = e;
        if (strcmp(name, "prefix") == 0 && *value && strlen(value) < sizeof sv->prefix)
            snprintf(sv->prefix, sizeof sv->prefix, "%s", value);
        else if (strcmp(name, "name_ar") == 0)
            snprintf(sv->name_ar, sizeof sv->name_ar, "%s", value);
        else if (strcmp(name, "name_en") == 0)
            snprintf(sv->name_en, sizeof sv->name_en, "%s", value);
        else if (strcmp(name, "needs_application") == 0)
            sv->needs_application = parse_bool(value);
        else if (strcmp(name, "weight") == 0 && strtod(value, NULL) > 0)
            sv->weight = strtod(value, NULL);
        else if (strcmp(name, "sort") == 0)
            sv->sort = atoi(value);
        else {
            c->cause = xasprintf("[%s]: bad %s", section, name);
            return 0;
        }
        return 1;
    }
    struct seed_counter *co = e;
    if (strcmp(name, "name") == 0) {
        snprintf(co->name, sizeof co->name, "%s", value);
    } else if (strcmp(name, "services") == 0) {
        char *list = xstrdup(value), *save = NULL;
        co->n_services = 0;
        for (char *tok = strtok_r(list, ", ", &save); tok;
             tok = strtok_r(NULL, ", ", &save)) {
            if (co->n_services == STORE_COUNTER_SERVICES ||
                strlen(tok) >= QUEUE_CODE_SIZE)
                break;
            snprintf(co->services[co->n_services++], QUEUE_CODE_SIZE, "%s", tok);
        }
        free(list);
    } else {
        c->cause = xasprintf("[%s]: unknown key %s", section, name);
        return 0;
    }
    return 1;
}

int seed_load(const char *path, struct seed *out, char **cause)
{
    memset(out, 0, sizeof *out);
    struct ctx c = {.s = out};
    int rc = ini_parse(path, handler, &c);
    if (rc != 0) {
        if (c.cause == NULL)
            c.cause = rc < 0 ? xasprintf("%s: cannot read", path)
                             : xasprintf("%s: syntax error on line %d", path, rc);
        else {
            char *m = xasprintf("%s: %s", path, c.cause);
            free(c.cause);
            c.cause = m;
        }
        seed_free(out);
        *cause = c.cause;
        return -1;
    }
    for (size_t i = 0; i < out->n_services; i++) {
        if (out->services[i].name_ar[0] == '\0') {
            *cause =
                xasprintf("%s: service %s has no name_ar", path, out->services[i].code);
            seed_free(out);
            return -1;
        }
    }
    return 0;
}

void seed_free(struct seed *s)
{
    free(s->services);
    free(s->counters);
    memset(s, 0, sizeof *s);
}
