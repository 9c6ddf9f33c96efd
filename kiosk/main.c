/* main — dawr-kiosk: options and config, the SDL window, and the event loop that
 * hands taps to the current screen, results from the worker to the kiosk state, and
 * runs the idle timer (DESIGN.md §6). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "signature.h"
#include "stats.h"
#include "warm.h"
#include "kiosk.h"
#include "net.h"
#include "ui.h"
#include "worker.h"
#include "util.h"

static const char usage[] =
    "usage: dawr-kiosk [options]\n"
    "  --config FILE      settings file (default $DAWR_CONFIG or /etc/dawr/dawr.ini)\n"
    "  --server URL       dawr-server base URL ([kiosk] server)\n"
    "  --token TOKEN      this kiosk's device token ([kiosk] token)\n"
    "  --printer DEVICE   usb:auto, usb:VID:PID, file:PATH, tcp:HOST:PORT, png:DIR\n"
    "  --window WxH       a window of that size instead of full screen\n"
    "  --language ar|en   language of the first screen ([kiosk] language)\n"
    "  --screenshot FILE  draw the first screen once, save it as PNG and exit\n"
    "  --outbox DIR       where support requests wait for the server ([kiosk] outbox)\n"
    "  --screen NAME      start on screen NAME (home, ticket, request-docs,\n"
    "                     request-form, request-review, request-declaration,\n"
    "                     request-done); for screenshots\n"
    "  --sample           built-in sample services and ticket, no server (demos and\n"
    "                     golden screenshots)\n"
    "  --help, --version\n";

struct options {
    const char *config, *server, *token, *printer, *language, *screenshot, *screen,
        *outbox;
    int win_w, win_h;
    bool sample;
};

static uint64_t start_ms;

uint64_t kiosk_now(void)
{
    return SDL_GetTicks64() - start_ms;
}

static const struct screen *const screens[] = {
    &screen_home,         &screen_ticket,         &screen_request_docs,
    &screen_request_form, &screen_request_review, &screen_request_declaration,
    &screen_request_done, &screen_status,         &screen_rating,
};

void kiosk_show(struct kiosk *k, const struct screen *s)
{
    if (s == &screen_home)
        idle_wipe(&k->idle);
    k->screen = s;
    k->screen_since_ms = kiosk_now();
    if (s->enter != NULL)
        s->enter(k);
}

/* The five default services of DESIGN.md §4, for --sample. */
static void kiosk_sample(struct kiosk *k)
{
    static const struct kiosk_service sample[] = {
        {"support", "A", "طلب دعم", "Support request", 7, true},
        {"followup", "B", "مراجعة طلب سابق", "Follow-up of a request", 3, false},
        {"inquiry", "C", "استفسار", "Inquiry", 0, false},
        {"research", "D", "البحث الاجتماعي", "Social research", 2, false},
        {"volunteer", "E", "التطوع", "Volunteering", 1, false},
    };
    k->nservices = sizeof sample / sizeof sample[0];
    memcpy(k->services, sample, sizeof sample);
    k->link = KIOSK_LINK_ONLINE;
    k->ticket = (struct kiosk_ticket){
        .label = "A-017",
        .service_ar = "طلب دعم",
        .service_en = "Support request",
        .people_ahead = 3,
        .wait_min_s = 600,
        .wait_max_s = 900,
        .print = KIOSK_PRINT_DONE,
    };
    snprintf(k->submitted_ref, sizeof k->submitted_ref, "2026-000123");
}

/* Answers for screenshots of the review and form screens (--sample). Invented. */
static void kiosk_sample_request(struct kiosk *k)
{
    static const char *const answers[REQUEST_STEPS] = {
        "نورة عبدالله سالم الشهري",
        "1000000008",
        "0551234567",
        "أبها",
        "المنسك",
        "5",
        "3200",
        NULL,
        NULL,
        "أرملة وأعول أربعة أبناء",
    };
    for (size_t i = 0; i < REQUEST_STEPS; i++)
        if (answers[i] != NULL)
            field_set_text(k->request.fields[i], answers[i]);
    k->request.choice[7] = 1;
    k->request.choice[8] = 0;
    snprintf(k->request_ticket, sizeof k->request_ticket, "A-017");
}

