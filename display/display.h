/* display — the waiting-room board program (DESIGN.md §9). This header holds what
 * the files of dawr-display share: the program state, the panel interface (each
 * panel-*.c exports one struct panel, tmux-style), and the SDL user events the
 * network workers post to the UI thread. */
#ifndef DAWR_DISPLAY_H
#define DAWR_DISPLAY_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "board.h"
#include "draw.h"

/* Everything a panel may read while drawing. Owned by main.c. */
struct display {
    SDL_Renderer *renderer;
    struct draw *draw;
    struct board *board;

    int w, h;      /* output size in pixels */
    bool portrait; /* h > w */
    float unit;    /* one "design pixel": the short side / 1080 */
    bool english;  /* language = en: English first, left-to-right layout */
    txt_digits digits;
    const char *tz;                         /* borrowed from the config */
    /* From the server (GET /api/info, association.updated), else the config's:
     * association.c owns them. @assoc_generation is bumped when they change. */
    const char *name_ar, *name_en, *ticker;
    char *own_name_ar, *own_name_en, *own_ticker;
    const char *cfg_name_ar, *cfg_name_en, *cfg_ticker; /* borrowed from the config */
    unsigned assoc_generation;
    SDL_Texture *logo;                      /* the association's logo, or NULL */

    /* A fresh start resumes the stream a little before the server's newest event
     * (feed_newest_seq): events up to @backfill_until fill the board quietly, and
     * only today's (@today, "YYYY-MM-DD" in the office's zone) ticket events. */
    int64_t backfill_until;
    char today[16];
    int backfilled;

    bool online;         /* the event stream is connected */
    bool show_status;    /* draw the offline indicator (a stream is configured) */
    long long now_ms;    /* monotonic, for animation */
    time_t now;          /* wall clock, for the clock and dates */
    long long ticker_t0; /* when the ticker started scrolling */
    unsigned generation; /* bumped by main.c when the calls shown change */
    unsigned services_generation; /* ... and when the waiting counts change */

    /* layout.c's cache of everything but the ticker, each panel redrawn into it
     * only when what it shows changes: a full software-rendered frame costs most
     * of a 60 Hz budget, a copy does not. */
    SDL_Texture *still;
    int still_w, still_h;
    unsigned still_generation, still_services_generation, still_assoc_generation;
    long long still_minute;
    bool still_online, still_valid;
    /* Partial presents (software renderer on the window's own surface, which keeps
     * its pixels between frames): layout.c then draws only what changed and lists
     * it in @damage, and main.c sends only those rectangles to the X server.
     * @repaint asks for everything once (exposed or resized window). */
    bool partial, repaint;
    SDL_Rect damage[8];
    int ndamage;
    bool flash_shown; /* the flash was on screen after the last frame */
    /* --check-layout: where the panel being drawn may put text, and how many texts
     * went outside it. */
    bool check_layout;
    SDL_Rect check_area;
    const char *check_panel;
    int overflows;
    /* panel-ticker.c's strip: the text once, scrolled by copying. */
    SDL_Texture *ticker_strip;
    int ticker_strip_w, ticker_strip_h, ticker_strip_px;
    unsigned ticker_strip_generation; /* assoc_generation it was drawn for */
};

/* A screen region that draws itself. */
struct panel {
    const char *name;
    void (*draw)(struct display *d, SDL_Rect area);
};

extern const struct panel panel_header;
extern const struct panel panel_call;
extern const struct panel panel_recent;
extern const struct panel panel_waiting;
extern const struct panel panel_ticker;
extern const struct panel panel_status;

/* layout.c: places every panel for the current size and orientation and draws them
 * in order (the still ones from the cache when nothing they show has changed).
 * Returns true if any still panel was drawn again. */
bool layout_draw(struct display *d);
/* Frees the cache. */
void layout_free(struct display *d);
/* panel-call.c: draws the announcement's flash over the call panel in @area, while
 * one is running. */
void panel_call_flash(struct display *d, SDL_Rect area);
/* True while the flash is on (it pulses). */
bool panel_call_flashing(const struct display *d);

/* Colours shared by the panels. */
extern const SDL_Color display_bg, display_panel, display_text, display_dim,
    display_label, display_accent, display_alert, display_ticker;

/* Scales a design size (at 1080 px on the short side) to pixels. */
int display_px(const struct display *d, float design);
/* "شباك ٣ — Counter 3" (or English first), digits per the display; caller frees. */
char *display_counter_text(const struct display *d, int counter);
/* @n with the display's digits; caller frees. */
char *display_number(const struct display *d, long n);

/* Shrinks @st1 and @st2 together until @t1 over @t2 fits in @avail pixels of
 * height (and each in @max_w wide, if > 0); returns the pair's height. */
int display_fit2(struct display *d, const char *t1, struct draw_style *st1,
                 const char *t2, struct draw_style *st2, int avail, int max_w);
/* draw_text for panels; with --check-layout it also counts (d->overflows) and logs
 * text whose box goes outside d->check_area (the panel being drawn, narrowed by
 * the panel to its box). */
int display_draw_text(struct display *d, const char *utf8, const struct draw_style *st,
                      int x, int y, SDL_Color c);
/* Draws @utf8 centred horizontally in @area, top at @y, shrunk to fit its width
 * (so @st may change); returns its height. */
int display_text_centred(struct display *d, const char *utf8, struct draw_style *st,
                         SDL_Rect area, int y, SDL_Color c);
/* The rows @utf8 in @st has ink on, from the top of its box: [*@top, *@bottom).
 * False if it has no ink. */
bool display_text_ink(struct display *d, const char *utf8, const struct draw_style *st,
                      int *top, int *bottom);
/* Width of @utf8 laid out in @st, 0 if it cannot be laid out. */
int display_text_width(struct display *d, const char *utf8, const struct draw_style *st);
/* Height of the laid-out box (line height, not ink), 0 if it cannot be laid out. */
int display_text_height(struct display *d, const char *utf8, const struct draw_style *st);

/* association.c: sets the name and ticker from @json (a GET /api/info reply or an
 * association.updated event); a missing or empty field falls back to the config's
 * value. Returns 1 if what is shown changed (and bumps assoc_generation), 0 if not,
 * -1 if @json is not an object. */
int display_association_apply(struct display *d, const char *json);
/* Frees what display_association_apply kept. */
void display_association_free(struct display *d);

/* User events from the workers (feed.c). data1 carries a heap struct feed_msg. */
enum display_event_code {
    DISPLAY_EV_SSE = 1,  /* an event from the stream */
    DISPLAY_EV_STATE,    /* stream connected (code 1) or not */
    DISPLAY_EV_SERVICES, /* a GET /api/services reply body */
    DISPLAY_EV_INFO,     /* a GET /api/info reply body */
};

#endif
