/* showcase-seeds — finds the walk-in procedure in the seed policy documents
 * (../shared/seeds, reference material that never ships): the numbered steps after
 * the sentence «ويتم التعامل مع المستفيد … بالشكل التالي». The seeds are OCR'd
 * and differ in markup, so the rule is loose: list lines (a digit or a dash first)
 * after that sentence, until a heading or seven steps. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "showcase.h"
#include "util.h"

#define SEED_MARKER "التعامل مع المستفيد"
#define SEED_MAX_STEPS 7

static bool seeds_is_txt(const struct dirent *e)
{
    size_t n = strlen(e->d_name);

    return n > 4 && strcmp(e->d_name + n - 4, ".txt") == 0;
}

static int seeds_filter(const struct dirent *e)
{
    return seeds_is_txt(e);
}

/* A list line starts with an ASCII or Arabic-Indic (U+0660..U+0669) digit or '-'. */
static bool seeds_is_step(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;

    return (*u >= '0' && *u <= '9') || *u == '-' ||
           (u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9);
}

static char *seeds_extract(const char *text)
{
    const char *p = strstr(text, SEED_MARKER);
    struct buf out = {0};
    int steps = 0;

    if (p == NULL || (p = strchr(p, '\n')) == NULL)
        return NULL;
    for (p++; *p != '\0' && steps < SEED_MAX_STEPS;) {
        const char *nl = strchr(p, '\n');
        const char *end = nl != NULL ? nl : p + strlen(p);
        const char *s = p;

        while (s < end && (*s == ' ' || *s == '\t'))
            s++;
        while (end > s && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
            end--;
        if (*s == '#' && steps > 0)
            break;
        if (end > s && seeds_is_step(s)) {
            if (steps++ > 0)
                buf_puts(&out, "\n");
            buf_append(&out, s, (size_t)(end - s));
        }
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    if (steps < 3) {
        buf_free(&out);
        return NULL;
    }
    return buf_take(&out);
}

char *showcase_seed_procedure(const char *seeds_dir)
{
    struct dirent **names;
    char *found = NULL;
    int n;

    if (seeds_dir == NULL ||
        (n = scandir(seeds_dir, &names, seeds_filter, alphasort)) < 0)
        return NULL;
    for (int i = 0; i < n; i++) {
        if (found == NULL) {
            char *path = xasprintf("%s/%s", seeds_dir, names[i]->d_name);
            char *text = util_read_file(path, NULL);
            if (text != NULL)
                found = seeds_extract(text);
            free(text);
            free(path);
        }
        free(names[i]);
    }
    free(names);
    return found;
}
