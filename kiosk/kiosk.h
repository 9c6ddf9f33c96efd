/* kiosk — the state of the running kiosk program shared by its screens: window and
 * drawing context, language and digits, what the server last said, the ticket just
 * issued, the idle timer. Screens are one file each and export one struct screen,
 * the way tmux's commands each export one cmd_entry. Everything here runs on the UI
 * thread; the network worker talks to it only through SDL user events (worker.h). */
#ifndef DAWR_KIOSK_KIOSK_H
#define DAWR_KIOSK_KIOSK_H

#include <stdbool.h>
#include <stdint.h>

#include <SDL.h>

#include "draw.h"
#include "idle.h"
#include "keyboard.h"
#include "outbox.h"
#include "request.h"

struct kiosk;
struct signature;

struct screen {
    const char *name;
    /* The screen is shown (again); set up its state. May be NULL. */
    void (*enter)(struct kiosk *k);
    /* Paints the whole window. */
    void (*draw)(struct kiosk *k);
    /* A finger or mouse press at (@x, @y) in window pixels. */
    void (*tap)(struct kiosk *k, int x, int y);
    /* The finger moved while pressed (signature pad). May be NULL. */
    void (*drag)(struct kiosk *k, int x, int y);
    /* Called about every frame, for timers. May be NULL. */
    void (*tick)(struct kiosk *k, uint64_t now_ms);
};

extern const struct screen screen_home;
extern const struct screen screen_ticket;
extern const struct screen screen_request_docs;
extern const struct screen screen_request_form;
extern const struct screen screen_request_review;
extern const struct screen screen_request_declaration;
extern const struct screen screen_request_done;
extern const struct screen screen_status;
extern const struct screen screen_rating;

#define KIOSK_SERVICES_MAX 16

struct kiosk_service {
    char code[32];
    char prefix[8];
    char name_ar[128];
    char name_en[128];
    int waiting;
    bool needs_application;
};

enum kiosk_link {
    KIOSK_LINK_UNKNOWN, /* no answer yet since start */
    KIOSK_LINK_ONLINE,
    KIOSK_LINK_OFFLINE,
};

enum kiosk_print {
    KIOSK_PRINT_NONE,
    KIOSK_PRINT_BUSY,
    KIOSK_PRINT_DONE,
    KIOSK_PRINT_FAILED,
};

struct kiosk_ticket {
    char label[32];
    char token[72]; /* the server's per-ticket secret: rating, status page */
    char service_ar[128], service_en[128];
    int people_ahead;
    long wait_min_s, wait_max_s;
    enum kiosk_print print;
    char print_error_ar[160], print_error_en[160];
};

struct kiosk {
    SDL_Window *window;
    SDL_Renderer *renderer;
    struct draw *draw;
    int w, h;    /* window size in pixels */
    float scale; /* pixels per design pixel; the design is 1080 wide portrait */

    bool english;       /* UI language; Arabic unless switched */
    bool arabic_digits; /* ٠-٩ instead of 0-9 */

    const struct screen *screen;
    uint64_t screen_since_ms;

    struct kiosk_service services[KIOSK_SERVICES_MAX];
    size_t nservices;
    enum kiosk_link link;
    bool priority; /* the elderly/disabled/pregnant option on the home screen */

    bool issuing; /* a ticket request is on its way */
    char issue_error_ar[200], issue_error_en[200];
    struct kiosk_ticket ticket;

    /* The support request being filled in, its keyboard, and where finished ones
     * wait for the server. */
    struct request request;
    struct keyboard keyboard;
    struct outbox *outbox;   /* NULL: requests cannot be saved (shown as an error) */
    char submitted_key[33];  /* the last request saved */
    char submitted_ref[32];  /* its reference once the server answered */
    int request_service;     /* the service whose button started it, or -1 */
    char request_ticket[32]; /* the ticket issued with it, once there is one */
    bool submit_failed;
    /* Status lookup: the request number and the ID's last four digits typed, and
     * the answer (status only, never details). */
    struct field *status_ref, *status_last4;
    int status_focus; /* 0: reference, 1: last four */
    bool status_busy, status_ok;
    char status_ar[200], status_en[200];

    /* Tickets this kiosk issued (label → token), so a rating can be given by the
     * label on the ticket. Oldest overwritten first. */
    struct {
        char label[32];
        char token[72];
    } issued[256];
    size_t nissued;
    /* Rating: the label being typed, the score tapped, the answer. */
    char rating_prefix[8];
    struct field *rating_number;
    int rating_score; /* 0: not yet */
    int rating_state; /* 0: label, 1: faces, 2: sending, 3: thanks, 4: error */
    char rating_msg_ar[200], rating_msg_en[200];

    txt_font *fonts[3];          /* Arabic, Latin, symbols: for text fields */
    struct signature *signature; /* the strokes on the declaration screen */

    char server[256]; /* base URL, for the QR code of a ticket not printed */

    struct idle idle;
    struct kiosk_worker *worker; /* NULL with --sample */
    /* Screens still to draw off screen (warm.h), the texture they are drawn into,
     * and which services were last drawn so. */
    unsigned warm_queue;
    SDL_Texture *warm_target;
    uint64_t warm_hash;
    bool quit;
};

/* Shows @s from the next frame on. */
void kiosk_show(struct kiosk *k, const struct screen *s);
/* Milliseconds since the program started (SDL_GetTicks64). */
uint64_t kiosk_now(void);
/* Asks the worker for a ticket of service @i (or fakes one with --sample). */
void kiosk_issue_ticket(struct kiosk *k, size_t i);

#endif
