/* auth — who is calling: staff passwords (argon2id), session cookies with idle and
 * absolute expiry, CSRF tokens, login rate limiting, device bearer tokens.
 * Secrets are only ever kept as hashes; the plain token exists in one reply. */
#ifndef DAWR_SERVER_AUTH_H
#define DAWR_SERVER_AUTH_H

#include <stdbool.h>

#define AUTH_TOKEN_LEN 64 /* hex of 32 random bytes */
#define AUTH_HASH_LEN 64  /* hex of a 32-byte BLAKE2b hash */
#define AUTH_PWHASH_MAX 128
#define AUTH_COOKIE "dawr_session"

enum auth_kind { AUTH_NONE, AUTH_STAFF, AUTH_DEVICE };

struct auth_who {
    enum auth_kind kind;
    long long id;      /* staff or device id */
    unsigned role;     /* ROLE_* bit for staff */
    unsigned dev_kind; /* DEVICE_* bit for devices */
    char name[64];     /* username or device name; never logged */
    char csrf[AUTH_TOKEN_LEN + 1];
    char session_hash[AUTH_HASH_LEN + 1];
};

/* Must be called once before anything else here; -1 when libsodium cannot start. */
int auth_init(void);

/* argon2id hash of @password into @out; -1 when out of memory for the hash. */
int auth_password_hash(const char *password, char out[AUTH_PWHASH_MAX]);
bool auth_password_verify(const char *hash, const char *password);

/* A fresh random token, and the hash under which it is stored. */
void auth_token_new(char out[AUTH_TOKEN_LEN + 1]);
void auth_token_hash(const char *token, char out[AUTH_HASH_LEN + 1]);

/* Sessions live in memory, keyed by the token's hash; a restart logs staff out.
 * Creates one for @who (kind, id, role, name set) and fills @token and who->csrf. */
void auth_session_create(struct auth_who *who, char token[AUTH_TOKEN_LEN + 1]);
/* Fills @who from a live session; false when unknown or expired (then removed). */
bool auth_session_lookup(const char *token, struct auth_who *who);
void auth_session_destroy(const char *session_hash);
/* Ends every session of staff @id (disabled account, changed role). */
void auth_session_destroy_user(long long id);

/* Login rate limiting by username and by peer address: false once either has
 * AUTH_LOGIN_MAX_FAILS failures inside AUTH_LOGIN_WINDOW seconds. */
#define AUTH_LOGIN_MAX_FAILS 5
#define AUTH_LOGIN_WINDOW 900
bool auth_login_allowed(const char *username, const char *peer);
void auth_login_failed(const char *username, const char *peer);
void auth_login_succeeded(const char *username);

/* Reads the session token out of a Cookie header; NULL when absent. Borrowed from
 * @buf, which must hold AUTH_TOKEN_LEN + 1 bytes. */
const char *auth_cookie_token(const char *cookie_header, char *buf);

/* Checks a bearer token against the store; fills @who on success. Results are cached
 * briefly so issuing tickets does not hit the database per request. */
bool auth_device_lookup(const char *token, struct auth_who *who);
void auth_device_forget_all(void);

#endif
