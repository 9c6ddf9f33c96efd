/* util — allocation that cannot fail, growable byte buffers, small string helpers.
 * Used by every module; allocation failure aborts so callers never check for NULL. */
#ifndef DAWR_UTIL_H
#define DAWR_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows an array of @n elements of @size to at least @need elements, doubling. */
void *xreallocarray_grow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer. Zero-initialise it, append, then take or free the data. */
struct buf {
    char *data; /* always NUL-terminated when non-NULL */
    size_t len;
    size_t cap;
};
void buf_append(struct buf *b, const void *data, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns the data (caller frees) and leaves @b empty. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

/* Reads a whole file; returns NULL and sets errno on error. Caller frees. */
char *util_read_file(const char *path, size_t *len);

#endif
