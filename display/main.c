/* main — dawr-display's edge: options and config, SDL setup, the event loop that
 * applies stream events to the board, announces calls (chime + flash) and renders
 * at a steady frame rate, and the log lines the integration test reads. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "cal.h"
#include "cfg.h"
#include "chime.h"
#include "display.h"
#include "feed.h"
#include "logo.h"
#include "net.h"
#include "util.h"

#define STATE_MAX_AGE (12 * 3600) /* seconds */
#define BACKFILL 500                /* events a fresh display reads back */
#define DEFAULT_TZ "Asia/Riyadh"    /* the server's default too */
#define LOG(...) (fprintf(stderr, "dawr-display: " __VA_ARGS__), fputc('\n', stderr))

static const char usage[] =
    "usage: dawr-display [options]\n"
    "  --config FILE      settings file (default $DAWR_CONFIG or /etc/dawr/dawr.ini)\n"
    "  --server URL       server address (overrides [display] server)\n"
    "  --token TOKEN      display device token (overrides [display] token)\n"
    "  --window WxH       a window of this size instead of full screen\n"
    "  --counters 1,2,3   only calls at these counters\n"
    "  --services A,B     only these services (calls and waiting counts)\n"
    "  --language ar|en   which language leads (default [display] language, ar)\n"
    "  --digits arab|latn Arabic-Indic or European digits (default [display] digits)\n"
    "  --replay FILE      apply the events in FILE (SSE text, as the server sends)\n"
    "                     before anything else, without chiming\n"
    "  --state FILE       like --replay, and append every event received to FILE, so\n"
    "                     a restarted display resumes where it was (Last-Event-ID)\n"
    "  --screenshot FILE  render one frame (size from --window, default 1920x1080)\n"
    "                     to FILE as PNG and exit\n"
    "  --now EPOCH        show this time instead of the clock (screenshots)\n"
    "  --fps N            frames per second (default 30)\n"
    "  --watchdog MS      reconnect when nothing arrives for MS (default 30000)\n"
    "  --announce-ms MS   how long each call holds the big panel (default 5000)\n"
    "  --stats            at exit, log frame times and event-to-present latencies\n"
    "  --check-layout     with --screenshot: log every text drawn outside its panel\n"
    "                     and exit 3 if there was one\n"
    "  --redraws N        with --screenshot: draw the whole board N more times and\n"
    "                     log the time per full redraw (a profiling aid)\n"
    "  --help, --version\n"
    "[display] logo = FILE.png shows the association's logo beside its name.\n";

struct options {
    const char *config, *server, *token, *counters, *services, *language, *digits;
    const char *replay, *state, *screenshot;
    int win_w, win_h, fps;
    long long fixed_now;
    long watchdog_ms;
    int announce_ms, redraws;
    bool stats, check_layout;
};

/* Samples for --stats, in ms. */
#define MAX_SAMPLES 20000
struct samples {
    double v[MAX_SAMPLES];
    size_t n;
};

static void sample_add(struct samples *s, double v)
{
    if (s->n < MAX_SAMPLES)
        s->v[s->n++] = v;
}

/* CPU time of the calling thread, ms: a frame's own cost, whatever the load. */
static double thread_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The nearest-rank percentile @p (0-100) of @s, which it sorts. */
static double sample_pct(struct samples *s, double p)
{
    if (s->n == 0)
        return 0;
    qsort(s->v, s->n, sizeof s->v[0], cmp_double);
    size_t k = (size_t)(p / 100.0 * (double)s->n + 0.999999);
    return s->v[k == 0 ? 0 : k - 1];
}

/* Announced calls waiting for the frame that first shows them: when the event
 * arrived, to log event → present. */
struct pending_present {
    int64_t seq;
    double recv_ms;
    char label[16];
};

static volatile sig_atomic_t quit;

static void on_signal(int sig)
{
    (void)sig;
    quit = 1;
}

