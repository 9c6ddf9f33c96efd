/* http — one blocking HTTP request with libcurl: bearer token, JSON body, extra
 * headers (an Idempotency-Key), timeouts, a capped reply body. This file and
 * stream.c are the only ones that include curl. */
#include "net.h"

#include <curl/curl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct sink {
    struct buf body;
    size_t max;
    bool overflow;
};

int net_init(void)
{
    return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void net_cleanup(void)
{
    curl_global_cleanup();
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *arg)
{
    struct sink *s = arg;
    size_t n = size * nmemb;
    if (s->body.len + n > s->max) {
        s->overflow = true;
        return 0; /* makes curl fail with CURLE_WRITE_ERROR */
    }
    buf_append(&s->body, ptr, n);
    return n;
}

int net_request(const struct net_request *req, struct net_reply *reply, char **cause)
{
    struct sink s = {.max = req->max_body ? req->max_body : 4u << 20};
    struct curl_slist *hdrs = NULL;
    char *auth = NULL;
    int rc = -1;

    memset(reply, 0, sizeof *reply);
    CURL *c = curl_easy_init();
    if (c == NULL) {
        *cause = xstrdup("cannot create a curl handle");
        return -1;
    }
    curl_easy_setopt(c, CURLOPT_URL, req->url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); /* we are on a worker thread */
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, req->timeout_ms ? req->timeout_ms : 10000L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
    if (req->method)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, req->method);
    if (req->token) {
        auth = xasprintf("Authorization: Bearer %s", req->token);
        hdrs = curl_slist_append(hdrs, auth);
    }
    if (req->json_body) {
        hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->json_body);
        if (req->body_len)
            curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
    }
    for (const char *const *h = req->headers; h != NULL && *h != NULL; h++)
        hdrs = curl_slist_append(hdrs, *h);
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);

    CURLcode res = curl_easy_perform(c);
    if (s.overflow) {
        *cause = xasprintf("reply body larger than %zu bytes", s.max);
    } else if (res != CURLE_OK) {
        *cause = xasprintf("%s", curl_easy_strerror(res));
    } else {
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply->status);
        if (s.body.data == NULL)
            buf_append(&s.body, "", 0);
        reply->len = s.body.len;
        reply->body = buf_take(&s.body);
        rc = 0;
    }
    buf_free(&s.body);
    curl_slist_free_all(hdrs);
    free(auth);
    curl_easy_cleanup(c);
    return rc;
}

void net_reply_free(struct net_reply *reply)
{
    if (reply == NULL)
        return;
    free(reply->body);
    reply->body = NULL;
    reply->len = 0;
}
