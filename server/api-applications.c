/* api-applications — support requests (طلب دعم): created at the kiosk (or by staff),
 * listed and read by staff, verified by reception, decided by the researcher, and
 * looked up by the beneficiary with reference + last four ID digits (status only).
 *
 * Who sees what: reception and researchers verify and decide, so they see the
 * national ID and mobile in full; every other role gets them masked. A kiosk's reply
 * never echoes anything personal back. */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "sse.h"

#define API_SIG_MAX (200 * 1024)

static bool api_app_sees_pii(const struct http_req *r)
{
    return r->who.kind == AUTH_STAFF &&
           (r->who.role & (ROLE_RECEPTION | ROLE_RESEARCHER));
}

static void api_mask_mobile(const char *m, char out[32])
{
    if (strlen(m) != FORM_MOBILE_LEN)
        snprintf(out, 32, "••••••••••");
    else
        snprintf(out, 32, "%.2s••••••%.2s", m, m + 8);
}

static json_t *api_app_json(const struct store_application *a, bool pii)
{
    char nid[FORM_MASKED_NID_SIZE], mob[32];

    if (pii) {
        snprintf(nid, sizeof nid, "%s", a->form.nid);
        snprintf(mob, sizeof mob, "%s", a->form.mobile);
    } else {
        form_mask_nid(a->form.nid, nid);
        api_mask_mobile(a->form.mobile, mob);
    }
    json_t *o = json_pack(
        "{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:i, s:I, s:s, s:s, s:s, s:b,"
        " s:b, s:b}",
        "id", (json_int_t)a->id, "reference", a->reference, "status",
        app_status_name(a->status), "status_ar", app_status_name_ar(a->status), "channel",
        app_channel_name(a->channel), "name", a->form.name, "nid", nid, "mobile", mob,
        "city", a->form.city, "district", a->form.district, "family_members",
        a->form.family_members, "income", (json_int_t)a->form.income, "housing",
        form_housing_name(a->form.housing), "support_type", a->form.support_type, "notes",
        a->form.notes, "declaration", a->form.declaration, "overdue", a->overdue,
        "has_signature", a->has_signature);
    json_object_set_new(o, "nid_masked", json_boolean(!pii));
    json_object_set_new(o, "submitted_at", api_time(a->submitted_at));
    json_object_set_new(o, "due_at", api_time(a->due_at));
    json_object_set_new(o, "updated_at", api_time(a->updated_at));
    json_object_set_new(o, "verified_at", api_time(a->verified_at));
    json_object_set_new(o, "verified_by",
                        a->verified_by ? json_integer(a->verified_by) : json_null());
    json_object_set_new(o, "decided_at", api_time(a->decided_at));
    json_object_set_new(o, "decided_by",
                        a->decided_by ? json_integer(a->decided_by) : json_null());
    json_object_set_new(o, "note", json_string(a->note));
    json_object_set_new(o, "ticket_id",
                        a->ticket_id ? json_integer(a->ticket_id) : json_null());
    json_object_set_new(o, "duplicate_of",
                        a->duplicate_of ? json_integer(a->duplicate_of) : json_null());
    return o;
}

/* Reads an integer field that may come as a JSON number or a typed string. */
static bool api_app_int(json_t *body, const char *key, long long *out)
{
    json_t *v = json_object_get(body, key);

    if (json_is_integer(v)) {
        *out = json_integer_value(v);
        return true;
    }
    if (json_is_string(v)) {
        int64_t n;
        if (form_parse_income(json_string_value(v), &n) != FORM_OK)
            return false;
        *out = n;
        return true;
    }
    return false;
}

