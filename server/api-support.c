/* api-support — the kinds of support an application may ask for (سلة غذائية,
 * إيجار, ...): a code the kiosk sends and the names people read. The list is built
 * once at start from dawr.ini's [support] section, or the defaults below, and it is
 * also what application validation accepts, so a kiosk, the console and the
 * server always agree on the codes. */
#include "api.h"

#include <stdio.h>
#include <string.h>

/* The list an association gets unless it writes its own. The codes are the ones the
 * kiosk has offered from the start. */
static const struct api_support_type support_defaults[] = {
    {"food", "سلة غذائية", "Food basket"},
    {"rent", "مساعدة في الإيجار", "Help with rent"},
    {"bills", "سداد فواتير", "Paying bills"},
    {"medical", "علاج", "Medical treatment"},
    {"education", "دعم تعليمي", "Education support"},
    {"other", "أخرى", "Other"},
};
#define N_DEFAULTS (sizeof support_defaults / sizeof support_defaults[0])

static struct api_support_type support_list[API_SUPPORT_MAX];
static const char *support_codes[API_SUPPORT_MAX];

static const struct api_support_type *support_default(const char *code)
{
    for (size_t i = 0; i < N_DEFAULTS; i++)
        if (strcmp(support_defaults[i].code, code) == 0)
            return &support_defaults[i];
    return NULL;
}

static bool support_code_ok(const char *c, size_t len)
{
    if (len == 0 || len > FORM_SUPPORT_MAX)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!((c[i] >= 'a' && c[i] <= 'z') || (c[i] >= '0' && c[i] <= '9') ||
              c[i] == '_' || c[i] == '-'))
            return false;
    return true;
}

int api_support_init(const char *codes,
                     const char *(*name)(void *arg, const char *code, bool arabic),
                     void *arg, char **cause)
{
    size_t n = 0;

    if (codes == NULL || codes[0] == '\0') {
        for (; n < N_DEFAULTS; n++)
            support_list[n] = support_defaults[n];
    } else {
        for (const char *p = codes; *p != '\0';) {
            size_t len = strcspn(p, ", ");
            if (len > 0) {
                if (!support_code_ok(p, len)) {
                    *cause = xasprintf("[support] types: bad code \"%.*s\" (a-z, 0-9, "
                                       "_ or -, up to %d)",
                                       (int)len, p, FORM_SUPPORT_MAX);
                    return -1;
                }
                if (n == API_SUPPORT_MAX) {
                    *cause = xasprintf("[support] types: more than %d", API_SUPPORT_MAX);
                    return -1;
                }
                char code[FORM_SUPPORT_MAX + 1] = {0};
                memcpy(code, p, len);
                struct api_support_type *s = &support_list[n++];
                memset(s, 0, sizeof *s);
                memcpy(s->code, code, sizeof s->code);
                const struct api_support_type *d = support_default(code);
                const char *ar = name ? name(arg, code, true) : NULL;
                const char *en = name ? name(arg, code, false) : NULL;
                snprintf(s->name_ar, sizeof s->name_ar, "%s",
                         ar && *ar ? ar : d ? d->name_ar : code);
                snprintf(s->name_en, sizeof s->name_en, "%s",
                         en && *en ? en : d ? d->name_en : code);
            }
            p += len;
            p += strspn(p, ", ");
        }
        if (n == 0) {
            *cause = xstrdup("[support] types: empty list");
            return -1;
        }
    }
    for (size_t i = 0; i < n; i++)
        support_codes[i] = support_list[i].code;
    api_settings.support_types = support_codes;
    api_settings.n_support_types = n;
    api_settings.support = support_list;
    return 0;
}

void api_support_types(struct http_req *r)
{
    json_t *a = json_array();

    for (size_t i = 0; i < api_settings.n_support_types; i++) {
        const struct api_support_type *s = &api_settings.support[i];
        json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "code", s->code, "name_ar",
                                           s->name_ar, "name_en", s->name_en));
    }
    http_reply_json(r, 200, a);
}
