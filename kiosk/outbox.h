/* outbox — support requests saved on the kiosk while the server cannot be reached,
 * delivered exactly once when it can (DESIGN.md §6).
 *
 * One file per request, named so that a directory listing is submission order. A
 * request is written to a temporary file, fsync'd, renamed into place and the
 * directory fsync'd before outbox_put() returns: once the beneficiary is told "saved",
 * a power cut cannot lose it. Each carries an idempotency key; a file is removed only
 * after the server answered 2xx, and the server keeps one application per key, so a
 * crash between the server's reply and the removal sends it again harmlessly.
 * A file that does not parse or whose checksum fails is moved to corrupt/, and one
 * the server refuses for good (4xx) to rejected/, both kept for staff to look at.
 * Files are mode 0600: they hold personal data. No threads inside; the kiosk's
 * network worker is the only user.
 */
#ifndef DAWR_KIOSK_OUTBOX_H
#define DAWR_KIOSK_OUTBOX_H

#include <stdbool.h>
#include <stddef.h>

/* A key is 8 to 64 of [A-Za-z0-9_-]; outbox_new_key() makes 32 random hex digits. */
#define OUTBOX_KEY_MAX 64
/* The largest request body kept (a form plus a signature PNG in base64). */
#define OUTBOX_BODY_MAX (4 * 1024 * 1024)

struct outbox;

/* Opens (creating it and its corrupt/ and rejected/ folders if needed) the outbox
 * in @dir, and removes temporary files a crash left half-written (those requests
 * were never reported saved). NULL and *cause (caller frees) on error. Caller
 * closes with outbox_close(). */
struct outbox *outbox_open(const char *dir, char **cause);
void outbox_close(struct outbox *ob); /* NULL is fine */

/* Fills @key with a new random key (33 bytes with the NUL). */
void outbox_new_key(char key[33]);

/* Saves a request for @path (e.g. "/api/applications") with JSON @body, durably.
 * Saving a key that is already waiting does nothing and succeeds. Returns 0, or -1
 * and *cause (caller frees). */
int outbox_put(struct outbox *ob, const char *key, const char *path, const char *body,
               char **cause);

/* How many requests are waiting. -1 if the folder cannot be read. */
long outbox_pending(struct outbox *ob);

/* Sends one request; returns the HTTP status, or -1 if no reply arrived. @body is
 * borrowed for the call. */
typedef long (*outbox_send_fn)(void *arg, const char *key, const char *path,
                               const char *body, size_t len);

struct outbox_result {
    size_t delivered; /* answered 2xx and removed */
    size_t rejected;  /* answered 4xx (other than 408/429), moved to rejected/ */
    size_t corrupt;   /* unreadable, moved to corrupt/ */
    bool stopped;     /* no reply, 408, 429 or 5xx: the rest wait for the next try */
};

/* Sends every waiting request in submission order through @send, stopping at the
 * first that did not get through. Returns 0, or -1 and *cause (caller frees) if the
 * folder itself failed (then @res says how far it got). */
int outbox_deliver(struct outbox *ob, outbox_send_fn send, void *arg,
                   struct outbox_result *res, char **cause);

#endif
