/* outbox — see outbox.h. The on-disk format of one request, all text up to the body:
 *
 *   dawr-outbox 1
 *   key <idempotency key>
 *   path <API path>
 *   length <body bytes>
 *   check <BLAKE2b-128 of the body, hex>
 *   <empty line>
 *   <body>
 *
 * File names are "<20-digit milliseconds>-<key>.req" so sorting them is submission
 * order; temporary files start with ".tmp-" and are never delivered. */
#include "outbox.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#define OUTBOX_MAGIC "dawr-outbox 1\n"
#define OUTBOX_CHECK_BYTES 16
#define OUTBOX_HEADER_MAX 512

struct outbox {
    char *dir;
    unsigned long long last_stamp; /* the newest file name's number */
};

static char **outbox_list(struct outbox *ob, size_t *count);
static void outbox_free_list(char **names);

static bool outbox_key_ok(const char *key)
{
    size_t n = strlen(key);
    if (n < 8 || n > OUTBOX_KEY_MAX)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = key[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    }
    return true;
}

static bool outbox_path_ok(const char *path)
{
    if (path[0] != '/' || strlen(path) > 200)
        return false;
    for (const char *p = path; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7F)
            return false;
    return true;
}

/* Makes a rename or unlink in @dir durable. */
static int outbox_sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

static int outbox_mkdir(const char *path, char **cause)
{
    if (mkdir(path, 0700) == 0 || errno == EEXIST)
        return 0;
    *cause = xasprintf("cannot create %s: %s", path, strerror(errno));
    return -1;
}

struct outbox *outbox_open(const char *dir, char **cause)
{
    if (sodium_init() < 0) {
        *cause = xstrdup("libsodium failed to initialise");
        return NULL;
    }
    char *corrupt = xasprintf("%s/corrupt", dir);
    char *rejected = xasprintf("%s/rejected", dir);
    int rc = outbox_mkdir(dir, cause);
    if (rc == 0)
        rc = outbox_mkdir(corrupt, cause);
    if (rc == 0)
        rc = outbox_mkdir(rejected, cause);
    free(corrupt);
    free(rejected);
    if (rc != 0)
        return NULL;

    DIR *d = opendir(dir);
    if (d == NULL) {
        *cause = xasprintf("cannot read %s: %s", dir, strerror(errno));
        return NULL;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, ".tmp-", 5) == 0) {
            char *p = xasprintf("%s/%s", dir, e->d_name);
            unlink(p);
            free(p);
        }
    }
    closedir(d);

    struct outbox *ob = xcalloc(1, sizeof *ob);
    ob->dir = xstrdup(dir);
    size_t n;
    char **names = outbox_list(ob, &n);
    for (size_t i = 0; names != NULL && i < n; i++) {
        unsigned long long stamp = strtoull(names[i], NULL, 10);
        if (stamp > ob->last_stamp)
            ob->last_stamp = stamp;
    }
    outbox_free_list(names);
    return ob;
}

void outbox_close(struct outbox *ob)
{
    if (ob == NULL)
        return;
    free(ob->dir);
    free(ob);
}

void outbox_new_key(char key[33])
{
    unsigned char raw[16];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(key, 33, raw, sizeof raw);
}

static void outbox_check(const char *body, size_t len,
                         char hex[2 * OUTBOX_CHECK_BYTES + 1])
{
    unsigned char h[OUTBOX_CHECK_BYTES];
    crypto_generichash(h, sizeof h, (const unsigned char *)body, len, NULL, 0);
    sodium_bin2hex(hex, 2 * OUTBOX_CHECK_BYTES + 1, h, sizeof h);
}

static int outbox_compare(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the waiting requests, sorted; NULL-terminated, caller frees each and
 * the array. NULL if the folder cannot be read. */
static char **outbox_list(struct outbox *ob, size_t *count)
{
    DIR *d = opendir(ob->dir);
    if (d == NULL)
        return NULL;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".req") != 0)
            continue;
        names = xreallocarray_grow(names, &cap, n + 2, sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (names == NULL)
        names = xcalloc(1, sizeof *names);
    names[n] = NULL;
    qsort(names, n, sizeof *names, outbox_compare);
    *count = n;
    return names;
}

