/* dawr-showcase — one window that shows what the text engine does with real Arabic:
 * the walk-in procedure from the seed policy documents (or our own paragraph when
 * they are absent) wrapped and right-aligned, a line that mixes Arabic with a ticket
 * label, a phone number, an e-mail address and Arabic-Indic digits, and today's
 * date in Hijri and Gregorian, Arabic and English. `make demo` opens it.
 *
 * --screenshot FILE draws one frame, writes it as PNG and exits (the UI test). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL.h>

#include "cal.h"
#include "draw.h"
#include "showcase.h"
#include "util.h"

#ifndef DAWR_SEEDS_DIR
#define DAWR_SEEDS_DIR "../shared/seeds"
#endif

#define TITLE "دور — نظام التذاكر"

/* Shown when the seeds are not beside the checkout. */
static const char *showcase_own_procedure =
    "يأخذ المستفيد عند وصوله تذكرة من جهاز الاستقبال، ثم ينتظر حتى يظهر رقمه على "
    "الشاشة مع رقم الشباك.\n"
    "يستقبله الموظف بلباقة ويستمع إلى طلبه، ويتحقق من اكتمال المستندات المطلوبة "
    "وصحتها وقت التقديم.\n"
    "إن لم تتضح له الإجراءات أُحيل إلى الباحث الاجتماعي ليجيب عن أسئلته.\n"
    "يوقّع المستفيد على إقرار بأن البيانات صحيحة وأنه مسؤول عنها مسؤولية مباشرة.\n"
    "يُرفع الطلب إلى لجنة البحث الاجتماعي، وتردّ بالقبول أو الاعتذار خلال أسبوعين.";

static const char *showcase_mixed_line =
    "تذكرتك A-017 — للاستفسار: 0551234567 أو info@dawr.example، "
    "وأمامك ٣ مستفيدين (نحو ١٢ دقيقة).";

struct showcase {
    int width, height;
    const char *screenshot;
    time_t now; /* 0: the clock */
    const char *tz;
    char *procedure;
    bool from_seeds;
    SDL_Window *window;
    SDL_Renderer *renderer;
    struct draw *draw;
};

static const SDL_Color ink = {0x1F, 0x29, 0x33, 0xFF};
static const SDL_Color muted = {0x5B, 0x66, 0x70, 0xFF};
static const SDL_Color white = {0xFF, 0xFF, 0xFF, 0xFF};
static const SDL_Color paper = {0xF4, 0xF1, 0xEA, 0xFF};
static const SDL_Color teal = {0x0B, 0x5D, 0x5E, 0xFF};
static const SDL_Color gold = {0xC8, 0x9B, 0x3C, 0xFF};
static const SDL_Color card = {0xFF, 0xFF, 0xFF, 0xFF};
static const SDL_Color line = {0xD9, 0xD3, 0xC7, 0xFF};

static void usage(FILE *f)
{
    fprintf(f, "usage: dawr-showcase [--window WxH] [--screenshot FILE] [--time EPOCH]\n"
               "                     [--tz ZONE]\n"
               "Shows Arabic text laid out by Dawr's text engine, and today's date.\n"
               "--screenshot FILE draws one frame into FILE (PNG) and exits.\n");
}

static bool parse_args(struct showcase *s, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("dawr-showcase %s\n", DAWR_VERSION);
            exit(0);
        } else if (strcmp(a, "--window") == 0 && v != NULL) {
            if (sscanf(v, "%dx%d", &s->width, &s->height) != 2 || s->width < 320 ||
                s->height < 200 || s->width > 8192 || s->height > 8192)
                return false;
            i++;
        } else if (strcmp(a, "--screenshot") == 0 && v != NULL) {
            s->screenshot = v;
            i++;
        } else if (strcmp(a, "--time") == 0 && v != NULL) {
            s->now = (time_t)strtoll(v, NULL, 10);
            i++;
        } else if (strcmp(a, "--tz") == 0 && v != NULL) {
            s->tz = v;
            i++;
        } else {
            return false;
        }
    }
    return true;
}

static void load_procedure(struct showcase *s)
{
    const char *seeds = getenv("DAWR_SEEDS");

    s->procedure =
        showcase_seed_procedure(seeds != NULL && *seeds != '\0' ? seeds : DAWR_SEEDS_DIR);
    s->from_seeds = s->procedure != NULL;
    if (!s->from_seeds)
        s->procedure = xstrdup(showcase_own_procedure);
}

