/* cfg — a configuration as a flat list of (section, key, value) strings, filled by
 * inih's callback. A few dozen settings at most, so lookups are a linear scan.
 *
 * inih is built with a fixed 200-byte line and would silently split a longer line
 * into two (the second usually a syntax error far from its cause), so cfg_load
 * rejects long lines itself with a message that says what to do instead. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>

#include "cfg.h"
#include "util.h"

/* inih's line buffer minus the newline and terminator. */
#define CFG_MAX_LINE (INI_MAX_LINE - 2)

struct cfg_entry {
    char *section, *key, *value;
};

struct cfg {
    struct cfg_entry *entries;
    size_t count, cap;
    /* While loading: the entry the previous callback set, so an indented
     * continuation line (same section and key, next call) appends instead. */
    struct cfg_entry *last;
};

cfg *cfg_new(void)
{
    return xcalloc(1, sizeof(cfg));
}

void cfg_free(cfg *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->count; i++) {
        free(c->entries[i].section);
        free(c->entries[i].key);
        free(c->entries[i].value);
    }
    free(c->entries);
    free(c);
}

static struct cfg_entry *cfg_find(const cfg *c, const char *section, const char *key)
{
    if (c == NULL || section == NULL || key == NULL)
        return NULL;
    for (size_t i = 0; i < c->count; i++) {
        if (strcasecmp(c->entries[i].section, section) == 0 &&
            strcasecmp(c->entries[i].key, key) == 0)
            return &c->entries[i];
    }
    return NULL;
}

void cfg_set(cfg *c, const char *section, const char *key, const char *value)
{
    struct cfg_entry *e = cfg_find(c, section, key);

    if (c == NULL || section == NULL || key == NULL)
        return;
    c->last = NULL;
    if (value == NULL) {
        if (e != NULL) {
            free(e->section);
            free(e->key);
            free(e->value);
            *e = c->entries[--c->count];
        }
        return;
    }
    if (e != NULL) {
        free(e->value);
        e->value = xstrdup(value);
        return;
    }
    c->entries =
        xreallocarray_grow(c->entries, &c->cap, c->count + 1, sizeof(struct cfg_entry));
    e = &c->entries[c->count++];
    e->section = xstrdup(section);
    e->key = xstrdup(key);
    e->value = xstrdup(value);
}

static int cfg_handler(void *user, const char *section, const char *key,
                       const char *value)
{
    cfg *c = user;
    struct cfg_entry *e = cfg_find(c, section, key);

    if (e != NULL && e == c->last) {
        char *joined = xasprintf("%s %s", e->value, value);
        free(e->value);
        e->value = joined;
        return 1;
    }
    cfg_set(c, section, key, value);
    c->last = cfg_find(c, section, key);
    return 1;
}

/* The 1-based number of the first line longer than inih accepts, or 0. */
static int cfg_long_line(const char *text)
{
    int line = 1;

    for (const char *p = text; *p != '\0'; line++) {
        const char *nl = strchr(p, '\n');
        size_t len = nl != NULL ? (size_t)(nl - p) : strlen(p);

        if (len > 0 && p[len - 1] == '\r')
            len--;
        if (len > CFG_MAX_LINE)
            return line;
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return 0;
}

cfg *cfg_parse(const char *text, const char *name, char **cause)
{
    cfg *c;
    int line;

    if (name == NULL)
        name = "config";
    if ((line = cfg_long_line(text)) != 0) {
        if (cause != NULL)
            *cause = xasprintf("%s:%d: line longer than %d bytes; continue the value "
                               "on indented lines",
                               name, line, CFG_MAX_LINE);
        return NULL;
    }
    c = cfg_new();
    line = ini_parse_string(text, cfg_handler, c);
    c->last = NULL;
    if (line != 0) {
        if (cause != NULL)
            *cause = xasprintf("%s:%d: not a [section] or key = value line", name, line);
        cfg_free(c);
        return NULL;
    }
    return c;
}

cfg *cfg_load(const char *path, char **cause)
{
    char *text;
    cfg *c;

    if (path == NULL) {
        if (cause != NULL)
            *cause = xstrdup("no configuration file given");
        return NULL;
    }
    text = util_read_file(path, NULL);
    if (text == NULL) {
        if (cause != NULL)
            *cause = xasprintf("%s: %s", path, strerror(errno));
        return NULL;
    }
    c = cfg_parse(text, path, cause);
    free(text);
    return c;
}

const char *cfg_get(const cfg *c, const char *section, const char *key, const char *def)
{
    struct cfg_entry *e = cfg_find(c, section, key);

    return e != NULL ? e->value : def;
}

long cfg_get_int(const cfg *c, const char *section, const char *key, long def)
{
    const char *s = cfg_get(c, section, key, NULL);
    char *end;
    long v;

    if (s == NULL || *s == '\0')
        return def;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return def;
    return v;
}

bool cfg_get_bool(const cfg *c, const char *section, const char *key, bool def)
{
    static const char *yes[] = {"true", "yes", "on", "1"};
    static const char *no[] = {"false", "no", "off", "0"};
    const char *s = cfg_get(c, section, key, NULL);

    if (s == NULL)
        return def;
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(s, yes[i]) == 0)
            return true;
        if (strcasecmp(s, no[i]) == 0)
            return false;
    }
    return def;
}

const char *cfg_default_path(void)
{
    const char *env = getenv("DAWR_CONFIG");

    return env != NULL && *env != '\0' ? env : "/etc/dawr/dawr.ini";
}
