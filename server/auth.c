/* auth — passwords, random tokens, staff sessions and login rate limiting.
 *
 * Sessions are kept in the store (so staff stay logged in across a restart) and
 * cached here: they are few (one per logged-in staff member), so a mutex-guarded list
 * is enough, and a request then costs no database read. The store's last-seen time is
 * refreshed at most every AUTH_TOUCH_SECONDS, so staff requests do not each cost a
 * write. Only the BLAKE2b hash of a session token is kept anywhere: neither a memory
 * dump nor the database gives anyone a usable cookie. */
#include "auth.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "api.h"
#include "util.h"

#define AUTH_TOUCH_SECONDS 300
#define AUTH_IDLE_SECONDS (30 * 60)
#define AUTH_ABSOLUTE_SECONDS (12 * 60 * 60)
#define AUTH_LIMIT_ENTRIES 4096 /* cap on remembered login failures */

struct auth_session {
    struct auth_who who;
    time_t created;
    time_t last_seen;
    time_t stored_seen; /* last_seen as last written to the store */
    struct auth_session *next;
};

struct auth_fail {
    char key[80]; /* "u:" username or "p:" peer */
    int count;
    time_t first;
};

static pthread_mutex_t auth_lock = PTHREAD_MUTEX_INITIALIZER;
static struct auth_session *auth_sessions;
static struct auth_fail auth_fails[AUTH_LIMIT_ENTRIES];
static int auth_nfails;

/* Staff whose sessions were ended (role or password changed, account disabled):
 * sessions created up to @at are refused even if still in the store. */
#define AUTH_CUTOFFS 256
struct auth_cutoff {
    long long id;
    time_t at;
};
static struct auth_cutoff auth_cutoffs[AUTH_CUTOFFS];
static size_t auth_ncutoffs;

int auth_init(void)
{
    return sodium_init() < 0 ? -1 : 0;
}

