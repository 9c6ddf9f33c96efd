/* association — the association's name and the ticker text as the server stores
 * them (GET /api/info at each connection, association.updated when an admin edits
 * them), so one edit reaches every display without touching its dawr.ini. The
 * config's values stay as the fallback: a server not reached yet, or a field left
 * empty there. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "util.h"

/* Points *@shown at @val (kept in *@own) or, if empty, at @fallback. True if the
 * text shown changed. */
static bool set(const char **shown, char **own, const char *fallback, const char *val)
{
    bool have = val != NULL && val[0] != '\0';
    const char *next = have ? val : (fallback ? fallback : "");
    bool changed = strcmp(*shown ? *shown : "", next) != 0; /* before *own is freed */
    char *copy = have ? xstrdup(val) : NULL;
    free(*own);
    *own = copy;
    *shown = copy ? copy : next;
    return changed;
}

static const char *field(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int display_association_apply(struct display *d, const char *json)
{
    json_t *o = json_loads(json, 0, NULL);
    if (!json_is_object(o)) {
        json_decref(o);
        return -1;
    }
    bool changed = set(&d->name_ar, &d->own_name_ar, d->cfg_name_ar, field(o, "name_ar"));
    changed |= set(&d->name_en, &d->own_name_en, d->cfg_name_en, field(o, "name_en"));
    changed |= set(&d->ticker, &d->own_ticker, d->cfg_ticker,
                   field(o, d->english ? "ticker_en" : "ticker_ar"));
    json_decref(o);
    if (changed)
        d->assoc_generation++;
    return changed;
}

void display_association_free(struct display *d)
{
    free(d->own_name_ar);
    free(d->own_name_en);
    free(d->own_ticker);
    d->own_name_ar = d->own_name_en = d->own_ticker = NULL;
}