static void kiosk_wipe_request(void *arg)
{
    struct kiosk *k = arg;
    request_wipe(&k->request);
    signature_clear(k->signature);
    field_wipe(k->status_ref);
    field_wipe(k->status_last4);
    k->status_ar[0] = k->status_en[0] = '\0';
}

void kiosk_issue_ticket(struct kiosk *k, size_t i)
{
    if (i >= k->nservices || k->issuing)
        return;
    if (k->services[i].needs_application) {
        /* the form first; its ticket is issued once the server has the request */
        kiosk_show(k, &screen_request_docs);
        k->request_service = (int)i;
        return;
    }
    k->issue_error_ar[0] = k->issue_error_en[0] = '\0';
    if (k->worker == NULL) { /* --sample: the sample ticket, for that service */
        snprintf(k->ticket.label, sizeof k->ticket.label, "%s-017",
                 k->services[i].prefix);
        memcpy(k->ticket.service_ar, k->services[i].name_ar, sizeof k->ticket.service_ar);
        memcpy(k->ticket.service_en, k->services[i].name_en, sizeof k->ticket.service_en);
        kiosk_show(k, &screen_ticket);
        return;
    }
    k->issuing = true;
    worker_issue(k->worker, &k->services[i], k->priority, 0);
}

static void kiosk_result(struct kiosk *k, struct worker_result *r)
{
    switch (r->kind) {
    case WORKER_SERVICES:
        k->link = r->ok ? KIOSK_LINK_ONLINE : KIOSK_LINK_OFFLINE;
        if (r->ok) {
            memcpy(k->services, r->services, sizeof k->services);
            k->nservices = r->nservices;
            warm_services(k);
        }
        break;
    case WORKER_TICKET:
        k->issuing = false;
        if (r->ok && r->for_request) {
            /* shown on the done screen, not the ticket screen */
            memcpy(k->request_ticket, r->ticket.label, sizeof k->request_ticket);
            k->ticket = r->ticket;
        } else if (r->ok) {
            k->ticket = r->ticket;
            size_t slot = k->nissued++ % (sizeof k->issued / sizeof k->issued[0]);
            memcpy(k->issued[slot].label, r->ticket.label, sizeof k->issued[slot].label);
            memcpy(k->issued[slot].token, r->ticket.token, sizeof k->issued[slot].token);
            kiosk_show(k, &screen_ticket);
        } else {
            memcpy(k->issue_error_ar, r->error_ar, sizeof k->issue_error_ar);
            memcpy(k->issue_error_en, r->error_en, sizeof k->issue_error_en);
        }
        break;
    case WORKER_APPLICATION:
        if (strcmp(r->key, k->submitted_key) == 0) {
            memcpy(k->submitted_ref, r->reference, sizeof k->submitted_ref);
            /* still on the done screen: the ticket for the counter, linked to it */
            if (k->screen == &screen_request_done && k->request_service >= 0 &&
                (size_t)k->request_service < k->nservices && r->application_id != 0 &&
                k->worker != NULL)
                worker_issue(k->worker, &k->services[k->request_service], k->priority,
                             r->application_id);
        }
        break;
    case WORKER_SUPPORT_TYPES:
        /* kept until the next one: offline, the last list (or the built-in one) */
        request_set_support_types(k->signature != NULL ? &k->request : NULL, r->support,
                                  r->nsupport);
        break;
    case WORKER_RATED:
        rating_result(k, r);
        break;
    case WORKER_STATUS:
        status_result(k, r);
        break;
    case WORKER_PRINTED:
        /* only if that ticket is still the one on screen */
        if (strcmp(k->ticket.label, r->ticket.label) == 0)
            k->ticket.print = r->ticket.print;
        memcpy(k->ticket.print_error_ar, r->ticket.print_error_ar,
               sizeof k->ticket.print_error_ar);
        memcpy(k->ticket.print_error_en, r->ticket.print_error_en,
               sizeof k->ticket.print_error_en);
        break;
    }
    worker_result_free(r);
}

