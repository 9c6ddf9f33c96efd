/* widget-keyboard — draws the on-screen keyboard of keyboard.h and turns a tap into
 * an edit of the focused field. Letter keys are white, function keys green, so the
 * two kinds are told apart at a glance. */
#include "widget.h"

#include "ui.h"

void keypad_draw(struct kiosk *k, const struct keyboard *kb, SDL_Rect area)
{
    struct keyboard_rect a = {area.x, area.y, area.w, area.h};
    int gap = ui_px(k, 5);
    for (size_t r = 0; r < keyboard_rows(kb->layer); r++) {
        size_t n;
        const struct keyboard_key *keys = keyboard_row(kb->layer, r, &n);
        for (size_t i = 0; i < n; i++) {
            struct keyboard_rect c;
            if (!keyboard_key_rect(kb->layer, a, r, i, &c))
                continue;
            SDL_Rect kr = {c.x + gap, c.y + gap, c.w - 2 * gap, c.h - 2 * gap};
            bool letter = keys[i].action == KEYBOARD_INSERT && keys[i].insert[0] != ' ';
            draw_round_rect(k->draw, kr, ui_px(k, 14),
                            letter ? ui_surface : (SDL_Color){0x2E, 0x6B, 0x50, 0xFF});
            if (letter)
                draw_round_frame(k->draw, kr, ui_px(k, 14), ui_px(k, 2),
                                 (SDL_Color){0x9A, 0xA8, 0xA0, 0xFF});
            /* digits follow the UI; letters in their own direction */
            ui_text_dir(k, keys[i].label, letter ? 44 : 34, letter, kr, TXT_ALIGN_CENTER,
                        TXT_DIR_AUTO, letter ? ui_ink : ui_on_primary);
        }
    }
}

enum keyboard_action keypad_tap(struct kiosk *k, struct keyboard *kb, SDL_Rect area,
                                int x, int y, struct field *f, bool *refused)
{
    (void)k;
    struct keyboard_rect a = {area.x, area.y, area.w, area.h};
    const char *ins;
    *refused = false;
    enum keyboard_action act = keyboard_press(kb, keyboard_hit(kb->layer, a, x, y), &ins);
    if (act == KEYBOARD_INSERT && f != NULL)
        *refused = !field_insert(f, ins);
    else if (act == KEYBOARD_BACKSPACE && f != NULL)
        field_backspace(f);
    return act;
}
