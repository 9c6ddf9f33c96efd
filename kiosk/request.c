/* request — see request.h. The questions follow the paper form's order: who you are
 * (name, ID, mobile), where you live, your household, then what you ask for. */
#include "request.h"

#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "outbox.h"
#include "util.h"

static const struct request_choice housing[] = {
    {"owned", "ملك", "Owned"},
    {"rented", "إيجار", "Rented"},
    {"other", "أخرى", "Other"},
    {NULL, NULL, NULL},
};

/* The server's built-in list, offered until GET /api/support-types answers (and
 * whenever the server cannot be reached); request_set_support_types() replaces it.
 * The server's strings are copied into support_store. */
static struct request_support_type support_store[REQUEST_SUPPORT_MAX];
static struct request_choice support[REQUEST_SUPPORT_MAX + 1] = {
    {"food", "سلة غذائية", "Food basket"},
    {"rent", "مساعدة في الإيجار", "Help with rent"},
    {"bills", "سداد فواتير", "Paying bills"},
    {"medical", "علاج", "Medical treatment"},
    {"education", "دعم تعليمي", "Education support"},
    {"other", "أخرى", "Other"},
    {NULL, NULL, NULL},
};

#define TEXT(k, ar, en, har, hen, max, layer, num, opt)                                  \
    {                                                                                    \
        k, ar, en, har, hen, REQUEST_TEXT, max, layer, num, opt, NULL                    \
    }
#define CHOICE(k, ar, en, list)                                                          \
    {                                                                                    \
        k, ar, en, NULL, NULL, REQUEST_CHOICE, 0, 0, false, false, list                  \
    }

const struct request_step request_steps[REQUEST_STEPS] = {
    TEXT("name", "الاسم الرباعي", "Full name (four parts)",
         "مثال: سارة محمد عبدالله القحطاني", "e.g. Sara Mohammed Abdullah Alqahtani", 80,
         KEYBOARD_ARABIC, false, false),
    TEXT("nid", "رقم الهوية أو الإقامة", "National ID or iqama number", "عشرة أرقام",
         "Ten digits", 10, KEYBOARD_DIGITS_ONLY, false, false),
    TEXT("mobile", "رقم الجوال", "Mobile number", "مثال: 0512345678", "e.g. 0512345678",
         10, KEYBOARD_DIGITS_ONLY, false, false),
    TEXT("city", "المدينة", "City", "مثال: خميس مشيط", "e.g. Khamis Mushait", 40,
         KEYBOARD_ARABIC, false, false),
    TEXT("district", "الحي", "District", "مثال: حي الراقي", "e.g. Al Raqi", 40,
         KEYBOARD_ARABIC, false, false),
    TEXT("family_members", "عدد أفراد الأسرة", "Family members", "من ١ إلى ٣٠",
         "From 1 to 30", 2, KEYBOARD_DIGITS_ONLY, true, false),
    TEXT("income", "الدخل الشهري بالريال", "Monthly income (SAR)",
         "اكتب ٠ إن لم يكن هناك دخل", "Write 0 if there is no income", 7,
         KEYBOARD_DIGITS_ONLY, true, false),
    CHOICE("housing", "السكن", "Housing", housing),
    CHOICE("support_type", "نوع الدعم المطلوب", "Support needed", support),
    TEXT("notes", "ملاحظات (اختياري)", "Notes (optional)", "ما تود أن يعرفه الموظف",
         "Anything the staff should know", 300, KEYBOARD_ARABIC, false, true),
};

static size_t support_step(void)
{
    size_t i = 0;
    while (i < REQUEST_STEPS && request_steps[i].choices != support)
        i++;
    return i;
}

bool request_set_support_types(struct request *r, const struct request_support_type *t,
                               size_t n)
{
    if (n > REQUEST_SUPPORT_MAX)
        n = REQUEST_SUPPORT_MAX;
    if (n == 0)
        return false;
    bool same = true;
    for (size_t i = 0; i < n && same; i++)
        same = support[i].code != NULL && strcmp(support[i].code, t[i].code) == 0 &&
               strcmp(support[i].ar, t[i].ar) == 0 && strcmp(support[i].en, t[i].en) == 0;
    if (same && support[n].code == NULL)
        return false;
    size_t step = support_step();
    char chosen[sizeof t->code] = "";
    if (r != NULL && step < REQUEST_STEPS && r->choice[step] >= 0)
        snprintf(chosen, sizeof chosen, "%s", support[r->choice[step]].code);
    for (size_t i = 0; i < n; i++) {
        support_store[i] = t[i];
        support[i] = (struct request_choice){support_store[i].code, support_store[i].ar,
                                             support_store[i].en};
    }
    support[n] = (struct request_choice){NULL, NULL, NULL};
    if (r != NULL && step < REQUEST_STEPS) {
        r->choice[step] = -1;
        for (size_t i = 0; i < n; i++)
            if (strcmp(support[i].code, chosen) == 0)
                r->choice[step] = (int)i;
    }
    return true;
}

void request_init(struct request *r)
{
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        r->choice[i] = -1;
        if (request_steps[i].kind == REQUEST_TEXT)
            r->fields[i] = field_create(request_steps[i].max_chars);
    }
    outbox_new_key(r->key);
}

