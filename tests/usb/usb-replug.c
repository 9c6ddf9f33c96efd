/* usb-replug — one printer handle, three jobs, the cable pulled during the first:
 * the first job fails with PRN_ERR_UNPLUGGED, a job while the printer is away fails
 * (PRN_ERR_NOT_FOUND, or PRN_ERR_UNPLUGGED while the dying device is still listed),
 * and once it is back the same handle finds it again and prints. Run inside
 * usb-printer-emu's "replug" scenario. Uses only prn.h, like the kiosk does.
 */
#include <stdio.h>
#include <time.h>

#include "prn.h"

static const struct prn_ticket ticket = {
    .association = "جمعية البر الخيرية",
    .service = "المساعدات الغذائية",
    .label = "A-018",
    .people_ahead = 2,
    .wait_low = 5,
    .wait_high = 10,
    .qr_url = "https://dawr.example/t/A-018",
};

static void sleep_ms(long ms)
{
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

int main(void)
{
    prn_printer *p;
    prn_err err = prn_open("usb:auto", PRN_WIDTH_80MM, &p);
    if (err != PRN_OK) {
        printf("open: %s\n", prn_err_name(err));
        return 1;
    }
    prn_set_timeout(p, 2000);
    err = prn_print_ticket(p, &ticket);
    printf("job 1: %s\n", prn_err_name(err));
    int ok = err == PRN_ERR_UNPLUGGED;
    err = prn_print_ticket(p, &ticket); /* the printer is away */
    printf("job 2: %s\n", prn_err_name(err));
    ok = ok && (err == PRN_ERR_NOT_FOUND || err == PRN_ERR_UNPLUGGED);
    sleep_ms(1000); /* it comes back after 300 ms */
    err = prn_print_ticket(p, &ticket);
    printf("job 3: %s\n", prn_err_name(err));
    ok = ok && err == PRN_OK;
    prn_close(p);
    return ok ? 0 : 1;
}
