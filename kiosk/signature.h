/* signature — a finger signature as strokes, and its PNG for the application record.
 * No SDL: widget-signature.c feeds it points and draws it; this file rasterises it
 * (ink discs along each segment) and encodes the image with libpng. */
#ifndef DAWR_KIOSK_SIGNATURE_H
#define DAWR_KIOSK_SIGNATURE_H

#include <stdbool.h>
#include <stddef.h>

struct signature_point {
    float x, y; /* 0..1 across the pad */
    bool start; /* first point of a stroke */
};

#define SIGNATURE_POINTS_MAX 4096

struct signature {
    struct signature_point pts[SIGNATURE_POINTS_MAX];
    size_t n;
};

void signature_clear(struct signature *s);
/* Adds a point (clamped to the pad). Points past the cap are dropped. */
void signature_add(struct signature *s, float x, float y, bool start);
/* True when there is enough ink to call it a signature: a stroke, not a tap. */
bool signature_signed(const struct signature *s);
/* Black on white PNG of @w × @h pixels. Returns 0 and a malloc'd *@png, or -1. */
int signature_png(const struct signature *s, int w, int h, unsigned char **png,
                  size_t *len);

#endif
