/* post — see post.h. A fresh curl handle per request: the outbox sends rarely. */
#include "post.h"

#include <curl/curl.h>
#include <stdlib.h>

#include "util.h"

#define POST_REPLY_MAX (64 * 1024)

static size_t post_collect(char *data, size_t size, size_t n, void *arg)
{
    struct buf *b = arg;
    if (b->len + size * n > POST_REPLY_MAX)
        return 0; /* makes curl fail the transfer */
    buf_append(b, data, size * n);
    return size * n;
}

long post_json(const char *url, const char *token, const char *key, const char *body,
               size_t len, char **reply)
{
    *reply = NULL;
    CURL *c = curl_easy_init();
    if (c == NULL)
        return -1;
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    char *kh = xasprintf("Idempotency-Key: %s", key);
    h = curl_slist_append(h, kh);
    char *auth = NULL;
    if (token != NULL) {
        auth = xasprintf("Authorization: Bearer %s", token);
        h = curl_slist_append(h, auth);
    }
    struct buf b = {0};
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, post_collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 15000L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 3000L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    long status = -1;
    if (curl_easy_perform(c) == CURLE_OK) {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        *reply = b.data != NULL ? buf_take(&b) : xstrdup("");
    }
    buf_free(&b);
    curl_slist_free_all(h);
    free(kh);
    free(auth);
    curl_easy_cleanup(c);
    return status;
}
