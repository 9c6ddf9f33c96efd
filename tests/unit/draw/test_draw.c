/* Unit tests for common/draw on SDL's software renderer (no window, no display):
 * text lands where its alignment says, in its colour; the layout cache and the
 * glyph atlas reuse what they hold; a full atlas starts afresh and still draws;
 * rounded rectangles leave their corners empty. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "draw.h"

#define W 600
#define H 160

struct fixture {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    struct draw *draw;
};

static int setup(void **state)
{
    struct fixture *f = calloc(1, sizeof *f);
    char *cause = NULL;

    f->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGBA32);
    assert_non_null(f->surface);
    f->renderer = SDL_CreateSoftwareRenderer(f->surface);
    assert_non_null(f->renderer);
    f->draw = draw_create(f->renderer, NULL, &cause);
    if (f->draw == NULL)
        fail_msg("draw_create: %s", cause);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *f = *state;

    draw_destroy(f->draw);
    SDL_DestroyRenderer(f->renderer);
    SDL_FreeSurface(f->surface);
    free(f);
    return 0;
}

static void clear(struct fixture *f)
{
    SDL_SetRenderDrawBlendMode(f->renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(f->renderer, 255, 255, 255, 255);
    SDL_RenderClear(f->renderer);
}

static const uint8_t *pixel(struct fixture *f, int x, int y)
{
    return (const uint8_t *)f->surface->pixels + y * f->surface->pitch + x * 4;
}

/* Leftmost and rightmost columns with ink (any channel below 128), or -1. */
static void ink_span(struct fixture *f, int *left, int *right, int *count)
{
    SDL_RenderFlush(f->renderer);
    *left = *right = -1;
    *count = 0;
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            const uint8_t *p = pixel(f, x, y);
            if (p[0] < 128 || p[1] < 128 || p[2] < 128) {
                if (*left < 0 || x < *left)
                    *left = x;
                if (x > *right)
                    *right = x;
                (*count)++;
            }
        }
    }
}

static void test_bad_fonts_dir(void **state)
{
    struct fixture *f = *state;
    char *cause = NULL;

    assert_null(draw_create(f->renderer, "/nonexistent/fonts", &cause));
    assert_non_null(cause);
    free(cause);
    assert_null(draw_create(NULL, NULL, NULL));
}

static void test_alignment(void **state)
{
    struct fixture *f = *state;
    const SDL_Color black = {0, 0, 0, 255};
    struct draw_style rtl = {
        .px = 32, .width = 560, .align = TXT_ALIGN_RIGHT, .dir = TXT_DIR_RTL};
    struct draw_style ltr = {
        .px = 32, .width = 560, .align = TXT_ALIGN_LEFT, .dir = TXT_DIR_LTR};
    int left, right, count, h;

    clear(f);
    h = draw_text(f->draw, "مرحباً بكم", &rtl, 20, 20, black);
    assert_true(h > 0);
    ink_span(f, &left, &right, &count);
    assert_true(count > 100);
    assert_in_range(right, 560, 580); /* flush with x + width */
    assert_true(left > 300);

    clear(f);
    draw_text(f->draw, "Ticket A-017", &ltr, 20, 20, black);
    ink_span(f, &left, &right, &count);
    assert_true(count > 100);
    assert_in_range(left, 20, 30);
    assert_true(right < 300);

    /* Nothing to lay out is not an error to draw, and NULL text is refused. */
    assert_int_equal(draw_text(f->draw, NULL, &ltr, 0, 0, black), -1);
}

static void test_colour(void **state)
{
    struct fixture *f = *state;
    int red = 0, other = 0;

    clear(f);
    draw_text(f->draw, "دور", &(struct draw_style){.px = 64, .bold = true}, 10, 10,
              (SDL_Color){200, 0, 0, 255});
    SDL_RenderFlush(f->renderer);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
            const uint8_t *p = pixel(f, x, y);
            if (p[1] < 50 && p[2] < 50 && p[0] > 150)
                red++;
            else if (p[0] < 128)
                other++;
        }
    }
    assert_true(red > 200);
    assert_int_equal(other, 0);
}