/* "weekday، Hijri  •  Gregorian  •  time" in @lang; parts ICU cannot format are
 * left out. */
static char *date_line(time_t t, const char *tz, cal_lang lang)
{
    static const cal_style parts[] = {CAL_WEEKDAY, CAL_HIJRI_LONG, CAL_GREGORIAN_LONG,
                                      CAL_TIME};
    struct buf b = {0};

    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char *p = cal_format(t, tz, parts[i], lang);
        if (p == NULL)
            continue;
        if (b.len > 0 && i == 1)
            buf_puts(&b, lang == CAL_EN ? ", " : "، ");
        else if (b.len > 0)
            buf_puts(&b, "  •  ");
        buf_puts(&b, p);
        free(p);
    }
    return buf_take(&b);
}

/* The procedure at the largest size up to @px that fits @width × @height, so a
 * longer seed or a smaller window shrinks the text instead of cutting it off. */
static void draw_procedure(struct showcase *s, int x, int y, int width, int height,
                           int px)
{
    struct draw_style st = {.width = width,
                            .align = TXT_ALIGN_RIGHT,
                            .dir = TXT_DIR_RTL,
                            .line_spacing = 0.85f};

    for (st.px = px; st.px > 12; st.px--) {
        const txt_layout *lo = draw_text_layout(s->draw, s->procedure, &st);
        int h = 0;
        if (lo != NULL)
            txt_layout_get_size(lo, NULL, &h);
        if (h <= height)
            break;
    }
    draw_text(s->draw, s->procedure, &st, x, y, ink);
}

static void render(struct showcase *s)
{
    struct draw *d = s->draw;
    int w, h, m, y, inner;
    float k;
    time_t now = s->now != 0 ? s->now : time(NULL);
    char *ar, *en;

    SDL_GetRendererOutputSize(s->renderer, &w, &h);
    k = (float)w / 1280.0f < (float)h / 800.0f ? (float)w / 1280.0f : (float)h / 800.0f;
#define PX(v) ((int)((v)*k + 0.5f))
    m = PX(40);
    inner = w - 2 * m;

    SDL_SetRenderDrawColor(s->renderer, paper.r, paper.g, paper.b, 0xFF);
    SDL_RenderClear(s->renderer);

    /* Header: the title on the right, where Arabic starts; English on the left. */
    draw_rect(d, (SDL_Rect){0, 0, w, PX(96)}, teal);
    draw_rect(d, (SDL_Rect){0, PX(96), w, PX(4)}, gold);
    draw_text(d, TITLE,
              &(struct draw_style){.px = PX(46),
                                   .width = inner,
                                   .align = TXT_ALIGN_RIGHT,
                                   .dir = TXT_DIR_RTL,
                                   .bold = true},
              m, PX(16), white);
    draw_text(d, "Dawr — queue tickets and walk-in intake",
              &(struct draw_style){.px = PX(22), .dir = TXT_DIR_LTR}, m, PX(36),
              (SDL_Color){0xD7, 0xEC, 0xEA, 0xFF});

    /* Today, in both calendars and both languages. */
    y = PX(118);
    ar = date_line(now, s->tz, CAL_AR);
    en = date_line(now, s->tz, CAL_EN);
    y += draw_text(d, ar,
                   &(struct draw_style){.px = PX(30),
                                        .width = inner,
                                        .align = TXT_ALIGN_RIGHT,
                                        .dir = TXT_DIR_RTL,
                                        .bold = true},
                   m, y, teal);
    y += draw_text(
        d, en,
        &(struct draw_style){
            .px = PX(22), .width = inner, .align = TXT_ALIGN_LEFT, .dir = TXT_DIR_LTR},
        m, y + PX(4), muted);
    free(ar);
    free(en);

    /* The mixed line, on a card as tall as its text. */
    y += PX(18);
    {
        struct draw_style st = {.px = PX(26),
                                .width = inner - 2 * PX(20),
                                .align = TXT_ALIGN_RIGHT,
                                .dir = TXT_DIR_RTL,
                                .line_spacing = 0.85f};
        int th = 0, ch;
        const txt_layout *lo = draw_text_layout(d, showcase_mixed_line, &st);
        if (lo != NULL)
            txt_layout_get_size(lo, NULL, &th);
        ch = th + 2 * PX(10);
        draw_round_rect(d, (SDL_Rect){m, y, inner, ch}, PX(14), card);
        draw_round_frame(d, (SDL_Rect){m, y, inner, ch}, PX(14), 1, line);
        draw_text(d, showcase_mixed_line, &st, m + PX(20), y + PX(10), ink);
        y += ch + PX(18);
    }

    /* The procedure, wrapped and right-aligned, clipped to its card. */
    SDL_Rect box = {m, y, inner, h - y - PX(44)};
    draw_round_rect(d, box, PX(18), card);
    draw_round_frame(d, box, PX(18), 1, line);
    draw_rect(d, (SDL_Rect){box.x + box.w - PX(6), box.y + PX(18), PX(6), box.h - PX(36)},
              gold);
    SDL_RenderSetClipRect(s->renderer, &box);
    y += PX(16);
    y += draw_text(d,
                   s->from_seeds ? "التعامل مع المستفيد عند حضوره (من وثيقة السياسة)"
                                 : "التعامل مع المستفيد عند حضوره",
                   &(struct draw_style){.px = PX(28),
                                        .width = inner - 2 * PX(28),
                                        .align = TXT_ALIGN_RIGHT,
                                        .dir = TXT_DIR_RTL,
                                        .bold = true},
                   m + PX(28), y, teal);
    draw_procedure(s, m + PX(28), y + PX(8), inner - 2 * PX(28),
                   box.y + box.h - PX(12) - (y + PX(8)), PX(24));
    SDL_RenderSetClipRect(s->renderer, NULL);

    draw_text(d, "Esc: خروج / quit",
              &(struct draw_style){.px = PX(18), .dir = TXT_DIR_LTR}, m, h - PX(34),
              muted);
#undef PX
}