int auth_password_hash(const char *password, char out[AUTH_PWHASH_MAX])
{
    _Static_assert(AUTH_PWHASH_MAX >= crypto_pwhash_STRBYTES, "pwhash buffer");
    return crypto_pwhash_str_alg(
        out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
        crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
}

bool auth_password_verify(const char *hash, const char *password)
{
    if (hash == NULL || password == NULL)
        return false;
    return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

void auth_token_new(char out[AUTH_TOKEN_LEN + 1])
{
    unsigned char raw[AUTH_TOKEN_LEN / 2];

    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(out, AUTH_TOKEN_LEN + 1, raw, sizeof raw);
}

void auth_token_hash(const char *token, char out[AUTH_HASH_LEN + 1])
{
    unsigned char h[AUTH_HASH_LEN / 2];

    crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
    sodium_bin2hex(out, AUTH_HASH_LEN + 1, h, sizeof h);
}

static void auth_session_cache(struct auth_session *s)
{
    pthread_mutex_lock(&auth_lock);
    s->next = auth_sessions;
    auth_sessions = s;
    pthread_mutex_unlock(&auth_lock);
}

static bool auth_session_cut(long long id, time_t created);

/* Loads a session from the store after a restart; false when unknown, expired, idle
 * too long or its staff account is disabled. */
static bool auth_session_load(const char *hash, struct auth_who *who, time_t now)
{
    struct store_session ss;
    struct store_staff st;

    if (api_store == NULL || store_session_get(api_store, hash, &ss) != STORE_OK)
        return false;
    bool ok = now - ss.last_seen_at <= AUTH_IDLE_SECONDS &&
              now - ss.created_at <= AUTH_ABSOLUTE_SECONDS &&
              strlen(ss.csrf) == AUTH_TOKEN_LEN &&
              !auth_session_cut(ss.staff_id, ss.created_at) &&
              store_staff_get(api_store, ss.staff_id, &st) == STORE_OK && st.active;
    if (ok) {
        struct auth_session *s = xcalloc(1, sizeof *s);
        memset(who, 0, sizeof *who);
        who->kind = AUTH_STAFF;
        who->id = st.id;
        who->role = route_role_from_name(store_role_name(st.role));
        snprintf(who->name, sizeof who->name, "%s", st.username);
        memcpy(who->csrf, ss.csrf, AUTH_TOKEN_LEN + 1);
        memcpy(who->session_hash, hash, AUTH_HASH_LEN + 1);
        s->who = *who;
        s->created = ss.created_at;
        s->last_seen = now;
        s->stored_seen = ss.last_seen_at;
        auth_session_cache(s);
    }
    sodium_memzero(&ss, sizeof ss);
    sodium_memzero(&st, sizeof st);
    return ok;
}

void auth_session_create(struct auth_who *who, char token[AUTH_TOKEN_LEN + 1])
{
    struct auth_session *s = xcalloc(1, sizeof *s);

    auth_token_new(token);
    auth_token_hash(token, who->session_hash);
    auth_token_new(who->csrf);
    s->who = *who;
    s->created = s->last_seen = s->stored_seen = time(NULL);
    if (api_store != NULL) {
        struct store_session ss = {.staff_id = who->id,
                                   .created_at = s->created,
                                   .last_seen_at = s->created,
                                   .expires_at = s->created + AUTH_ABSOLUTE_SECONDS};
        snprintf(ss.token_hash, sizeof ss.token_hash, "%s", who->session_hash);
        snprintf(ss.csrf, sizeof ss.csrf, "%s", who->csrf);
        /* Unsaved, the session still works until a restart; not worth refusing. */
        (void)store_session_create(api_store, &ss);
        sodium_memzero(&ss, sizeof ss);
    }
    auth_session_cache(s);
}

/* Removes expired sessions; called with the lock held. */
static void auth_session_prune(time_t now)
{
    struct auth_session **pp = &auth_sessions;

    while (*pp != NULL) {
        struct auth_session *s = *pp;
        if (now - s->last_seen > AUTH_IDLE_SECONDS ||
            now - s->created > AUTH_ABSOLUTE_SECONDS) {
            *pp = s->next;
            sodium_memzero(s, sizeof *s);
            free(s);
        } else
            pp = &s->next;
    }
}

bool auth_session_lookup(const char *token, struct auth_who *who)
{
    char h[AUTH_HASH_LEN + 1];
    time_t now = time(NULL);
    bool found = false, touch = false;

    if (token == NULL || strlen(token) != AUTH_TOKEN_LEN)
        return false;
    auth_token_hash(token, h);
    pthread_mutex_lock(&auth_lock);
    auth_session_prune(now);
    for (struct auth_session *s = auth_sessions; s != NULL; s = s->next) {
        if (sodium_memcmp(s->who.session_hash, h, AUTH_HASH_LEN) == 0) {
            s->last_seen = now;
            if (now - s->stored_seen >= AUTH_TOUCH_SECONDS) {
                s->stored_seen = now;
                touch = true;
            }
            *who = s->who;
            found = true;
            break;
        }
    }
    pthread_mutex_unlock(&auth_lock);
    if (touch && api_store != NULL)
        (void)store_session_touch(api_store, h);
    if (!found)
        found = auth_session_load(h, who, now);
    return found;
}

/* Removes the matching sessions from the cache; lock taken here. Copies the hashes
 * of what it removed into @gone (up to @max) so the caller can drop them from the
 * store outside the lock. Returns how many were copied. */
static size_t auth_session_remove_if(const char *hash, long long user,
                                     char (*gone)[AUTH_HASH_LEN + 1], size_t max)
{
    struct auth_session **pp = &auth_sessions;
    size_t n = 0;

    pthread_mutex_lock(&auth_lock);
    while (*pp != NULL) {
        struct auth_session *s = *pp;
        if ((hash != NULL && strcmp(s->who.session_hash, hash) == 0) ||
            (hash == NULL && s->who.id == user)) {
            if (n < max)
                memcpy(gone[n++], s->who.session_hash, AUTH_HASH_LEN + 1);
            *pp = s->next;
            sodium_memzero(s, sizeof *s);
            free(s);
        } else
            pp = &s->next;
    }
    pthread_mutex_unlock(&auth_lock);
    return n;
}

void auth_session_destroy(const char *session_hash)
{
    char gone[1][AUTH_HASH_LEN + 1];

    auth_session_remove_if(session_hash, 0, gone, 1);
    if (api_store != NULL)
        (void)store_session_delete(api_store, session_hash);
}

void auth_session_destroy_user(long long id)
{
    char gone[64][AUTH_HASH_LEN + 1];
    size_t n = auth_session_remove_if(NULL, id, gone, 64);

    for (size_t i = 0; api_store != NULL && i < n; i++)
        (void)store_session_delete(api_store, gone[i]);
    /* Sessions of this person that are in the store but not (yet) in the cache are
     * refused by their creation time. */
    pthread_mutex_lock(&auth_lock);
    size_t slot = 0;
    while (slot < auth_ncutoffs && auth_cutoffs[slot].id != id)
        slot++;
    if (slot == auth_ncutoffs && auth_ncutoffs < AUTH_CUTOFFS)
        auth_ncutoffs++;
    if (slot < AUTH_CUTOFFS)
        auth_cutoffs[slot] = (struct auth_cutoff){id, time(NULL)};
    pthread_mutex_unlock(&auth_lock);
}

/* True when sessions of staff @id created at @created were ended since. */
static bool auth_session_cut(long long id, time_t created)
{
    bool cut = false;

    pthread_mutex_lock(&auth_lock);
    for (size_t i = 0; i < auth_ncutoffs; i++)
        if (auth_cutoffs[i].id == id && created <= auth_cutoffs[i].at)
            cut = true;
    pthread_mutex_unlock(&auth_lock);
    return cut;
}

/* Finds or makes the failure record for @key; lock held. NULL when the table is full
 * of live records (then the caller treats the key as limited: fail closed). */
static struct auth_fail *auth_fail_slot(const char *key, time_t now, bool create)
{
    for (int i = 0; i < auth_nfails; i++) {
        struct auth_fail *f = &auth_fails[i];
        if (now - f->first > AUTH_LOGIN_WINDOW) {
            auth_fails[i] = auth_fails[--auth_nfails];
            i--;
            continue;
        }
        if (strcmp(f->key, key) == 0)
            return f;
    }
    if (!create || auth_nfails == AUTH_LIMIT_ENTRIES)
        return NULL;
    struct auth_fail *f = &auth_fails[auth_nfails++];
    memset(f, 0, sizeof *f);
    snprintf(f->key, sizeof f->key, "%s", key);
    f->first = now;
    return f;
}

static void auth_fail_key(char *out, size_t n, char kind, const char *v)
{
    snprintf(out, n, "%c:%s", kind, v != NULL ? v : "");
}

bool auth_login_allowed(const char *username, const char *peer)
{
    char ku[80], kp[80];
    time_t now = time(NULL);
    bool ok = true;

    auth_fail_key(ku, sizeof ku, 'u', username);
    auth_fail_key(kp, sizeof kp, 'p', peer);
    pthread_mutex_lock(&auth_lock);
    struct auth_fail *fu = auth_fail_slot(ku, now, false);
    struct auth_fail *fp = auth_fail_slot(kp, now, false);
    /* A peer gets more room than one name: an office shares one address. */
    if ((fu != NULL && fu->count >= AUTH_LOGIN_MAX_FAILS) ||
        (fp != NULL && fp->count >= AUTH_LOGIN_MAX_FAILS * 4))
        ok = false;
    pthread_mutex_unlock(&auth_lock);
    return ok;
}

void auth_login_failed(const char *username, const char *peer)
{
    char ku[80], kp[80];
    time_t now = time(NULL);

    auth_fail_key(ku, sizeof ku, 'u', username);
    auth_fail_key(kp, sizeof kp, 'p', peer);
    pthread_mutex_lock(&auth_lock);
    struct auth_fail *f = auth_fail_slot(ku, now, true);
    if (f != NULL)
        f->count++;
    f = auth_fail_slot(kp, now, true);
    if (f != NULL)
        f->count++;
    pthread_mutex_unlock(&auth_lock);
}

void auth_login_succeeded(const char *username)
{
    char ku[80];

    auth_fail_key(ku, sizeof ku, 'u', username);
    pthread_mutex_lock(&auth_lock);
    struct auth_fail *f = auth_fail_slot(ku, time(NULL), false);
    if (f != NULL)
        f->count = 0;
    pthread_mutex_unlock(&auth_lock);
}

const char *auth_cookie_token(const char *cookie_header, char *buf)
{
    const char *p = cookie_header;
    size_t klen = strlen(AUTH_COOKIE);

    while (p != NULL && *p != '\0') {
        while (*p == ' ' || *p == ';')
            p++;
        if (strncmp(p, AUTH_COOKIE, klen) == 0 && p[klen] == '=') {
            const char *v = p + klen + 1;
            size_t n = strcspn(v, "; ");
            if (n != AUTH_TOKEN_LEN)
                return NULL;
            memcpy(buf, v, n);
            buf[n] = '\0';
            return buf;
        }
        p = strchr(p, ';');
    }
    return NULL;
}
