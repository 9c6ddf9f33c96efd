/* shapecache — shaped words, kept per font, the way Blink's word shape cache works.
 * A run is cut after each space; a piece that begins after a space (or at the start
 * of the paragraph) and ends with a space (or at its end) shapes the same wherever it
 * appears, because a space stops Arabic joining and harfbuzz's contextual lookups do
 * not see past the buffer. So its glyphs are looked up by (size, direction, script,
 * paragraph-edge flags, codepoints) instead of being shaped again. Bounded: a full
 * table is emptied. txt_cache_clear() empties it too, so "cold" means cold. */
#include "txt_int.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

#define SHAPECACHE_MAX 8192 /* entries per font; the table is emptied when full */

struct shape_entry {
    uint64_t hash; /* 0 = empty */
    int px;
    uint32_t props; /* rtl | flags << 1 */
    hb_script_t script;
    uint32_t n, nglyphs;
    uint32_t *cps;             /* n codepoints, then the glyphs (one allocation) */
    struct txt_shaped *glyphs; /* clusters relative to the piece's start */
};

struct txt_shape_cache {
    struct shape_entry *slots;
    size_t cap, used;
};

static uint64_t sc_hash(int px, uint32_t props, hb_script_t script, const uint32_t *cps,
                        size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)px ^ ((uint64_t)props << 20) ^
                 ((uint64_t)script << 32);
    for (size_t i = 0; i < n; i++) {
        h ^= cps[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    return h ? h : 1;
}

static void sc_empty(struct txt_shape_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        free(c->slots[i].cps);
    free(c->slots);
    c->slots = NULL;
    c->cap = c->used = 0;
}

void txt_shape_cache_free(struct txt_shape_cache *c)
{
    if (c == NULL)
        return;
    sc_empty(c);
    free(c);
}

void txt_shape_cache_clear_all(void)
{
    for (txt_font *f = txt_font_first(); f != NULL; f = f->next) {
        if (f->shapes != NULL)
            sc_empty(f->shapes);
    }
}

static struct shape_entry *sc_slot(struct txt_shape_cache *c, uint64_t hash, int px,
                                   uint32_t props, hb_script_t script,
                                   const uint32_t *cps, size_t n)
{
    size_t mask = c->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        struct shape_entry *e = &c->slots[i];
        if (e->hash == 0)
            return e;
        if (e->hash == hash && e->px == px && e->props == props && e->script == script &&
            e->n == n && memcmp(e->cps, cps, n * sizeof *cps) == 0)
            return e;
    }
}

const struct txt_shaped *txt_shape_cache_get(txt_font *font, int px, uint32_t props,
                                             hb_script_t script, const uint32_t *cps,
                                             size_t n, size_t *nglyphs)
{
    struct txt_shape_cache *c = font->shapes;
    if (c == NULL || c->cap == 0)
        return NULL;
    struct shape_entry *e =
        sc_slot(c, sc_hash(px, props, script, cps, n), px, props, script, cps, n);
    if (e->hash == 0)
        return NULL;
    *nglyphs = e->nglyphs;
    return e->glyphs;
}

void txt_shape_cache_put(txt_font *font, int px, uint32_t props, hb_script_t script,
                         const uint32_t *cps, size_t n, const struct txt_shaped *glyphs,
                         size_t nglyphs)
{
    if (font->shapes == NULL)
        font->shapes = xcalloc(1, sizeof *font->shapes);
    struct txt_shape_cache *c = font->shapes;
    if (c->used >= SHAPECACHE_MAX)
        sc_empty(c);
    if (2 * (c->used + 1) > c->cap) { /* load stays under one half */
        struct txt_shape_cache old = *c;
        c->cap = old.cap ? 2 * old.cap : 128;
        c->slots = xcalloc(c->cap, sizeof *c->slots);
        for (size_t i = 0; i < old.cap; i++) {
            const struct shape_entry *o = &old.slots[i];
            if (o->hash != 0)
                *sc_slot(c, o->hash, o->px, o->props, o->script, o->cps, o->n) = *o;
        }
        free(old.slots);
    }
    uint64_t hash = sc_hash(px, props, script, cps, n);
    struct shape_entry *e = sc_slot(c, hash, px, props, script, cps, n);
    if (e->hash != 0)
        return;
    size_t cps_bytes = (n * sizeof *cps + 7) & ~(size_t)7;
    char *block = xmalloc(cps_bytes + nglyphs * sizeof *glyphs);
    memcpy(block, cps, n * sizeof *cps);
    memcpy(block + cps_bytes, glyphs, nglyphs * sizeof *glyphs);
    *e = (struct shape_entry){
        .hash = hash,
        .px = px,
        .props = props,
        .script = script,
        .n = (uint32_t)n,
        .nglyphs = (uint32_t)nglyphs,
        .cps = (uint32_t *)block,
        .glyphs = (struct txt_shaped *)(block + cps_bytes),
    };
    c->used++;
}
