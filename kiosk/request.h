/* request — the support request (طلب دعم مستفيد) a beneficiary fills in at the kiosk:
 * the questions in order, their answers, the signature, and the JSON sent to
 * POST /api/applications. No SDL: the request-* screens show it.
 *
 * Everything here is personal data. request_wipe() zeroes it all; the idle timer
 * calls it, and so does finishing or cancelling the request. */
#ifndef DAWR_KIOSK_REQUEST_H
#define DAWR_KIOSK_REQUEST_H

#include <stdbool.h>
#include <stddef.h>

#include "field.h"
#include "keyboard.h"

enum request_kind {
    REQUEST_TEXT,   /* typed with the on-screen keyboard */
    REQUEST_CHOICE, /* one of a few big buttons */
};

struct request_choice {
    const char *code; /* what is sent */
    const char *ar, *en;
};

/* One question of the form. */
struct request_step {
    const char *key;               /* JSON member */
    const char *ar, *en;           /* the question */
    const char *hint_ar, *hint_en; /* an example, under the field */
    enum request_kind kind;
    size_t max_chars;
    enum keyboard_layer layer; /* the keyboard it starts with */
    bool number;               /* sent as a JSON integer */
    bool optional;
    const struct request_choice *choices; /* REQUEST_CHOICE, NULL-code terminated */
};

/* The kinds of support offered: the server's GET /api/support-types once it has
 * answered, else a built-in list (the server's own defaults). */
#define REQUEST_SUPPORT_MAX 8 /* as many as the form screen shows */
struct request_support_type {
    char code[32], ar[96], en[96];
};

#define REQUEST_STEPS 10
extern const struct request_step request_steps[REQUEST_STEPS];

struct request {
    struct field *fields[REQUEST_STEPS]; /* text answers (NULL for choice steps) */
    int choice[REQUEST_STEPS];           /* index into choices, -1 if none yet */
    size_t step;                         /* the question on screen */
    unsigned char *signature;            /* PNG, or NULL */
    size_t signature_len;
    char key[33]; /* idempotency key, new for each request */
};

/* Replaces the support types offered with @n (≥ 1, at most REQUEST_SUPPORT_MAX are
 * kept) from the server; @r's answer is kept when its code is still offered, else
 * cleared. Returns true if the list changed. UI thread only. */
bool request_set_support_types(struct request *r, const struct request_support_type *t,
                               size_t n);

void request_init(struct request *r);
void request_free(struct request *r);
/* Zeroes every answer and the signature, back to the first question, new key. */
void request_wipe(struct request *r);
/* Takes @png (malloc'd) as the signature; the old one is wiped. */
void request_set_signature(struct request *r, unsigned char *png, size_t len);

/* Checks the answer to question @i with common/form, the server's own rules.
 * Returns FORM_OK (0) or a form_err; its messages are form_err_message_ar/en. */
int request_check(const struct request *r, size_t i);
/* The answer to question @i as shown on the review screen (@english picks the
 * language of choice answers). Borrowed. */
const char *request_answer(const struct request *r, size_t i, bool english);
/* The body for POST /api/applications (declaration accepted, signature in base64).
 * Caller wipes and frees it. NULL if an answer does not pass request_check(). */
char *request_json(const struct request *r);

#endif