void api_applications_create(struct http_req *r)
{
    struct form_input in = {0};
    struct form_app app;
    enum form_err errs[FORM_ERR__COUNT];
    struct store_application out;
    const char *idem = http_header(r, "Idempotency-Key"), *sig64;
    unsigned char *sig = NULL;
    size_t sig_len = 0;
    bool replayed = false;
    long long fam = 0, inc = -1;

    if (!api_need_body(r))
        return;
    if (idem != NULL && (strlen(idem) == 0 || strlen(idem) > 128)) {
        http_reply_bad_request(r, "Idempotency-Key");
        return;
    }
    in.name = json_get_str(r->json, "name", NULL);
    in.nid = json_get_str(r->json, "nid", NULL);
    in.mobile = json_get_str(r->json, "mobile", NULL);
    in.city = json_get_str(r->json, "city", NULL);
    in.district = json_get_str(r->json, "district", NULL);
    if (!api_app_int(r->json, "family_members", &fam))
        fam = 0;
    in.family_members = fam;
    if (!api_app_int(r->json, "income", &inc)) {
        http_reply_error(r, 400, form_err_code(FORM_ERR_INCOME_FORMAT),
                         form_err_message_ar(FORM_ERR_INCOME_FORMAT),
                         form_err_message_en(FORM_ERR_INCOME_FORMAT), "income");
        return;
    }
    in.income = inc;
    in.housing = json_get_str(r->json, "housing", NULL);
    in.support_type = json_get_str(r->json, "support_type", NULL);
    in.notes = json_get_str(r->json, "notes", NULL);
    in.declaration = json_get_bool(r->json, "declaration", false);
    size_t n = form_validate(&in, api_settings.support_types,
                             api_settings.n_support_types, &app, errs, FORM_ERR__COUNT);
    if (n > 0) {
        json_t *e = json_error_new(form_err_code(errs[0]), form_err_message_ar(errs[0]),
                                   form_err_message_en(errs[0]), form_err_field(errs[0]));
        json_t *all = json_array();
        for (size_t i = 0; i < n && i < FORM_ERR__COUNT; i++)
            json_array_append_new(all,
                                  json_pack("{s:s, s:s}", "error", form_err_code(errs[i]),
                                            "field", form_err_field(errs[i])));
        json_object_set_new(e, "errors", all);
        http_reply_json(r, 400, e);
        return;
    }
    sig64 = json_get_str(r->json, "signature_png", NULL);
    if (sig64 != NULL) {
        sig = xmalloc(API_SIG_MAX);
        if (sodium_base642bin(sig, API_SIG_MAX, sig64, strlen(sig64), NULL, &sig_len,
                              NULL, sodium_base64_VARIANT_ORIGINAL) != 0) {
            free(sig);
            http_reply_bad_request(r, "signature_png");
            return;
        }
    }
    enum store_err e = store_application_create(
        api_store, &app,
        r->who.kind == AUTH_DEVICE ? APP_CHANNEL_KIOSK : APP_CHANNEL_STAFF,
        r->who.kind == AUTH_DEVICE ? r->who.id : 0, idem,
        json_get_int(r->json, "ticket_id", 0), sig, sig_len, &out, &replayed);
    free(sig);
    sodium_memzero(&app, sizeof app);
    if (!api_store_ok(r, e))
        return;
    sse_notify();
    json_t *o = r->who.kind == AUTH_DEVICE ? json_object()
                                           : api_app_json(&out, api_app_sees_pii(r));
    json_object_set_new(o, "id", json_integer(out.id));
    json_object_set_new(o, "reference", json_string(out.reference));
    json_object_set_new(o, "status", json_string(app_status_name(out.status)));
    json_object_set_new(o, "due_at", api_time(out.due_at));
    json_object_set_new(o, "replayed", json_boolean(replayed));
    sodium_memzero(&out, sizeof out);
    http_reply_json(r, replayed ? 200 : 201, o);
}

void api_applications_list(struct http_req *r)
{
    struct store_app_filter f = {.status = -1};
    const char *s;
    struct store_application *list;
    size_t n;

    if ((s = http_query(r, "status")) != NULL) {
        enum app_status st;
        if (!app_status_parse(s, &st)) {
            http_reply_bad_request(r, "status");
            return;
        }
        f.status = (int)st;
    }
    f.open_only = (s = http_query(r, "open")) != NULL && strcmp(s, "1") == 0;
    f.overdue_only = (s = http_query(r, "overdue")) != NULL && strcmp(s, "1") == 0;
    /* Searching by national ID is itself a disclosure: only roles that see IDs. */
    if ((s = http_query(r, "nid")) != NULL) {
        if (!api_app_sees_pii(r)) {
            http_reply_error(r, 403, "forbidden", "ليست لديك صلاحية لهذا الإجراء",
                             "You are not allowed to do this", "nid");
            return;
        }
        f.nid = s;
    }
    if ((s = http_query(r, "limit")) != NULL)
        f.limit = (size_t)strtoul(s, NULL, 10) > 500 ? 500 : (size_t)strtoul(s, NULL, 10);
    if ((s = http_query(r, "offset")) != NULL)
        f.offset = (size_t)strtoul(s, NULL, 10);
    if (!api_store_ok(r, store_applications_list(api_store, &f, &list, &n)))
        return;
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(a, api_app_json(&list[i], api_app_sees_pii(r)));
    sodium_memzero(list, n * sizeof *list);
    free(list);
    http_reply_json(r, 200, json_pack("{s:o}", "applications", a));
}