static void kiosk_frame(struct kiosk *k)
{
    SDL_SetRenderDrawColor(k->renderer, ui_bg.r, ui_bg.g, ui_bg.b, 0xFF);
    SDL_RenderClear(k->renderer);
    k->screen->draw(k);
}

static void kiosk_resize(struct kiosk *k)
{
    SDL_GetRendererOutputSize(k->renderer, &k->w, &k->h);
    /* The design is 1080 × 1920; landscape screens get the portrait column at the
     * scale that fits 1440 design pixels of height. */
    float sx = k->w / 1080.0f, sy = k->h / 1440.0f;
    if (k->h > k->w)
        sy = k->h / 1920.0f;
    k->scale = sx < sy ? sx : sy;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    enum {
        O_CONFIG = 256,
        O_SERVER,
        O_TOKEN,
        O_PRINTER,
        O_WINDOW,
        O_SHOT,
        O_SCREEN,
        O_SAMPLE,
        O_LANG,
        O_HELP,
        O_VERSION,
        O_OUTBOX
    };
    static const struct option longs[] = {
        {"config", required_argument, NULL, O_CONFIG},
        {"server", required_argument, NULL, O_SERVER},
        {"token", required_argument, NULL, O_TOKEN},
        {"printer", required_argument, NULL, O_PRINTER},
        {"window", required_argument, NULL, O_WINDOW},
        {"screenshot", required_argument, NULL, O_SHOT},
        {"screen", required_argument, NULL, O_SCREEN},
        {"language", required_argument, NULL, O_LANG},
        {"outbox", required_argument, NULL, O_OUTBOX},
        {"sample", no_argument, NULL, O_SAMPLE},
        {"help", no_argument, NULL, O_HELP},
        {"version", no_argument, NULL, O_VERSION},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (c) {
        case O_CONFIG:
            o->config = optarg;
            break;
        case O_SERVER:
            o->server = optarg;
            break;
        case O_TOKEN:
            o->token = optarg;
            break;
        case O_PRINTER:
            o->printer = optarg;
            break;
        case O_SHOT:
            o->screenshot = optarg;
            break;
        case O_SCREEN:
            o->screen = optarg;
            break;
        case O_LANG:
            o->language = optarg;
            break;
        case O_OUTBOX:
            o->outbox = optarg;
            break;
        case O_SAMPLE:
            o->sample = true;
            break;
        case O_WINDOW:
            if (sscanf(optarg, "%dx%d", &o->win_w, &o->win_h) != 2 || o->win_w < 200 ||
                o->win_h < 200 || o->win_w > 8192 || o->win_h > 8192) {
                fprintf(stderr, "dawr-kiosk: --window wants WxH, e.g. 1080x1920\n");
                return 2;
            }
            break;
        case O_HELP:
            fputs(usage, stdout);
            return 0;
        case O_VERSION:
            printf("dawr-kiosk %s\n", DAWR_VERSION);
            return 0;
        default:
            fputs(usage, stderr);
            return 2;
        }
    }
    if (optind != argc) {
        fputs(usage, stderr);
        return 2;
    }
    return -1;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    stats_init();
    int rc = parse_options(argc, argv, &o);
    if (rc >= 0)
        return rc;

    /* An explicit --config must load; the default file may be absent (development). */
    char *cause = NULL;
    const char *cfg_path = o.config ? o.config : cfg_default_path();
    cfg *conf = cfg_load(cfg_path, &cause);
    if (conf == NULL) {
        if (o.config != NULL || access(cfg_path, F_OK) == 0) {
            fprintf(stderr, "dawr-kiosk: %s\n", cause);
            free(cause);
            return 1;
        }
        free(cause);
        conf = cfg_new();
    }
    const char *server =
        o.server ? o.server : cfg_get(conf, "kiosk", "server", "http://127.0.0.1:8080");
    const char *token = o.token ? o.token : cfg_get(conf, "kiosk", "token", NULL);
    const char *printer = o.printer ? o.printer : cfg_get(conf, "kiosk", "printer", NULL);
    const char *lang = o.language ? o.language : cfg_get(conf, "kiosk", "language", "ar");

    struct kiosk k = {0};
    k.english = strcmp(lang, "en") == 0;
    snprintf(k.server, sizeof k.server, "%s", server);
    k.arabic_digits = strcmp(cfg_get(conf, "kiosk", "digits", "arab"), "latn") != 0;
    long idle_s = cfg_get_int(conf, "kiosk", "idle_seconds", 60);

    /* SDL's software renderer on a plain window surface by default: a kiosk has no
     * use for a GL stack that costs ~100 MB (Mesa's llvmpipe) when there is no GPU.
     * SDL_RENDER_DRIVER / SDL_FRAMEBUFFER_ACCELERATION in the environment win. */
    SDL_SetHintWithPriority(SDL_HINT_RENDER_DRIVER, "software", SDL_HINT_DEFAULT);
    SDL_SetHintWithPriority(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0", SDL_HINT_DEFAULT);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "dawr-kiosk: cannot start SDL: %s\n", SDL_GetError());
        cfg_free(conf);
        return 1;
    }
    start_ms = SDL_GetTicks64();
    int w = o.win_w ? o.win_w : 1080, h = o.win_h ? o.win_h : 1920;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (o.screenshot != NULL)
        flags |= SDL_WINDOW_HIDDEN;
    else if (o.win_w == 0)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    k.window = SDL_CreateWindow("دور", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w,
                                h, flags);
    k.renderer = k.window ? SDL_CreateRenderer(k.window, -1, 0) : NULL;
    if (k.renderer == NULL) {
        fprintf(stderr, "dawr-kiosk: cannot open a window: %s\n", SDL_GetError());
        SDL_Quit();
        cfg_free(conf);
        return 1;
    }
    /* A screenshot is drawn into a texture of exactly the asked size, so it does not
     * depend on the (possibly smaller) X screen the hidden window lives on. */
    SDL_Texture *target = NULL;
    if (o.screenshot != NULL) {
        target = SDL_CreateTexture(k.renderer, SDL_PIXELFORMAT_RGB888,
                                   SDL_TEXTUREACCESS_TARGET, w, h);
        if (target == NULL || SDL_SetRenderTarget(k.renderer, target) != 0) {
            fprintf(stderr, "dawr-kiosk: cannot draw off screen: %s\n", SDL_GetError());
            rc = 1;
            goto out;
        }
        k.w = w, k.h = h;
        float sx = w / 1080.0f, sy = h > w ? h / 1920.0f : h / 1440.0f;
        k.scale = sx < sy ? sx : sy;
    } else {
        kiosk_resize(&k);
    }
    k.draw = draw_create(k.renderer, NULL, &cause);
    if (k.draw == NULL) {
        fprintf(stderr, "dawr-kiosk: %s\n", cause);
        free(cause);
        rc = 1;
        goto out;
    }
    static const char *const font_files[3] = {"NotoSansArabic-Regular.ttf",
                                              "NotoSans-Regular.ttf",
                                              "NotoSansSymbols2-Regular.ttf"};
    for (int i = 0; i < 3; i++) {
        char *p = xasprintf("%s/%s", draw_fonts_dir(), font_files[i]);
        k.fonts[i] = txt_font_open(p, &cause);
        free(p);
        if (k.fonts[i] == NULL) {
            fprintf(stderr, "dawr-kiosk: %s\n", cause);
            free(cause);
            rc = 1;
            goto out;
        }
    }
    request_init(&k.request);
    k.signature = xcalloc(1, sizeof *k.signature);
    k.status_ref = field_create(10);
    k.status_last4 = field_create(4);
    k.rating_number = field_create(3);
    idle_init(&k.idle, idle_s > 0 ? (uint64_t)idle_s * 1000 : 0, kiosk_now());
    idle_add_wiper(&k.idle, kiosk_wipe_request, &k);
    const char *outbox_dir =
        o.outbox ? o.outbox : cfg_get(conf, "kiosk", "outbox", "/var/lib/dawr/outbox");
    if (!o.sample) {
        k.outbox = outbox_open(outbox_dir, &cause);
        if (k.outbox == NULL) {
            /* requests cannot be saved; tickets still work, so keep going */
            fprintf(stderr, "dawr-kiosk: outbox: %s\n", cause);
            free(cause);
        }
    }

    if (o.sample) {
        kiosk_sample(&k);
    } else {
        if (net_init() != 0) {
            fprintf(stderr, "dawr-kiosk: cannot start the network library\n");
            rc = 1;
            goto out;
        }
        struct worker_config wc = {server, token, printer, draw_fonts_dir(),
                                   k.outbox != NULL ? outbox_dir : NULL};
        k.worker = worker_start(&wc, &cause);
        if (k.worker == NULL) {
            fprintf(stderr, "dawr-kiosk: %s\n", cause);
            free(cause);
            rc = 1;
            goto out;
        }
    }
    kiosk_show(&k, &screen_home);
    if (o.screen != NULL) {
        const struct screen *s = NULL;
        for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++)
            if (strcmp(screens[i]->name, o.screen) == 0)
                s = screens[i];
        if (s == NULL) {
            fprintf(stderr, "dawr-kiosk: unknown screen %s\n", o.screen);
            rc = 2;
            goto out;
        }
        if (o.sample && s != &screen_request_form && s != &screen_request_docs)
            kiosk_sample_request(&k);
        kiosk_show(&k, s);
        if (o.sample && s == &screen_rating) {
            /* the faces, for A-017 */
            snprintf(k.rating_prefix, sizeof k.rating_prefix, "A");
            field_set_text(k.rating_number, "17");
            k.rating_state = 1;
        }
        if (o.sample && s == &screen_request_declaration) {
            /* a made-up signature, so the screenshot shows the pad in use */
            for (int i = 0; i <= 40; i++)
                signature_add(
                    k.signature, 0.15f + i * 0.017f,
                    0.6f - 0.25f * (float)((i % 10) < 5 ? i % 5 : 5 - i % 5) / 5, i == 0);
        }
    }

    /* With a server, a screenshot waits (up to 5 s) for its first answer. */
    uint64_t shoot_at = k.worker != NULL ? 5000 : 0;
    /* A frame is drawn only when something may have changed it: an input, a window
     * event, a worker answer, a screen change by a timer. Nothing on screen moves by
     * itself, so an idle kiosk draws nothing. */
    bool dirty = true;
    /* Every screen drawn off screen once, in both languages, so that no frame a
     * person sees is the first to meet its glyphs (warm.h): the home screen before
     * the first frame, the rest while the kiosk waits for its first tap. Not for a
     * screenshot, which must look exactly as a cold start, nor with
     * DAWR_KIOSK_NO_WARM set (kiosk-bench's before/after). */
    if (o.screenshot == NULL && getenv("DAWR_KIOSK_NO_WARM") == NULL) {
        warm_all(&k);
        warm_services(&k);
        warm_screen(&k, &screen_home);
        /* The window's 8 MB of pixels are touched the first time here rather than
         * in the first frame (12 ms of page faults); nothing is presented. */
        SDL_SetRenderDrawColor(k.renderer, ui_bg.r, ui_bg.g, ui_bg.b, 0xFF);
        SDL_RenderClear(k.renderer);
        SDL_RenderFlush(k.renderer);
    }
    while (!k.quit) {
        SDL_Event ev;
        uint64_t now = kiosk_now();
        bool warming = warm_pending(&k) && k.screen == &screen_home && !k.issuing;
        if (SDL_WaitEventTimeout(&ev, warming && !dirty ? 0 : 50)) {
            do {
                /* a finger or mouse moving with nothing pressed changes nothing */
                if (ev.type != SDL_MOUSEMOTION || (ev.motion.state & SDL_BUTTON_LMASK))
                    dirty = true;
                if (ev.type == SDL_QUIT) {
                    k.quit = true;
                } else if (ev.type == SDL_MOUSEBUTTONDOWN &&
                           ev.button.button == SDL_BUTTON_LEFT) {
                    /* fingers arrive as mouse presses too (SDL's touch-to-mouse) */
                    idle_touch(&k.idle, kiosk_now());
                    stats_tap();
                    k.screen->tap(&k, ev.button.x, ev.button.y);
                } else if (ev.type == SDL_MOUSEMOTION &&
                           (ev.motion.state & SDL_BUTTON_LMASK) &&
                           k.screen->drag != NULL) {
                    idle_touch(&k.idle, kiosk_now());
                    k.screen->drag(&k, ev.motion.x, ev.motion.y);
                } else if (ev.type == SDL_WINDOWEVENT &&
                           ev.window.event == SDL_WINDOWEVENT_SIZE_CHANGED && !target) {
                    kiosk_resize(&k);
                } else if (ev.type == worker_event_type()) {
                    kiosk_result(&k, ev.user.data1);
                    if (o.screenshot != NULL && ev.user.code == WORKER_SERVICES)
                        shoot_at = 0;
                }
            } while (SDL_PollEvent(&ev));
        }
        now = kiosk_now();
        const struct screen *before = k.screen;
        if (k.screen->tick != NULL)
            k.screen->tick(&k, now);
        if (idle_check(&k.idle, now) && k.screen != &screen_home)
            kiosk_show(&k, &screen_home);
        if (k.screen != before || (o.screenshot != NULL && now >= shoot_at))
            dirty = true;
        if (!dirty) {
            /* nothing to show: one warm-up step, if any (a tap waits for one) */
            if (warm_pending(&k) && k.screen == &screen_home && !k.issuing)
                warm_step(&k);
            continue;
        }
        dirty = false;
        /* new service names (the first list, or a changed one): into the caches
         * before the frame that shows them, as at start-up */
        if (k.screen == &screen_home)
            warm_screen(&k, &screen_home);
        stats_frame_begin();
        kiosk_frame(&k);
        if (o.screenshot != NULL && now >= shoot_at) {
            if (draw_screenshot(k.renderer, w, h, o.screenshot, &cause) != 0) {
                fprintf(stderr, "dawr-kiosk: %s\n", cause);
                free(cause);
                rc = 1;
            } else {
                rc = 0;
            }
            break;
        }
        SDL_RenderPresent(k.renderer);
        stats_frame_end(k.screen == &screen_ticket);
    }
    if (rc < 0)
        rc = 0;
out:
    worker_stop(k.worker);
    outbox_close(k.outbox);
    if (k.signature != NULL)
        request_free(&k.request);
    free(k.signature);
    field_destroy(k.status_ref);
    field_destroy(k.status_last4);
    field_destroy(k.rating_number);
    for (int i = 0; i < 3; i++)
        txt_font_unref(k.fonts[i]);
    if (k.worker != NULL || !o.sample)
        net_cleanup();
    warm_free(&k);
    draw_destroy(k.draw);
    if (target != NULL)
        SDL_DestroyTexture(target);
    SDL_DestroyRenderer(k.renderer);
    SDL_DestroyWindow(k.window);
    SDL_Quit();
    cfg_free(conf);
    stats_write();
    return rc;
}
