/* make-chime — writes chime.wav, the display's two-tone "ding-dong" (E6 then C6,
 * bell-like: a fundamental plus a softer octave, each with a fast attack and an
 * exponential decay). Kept beside the WAV so the sound can be remade or changed:
 *     cc -O2 -o /tmp/make-chime make-chime.c -lm && /tmp/make-chime chime.wav
 * Output: 22050 Hz, mono, signed 16-bit little-endian PCM. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define RATE 22050
#define PI 3.14159265358979323846

static void put16(FILE *f, uint16_t v)
{
    fputc(v & 0xff, f);
    fputc(v >> 8, f);
}

static void put32(FILE *f, uint32_t v)
{
    put16(f, v & 0xffff);
    put16(f, v >> 16);
}

int main(int argc, char **argv)
{
    const double tones[2] = {1318.51, 1046.50}; /* E6, C6 */
    const double note = 0.55, tail = 0.9;       /* seconds: note spacing, ring */
    const int n = (int)(RATE * (note + tail));
    FILE *f;

    if (argc != 2) {
        fprintf(stderr, "usage: make-chime OUT.wav\n");
        return 2;
    }
    if ((f = fopen(argv[1], "wb")) == NULL) {
        perror(argv[1]);
        return 1;
    }
    fputs("RIFF", f);
    put32(f, 36 + (uint32_t)n * 2);
    fputs("WAVEfmt ", f);
    put32(f, 16);
    put16(f, 1); /* PCM */
    put16(f, 1); /* mono */
    put32(f, RATE);
    put32(f, RATE * 2);
    put16(f, 2);
    put16(f, 16);
    fputs("data", f);
    put32(f, (uint32_t)n * 2);
    for (int i = 0; i < n; i++) {
        double t = (double)i / RATE, v = 0;
        for (int k = 0; k < 2; k++) {
            double u = t - k * note;
            if (u < 0)
                continue;
            double env = (1 - exp(-u / 0.004)) * exp(-u / 0.35);
            v += env *
                 (0.7 * sin(2 * PI * tones[k] * u) + 0.2 * sin(4 * PI * tones[k] * u));
        }
        double fade = (n - i) < RATE / 20 ? (double)(n - i) / (RATE / 20) : 1;
        put16(f, (uint16_t)(int16_t)lrint(v * fade * 0.6 * 32767));
    }
    return fclose(f) == 0 ? 0 : 1;
}
