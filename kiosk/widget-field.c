/* widget-field — draws a kiosk/field as a large text box: the shaped text, scrolled so
 * the caret stays in view, and the caret itself; a tap moves the caret to the nearest
 * stop. Arabic text sits on the right, Latin and numbers on the left. */
#include "widget.h"

#include "ui.h"

/* Where the layout's left edge goes so the text is aligned and the caret visible. */
static int textbox_origin(struct kiosk *k, const struct textbox *t, SDL_Rect in)
{
    const txt_layout *lo = field_layout(t->field);
    int tw = 0, th, cx = 0, cy, ch;
    if (lo != NULL)
        txt_layout_get_size(lo, &tw, &th);
    bool rtl = lo != NULL && txt_layout_get_resolved_direction(lo) == TXT_DIR_RTL;
    (void)k;
    if (tw <= in.w)
        return rtl ? in.x + in.w - tw : in.x;
    /* too long: keep the caret inside, preferring the end being typed at */
    field_caret_position(t->field, &cx, &cy, &ch);
    int x0 = rtl ? in.x : in.x + in.w - tw;
    if (x0 + cx < in.x)
        x0 = in.x - cx;
    if (x0 + cx > in.x + in.w)
        x0 = in.x + in.w - cx;
    return x0;
}

static SDL_Rect textbox_inner(struct kiosk *k, const struct textbox *t)
{
    int pad = ui_px(k, 32);
    return (SDL_Rect){t->r.x + pad, t->r.y, t->r.w - 2 * pad, t->r.h};
}

void textbox_style(struct kiosk *k, struct field *f, bool digits_only)
{
    txt_dir dir = digits_only ? TXT_DIR_LTR : (k->english ? TXT_DIR_LTR : TXT_DIR_RTL);
    txt_digits dg = k->arabic_digits && !k->english ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN;
    field_set_style(f, k->fonts, 3, ui_px(k, 56), dir, dg);
}

void textbox_draw(struct kiosk *k, const struct textbox *t)
{
    int radius = ui_px(k, 20);
    draw_round_rect(k->draw, t->r, radius, ui_surface);
    draw_round_frame(k->draw, t->r, radius, ui_px(k, t->error ? 6 : 4),
                     t->error ? (SDL_Color){0xB0, 0x1E, 0x1E, 0xFF} : ui_primary);
    const txt_layout *lo = field_layout(t->field);
    if (lo == NULL)
        return;
    SDL_Rect in = textbox_inner(k, t);
    int tw, th;
    txt_layout_get_size(lo, &tw, &th);
    int x0 = textbox_origin(k, t, in);
    int y0 = t->r.y + (t->r.h - th) / 2;
    SDL_RenderSetClipRect(k->renderer, &in);
    draw_layout(k->draw, lo, ui_px(k, 56), x0, y0, ui_ink);
    int cx, cy, ch;
    if (t->focused && field_caret_position(t->field, &cx, &cy, &ch)) {
        if (ch <= 0)
            ch = ui_px(k, 70);
        draw_rect(k->draw, (SDL_Rect){x0 + cx - ui_px(k, 2), y0 + cy, ui_px(k, 5), ch},
                  ui_primary);
    }
    SDL_RenderSetClipRect(k->renderer, NULL);
}

bool textbox_tap(struct kiosk *k, const struct textbox *t, int x, int y)
{
    if (!ui_inside(t->r, x, y))
        return false;
    const txt_layout *lo = field_layout(t->field);
    if (lo == NULL)
        return true;
    SDL_Rect in = textbox_inner(k, t);
    int tw, th;
    txt_layout_get_size(lo, &tw, &th);
    int x0 = textbox_origin(k, t, in);
    int y0 = t->r.y + (t->r.h - th) / 2;
    field_tap(t->field, x - x0, y - y0);
    return true;
}