static long long wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int parse_options(int argc, char **argv, struct options *o)
{
    static const struct option longs[] = {
        {"config", required_argument, NULL, 'c'},
        {"server", required_argument, NULL, 's'},
        {"token", required_argument, NULL, 't'},
        {"window", required_argument, NULL, 'w'},
        {"counters", required_argument, NULL, 'k'},
        {"services", required_argument, NULL, 'S'},
        {"language", required_argument, NULL, 'l'},
        {"digits", required_argument, NULL, 'd'},
        {"replay", required_argument, NULL, 'r'},
        {"state", required_argument, NULL, 'f'},
        {"screenshot", required_argument, NULL, 'o'},
        {"now", required_argument, NULL, 'n'},
        {"fps", required_argument, NULL, 'F'},
        {"watchdog", required_argument, NULL, 'W'},
        {"announce-ms", required_argument, NULL, 'A'},
        {"stats", no_argument, NULL, 'T'},
        {"redraws", required_argument, NULL, 'R'},
        {"check-layout", no_argument, NULL, 'L'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    o->fps = 30;
    while ((ch = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (ch) {
        case 'c':
            o->config = optarg;
            break;
        case 's':
            o->server = optarg;
            break;
        case 't':
            o->token = optarg;
            break;
        case 'w':
            if (sscanf(optarg, "%dx%d", &o->win_w, &o->win_h) != 2 || o->win_w < 64 ||
                o->win_h < 64 || o->win_w > 16384 || o->win_h > 16384) {
                fprintf(stderr, "dawr-display: --window wants WxH, e.g. 1920x1080\n");
                return 2;
            }
            break;
        case 'k':
            o->counters = optarg;
            break;
        case 'S':
            o->services = optarg;
            break;
        case 'l':
            o->language = optarg;
            break;
        case 'd':
            o->digits = optarg;
            break;
        case 'r':
            o->replay = optarg;
            break;
        case 'f':
            o->state = optarg;
            break;
        case 'R':
            o->redraws = atoi(optarg);
            break;
        case 'o':
            o->screenshot = optarg;
            break;
        case 'n':
            o->fixed_now = atoll(optarg);
            break;
        case 'F':
            o->fps = atoi(optarg) > 0 && atoi(optarg) <= 240 ? atoi(optarg) : 30;
            break;
        case 'W':
            o->watchdog_ms = atol(optarg);
            break;
        case 'A':
            o->announce_ms = atoi(optarg);
            break;
        case 'T':
            o->stats = true;
            break;
        case 'L':
            o->check_layout = true;
            break;
        case 'h':
            fputs(usage, stdout);
            return 0;
        case 'V':
            printf("dawr-display %s\n", DAWR_VERSION);
            return 0;
        default:
            fputs(usage, stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fputs(usage, stderr);
        return 2;
    }
    return -1;
}

static const char *asset(const char *rel, char *buf, size_t n)
{
    const char *dir = getenv("DAWR_ASSETS");
    snprintf(buf, n, "%s/%s", dir && *dir ? dir : DAWR_ASSETS_DIR, rel);
    return buf;
}

/* Applies the association's details from the server; the log line (the ticker's
 * length, not its text) lets a test know the next frame has them. */
static void association(struct display *d, const char *json, const char *from)
{
    int rc = display_association_apply(d, json);
    if (rc < 0)
        LOG("association %s is not the expected JSON", from);
    else if (rc > 0)
        d->ticker_t0 = feed_now_ms(); /* the new text starts where it is read first */
    if (rc > 0)
        LOG("association applied from %s at %lld (ticker %zu bytes)", from, wall_ms(),
            strlen(d->ticker));
}

/* False for a ticket event of another day (a backfilled event). */
static bool from_today(const struct display *d, const char *type, const char *data)
{
    if (strncmp(type, "ticket.", 7) != 0)
        return true;
    json_t *o = json_loads(data, 0, NULL);
    json_t *day = json_object_get(o, "day");
    bool today = json_is_string(day) && strcmp(json_string_value(day), d->today) == 0;
    json_decref(o);
    return today;
}

/* Turns one worker message into board changes. Sets *@queued when a call was queued
 * (the next frame is then drawn at once, not at the next tick) and bumps the
 * display's generation when what is shown changed. */
static void handle_user(struct display *d, SDL_Event *e, struct feed *feed, FILE *state,
                        struct pending_present *pp, size_t *npp, bool *queued)
{
    struct feed_msg *m = e->user.data1;
    int code = e->user.code & 0xff;

    if (code == DISPLAY_EV_STATE) {
        bool up = (e->user.code >> 8) & 1;
        if (up != d->online)
            LOG("stream %s at %lld", up ? "connected" : "disconnected", wall_ms());
        d->online = up;
        if (up) {
            feed_refresh_services(feed);
            feed_refresh_info(feed);
        }
    } else if (code == DISPLAY_EV_INFO) {
        association(d, m->data, "info");
    } else if (code == DISPLAY_EV_SERVICES) {
        int rc = board_set_services(d->board, m->data);
        if (rc < 0)
            LOG("services reply is not the expected JSON");
        else if (rc > 0)
            d->services_generation++;
    } else if (code == DISPLAY_EV_SSE) {
        bool back = m->seq <= d->backfill_until;
        if (back && m->seq == d->backfill_until)
            d->backfill_until = 0; /* the last one: log after applying it */
        if (back && !from_today(d, m->type, m->data)) {
            if (d->backfill_until == 0)
                LOG("backfill: %d of today's events applied quietly", d->backfilled);
            feed_msg_free(m);
            return;
        }
        if (strcmp(m->type, "association.updated") == 0)
            association(d, m->data, "event");
        enum board_change ch = board_apply(d->board, m->seq, m->type, m->data, back);
        if (back && ch != BOARD_IGNORED)
            d->backfilled++;
        if (back && d->backfill_until == 0)
            LOG("backfill: %d of today's events applied quietly", d->backfilled);
        if (ch != BOARD_IGNORED)
            feed_record(state, m->seq, m->type, m->data);
        if (strncmp(m->type, "ticket.", 7) == 0)
            feed_refresh_services(feed);
        if (ch == BOARD_CHANGED)
            d->generation++;
        if (ch == BOARD_QUEUED)
            *queued = true;
        if (ch == BOARD_QUEUED && *npp < 64) {
            pp[*npp].seq = m->seq;
            pp[*npp].recv_ms = m->recv_ms;
            pp[*npp].label[0] = '\0';
            (*npp)++;
        }
    }
    feed_msg_free(m);
}

static int run(struct options *o)
{
    char *cause = NULL, pathbuf[4096];
    const char *cfg_path = o->config ? o->config : cfg_default_path();
    cfg *cf = cfg_load(cfg_path, &cause);
    if (cf == NULL) {
        if (o->config) {
            LOG("%s", cause);
            free(cause);
            return 1;
        }
        free(cause); /* no system config: defaults, options still work */
        cause = NULL;
        cf = cfg_new();
    }
    const char *server = o->server ? o->server : cfg_get(cf, "display", "server", "");
    const char *token = o->token ? o->token : cfg_get(cf, "display", "token", "");
    const char *lang =
        o->language ? o->language : cfg_get(cf, "display", "language", "ar");
    bool english = strcmp(lang, "en") == 0;
    const char *digits =
        o->digits ? o->digits
                  : cfg_get(cf, "display", "digits", english ? "latn" : "arab");

    struct display d = {0};
    d.english = english;
    d.digits = strcmp(digits, "latn") == 0 ? TXT_DIGITS_LATN : TXT_DIGITS_ARAB;
    d.tz = cfg_get(cf, "association", "timezone", NULL);
    d.name_ar = d.cfg_name_ar = cfg_get(cf, "association", "name_ar", "");
    d.name_en = d.cfg_name_en = cfg_get(cf, "association", "name_en", "");
    d.ticker = d.cfg_ticker = cfg_get(cf, "display", english ? "ticker_en" : "ticker_ar", "");
    d.board =
        board_create(o->counters ? o->counters : cfg_get(cf, "display", "counters", ""),
                     o->services ? o->services : cfg_get(cf, "display", "services", ""));

    int rc = 1;
    FILE *state = NULL;
    SDL_Window *win = NULL;
    SDL_Surface *surface = NULL;
    struct chime *chime = NULL;
    struct feed *feed = NULL;
    Uint32 ev_type = 0;

    /* A state file last written STATE_MAX_AGE ago holds another day's calls: the
     * board starts empty (and the file afresh) rather than show them. */
    bool stale = false;
    struct stat sb;
    if (o->state && stat(o->state, &sb) == 0 && time(NULL) - sb.st_mtime > STATE_MAX_AGE)
        stale = true;
    const char *paths[2] = {o->replay, o->state};
    for (int i = 0; i < 2; i++) {
        if (paths[i] == NULL || (i == 1 && stale))
            continue;
        int n = feed_replay(paths[i], d.board, true, &cause);
        if (n < 0 && !(i == 1 && access(paths[i], F_OK) != 0)) {
            LOG("%s", cause);
            goto out;
        }
        free(cause);
        cause = NULL;
    }
    board_set_announce_ms(d.board, o->announce_ms);
    if (o->state && (state = fopen(o->state, stale ? "w" : "a")) == NULL) {
        LOG("cannot write %s", o->state);
        goto out;
    }

    if (o->screenshot) {
        /* Headless: a software renderer drawing into memory needs no display. */
        SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
        if (SDL_Init(0) != 0) {
            LOG("SDL: %s", SDL_GetError());
            goto out;
        }
        d.w = o->win_w ? o->win_w : 1920;
        d.h = o->win_h ? o->win_h : 1080;
        surface =
            SDL_CreateRGBSurfaceWithFormat(0, d.w, d.h, 32, SDL_PIXELFORMAT_ARGB8888);
        d.renderer = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    } else {
        /* With the software renderer, SDL would otherwise present the window surface
         * through OpenGL, which on a machine without a GPU is Mesa's llvmpipe and
         * costs more than the drawing. The environment can still override it. */
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
            LOG("SDL: %s", SDL_GetError());
            goto out;
        }
        Uint32 flags = o->win_w ? SDL_WINDOW_SHOWN : SDL_WINDOW_FULLSCREEN_DESKTOP;
        win = SDL_CreateWindow("Dawr — دور", SDL_WINDOWPOS_CENTERED,
                               SDL_WINDOWPOS_CENTERED, o->win_w ? o->win_w : 1920,
                               o->win_h ? o->win_h : 1080, flags);
        d.renderer = win ? SDL_CreateRenderer(win, -1, 0) : NULL;
        SDL_ShowCursor(SDL_DISABLE);
    }
    if (d.renderer == NULL) {
        LOG("cannot create a renderer: %s", SDL_GetError());
        goto out;
    }
    SDL_RendererInfo ri;
    if (!o->screenshot && SDL_GetRendererInfo(d.renderer, &ri) == 0) {
        /* The software renderer draws into the window's surface, which keeps its
         * pixels: only what changed needs drawing and sending to the X server
         * (a whole 1920×1080 frame is 8 MB for it to copy, sixty times a second). */
        d.partial = strcmp(ri.name, "software") == 0;
        LOG("renderer %s%s", ri.name, d.partial ? ", partial presents" : "");
    }
    if ((d.draw = draw_create(d.renderer, NULL, &cause)) == NULL) {
        LOG("%s", cause);
        goto out;
    }

    /* A relative logo path is relative to the config file. */
    const char *logo = cfg_get(cf, "display", "logo", "");
    char *logo_path = NULL;
    if (logo[0] != '\0' && logo[0] != '/' && strchr(cfg_path, '/') != NULL)
        logo_path = xasprintf("%.*s/%s", (int)(strrchr(cfg_path, '/') - cfg_path),
                              cfg_path, logo);
    else if (logo[0] != '\0')
        logo_path = xstrdup(logo);
    if (logo_path && (d.logo = logo_load(d.renderer, logo_path, &cause)) == NULL) {
        LOG("no logo: %s", cause); /* the board is still useful without it */
        free(cause);
        cause = NULL;
    }
    free(logo_path);

    d.show_status = server[0] != '\0';
    d.now_ms = d.ticker_t0 = feed_now_ms();
    d.now = o->fixed_now ? (time_t)o->fixed_now : time(NULL);

    if (o->screenshot) {
        SDL_GetRendererOutputSize(d.renderer, &d.w, &d.h);
        d.portrait = d.h > d.w;
        d.unit = (d.portrait ? d.w : d.h) / 1080.0f;
        d.online = true; /* a still frame is not "reconnecting" */
        d.check_layout = o->check_layout;
        board_tick(d.board, 0);
        layout_draw(&d);
        SDL_RenderPresent(d.renderer);
        if (o->redraws > 0) {
            /* Warm caches now: what a board change costs in the running display. */
            double t0 = feed_clock_ms();
            for (int i = 0; i < o->redraws; i++) {
                d.still_valid = false;
                layout_draw(&d);
                SDL_RenderPresent(d.renderer);
            }
            LOG("%d full redraws, %.2f ms each", o->redraws,
                (feed_clock_ms() - t0) / o->redraws);
        }
        if (draw_screenshot(d.renderer, d.w, d.h, o->screenshot, &cause) != 0) {
            LOG("%s", cause);
            goto out;
        }
        if (o->check_layout)
            LOG("layout check %dx%d: %d texts outside their panel", d.w, d.h,
                d.overflows);
        rc = o->check_layout && d.overflows > 0 ? 3 : 0;
        goto out;
    }

    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        LOG("no sound: %s", SDL_GetError());
    } else if ((chime = chime_open(asset("sounds/chime.wav", pathbuf, sizeof pathbuf),
                                   &cause)) == NULL) {
        LOG("no sound: %s", cause); /* once: chime_play(NULL) is silent after */
        free(cause);
        cause = NULL;
    }

    ev_type = SDL_RegisterEvents(1);
    if (ev_type == (Uint32)-1) {
        LOG("SDL: no user event type left");
        goto out;
    }
    if (server[0] != '\0') {
        struct feed_config fc = {.server = server,
                                 .token = token,
                                 .last_seq = board_last_seq(d.board),
                                 .watchdog_ms = o->watchdog_ms};
        /* Nothing saved: read back the last events so today's calls are on the
         * board before the next one (quietly; the chime is for new calls). */
        struct cal_date today;
        if (fc.last_seq == 0 &&
            cal_gregorian_from_time(time(NULL), d.tz ? d.tz : DEFAULT_TZ, &today)) {
            int64_t newest = feed_newest_seq(server, &cause);
            if (newest > 0) {
                snprintf(d.today, sizeof d.today, "%04d-%02d-%02d", today.year % 10000,
                         today.month % 100, today.day % 100);
                d.backfill_until = newest;
                fc.last_seq = newest > BACKFILL ? newest - BACKFILL : 1;
            }
            free(cause); /* no backfill: the board fills with the next calls */
            cause = NULL;
        }
        if ((feed = feed_start(&fc, ev_type, &cause)) == NULL) {
            LOG("%s", cause);
            goto out;
        }
    } else {
        LOG("no server configured: showing saved state only");
    }

    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    struct pending_present pp[64];
    size_t npp = 0;
    long long frame_ms = 1000 / o->fps, next = feed_now_ms();
    static struct samples frame_times, frame_cpu, full_frames,
        latencies; /* large: not on the stack */
    LOG("running at %lld", wall_ms());
    while (!quit) {
        SDL_Event e;
        long long wait = next - feed_now_ms();
        if (SDL_WaitEventTimeout(&e, wait > 0 ? (int)wait : 0)) {
            do {
                if (e.type == SDL_QUIT)
                    quit = 1;
                else if (e.type == SDL_WINDOWEVENT) {
                    d.repaint = true; /* exposed, resized, shown: all of it again */
                    next = feed_now_ms();
                }
                else if (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE)
                    quit = 1;
                else if (e.type == ev_type) {
                    bool queued = false;
                    handle_user(&d, &e, feed, state, pp, &npp, &queued);
                    if (queued)
                        next = feed_now_ms();
                }
            } while (SDL_PollEvent(&e));
        }
        long long now = feed_now_ms();
        if (now < next)
            continue;
        next = now + frame_ms;

        d.now_ms = now;
        d.now = o->fixed_now ? (time_t)o->fixed_now : time(NULL);
        SDL_GetRendererOutputSize(d.renderer, &d.w, &d.h);
        d.portrait = d.h > d.w;
        d.unit = (d.portrait ? d.w : d.h) / 1080.0f;
        const struct board_call *started = board_tick(d.board, now);
        if (started) {
            chime_play(chime);
            d.generation++;
        }
        double t0 = feed_clock_ms(), c0 = thread_cpu_ms();
        bool full = layout_draw(&d);
        if (d.partial) {
            SDL_RenderFlush(d.renderer);
            SDL_UpdateWindowSurfaceRects(win, d.damage, d.ndamage);
        } else {
            SDL_RenderPresent(d.renderer);
        }
        double shown = feed_clock_ms(), cpu = thread_cpu_ms() - c0;
        sample_add(&frame_times, shown - t0);
        sample_add(&frame_cpu, cpu);
        if (o->stats && shown - t0 > 16.0)
            LOG("stats: slow frame %zu: %.1f ms (%.1f ms on this thread's CPU)%s%s",
                frame_times.n, shown - t0, cpu, full ? ", panels redrawn" : "",
                started ? ", a call started" : "");
        if (full)
            sample_add(&full_frames, shown - t0);
        if (started) {
            double recv = -1;
            for (size_t i = 0; i < npp; i++) {
                if (pp[i].seq == started->seq) {
                    recv = pp[i].recv_ms;
                    pp[i] = pp[--npp];
                    break;
                }
            }
            if (recv >= 0)
                sample_add(&latencies, shown - recv);
            LOG("presented call %s seq %lld at %lld (event to present %.1f ms)",
                started->label, (long long)started->seq, wall_ms(),
                recv >= 0 ? shown - recv : -1.0);
        }
    }
    if (o->stats) {
        size_t nf = frame_times.n, nfull = full_frames.n, nl = latencies.n;
        double f50 = sample_pct(&frame_times, 50), f99 = sample_pct(&frame_times, 99);
        double g50 = sample_pct(&full_frames, 50), g99 = sample_pct(&full_frames, 99);
        double l50 = sample_pct(&latencies, 50), l99 = sample_pct(&latencies, 99);
        LOG("stats: %dx%d, %zu frames, frame time p50 %.2f ms p99 %.2f ms; "
            "of which %zu full redraws p50 %.2f ms p99 %.2f ms; "
            "%zu calls, event to present p50 %.2f ms p99 %.2f ms",
            d.w, d.h, nf, f50, f99, nfull, g50, g99, nl, l50, l99);
        LOG("stats: frame CPU time (this thread; the rest is waiting for the CPU or "
            "the X server) p50 %.2f ms p99 %.2f ms",
            sample_pct(&frame_cpu, 50), sample_pct(&frame_cpu, 99));
        int pages, glyphs, layouts;
        draw_stats(d.draw, &pages, &glyphs, &layouts);
        LOG("stats: %d atlas pages, %d glyphs, %d cached layouts", pages, glyphs,
            layouts);
    }
    rc = 0;
out:
    feed_stop(feed);
    if (ev_type != (Uint32)-1 && ev_type != 0) { /* messages nobody will read now */
        SDL_Event e;
        while (SDL_PeepEvents(&e, 1, SDL_GETEVENT, ev_type, ev_type) == 1)
            feed_msg_free(e.user.data1);
    }
    chime_close(chime);
    layout_free(&d);
    if (d.logo)
        SDL_DestroyTexture(d.logo);
    draw_destroy(d.draw);
    if (d.renderer)
        SDL_DestroyRenderer(d.renderer);
    if (win)
        SDL_DestroyWindow(win);
    if (surface)
        SDL_FreeSurface(surface);
    SDL_Quit();
    if (state)
        fclose(state);
    board_destroy(d.board);
    display_association_free(&d);
    cfg_free(cf);
    free(cause);
    return rc;
}

int main(int argc, char **argv)
{
    struct options o = {0};
    int rc = parse_options(argc, argv, &o);
    if (rc >= 0)
        return rc;
    if (net_init() != 0) {
        LOG("cannot initialise libcurl");
        return 1;
    }
    rc = run(&o);
    net_cleanup();
    return rc;
}
