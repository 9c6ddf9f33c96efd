/* store-settings — the association's public details and the display ticker, kept
 * in the settings table so the admin page can edit them: seeded once from the
 * configuration, then changed only through store_association_put, whose event lets
 * displays change their ticker without a restart. */
#include <stdio.h>
#include <string.h>

#include "store-int.h"

/* The rows, in the order of struct store_association. */
#define FIELD(k) {"association." #k, offsetof(struct store_association, k), \
                  sizeof(((struct store_association *)0)->k)}
static const struct {
    const char *key;
    size_t off, cap;
} fields[] = {
    FIELD(name_ar), FIELD(name_en), FIELD(phone), FIELD(address_ar),
    FIELD(address_en), FIELD(ticker_ar), FIELD(ticker_en),
};
#define N_FIELDS (sizeof fields / sizeof fields[0])

static enum store_err put_row(struct store *st, const char *key, const char *value)
{
    sqlite3_stmt *s =
        sx_prep(st, "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)");
    if (s == NULL)
        return STORE_ERR_IO;
    sx_bind_text(s, 1, key);
    sx_bind_text(s, 2, value != NULL ? value : "");
    return sx_exec(st, s);
}

enum store_err sx_settings_seed(struct store *st, const struct store_config *cfg)
{
    int64_t n = 0;
    sqlite3_stmt *s = sx_prep(st, "SELECT COUNT(*) FROM settings");
    if (s == NULL)
        return STORE_ERR_IO;
    enum store_err e = sx_int(st, s, &n);
    if (e != STORE_OK || n > 0)
        return e; /* seeded before: the database wins */
    const char *v[N_FIELDS] = {cfg->assoc_name_ar, cfg->assoc_name_en, cfg->assoc_phone,
                               cfg->assoc_address_ar, cfg->assoc_address_en,
                               cfg->ticker_ar, cfg->ticker_en};
    for (size_t i = 0; e == STORE_OK && i < N_FIELDS; i++) {
        /* Longer than the field: cut at a character boundary rather than refuse
         * to start (the admin page can correct it). */
        char buf[2048];
        snprintf(buf, sizeof buf, "%s", v[i] != NULL ? v[i] : "");
        size_t len = strlen(buf);
        if (len >= fields[i].cap) {
            len = fields[i].cap - 1;
            while (len > 0 && ((unsigned char)buf[len] & 0xC0) == 0x80)
                len--;
            buf[len] = '\0';
        }
        e = put_row(st, fields[i].key, buf);
    }
    return e;
}

enum store_err store_association_get(struct store *st, struct store_association *out)
{
    memset(out, 0, sizeof *out);
    st = sx_rbegin(st);
    sqlite3_stmt *s = sx_prep(st, "SELECT key, value FROM settings "
                                  "WHERE key LIKE 'association.%'");
    enum store_err e = s != NULL ? STORE_OK : STORE_ERR_IO;
    int rc = SQLITE_DONE;
    while (e == STORE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s, 0);
        for (size_t i = 0; k != NULL && i < N_FIELDS; i++)
            if (strcmp(k, fields[i].key) == 0)
                sx_col_text(s, 1, (char *)out + fields[i].off, fields[i].cap);
    }
    if (e == STORE_OK && rc != SQLITE_DONE)
        e = sx_err(st, rc);
    sx_unlock(st);
    return e;
}

enum store_err store_assoc_get(struct store *st, struct store_assoc *out)
{
    struct store_association a;
    enum store_err e = store_association_get(st, &a);
    memset(out, 0, sizeof *out);
    memcpy(out->name_ar, a.name_ar, sizeof out->name_ar);
    memcpy(out->name_en, a.name_en, sizeof out->name_en);
    return e;
}

enum store_err store_association_put(struct store *st,
                                     const struct store_association *a)
{
    if (a->name_ar[0] == '\0')
        return sx_fail(STORE_ERR_INVALID, "association name_ar empty");
    for (size_t i = 0; i < N_FIELDS; i++)
        if (memchr((const char *)a + fields[i].off, '\0', fields[i].cap) == NULL)
            return sx_fail(STORE_ERR_INVALID, "association value unterminated");
    enum store_err e = sx_begin(st);
    if (e != STORE_OK)
        return e;
    json_t *p = json_object();
    for (size_t i = 0; e == STORE_OK && i < N_FIELDS; i++) {
        const char *v = (const char *)a + fields[i].off;
        e = put_row(st, fields[i].key, v);
        json_object_set_new(p, fields[i].key + strlen("association."), json_string(v));
    }
    if (e == STORE_OK)
        e = sx_event(st, "association.updated", p, NULL);
    else
        json_decref(p);
    return sx_end(st, e);
}
