/* api-ratings — a beneficiary rates the service of a finished ticket (1–5). The
 * ticket's public token is the credential, as for its status page. */
#include "api.h"

#include <string.h>

#include "sse.h"

void api_ratings_add(struct http_req *r)
{
    struct store_ticket_view v;
    struct store_rating out;
    const char *token, *comment;
    long long score;

    if (!api_need_body(r))
        return;
    token = json_get_str(r->json, "token", NULL);
    score = json_get_int(r->json, "score", 0);
    comment = json_get_str(r->json, "comment", NULL);
    if (token == NULL || strlen(token) != QUEUE_TOKEN_SIZE - 1) {
        http_reply_bad_request(r, "token");
        return;
    }
    if (score < 1 || score > 5) {
        http_reply_bad_request(r, "score");
        return;
    }
    if (comment != NULL && strlen(comment) >= sizeof out.comment) {
        http_reply_bad_request(r, "comment");
        return;
    }
    if (!api_store_ok(r, store_ticket_by_token(api_store, token, &v)))
        return;
    /* Transferred tickets are rated on the ticket that finished; that is the one
     * whose token the beneficiary holds after the transfer. */
    enum store_err e = store_rating_add(api_store, v.t.id, (int)score, comment, &out);
    if (e == STORE_ERR_STATE) {
        http_reply_error(r, 409, "not_done", "يمكن التقييم بعد انتهاء الخدمة",
                         "A ticket can be rated once its service is done", NULL);
        return;
    }
    if (!api_store_ok(r, e))
        return;
    sse_notify();
    http_reply_json(r, 201,
                    json_pack("{s:I, s:s, s:i}", "id", (json_int_t)out.id, "label",
                              v.t.label, "score", out.score));
}
