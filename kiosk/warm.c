/* warm — see warm.h. A step draws one screen in one language, in the states whose
 * text differs (ticket in each service, each print state; each form step; each
 * keyboard layer), into a tiny texture: the glyphs are rasterised into the atlas and
 * the layouts cached whatever the target, and a small target costs no pixel fill.
 * The kiosk state is copied before and restored after, so a step changes nothing
 * but the caches. Numbers are drawn as 1234567890 so every digit is met once. */
#include "warm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk.h"
#include "field.h"
#include "ui.h"
#include "util.h"
#include "widget.h"

static const struct screen *const warm_screens[] = {
    &screen_home,         &screen_ticket,         &screen_request_docs,
    &screen_request_form, &screen_request_review, &screen_request_declaration,
    &screen_request_done, &screen_status,         &screen_rating,
};
#define WARM_SCREENS (sizeof warm_screens / sizeof warm_screens[0])
/* bit 2 * screen + language (0 Arabic, 1 English) */
#define WARM_BIT(s, en) (1u << (2 * (s) + (en)))

void warm_all(struct kiosk *k)
{
    k->warm_queue = (1u << (2 * WARM_SCREENS)) - 1;
}

/* FNV-1a over what the home and ticket screens show of the services, not counts. */
static uint64_t warm_hash(const struct kiosk *k)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < k->nservices; i++) {
        const struct kiosk_service *s = &k->services[i];
        const char *parts[3] = {s->prefix, s->name_ar, s->name_en};
        for (int j = 0; j < 3; j++)
            for (const char *p = parts[j]; *p != '\0'; p++)
                h = (h ^ (unsigned char)*p) * 1099511628211u;
        h = (h ^ 0xFF) * 1099511628211u;
    }
    return h;
}

void warm_services(struct kiosk *k)
{
    uint64_t h = warm_hash(k);
    if (h == k->warm_hash)
        return;
    k->warm_hash = h;
    k->warm_queue |= WARM_BIT(0, 0) | WARM_BIT(0, 1) | WARM_BIT(1, 0) | WARM_BIT(1, 1);
}

bool warm_pending(const struct kiosk *k)
{
    return k->warm_queue != 0;
}

static void warm_draw(struct kiosk *k)
{
    SDL_SetRenderDrawColor(k->renderer, ui_bg.r, ui_bg.g, ui_bg.b, 0xFF);
    SDL_RenderClear(k->renderer);
    k->screen->draw(k);
}

static void warm_home(struct kiosk *k)
{
    warm_draw(k);
    for (size_t i = 0; i < k->nservices; i++)
        k->services[i].waiting = 1234567890;
    k->priority = true;
    warm_draw(k);
    k->link = KIOSK_LINK_OFFLINE;
    warm_draw(k);
}

static void warm_ticket(struct kiosk *k)
{
    struct kiosk_ticket *t = &k->ticket;
    memset(t, 0, sizeof *t);
    t->people_ahead = 1234567890;
    t->wait_min_s = 60L * 1234;
    t->wait_max_s = 60L * 567890;
    t->print = KIOSK_PRINT_BUSY;
    for (size_t i = 0; i < k->nservices || i == 0; i++) {
        const struct kiosk_service *s = i < k->nservices ? &k->services[i] : NULL;
        snprintf(t->label, sizeof t->label, "%s-1234567890", s ? s->prefix : "A");
        snprintf(t->service_ar, sizeof t->service_ar, "%s", s ? s->name_ar : "");
        snprintf(t->service_en, sizeof t->service_en, "%s", s ? s->name_en : "");
        warm_draw(k);
    }
    /* the other wordings: next, one, two, a few; one wait; each print state */
    static const int ahead[] = {0, 1, 2, 5};
    for (size_t i = 0; i < sizeof ahead / sizeof ahead[0]; i++) {
        t->people_ahead = ahead[i];
        t->wait_max_s = t->wait_min_s;
        t->print = i % 2 ? KIOSK_PRINT_DONE : KIOSK_PRINT_FAILED;
        warm_draw(k);
    }
}

