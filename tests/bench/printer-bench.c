/* printer-bench — how long one ticket takes to lay out, rasterise to 1 bit and encode
 * as ESC/POS, and how many bytes it is, at 80 mm and 58 mm. Prints figures; timing is
 * never a pass/fail (CODING.md). Target: 10 ms per ticket.
 *
 *   printer-bench [ITERATIONS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "prn-int.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static const struct prn_ticket tickets[] = {
    {
        .association = "جمعية البر الخيرية",
        .service = "المساعدات الغذائية",
        .label = "A-017",
        .people_ahead = 4,
        .wait_low = 10,
        .wait_high = 20,
        .hijri = "الاثنين ٢ جمادى الآخرة ١٤٤٨ هـ  ١٠:٣٠ ص",
        .gregorian = "23 نوفمبر 2026 م",
        .qr_url = "https://dawr.example/t/A-017?k=51c0de",
        .phone = "011 456 7890",
        .address = "الرياض، حي النسيم، شارع الأمل",
    },
    {
        .association = "جمعية البر الخيرية",
        .service = "طلبات الدعم والإعانة",
        .label = "S-042",
        .people_ahead = 12,
        .wait_low = 25,
        .wait_high = 40,
        .hijri = "الاثنين ٢ جمادى الآخرة ١٤٤٨ هـ",
        .gregorian = "23/11/2026 م  10:30 ص",
        .qr_url = "https://dawr.example/t/S-042?k=9f3a2c",
        .phone = "011 456 7890",
        .address = "الرياض، حي النسيم، شارع الأمل، مبنى 14",
        .application_ref = "APP-2026-00917",
        .due_date = "7/12/2026",
        .english = "Support request S-042 - 12 people ahead",
    },
};

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 200;
    if (iters < 1)
        iters = 1;
    char *cause = NULL;
    double t0 = now_ms();
    struct prn_fonts *fonts = prn_fonts_load(prn_fonts_default_dir(), &cause);
    if (fonts == NULL) {
        fprintf(stderr, "printer-bench: fonts: %s\n", cause);
        return 1;
    }
    printf("fonts loaded in %.2f ms\n", now_ms() - t0);
    printf("%-8s %-6s %9s %9s %9s %9s %9s %10s\n", "ticket", "width", "first", "layout",
           "encode", "total", "p95", "bytes");
    double *total = malloc(sizeof(double) * (size_t)iters);
    for (size_t k = 0; k < sizeof tickets / sizeof tickets[0]; k++) {
        for (int w = 0; w < 2; w++) {
            int width = w == 0 ? PRN_WIDTH_80MM : PRN_WIDTH_58MM;
            double lay_sum = 0, enc_sum = 0, first = 0;
            size_t bytes = 0;
            for (int i = 0; i < iters; i++) {
                double a = now_ms();
                struct prn_image *img;
                if (ticket_render(fonts, &tickets[k], width, &img) != PRN_OK) {
                    fprintf(stderr, "printer-bench: layout failed\n");
                    return 1;
                }
                double b = now_ms();
                struct buf job = {0};
                escpos_job(&job, img);
                double c = now_ms();
                bytes = job.len;
                buf_free(&job);
                prn_image_free(img);
                if (i == 0)
                    first = c - a; /* glyph cache cold for this size */
                lay_sum += b - a;
                enc_sum += c - b;
                total[i] = c - a;
            }
            qsort(total, (size_t)iters, sizeof *total, cmp);
            printf("%-8s %-6s %7.2fms %7.2fms %7.2fms %7.2fms %7.2fms %10zu\n",
                   k == 0 ? "plain" : "support", w == 0 ? "80mm" : "58mm", first,
                   lay_sum / iters, enc_sum / iters, (lay_sum + enc_sum) / iters,
                   total[(size_t)(iters * 0.95) < (size_t)iters ? (size_t)(iters * 0.95)
                                                                : (size_t)iters - 1],
                   bytes);
        }
    }
    printf("(layout = txt layout + rasterise + 1-bit; means over %d tickets; target "
           "<= 10 ms total)\n",
           iters);
    free(total);
    prn_fonts_free(fonts);
    return 0;
}
