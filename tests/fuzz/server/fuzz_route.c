/* fuzz_route — libFuzzer target for request routing and JSON body decoding.
 *
 * Input: "METHOD PATH\nCookie-header\nbody". The path is matched against the real
 * route table, the cookie line goes through the session-cookie parser, the body
 * through the depth-capped JSON decoder. Invariants checked: a match only happens for
 * a pattern whose method matches, and parameters never contain '/' nor overflow. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "json.h"
#include "route.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *in = xstrndup((const char *)data, size);
    char *line2 = strchr(in, '\n'), *body = NULL;
    char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX];
    char tok[AUTH_TOKEN_LEN + 1];
    const struct route *rt = NULL;

    if (line2 != NULL) {
        *line2++ = '\0';
        body = strchr(line2, '\n');
        if (body != NULL)
            *body++ = '\0';
        const char *t = auth_cookie_token(line2, tok);
        if (t != NULL && strlen(t) != AUTH_TOKEN_LEN)
            abort();
    }
    char *sp = strchr(in, ' ');
    if (sp != NULL) {
        *sp = '\0';
        if (route_find(in, sp + 1, &rt, params) == ROUTE_FOUND) {
            if (strcmp(rt->method, in) != 0)
                abort();
            for (int i = 0; i < ROUTE_MAX_PARAMS; i++)
                if (strlen(params[i]) >= ROUTE_PARAM_MAX)
                    abort();
            for (const char *p = rt->pattern; *p != '\0'; p++)
                if (*p == '{' && strchr(params[0], '/') != NULL)
                    abort();
        }
    }
    if (body != NULL) {
        size_t len = size - (size_t)(body - in);
        json_t *j = json_decode_body(body, len);
        if (j != NULL && !json_is_object(j))
            abort();
        json_decref(j);
    }
    free(in);
    return 0;
}
