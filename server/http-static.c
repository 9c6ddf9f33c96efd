/* http-static — the staff console's files from server/web/.
 *
 * Only plain names made of letters, digits, '-', '_', '.' and '/' are served, never a
 * ".." segment or a dotfile, so a request cannot leave the web root. */
#include "http.h"

#include <stdlib.h>
#include <string.h>

static char *http_web_root;

void http_static_set_root(const char *dir)
{
    free(http_web_root);
    http_web_root = dir != NULL ? xstrdup(dir) : NULL;
}

static bool http_static_name_ok(const char *p)
{
    if (*p != '/' || strlen(p) > 200)
        return false;
    for (const char *c = p; *c != '\0'; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || *c == '.' ||
                  *c == '/';
        if (!ok || (*c == '.' && c[-1] == '/'))
            return false;
    }
    return true;
}

static const char *http_static_type(const char *p)
{
    static const struct {
        const char *ext, *type;
    } types[] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".ogg", "audio/ogg"},
    };
    const char *dot = strrchr(p, '.');

    for (size_t i = 0; dot != NULL && i < sizeof types / sizeof types[0]; i++)
        if (strcmp(dot, types[i].ext) == 0)
            return types[i].type;
    return "application/octet-stream";
}

bool http_static_serve(struct http_req *r)
{
    const char *p = strcmp(r->path, "/") == 0 ? "/index.html" : r->path;
    size_t len;
    char *file, *data;

    if (http_web_root == NULL || !http_static_name_ok(p))
        return false;
    file = xasprintf("%s%s", http_web_root, p);
    data = util_read_file(file, &len);
    free(file);
    if (data == NULL)
        return false;
    http_reply_data(r, 200, http_static_type(p), data, len);
    free(data);
    return true;
}