static void outbox_free_list(char **names)
{
    if (names == NULL)
        return;
    for (char **p = names; *p; p++)
        free(*p);
    free(names);
}

/* True if a waiting file is named for @key. */
static bool outbox_has_key(char **names, size_t n, const char *key)
{
    size_t klen = strlen(key);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        /* "<digits>-<key>.req" */
        if (len > klen + 5 && names[i][len - klen - 5] == '-' &&
            strncmp(names[i] + len - klen - 4, key, klen) == 0)
            return true;
    }
    return false;
}

static int outbox_write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        len -= (size_t)w;
    }
    return 0;
}

int outbox_put(struct outbox *ob, const char *key, const char *path, const char *body,
               char **cause)
{
    size_t len = strlen(body);
    if (!outbox_key_ok(key) || !outbox_path_ok(path) || len > OUTBOX_BODY_MAX) {
        *cause = xstrdup("bad outbox request (key, path or size)");
        return -1;
    }
    size_t n;
    char **names = outbox_list(ob, &n);
    if (names == NULL) {
        *cause = xasprintf("cannot read %s: %s", ob->dir, strerror(errno));
        return -1;
    }
    bool have = outbox_has_key(names, n, key);
    outbox_free_list(names);
    if (have)
        return 0;

    char check[2 * OUTBOX_CHECK_BYTES + 1];
    outbox_check(body, len, check);
    /* Milliseconds, but strictly after the newest file, so two requests in the same
     * millisecond (or after the clock was set back) still sort in order. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    unsigned long long ms = (unsigned long long)ts.tv_sec * 1000ULL +
                            (unsigned long long)ts.tv_nsec / 1000000;
    if (ms <= ob->last_stamp)
        ms = ob->last_stamp + 1;
    char *tmp = xasprintf("%s/.tmp-%s", ob->dir, key);
    char *final = xasprintf("%s/%020llu-%s.req", ob->dir, ms, key);
    struct buf b = {0};
    buf_printf(&b, OUTBOX_MAGIC "key %s\npath %s\nlength %zu\ncheck %s\n\n", key, path,
               len, check);
    buf_append(&b, body, len);

    int rc = -1;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        *cause = xasprintf("cannot create %s: %s", tmp, strerror(errno));
    } else if (outbox_write_all(fd, b.data, b.len) != 0 || fsync(fd) != 0) {
        *cause = xasprintf("cannot write %s: %s", tmp, strerror(errno));
        close(fd);
        unlink(tmp);
    } else if (close(fd) != 0 || rename(tmp, final) != 0) {
        *cause = xasprintf("cannot save %s: %s", final, strerror(errno));
        unlink(tmp);
    } else if (outbox_sync_dir(ob->dir) != 0) {
        *cause = xasprintf("cannot sync %s: %s", ob->dir, strerror(errno));
    } else {
        rc = 0;
        ob->last_stamp = ms;
    }
    /* The buffer held the applicant's data. */
    sodium_memzero(b.data, b.cap);
    buf_free(&b);
    free(tmp);
    free(final);
    return rc;
}

long outbox_pending(struct outbox *ob)
{
    size_t n;
    char **names = outbox_list(ob, &n);
    if (names == NULL)
        return -1;
    outbox_free_list(names);
    return (long)n;
}

struct outbox_entry {
    char key[OUTBOX_KEY_MAX + 1];
    char path[256];
    const char *body;
    size_t len;
};

/* Reads one "name value\n" header line at *@p into @out (at most @max bytes). */
static bool outbox_field(const char **p, const char *end, const char *name, char *out,
                         size_t max)
{
    size_t nlen = strlen(name);
    if ((size_t)(end - *p) < nlen + 1 || memcmp(*p, name, nlen) != 0 || (*p)[nlen] != ' ')
        return false;
    const char *v = *p + nlen + 1;
    const char *nl = memchr(v, '\n', (size_t)(end - v));
    if (nl == NULL || (size_t)(nl - v) >= max || nl == v)
        return false;
    memcpy(out, v, (size_t)(nl - v));
    out[nl - v] = '\0';
    *p = nl + 1;
    return true;
}