static int screenshot(struct showcase *s)
{
    int w, h;
    char *cause = NULL;

    render(s);
    SDL_GetRendererOutputSize(s->renderer, &w, &h);
    if (draw_screenshot(s->renderer, w, h, s->screenshot, &cause) != 0) {
        fprintf(stderr, "dawr-showcase: تعذرت كتابة الصورة / cannot write PNG: %s\n",
                cause);
        free(cause);
        return 1;
    }
    SDL_RenderPresent(s->renderer);
    return 0;
}

static int run(struct showcase *s)
{
    bool dirty = true;

    for (;;) {
        SDL_Event ev;
        if (dirty) {
            render(s);
            SDL_RenderPresent(s->renderer);
            dirty = false;
        }
        /* Wake at least every second so the clock moves. */
        if (!SDL_WaitEventTimeout(&ev, 1000)) {
            dirty = true;
            continue;
        }
        do {
            if (ev.type == SDL_QUIT)
                return 0;
            if (ev.type == SDL_KEYDOWN && ev.key.keysym.sym == SDLK_ESCAPE)
                return 0;
            if (ev.type == SDL_WINDOWEVENT)
                dirty = true;
        } while (SDL_PollEvent(&ev));
    }
}

int main(int argc, char **argv)
{
    struct showcase s = {.width = 1280, .height = 800};
    char *cause = NULL;
    int rc;

    if (!parse_args(&s, argc, argv)) {
        usage(stderr);
        return 2;
    }
    if (!cal_tz_valid(s.tz)) {
        fprintf(stderr, "dawr-showcase: منطقة زمنية غير معروفة / unknown time zone: %s\n",
                s.tz);
        return 2;
    }
    load_procedure(&s);
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "dawr-showcase: تعذر تشغيل SDL / SDL_Init failed: %s\n",
                SDL_GetError());
        free(s.procedure);
        return 1;
    }
    s.window = SDL_CreateWindow(TITLE, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                s.width, s.height, SDL_WINDOW_SHOWN);
    if (s.window != NULL)
        s.renderer = SDL_CreateRenderer(s.window, -1, SDL_RENDERER_PRESENTVSYNC);
    if (s.window != NULL && s.renderer == NULL)
        s.renderer = SDL_CreateRenderer(s.window, -1, SDL_RENDERER_SOFTWARE);
    if (s.renderer != NULL)
        s.draw = draw_create(s.renderer, NULL, &cause);
    if (s.draw == NULL) {
        fprintf(stderr, "dawr-showcase: تعذر فتح النافذة / cannot open the window: %s\n",
                cause != NULL ? cause : SDL_GetError());
        free(cause);
        rc = 1;
    } else {
        rc = s.screenshot != NULL ? screenshot(&s) : run(&s);
    }
    draw_destroy(s.draw);
    if (s.renderer != NULL)
        SDL_DestroyRenderer(s.renderer);
    if (s.window != NULL)
        SDL_DestroyWindow(s.window);
    SDL_Quit();
    free(s.procedure);
    return rc;
}