void api_applications_get(struct http_req *r)
{
    struct store_application a;
    int64_t id;

    if (!api_param_id(r, 0, &id) ||
        !api_store_ok(r, store_application_get(api_store, id, &a)))
        return;
    http_reply_json(r, 200, api_app_json(&a, api_app_sees_pii(r)));
    sodium_memzero(&a, sizeof a);
}

void api_applications_signature(struct http_req *r)
{
    void *png;
    size_t len;
    int64_t id;

    if (!api_param_id(r, 0, &id) ||
        !api_store_ok(r, store_application_signature(api_store, id, &png, &len)))
        return;
    http_reply_data(r, 200, "image/png", png, len);
    free(png);
}

static void api_app_move(struct http_req *r, enum app_status to)
{
    struct store_application a;
    const char *note = r->json != NULL ? json_get_str(r->json, "note", NULL) : NULL;
    int64_t id;

    if (note != NULL && strlen(note) >= sizeof a.note) {
        http_reply_bad_request(r, "note");
        return;
    }
    if (!api_param_id(r, 0, &id) ||
        !api_store_ok(r, store_application_set_status(api_store, id, to, api_staff_id(r),
                                                      note, &a)))
        return;
    sse_notify();
    http_reply_json(r, 200, api_app_json(&a, api_app_sees_pii(r)));
    sodium_memzero(&a, sizeof a);
}

void api_applications_verify(struct http_req *r)
{
    api_app_move(r, APP_VERIFIED);
}

void api_applications_decide(struct http_req *r)
{
    enum app_status to;
    const char *d;

    if (!api_need_body(r))
        return;
    d = json_get_str(r->json, "decision", NULL);
    if (d == NULL || !app_status_parse(d, &to) ||
        (to != APP_ACCEPTED && to != APP_REJECTED && to != APP_NEEDS_INFO &&
         to != APP_UNDER_REVIEW)) {
        http_reply_bad_request(r, "decision");
        return;
    }
    api_app_move(r, to);
}

/* Public: reference + last four digits of the ID give the status and nothing else.
 * Failures count against the caller's address like failed logins. */
void api_applications_lookup(struct http_req *r)
{
    const char *ref, *last4;
    enum app_status st;
    char key[96];

    if (!api_need_body(r))
        return;
    ref = json_get_str(r->json, "reference", NULL);
    last4 = json_get_str(r->json, "last4", NULL);
    if (ref == NULL || strlen(ref) >= APP_REF_SIZE) {
        http_reply_bad_request(r, "reference");
        return;
    }
    if (last4 == NULL || strlen(last4) != 4 || strspn(last4, "0123456789") != 4) {
        http_reply_bad_request(r, "last4");
        return;
    }
    snprintf(key, sizeof key, "lookup@%s", r->peer != NULL ? r->peer : "");
    if (!auth_login_allowed(key, r->peer)) {
        http_reply_error(r, 429, "rate_limited", "محاولات كثيرة، حاول لاحقاً",
                         "Too many attempts; try again later", NULL);
        return;
    }
    enum store_err e = store_application_status_lookup(api_store, ref, last4, &st);
    if (e == STORE_ERR_NOT_FOUND)
        auth_login_failed(key, r->peer);
    if (!api_store_ok(r, e))
        return;
    http_reply_json(r, 200,
                    json_pack("{s:s, s:s, s:s}", "reference", ref, "status",
                              app_status_name(st), "status_ar", app_status_name_ar(st)));
}