static void test_caches(void **state)
{
    struct fixture *f = *state;
    const SDL_Color black = {0, 0, 0, 255};
    struct draw_style st = {.px = 28};
    int layouts0, glyphs0, layouts1, glyphs1, pages;

    draw_stats(f->draw, &pages, &glyphs0, &layouts0);
    draw_text(f->draw, "نظام التذاكر ١٢٣", &st, 0, 0, black);
    draw_stats(f->draw, &pages, &glyphs1, &layouts1);
    assert_int_equal(layouts1, layouts0 + 1);
    assert_true(glyphs1 > glyphs0);
    assert_int_equal(pages, 1);

    /* The same text and style again: nothing new is laid out or rasterised. */
    draw_text(f->draw, "نظام التذاكر ١٢٣", &st, 0, 0, black);
    draw_stats(f->draw, NULL, &glyphs0, &layouts0);
    assert_int_equal(layouts0, layouts1);
    assert_int_equal(glyphs0, glyphs1);

    /* Another size is another layout and other glyphs. */
    st.px = 40;
    draw_text(f->draw, "نظام التذاكر ١٢٣", &st, 0, 0, black);
    draw_stats(f->draw, NULL, &glyphs0, &layouts0);
    assert_int_equal(layouts0, layouts1 + 1);
    assert_true(glyphs0 > glyphs1);

    /* The layout cache is bounded. */
    for (int i = 0; i < 300; i++) {
        char s[32];
        snprintf(s, sizeof s, "رقم %d", i);
        draw_text(f->draw, s, &st, 0, 0, black);
    }
    draw_stats(f->draw, NULL, NULL, &layouts0);
    assert_true(layouts0 <= 128);
}

static void test_atlas_full(void **state)
{
    struct fixture *f = *state;
    const SDL_Color black = {0, 0, 0, 255};
    const char *alphabet = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    int pages, glyphs, left, right, count;

    /* Enough sizes to fill every page several times over. */
    for (int px = 20; px < 260; px += 4) {
        txt_layout *lo = txt_layout_create();
        assert_true(txt_layout_set_text(lo, alphabet, strlen(alphabet)) &&
                    draw_add_fonts(f->draw, lo, false) && txt_layout_set_size(lo, px) &&
                    txt_layout_layout(lo));
        draw_layout(f->draw, lo, px, 0, 0, black);
        txt_layout_destroy(lo);
    }
    draw_stats(f->draw, &pages, &glyphs, NULL);
    assert_int_equal(pages, 4); /* every page used; the rest forced a fresh start */
    assert_true(glyphs > 0);

    /* After starting afresh the atlas still draws. */
    clear(f);
    draw_text(f->draw, "شباك ٣", &(struct draw_style){.px = 48}, 10, 10, black);
    ink_span(f, &left, &right, &count);
    assert_true(count > 100);
}

static void test_round_rect(void **state)
{
    struct fixture *f = *state;
    const SDL_Color teal = {0, 90, 90, 255};

    clear(f);
    draw_round_rect(f->draw, (SDL_Rect){100, 20, 200, 100}, 30, teal);
    draw_round_frame(f->draw, (SDL_Rect){350, 20, 200, 100}, 30, 3, teal);
    draw_rect(f->draw, (SDL_Rect){0, 0, 10, 10}, teal);
    SDL_RenderFlush(f->renderer);
    /* Corner empty, edges' middles and centre filled. */
    assert_int_equal(pixel(f, 101, 21)[0], 255);
    assert_int_equal(pixel(f, 200, 70)[1], 90);
    assert_int_equal(pixel(f, 100, 70)[1], 90);
    assert_int_equal(pixel(f, 200, 20)[1], 90);
    assert_int_equal(pixel(f, 5, 5)[1], 90);
    /* The frame: inked edge, empty inside, empty corner. */
    assert_int_equal(pixel(f, 450, 21)[1], 90);
    assert_int_equal(pixel(f, 450, 70)[1], 255);
    assert_int_equal(pixel(f, 351, 21)[1], 255);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_fonts_dir), cmocka_unit_test(test_alignment),
        cmocka_unit_test(test_colour),        cmocka_unit_test(test_caches),
        cmocka_unit_test(test_atlas_full),    cmocka_unit_test(test_round_rect),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