static void request_drop_signature(struct request *r)
{
    if (r->signature != NULL) {
        sodium_memzero(r->signature, r->signature_len);
        free(r->signature);
    }
    r->signature = NULL;
    r->signature_len = 0;
}

void request_free(struct request *r)
{
    request_drop_signature(r);
    for (size_t i = 0; i < REQUEST_STEPS; i++)
        field_destroy(r->fields[i]);
    memset(r, 0, sizeof *r);
}

void request_wipe(struct request *r)
{
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        if (r->fields[i] != NULL)
            field_wipe(r->fields[i]);
        r->choice[i] = -1;
    }
    request_drop_signature(r);
    r->step = 0;
    outbox_new_key(r->key);
}

void request_set_signature(struct request *r, unsigned char *png, size_t len)
{
    request_drop_signature(r);
    r->signature = png;
    r->signature_len = len;
}

/* The answer with Arabic-Indic digits made ASCII, as the server stores them.
 * Caller frees. */
static char *request_ascii(const struct request *r, size_t i)
{
    return form_ascii_digits(field_text(r->fields[i], NULL));
}

static int request_check_number(const char *s, long long *out)
{
    if (*s == '\0' || strlen(s) > 9)
        return -1;
    long long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 0;
}

int request_check(const struct request *r, size_t i)
{
    const struct request_step *st = &request_steps[i];
    if (st->kind == REQUEST_CHOICE)
        return r->choice[i] >= 0
                   ? FORM_OK
                   : (strcmp(st->key, "housing") == 0 ? FORM_ERR_HOUSING
                                                      : FORM_ERR_SUPPORT_TYPE);
    char *s = request_ascii(r, i);
    char name[FORM_NAME_MAX + 1], nid[FORM_NID_LEN + 1], mob[FORM_MOBILE_LEN + 1];
    char place[FORM_PLACE_MAX + 1], notes[FORM_NOTES_MAX + 1];
    long long n = 0;
    int e = FORM_OK;
    if (strcmp(st->key, "name") == 0)
        e = form_check_name(s, name);
    else if (strcmp(st->key, "nid") == 0)
        e = form_check_nid(s, nid);
    else if (strcmp(st->key, "mobile") == 0)
        e = form_check_mobile(s, mob);
    else if (strcmp(st->key, "city") == 0)
        e = form_check_city(s, place);
    else if (strcmp(st->key, "district") == 0)
        e = form_check_district(s, place);
    else if (strcmp(st->key, "family_members") == 0)
        e = request_check_number(s, &n) == 0 ? form_check_family(n)
                                             : FORM_ERR_FAMILY_RANGE;
    else if (strcmp(st->key, "income") == 0)
        e = request_check_number(s, &n) == 0 ? form_check_income(n)
                                             : FORM_ERR_INCOME_FORMAT;
    else if (strcmp(st->key, "notes") == 0)
        e = form_check_notes(s, notes);
    sodium_memzero(name, sizeof name);
    sodium_memzero(nid, sizeof nid);
    sodium_memzero(mob, sizeof mob);
    sodium_memzero(place, sizeof place);
    sodium_memzero(notes, sizeof notes);
    sodium_memzero(s, strlen(s));
    free(s);
    return e;
}

const char *request_answer(const struct request *r, size_t i, bool english)
{
    const struct request_step *st = &request_steps[i];
    if (st->kind == REQUEST_CHOICE) {
        if (r->choice[i] < 0)
            return "";
        return english ? st->choices[r->choice[i]].en : st->choices[r->choice[i]].ar;
    }
    return field_text(r->fields[i], NULL);
}

char *request_json(const struct request *r)
{
    for (size_t i = 0; i < REQUEST_STEPS; i++)
        if (request_check(r, i) != FORM_OK)
            return NULL;
    json_t *o = json_object();
    for (size_t i = 0; i < REQUEST_STEPS; i++) {
        const struct request_step *st = &request_steps[i];
        if (st->kind == REQUEST_CHOICE) {
            json_object_set_new(o, st->key, json_string(st->choices[r->choice[i]].code));
            continue;
        }
        char *s = request_ascii(r, i);
        long long n;
        if (st->number && request_check_number(s, &n) == 0)
            json_object_set_new(o, st->key, json_integer(n));
        else if (!(st->optional && *s == '\0'))
            json_object_set_new(o, st->key, json_string(s));
        sodium_memzero(s, strlen(s));
        free(s);
    }
    json_object_set_new(o, "declaration", json_true());
    if (r->signature != NULL) {
        size_t n =
            sodium_base64_encoded_len(r->signature_len, sodium_base64_VARIANT_ORIGINAL);
        char *b64 = xmalloc(n);
        sodium_bin2base64(b64, n, r->signature, r->signature_len,
                          sodium_base64_VARIANT_ORIGINAL);
        json_object_set_new(o, "signature_png", json_string(b64));
        free(b64);
    }
    char *out = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
    /* jansson's own copies of the strings are freed without wiping; kept short-lived */
    json_decref(o);
    return out;
}
