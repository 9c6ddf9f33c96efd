/* auth-device — kiosk and display bearer tokens, checked against the store.
 *
 * Kiosks issue tickets at high rates, so a verified token is remembered (by hash) for
 * a short while; revoking a device through the API clears the cache at once. */
#include "auth.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "api.h"

#define AUTH_DEVICE_CACHE 64
#define AUTH_DEVICE_TTL 30

struct auth_device_entry {
    char hash[AUTH_HASH_LEN + 1];
    struct auth_who who;
    time_t until;
};

static pthread_mutex_t auth_device_lock = PTHREAD_MUTEX_INITIALIZER;
static struct auth_device_entry auth_device_cache[AUTH_DEVICE_CACHE];
static unsigned auth_device_next;

bool auth_device_lookup(const char *token, struct auth_who *who)
{
    char h[AUTH_HASH_LEN + 1];
    struct store_device d;
    time_t now = time(NULL);

    if (token == NULL || strlen(token) != AUTH_TOKEN_LEN)
        return false;
    auth_token_hash(token, h);
    pthread_mutex_lock(&auth_device_lock);
    for (int i = 0; i < AUTH_DEVICE_CACHE; i++) {
        struct auth_device_entry *e = &auth_device_cache[i];
        if (e->until > now && strcmp(e->hash, h) == 0) {
            *who = e->who;
            pthread_mutex_unlock(&auth_device_lock);
            return true;
        }
    }
    pthread_mutex_unlock(&auth_device_lock);

    if (store_device_by_token(api_store, h, &d) != STORE_OK || d.revoked)
        return false;
    memset(who, 0, sizeof *who);
    who->kind = AUTH_DEVICE;
    who->id = d.id;
    who->dev_kind = d.kind == STORE_DEVICE_KIOSK ? DEVICE_KIOSK : DEVICE_DISPLAY;
    snprintf(who->name, sizeof who->name, "%s", d.name);
    store_device_touch(api_store, d.id);

    pthread_mutex_lock(&auth_device_lock);
    struct auth_device_entry *e =
        &auth_device_cache[auth_device_next++ % AUTH_DEVICE_CACHE];
    memcpy(e->hash, h, sizeof h);
    e->who = *who;
    e->until = now + AUTH_DEVICE_TTL;
    pthread_mutex_unlock(&auth_device_lock);
    return true;
}

void auth_device_forget_all(void)
{
    pthread_mutex_lock(&auth_device_lock);
    memset(auth_device_cache, 0, sizeof auth_device_cache);
    pthread_mutex_unlock(&auth_device_lock);
}
