/* dawr-print — print, test and inspect ticket printers from the command line.
 *
 * Uses only prn.h, like any other program would: it is both a tool for the people who
 * set up a kiosk and the harness the printer tests drive.
 *
 *   dawr-print list
 *   dawr-print [--width 58|80] [--timeout MS] status DEVICE
 *   dawr-print [--width 58|80] [--timeout MS] test DEVICE
 *   dawr-print [--width 58|80] [--timeout MS] ticket --json FILE DEVICE
 */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "prn.h"
#ifdef DAWR_HAVE_CAL
#include "cal.h"
#endif

#define JSON_MAX (64 * 1024) /* a ticket is a few hundred bytes */

static void usage(FILE *fp)
{
    fprintf(fp, "usage: dawr-print [--width 58|80] [--timeout MS] COMMAND\n"
                "  list                         USB printers found\n"
                "  status DEVICE                ask the printer how it is\n"
                "  test DEVICE                  print a sample ticket\n"
                "  ticket --json FILE DEVICE    print the ticket described in FILE\n"
                "DEVICE: usb:auto | usb:VID:PID[:SERIAL] | file:PATH | tcp:HOST:PORT | "
                "png:DIR\n");
}

/* Errors go to the person in both languages, and by name for scripts. */
static int fail(const char *what, prn_err err)
{
    fprintf(stderr, "dawr-print: %s: %s (%s)\n  %s\n", what, prn_strerror_en(err),
            prn_err_name(err), prn_strerror_ar(err));
    return 1;
}

static int cmd_list(void)
{
    char **list;
    prn_err err = prn_list(&list);
    if (err != PRN_OK)
        return fail("list", err);
    for (char **s = list; *s; s++)
        printf("%s\n", *s);
    prn_list_free(list);
    return 0;
}

static int open_printer(const char *device, int width, int timeout, prn_printer **p)
{
    prn_err err = prn_open(device, width, p);
    if (err != PRN_OK)
        return fail(device, err);
    if (timeout > 0)
        prn_set_timeout(*p, timeout);
    return 0;
}

static int cmd_status(prn_printer *p)
{
    struct prn_status st;
    prn_err err = prn_status(p, &st);
    printf("status: %s\n", prn_err_name(err));
    if (err == PRN_OK)
        return 0;
    return fail("status", err);
}

static int print(prn_printer *p, const struct prn_ticket *t)
{
    prn_err err = prn_print_ticket(p, t);
    if (err != PRN_OK)
        return fail("print", err);
    if (prn_last_output(p))
        printf("printed: %s\n", prn_last_output(p));
    else
        printf("printed: %zu bytes\n", prn_last_job_size(p));
    return 0;
}

/* Today's dates for the sample ticket: Hijri and Gregorian from common/cal when it is
 * built, otherwise the Gregorian date alone. */
static int cmd_test(prn_printer *p)
{
    char hijri[128] = "", greg[128] = "";
    time_t now = time(NULL);
#ifdef DAWR_HAVE_CAL
    char *h = cal_format(now, NULL, CAL_HIJRI_LONG, CAL_AR);
    char *g = cal_format(now, NULL, CAL_GREGORIAN_LONG, CAL_AR);
    char *tm = cal_format(now, NULL, CAL_TIME, CAL_AR);
    snprintf(hijri, sizeof hijri, "%s", h ? h : "");
    snprintf(greg, sizeof greg, "%s  %s", g ? g : "", tm ? tm : "");
    free(h);
    free(g);
    free(tm);
#else
    strftime(greg, sizeof greg, "%d/%m/%Y  %H:%M", localtime(&now));
#endif
    struct prn_ticket t = {
        .association = "جمعية البر الخيرية",
        .service = "المساعدات الغذائية",
        .label = "A-017",
        .people_ahead = 4,
        .wait_low = 10,
        .wait_high = 20,
        .hijri = hijri,
        .gregorian = greg,
        .qr_url = "https://dawr.example/t/A-017",
        .phone = "011 456 7890",
        .address = "الرياض، حي النسيم، شارع الأمل",
        .english = "Test ticket - printer works",
    };
    return print(p, &t);
}

static const char *str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

static int cmd_ticket(prn_printer *p, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || sb.st_size > JSON_MAX) {
        fprintf(stderr, "dawr-print: %s: missing or larger than %d bytes\n", path,
                JSON_MAX);
        return 2;
    }
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (root == NULL || !json_is_object(root)) {
        fprintf(stderr, "dawr-print: %s:%d: %s\n", path, jerr.line,
                root ? "not a JSON object" : jerr.text);
        json_decref(root);
        return 2;
    }
    struct prn_ticket t = {
        .association = str(root, "association"),
        .service = str(root, "service"),
        .label = str(root, "label"),
        .people_ahead = (int)json_integer_value(json_object_get(root, "people_ahead")),
        .wait_low = (int)json_integer_value(json_object_get(root, "wait_low")),
        .wait_high = (int)json_integer_value(json_object_get(root, "wait_high")),
        .hijri = str(root, "hijri"),
        .gregorian = str(root, "gregorian"),
        .qr_url = str(root, "qr_url"),
        .phone = str(root, "phone"),
        .address = str(root, "address"),
        .application_ref = str(root, "application_ref"),
        .due_date = str(root, "due_date"),
        .english = str(root, "english"),
    };
    int rc = print(p, &t);
    json_decref(root);
    return rc;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"width", required_argument, NULL, 'w'},
        {"timeout", required_argument, NULL, 't'},
        {"json", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int width = PRN_WIDTH_80MM, timeout = 0, c;
    const char *json = NULL;
    while ((c = getopt_long(argc, argv, "+w:t:j:hV", opts, NULL)) != -1) {
        switch (c) {
        case 'w':
            if (strcmp(optarg, "80") == 0)
                width = PRN_WIDTH_80MM;
            else if (strcmp(optarg, "58") == 0)
                width = PRN_WIDTH_58MM;
            else {
                usage(stderr);
                return 2;
            }
            break;
        case 't':
            timeout = atoi(optarg);
            break;
        case 'j':
            json = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("dawr-print %s\n", DAWR_VERSION);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    const char *cmd = argv[optind++];
    if (strcmp(cmd, "list") == 0)
        return cmd_list();
    /* "ticket --json FILE DEVICE": options may also follow the command. */
    while ((c = getopt_long(argc, argv, "+w:t:j:", opts, NULL)) != -1) {
        if (c == 'j')
            json = optarg;
        else if (c == 'w')
            width = strcmp(optarg, "58") == 0 ? PRN_WIDTH_58MM : PRN_WIDTH_80MM;
        else if (c == 't')
            timeout = atoi(optarg);
        else {
            usage(stderr);
            return 2;
        }
    }
    if (optind != argc - 1 || (strcmp(cmd, "ticket") == 0) != (json != NULL)) {
        usage(stderr);
        return 2;
    }
    prn_printer *p;
    if (open_printer(argv[optind], width, timeout, &p) != 0)
        return 1;
    int rc;
    if (strcmp(cmd, "status") == 0)
        rc = cmd_status(p);
    else if (strcmp(cmd, "test") == 0)
        rc = cmd_test(p);
    else if (strcmp(cmd, "ticket") == 0)
        rc = cmd_ticket(p, json);
    else {
        usage(stderr);
        rc = 2;
    }
    prn_close(p);
    return rc;
}