static void warm_keyboards(struct kiosk *k)
{
    for (int l = 0; l < KEYBOARD_LAYERS; l++) {
        keyboard_init(&k->keyboard, (enum keyboard_layer)l);
        warm_draw(k);
    }
}

/* What typing shows in a text box: every key's text, alone and thrice joined (the
 * Arabic letters' isolated, initial, medial and final forms), at the box's size,
 * in a field of its own; a row at a time. */
static void warm_typing(struct kiosk *k)
{
    struct field *f = field_create(512);
    for (int digits_only = 0; digits_only < 2; digits_only++) {
        textbox_style(k, f, digits_only);
        for (int l = 0; l < KEYBOARD_LAYERS; l++) {
            for (size_t r = 0; r < keyboard_rows((enum keyboard_layer)l); r++) {
                size_t n;
                const struct keyboard_key *key =
                    keyboard_row((enum keyboard_layer)l, r, &n);
                char buf[2048];
                size_t len = 0;
                for (size_t i = 0; i < n; i++)
                    if (key[i].action == KEYBOARD_INSERT && key[i].insert != NULL &&
                        len < sizeof buf)
                        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s %s%s%s ",
                                                key[i].insert, key[i].insert,
                                                key[i].insert, key[i].insert);
                if (len < sizeof buf && field_set_text(f, buf))
                    draw_layout(k->draw, field_layout(f), ui_px(k, 56), 0, 0, ui_ink);
            }
        }
    }
    field_destroy(f);
}

static void warm_bit(struct kiosk *k, unsigned bit)
{
    k->warm_queue &= ~(1u << bit);
    if (k->warm_target == NULL)
        k->warm_target = SDL_CreateTexture(k->renderer, SDL_PIXELFORMAT_RGB888,
                                           SDL_TEXTUREACCESS_TARGET, 8, 8);
    if (k->warm_target == NULL || SDL_SetRenderTarget(k->renderer, k->warm_target) != 0)
        return; /* no warm-up: the first frames are slower, nothing worse */

    /* A copy of the whole state, put back at the end: only the caches stay warm. */
    struct kiosk *saved = xmalloc(sizeof *saved);
    memcpy(saved, k, sizeof *saved);
    const struct screen *s = warm_screens[bit / 2];
    k->english = bit % 2;
    k->screen = s;
    if (s == &screen_request_form) {
        for (size_t step = 0; step < REQUEST_STEPS; step++) {
            k->request.step = step;
            s->enter(k);
            warm_draw(k);
        }
        warm_keyboards(k);
        warm_typing(k);
    } else {
        if (s->enter != NULL)
            s->enter(k);
        if (s == &screen_home)
            warm_home(k);
        else if (s == &screen_ticket)
            warm_ticket(k);
        else if (s == &screen_status || s == &screen_rating)
            warm_keyboards(k);
        else
            warm_draw(k);
    }
    memcpy(k, saved, sizeof *saved);
    free(saved);
    SDL_SetRenderTarget(k->renderer, NULL);
}

void warm_step(struct kiosk *k)
{
    if (k->warm_queue == 0)
        return;
    unsigned bit = 0;
    while (!(k->warm_queue & (1u << bit)))
        bit++;
    warm_bit(k, bit);
}

void warm_screen(struct kiosk *k, const struct screen *s)
{
    for (unsigned i = 0; i < WARM_SCREENS; i++)
        if (warm_screens[i] == s)
            for (unsigned en = 0; en < 2; en++)
                if (k->warm_queue & WARM_BIT(i, en))
                    warm_bit(k, 2 * i + en);
}

void warm_free(struct kiosk *k)
{
    if (k->warm_target != NULL)
        SDL_DestroyTexture(k->warm_target);
    k->warm_target = NULL;
}
