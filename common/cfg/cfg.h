/* cfg — the settings of a Dawr program, read from an INI file (dawr.ini) with inih.
 * Sections and keys are matched without regard to case; values are UTF-8 strings.
 *
 * A value too long for one line (inih reads at most 198 bytes a line) continues on
 * the following lines, each indented; the pieces are joined with one space. inih
 * reports a continuation as the same key again, so a key repeated on the very next
 * line is joined too; a key repeated further down replaces the earlier value. */
#ifndef DAWR_CFG_H
#define DAWR_CFG_H

#include <stdbool.h>

typedef struct cfg cfg;

/* Reads @path. On error returns NULL and sets *@cause (if not NULL) to a message
 * naming the file and line; the caller frees it. Free the result with cfg_free. */
cfg *cfg_load(const char *path, char **cause);
/* Parses @text (the contents of an INI file); @name says where it came from in the
 * message set on error. Same results and ownership as cfg_load. */
cfg *cfg_parse(const char *text, const char *name, char **cause);
/* An empty configuration (every cfg_get returns its default). */
cfg *cfg_new(void);
void cfg_free(cfg *c); /* NULL is fine */

/* The value of @key in @section, or @def if absent. Borrowed: valid until
 * cfg_free(@c) or cfg_set() of that key. */
const char *cfg_get(const cfg *c, const char *section, const char *key, const char *def);
/* The value as a decimal integer; @def if absent or not entirely a number. */
long cfg_get_int(const cfg *c, const char *section, const char *key, long def);
/* true/yes/on/1 or false/no/off/0 (any case); @def if absent or anything else. */
bool cfg_get_bool(const cfg *c, const char *section, const char *key, bool def);
/* Sets (copies) @value; a NULL @value removes the key. */
void cfg_set(cfg *c, const char *section, const char *key, const char *value);

/* $DAWR_CONFIG if set and not empty, else "/etc/dawr/dawr.ini". Borrowed. */
const char *cfg_default_path(void);

#endif
