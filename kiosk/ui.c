/* ui — see ui.h. High contrast on purpose: dark ink on near-white, one strong green
 * for actions, amber only for warnings. */
#include "ui.h"

const SDL_Color ui_bg = {0xF6, 0xF4, 0xEF, 0xFF};
const SDL_Color ui_ink = {0x1A, 0x1A, 0x1A, 0xFF};
const SDL_Color ui_muted = {0x4A, 0x4A, 0x4A, 0xFF};
const SDL_Color ui_primary = {0x0B, 0x5D, 0x3B, 0xFF};
const SDL_Color ui_on_primary = {0xFF, 0xFF, 0xFF, 0xFF};
const SDL_Color ui_surface = {0xFF, 0xFF, 0xFF, 0xFF};
const SDL_Color ui_line = {0x0B, 0x5D, 0x3B, 0xFF};
const SDL_Color ui_warn = {0xFF, 0xE0, 0x8A, 0xFF};
const SDL_Color ui_on_warn = {0x3A, 0x2A, 0x00, 0xFF};
const SDL_Color ui_ok = {0x0B, 0x5D, 0x3B, 0xFF};

int ui_px(const struct kiosk *k, int design)
{
    return (int)(design * k->scale + 0.5f);
}

const char *ui_tr(const struct kiosk *k, const char *ar, const char *en)
{
    return k->english ? en : ar;
}

struct draw_style ui_style(const struct kiosk *k, int design_px, bool bold)
{
    struct draw_style st = {0};
    st.px = ui_px(k, design_px);
    st.dir = k->english ? TXT_DIR_LTR : TXT_DIR_RTL;
    /* Arabic-Indic digits belong to the Arabic UI; English text keeps 0-9. */
    st.digits = k->arabic_digits && !k->english ? TXT_DIGITS_ARAB : TXT_DIGITS_LATN;
    st.bold = bold;
    st.align = TXT_ALIGN_START;
    return st;
}

int ui_text_dir(struct kiosk *k, const char *text, int design_px, bool bold, SDL_Rect box,
                txt_align align, txt_dir dir, SDL_Color c)
{
    struct draw_style st = ui_style(k, design_px, bold);
    st.width = box.w;
    st.align = align;
    st.dir = dir;
    const txt_layout *lo = draw_text_layout(k->draw, text, &st);
    if (lo == NULL)
        return -1;
    int tw, th;
    txt_layout_get_size(lo, &tw, &th);
    return draw_text(k->draw, text, &st, box.x, box.y + (box.h - th) / 2, c);
}

int ui_text(struct kiosk *k, const char *text, int design_px, bool bold, SDL_Rect box,
            txt_align align, SDL_Color c)
{
    return ui_text_dir(k, text, design_px, bold, box, align,
                       k->english ? TXT_DIR_LTR : TXT_DIR_RTL, c);
}

bool ui_inside(SDL_Rect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

SDL_Rect ui_column(const struct kiosk *k)
{
    int margin = ui_px(k, 56);
    int w = k->w - 2 * margin;
    int max = ui_px(k, 1080 - 2 * 56);
    if (w > max)
        w = max;
    return (SDL_Rect){(k->w - w) / 2, margin, w, k->h - 2 * margin};
}