/* Parses the file's bytes; false if anything is off, including the checksum. */
static bool outbox_parse(const char *data, size_t size, struct outbox_entry *e)
{
    const char *p = data, *end = data + size;
    char length[32], check[2 * OUTBOX_CHECK_BYTES + 2];
    size_t mlen = strlen(OUTBOX_MAGIC);
    if (size < mlen || memcmp(p, OUTBOX_MAGIC, mlen) != 0)
        return false;
    p += mlen;
    if (!outbox_field(&p, end, "key", e->key, sizeof e->key) ||
        !outbox_field(&p, end, "path", e->path, sizeof e->path) ||
        !outbox_field(&p, end, "length", length, sizeof length) ||
        !outbox_field(&p, end, "check", check, sizeof check))
        return false;
    if (p >= end || *p != '\n' || !outbox_key_ok(e->key) || !outbox_path_ok(e->path))
        return false;
    p++;
    char *stop;
    errno = 0;
    unsigned long long n = strtoull(length, &stop, 10);
    if (errno != 0 || *stop != '\0' || length[0] == '-' || n != (size_t)(end - p))
        return false;
    char want[2 * OUTBOX_CHECK_BYTES + 1];
    outbox_check(p, (size_t)n, want);
    if (strcmp(want, check) != 0)
        return false;
    e->body = p;
    e->len = (size_t)n;
    return true;
}

/* Moves @name into the sub-folder @sub, durably. */
static int outbox_set_aside(struct outbox *ob, const char *name, const char *sub)
{
    char *from = xasprintf("%s/%s", ob->dir, name);
    char *to = xasprintf("%s/%s/%s", ob->dir, sub, name);
    char *subdir = xasprintf("%s/%s", ob->dir, sub);
    int rc = rename(from, to);
    if (rc == 0)
        rc = outbox_sync_dir(subdir) | outbox_sync_dir(ob->dir);
    free(from);
    free(to);
    free(subdir);
    return rc;
}

int outbox_deliver(struct outbox *ob, outbox_send_fn send, void *arg,
                   struct outbox_result *res, char **cause)
{
    memset(res, 0, sizeof *res);
    size_t n;
    char **names = outbox_list(ob, &n);
    if (names == NULL) {
        *cause = xasprintf("cannot read %s: %s", ob->dir, strerror(errno));
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0 && !res->stopped; i++) {
        char *path = xasprintf("%s/%s", ob->dir, names[i]);
        size_t size;
        char *data = util_read_file(path, &size);
        struct outbox_entry e;
        struct stat st;
        if (data == NULL && stat(path, &st) == 0 && st.st_size == 0) {
            /* util_read_file() has nothing to hand back for an empty file */
            data = xstrdup("");
            size = 0;
        }
        if (data == NULL) {
            *cause = xasprintf("cannot read %s: %s", path, strerror(errno));
            rc = -1;
        } else if (size > OUTBOX_BODY_MAX + OUTBOX_HEADER_MAX ||
                   !outbox_parse(data, size, &e)) {
            if (outbox_set_aside(ob, names[i], "corrupt") != 0) {
                *cause = xasprintf("cannot move %s aside: %s", path, strerror(errno));
                rc = -1;
            }
            res->corrupt++;
        } else {
            long status = send(arg, e.key, e.path, e.body, e.len);
            if (status >= 200 && status < 300) {
                if (unlink(path) != 0 || outbox_sync_dir(ob->dir) != 0) {
                    *cause = xasprintf("cannot remove %s: %s", path, strerror(errno));
                    rc = -1;
                }
                res->delivered++;
            } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
                if (outbox_set_aside(ob, names[i], "rejected") != 0) {
                    *cause = xasprintf("cannot move %s aside: %s", path, strerror(errno));
                    rc = -1;
                }
                res->rejected++;
            } else {
                res->stopped = true;
            }
        }
        if (data != NULL) {
            sodium_memzero(data, size);
            free(data);
        }
        free(path);
    }
    outbox_free_list(names);
    return rc;
}
