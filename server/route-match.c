/* route-match — matching a request path against the route table's patterns.
 *
 * Pure string work (no HTTP library) so the fuzz target can drive it directly. A
 * pattern segment "{name}" matches one non-empty path segment; everything else must
 * match exactly. */
#include "route.h"

#include <string.h>

/* Matches one pattern against @path, filling @params; returns the number of
 * parameters, or -1 on mismatch. */
static int route_match_one(const char *pattern, const char *path,
                           char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX])
{
    const char *p = pattern, *s = path;
    int n = 0;

    while (*p != '\0') {
        if (*p == '{') {
            const char *pend = strchr(p, '}');
            size_t len = strcspn(s, "/");
            if (pend == NULL || len == 0 || len >= ROUTE_PARAM_MAX ||
                n >= ROUTE_MAX_PARAMS)
                return -1;
            memcpy(params[n], s, len);
            params[n][len] = '\0';
            n++;
            p = pend + 1;
            s += len;
            continue;
        }
        if (*p != *s)
            return -1;
        p++;
        s++;
    }
    return *s == '\0' ? n : -1;
}

enum route_match route_find(const char *method, const char *path,
                            const struct route **out,
                            char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX])
{
    char scratch[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
    bool path_seen = false;

    if (strlen(path) >= ROUTE_PATH_MAX)
        return ROUTE_NOT_FOUND;
    for (const struct route *rt = route_table; rt->method != NULL; rt++) {
        int n = route_match_one(rt->pattern, path, scratch);
        if (n < 0)
            continue;
        if (strcmp(rt->method, method) != 0) {
            path_seen = true;
            continue;
        }
        /* Unused slots are empty strings, never leftovers of another pattern. */
        memset(params, 0, sizeof scratch);
        memcpy(params, scratch, (size_t)n * sizeof scratch[0]);
        *out = rt;
        return ROUTE_FOUND;
    }
    return path_seen ? ROUTE_BAD_METHOD : ROUTE_NOT_FOUND;
}

static const struct {
    const char *name;
    unsigned bit;
} route_roles[] = {
    {"admin", ROLE_ADMIN},
    {"manager", ROLE_MANAGER},
    {"reception", ROLE_RECEPTION},
    {"researcher", ROLE_RESEARCHER},
};

unsigned route_role_from_name(const char *name)
{
    for (size_t i = 0; name != NULL && i < sizeof route_roles / sizeof route_roles[0];
         i++)
        if (strcmp(route_roles[i].name, name) == 0)
            return route_roles[i].bit;
    return 0;
}

const char *route_role_name(unsigned role)
{
    for (size_t i = 0; i < sizeof route_roles / sizeof route_roles[0]; i++)
        if (route_roles[i].bit == role)
            return route_roles[i].name;
    return NULL;
}
