/* font — a font file opened once and shared by FreeType (rasterising) and harfbuzz
 * (shaping, coverage, metrics). Reference counted; the FreeType library lives while
 * any font does, so a program that frees its fonts leaves nothing behind. */
#include "txt_int.h"

#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FT_Library ft_lib;
static int ft_users;
static txt_font *all_fonts;

FT_Library txt_ft_library(void)
{
    return ft_lib;
}

txt_font *txt_font_first(void)
{
    return all_fonts;
}

txt_font *txt_font_open(const char *path, char **cause)
{
    size_t len;
    char *data = util_read_file(path, &len);
    if (data == NULL) {
        if (cause != NULL)
            *cause = xasprintf("%s: %s", path, strerror(errno));
        return NULL;
    }
    if (ft_users == 0 && FT_Init_FreeType(&ft_lib) != 0) {
        free(data);
        if (cause != NULL)
            *cause = xstrdup("cannot initialise FreeType");
        return NULL;
    }
    ft_users++;

    txt_font *f = xcalloc(1, sizeof *f);
    f->refs = 1;
    f->path = xstrdup(path);
    f->data = data;
    f->len = len;
    if (FT_New_Memory_Face(ft_lib, (const FT_Byte *)data, (FT_Long)len, 0, &f->ft) != 0) {
        if (cause != NULL)
            *cause = xasprintf("%s: not a font FreeType can read", path);
        f->ft = NULL;
        txt_font_unref(f);
        return NULL;
    }
    hb_blob_t *blob =
        hb_blob_create(data, (unsigned)len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    f->face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    hb_face_make_immutable(f->face);

    f->next = all_fonts;
    all_fonts = f;
    return f;
}

txt_font *txt_font_ref(txt_font *font)
{
    if (font != NULL)
        font->refs++;
    return font;
}

void txt_font_unref(txt_font *font)
{
    if (font == NULL || --font->refs > 0)
        return;
    for (txt_font **p = &all_fonts; *p != NULL; p = &(*p)->next) {
        if (*p == font) {
            *p = font->next;
            break;
        }
    }
    txt_glyph_cache_free(font->cache);
    txt_shape_cache_free(font->shapes);
    for (size_t i = 0; i < font->nsizes; i++)
        hb_font_destroy(font->sizes[i].hb);
    free(font->sizes);
    hb_face_destroy(font->face);
    if (font->ft != NULL)
        FT_Done_Face(font->ft);
    free(font->data);
    free(font->path);
    free(font);
    if (--ft_users == 0) {
        FT_Done_FreeType(ft_lib);
        ft_lib = NULL;
    }
}

bool txt_font_has_char(const txt_font *font, uint32_t cp)
{
    if (font == NULL)
        return false;
    /* The cmap does not depend on size; any harfbuzz font of this face will do. */
    return FT_Get_Char_Index(font->ft, cp) != 0;
}

const char *txt_font_path(const txt_font *font)
{
    return font != NULL ? font->path : NULL;
}

struct txt_font_size *txt_font_size_get(txt_font *font, int px)
{
    for (size_t i = 0; i < font->nsizes; i++) {
        if (font->sizes[i].px == px)
            return &font->sizes[i];
    }
    font->sizes = xreallocarray_grow(font->sizes, &font->sizes_cap, font->nsizes + 1,
                                     sizeof *font->sizes);
    struct txt_font_size *s = &font->sizes[font->nsizes++];
    s->px = px;
    s->hb = hb_font_create(font->face);
    hb_font_set_scale(s->hb, px, px);
    hb_font_make_immutable(s->hb);
    hb_font_extents_t ext;
    hb_font_get_h_extents(s->hb, &ext);
    s->ascender = ext.ascender;
    s->descender = ext.descender;
    return s;
}

bool txt_font_glyph_name(txt_font *font, uint32_t index, char *name, size_t size)
{
    if (font == NULL || size == 0)
        return false;
    struct txt_font_size *s = txt_font_size_get(font, 32);
    if (hb_font_get_glyph_name(s->hb, index, name, (unsigned)size) && name[0] != '\0')
        return true;
    snprintf(name, size, "gid%u", (unsigned)index);
    return false;
}
