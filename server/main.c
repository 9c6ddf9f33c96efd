/* main — dawr-server's command line: read the config, open (or create) the database,
 * run an admin subcommand or start the HTTP server and wait for a signal.
 *
 *   dawr-server [--config FILE] [--db FILE] [--listen ADDR:PORT]
 *   dawr-server --db FILE user add NAME --role ROLE [--display-name TEXT] < password
 *   dawr-server --db FILE device add NAME --kind kiosk|display
 */
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "api.h"
#include "cfg.h"
#include "log.h"
#include "sse.h"

#ifndef DAWR_SERVER_WEB_ROOT
#define DAWR_SERVER_WEB_ROOT "/usr/share/dawr/web"
#endif
#ifndef DAWR_SERVER_ASSETS
#define DAWR_SERVER_ASSETS "/usr/share/dawr"
#endif

static void usage(FILE *f)
{
    fprintf(
        f,
        "usage: dawr-server [--config FILE] [--db FILE] [--listen ADDR:PORT]\n"
        "       dawr-server --db FILE user add NAME --role ROLE [--display-name TEXT]\n"
        "                   (the password is read from standard input)\n"
        "       dawr-server --db FILE device add NAME --kind kiosk|display\n"
        "                   (prints the device's token once)\n"
        "Roles: admin, manager, reception, researcher.\n"
        "خادم دور: التذاكر والطلبات وواجهة البرمجة والأحداث الحية.\n");
}

static char *main_hash_password(const char *password, void *arg)
{
    char hash[AUTH_PWHASH_MAX];

    (void)arg;
    if (auth_password_hash(password, hash) != 0)
        return NULL;
    return xstrdup(hash);
}

/* Test clock: when $DAWR_TEST_NOW_FILE names a file, "now" is the number in it, so
 * integration tests can script a day with exact waits. Unset in production. */
static int64_t main_test_now(void *arg)
{
    char *text = util_read_file(arg, NULL);
    int64_t t = text != NULL ? strtoll(text, NULL, 10) : 0;

    free(text);
    return t > 0 ? t : (int64_t)time(NULL);
}

/* "[support] CODE_ar / CODE_en": an association's own name for a support type. */
static const char *main_support_name(void *arg, const char *code, bool arabic)
{
    char key[FORM_SUPPORT_MAX + 4];

    snprintf(key, sizeof key, "%s_%s", code, arabic ? "ar" : "en");
    return cfg_get(arg, "support", key, NULL);
}

/* Prints the table tests walk: method, pattern, auth, roles, device kinds, csrf. */
static void main_print_routes(void)
{
    static const char *auth[] = {"public", "device", "staff", "device_or_staff"};

    for (const struct route *rt = route_table; rt->method != NULL; rt++) {
        printf("%s\t%s\t%s\t", rt->method, rt->pattern, auth[rt->auth]);
        const char *sep = "";
        for (unsigned b = 1; b <= ROLE_RESEARCHER; b <<= 1)
            if (rt->roles & b) {
                printf("%s%s", sep, route_role_name(b));
                sep = ",";
            }
        printf("%s\t%s%s%s\t%s\n", *sep ? "" : "-",
               rt->device_kinds & DEVICE_KIOSK ? "kiosk" : "",
               rt->device_kinds == DEVICE_ANY ? "," : "",
               rt->device_kinds & DEVICE_DISPLAY ? "display"
                                                 : (rt->device_kinds ? "" : "-"),
               rt->csrf ? "csrf" : "-");
    }
}

/* Reads the first line of standard input as the password. */
static char *main_read_password(void)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);

    if (n <= 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    return line;
}

static int main_user_add(struct store *st, int argc, char **argv)
{
    const char *name = NULL, *role = NULL, *display = NULL;
    enum store_role r;
    char hash[AUTH_PWHASH_MAX];
    int64_t id;

    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
            role = argv[++i];
        else if (strcmp(argv[i], "--display-name") == 0 && i + 1 < argc)
            display = argv[++i];
        else if (name == NULL && argv[i][0] != '-')
            name = argv[i];
        else {
            usage(stderr);
            return 2;
        }
    }
    if (name == NULL || role == NULL || !store_role_parse(role, &r)) {
        fprintf(stderr, "dawr-server: user add needs NAME and --role "
                        "admin|manager|reception|researcher\n");
        return 2;
    }
    char *pw = main_read_password();
    if (pw == NULL || strlen(pw) < 8) {
        fprintf(stderr, "dawr-server: the password (on standard input) needs at least 8 "
                        "characters / كلمة المرور ٨ أحرف على الأقل\n");
        free(pw);
        return 1;
    }
    int rc = auth_password_hash(pw, hash);
    sodium_memzero(pw, strlen(pw));
    free(pw);
    if (rc != 0) {
        fprintf(stderr, "dawr-server: cannot hash the password (out of memory)\n");
        return 1;
    }
    enum store_err e =
        store_staff_create(st, name, display ? display : name, r, hash, &id);
    if (e != STORE_OK) {
        fprintf(stderr, "dawr-server: cannot add the user: %s\n", store_err_name(e));
        return 1;
    }
    printf("user %lld added\n", (long long)id);
    return 0;
}

static int main_device_add(struct store *st, int argc, char **argv)
{
    const char *name = NULL, *kind = NULL;
    enum store_device_kind k;
    char token[AUTH_TOKEN_LEN + 1], hash[AUTH_HASH_LEN + 1];
    int64_t id;

    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--kind") == 0 && i + 1 < argc)
            kind = argv[++i];
        else if (name == NULL && argv[i][0] != '-')
            name = argv[i];
        else {
            usage(stderr);
            return 2;
        }
    }
    if (name == NULL || kind == NULL || !store_device_kind_parse(kind, &k)) {
        fprintf(stderr, "dawr-server: device add needs NAME and --kind kiosk|display\n");
        return 2;
    }
    auth_token_new(token);
    auth_token_hash(token, hash);
    enum store_err e = store_device_create(st, name, k, hash, &id);
    if (e != STORE_OK) {
        fprintf(stderr, "dawr-server: cannot add the device: %s\n", store_err_name(e));
        return 1;
    }
    printf("%s\n", token);
    sodium_memzero(token, sizeof token);
    return 0;
}

static int main_serve(const char *listen_addr, const char *web_root)
{
    sigset_t set;
    int sig;
    char *cause = NULL;

    /* Signals are taken by sigwait below, never by the worker threads. */
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);

    /* Sessions idle past their limit before this start are of no use to anyone. */
    (void)store_sessions_purge(api_store, 30 * 60);
    sse_init(store_event_last_seq(api_store), api_events_fetch);
    api_batch_start();
    if (http_start(listen_addr, web_root, &cause) != 0) {
        fprintf(stderr, "dawr-server: %s\n", cause);
        free(cause);
        api_batch_stop();
        return 1;
    }
    log_notice("listening on %s", listen_addr);
    sigwait(&set, &sig);
    log_notice("stopping");
    http_stop();
    api_batch_stop();
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"config", required_argument, NULL, 'c'},
        {"db", required_argument, NULL, 'd'},
        {"listen", required_argument, NULL, 'l'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"print-routes", no_argument, NULL, 'R'},
        {NULL, 0, NULL, 0},
    };
    const char *config = NULL, *db = NULL, *listen_addr = NULL;
    char *cause = NULL, *admin_pw = NULL;
    int c, rc;

    /* Stop at the first non-option so "user add NAME --role R" keeps its options. */
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        switch (c) {
        case 'c':
            config = optarg;
            break;
        case 'd':
            db = optarg;
            break;
        case 'l':
            listen_addr = optarg;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("dawr-server %s\n", DAWR_VERSION);
            return 0;
        case 'R':
            main_print_routes();
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }

    cfg *cf;
    if (config != NULL || access(cfg_default_path(), R_OK) == 0) {
        cf = cfg_load(config != NULL ? config : cfg_default_path(), &cause);
        if (cf == NULL) {
            fprintf(stderr, "dawr-server: %s\n", cause);
            free(cause);
            return 1;
        }
    } else
        cf = cfg_new();
    if (db == NULL)
        db = cfg_get(cf, "server", "db", "");
    if (db[0] == '\0')
        db = "/var/lib/dawr/dawr.db";
    if (listen_addr == NULL)
        listen_addr = cfg_get(cf, "server", "listen", "127.0.0.1:8080");
    const char *web_root = cfg_get(cf, "server", "web_root", "");
    if (web_root[0] == '\0')
        web_root = DAWR_SERVER_WEB_ROOT;
    const char *assets =
        getenv("DAWR_ASSETS") ? getenv("DAWR_ASSETS") : DAWR_SERVER_ASSETS;
    char *services_default = xasprintf("%s/config/services.ini", assets);
    const char *services = cfg_get(cf, "server", "services", services_default);

    api_settings.assoc_name_ar = cfg_get(cf, "association", "name_ar", NULL);
    api_settings.assoc_name_en = cfg_get(cf, "association", "name_en", NULL);
    api_settings.phone = cfg_get(cf, "association", "phone", NULL);
    api_settings.address_ar = cfg_get(cf, "association", "address_ar", NULL);
    api_settings.address_en = cfg_get(cf, "association", "address_en", NULL);
    api_settings.tz = cfg_get(cf, "association", "timezone", QUEUE_DEFAULT_TZ);

    if (api_support_init(cfg_get(cf, "support", "types", NULL), main_support_name, cf,
                         &cause) != 0) {
        fprintf(stderr, "dawr-server: %s\n", cause);
        free(cause);
        return 1;
    }

    if (auth_init() != 0) {
        fprintf(stderr, "dawr-server: libsodium cannot start\n");
        return 1;
    }
    struct store_config sc = {
        .services_ini = access(services, R_OK) == 0 ? services : NULL,
        .assoc_name_ar = api_settings.assoc_name_ar,
        .assoc_name_en = api_settings.assoc_name_en,
        .assoc_phone = api_settings.phone,
        .assoc_address_ar = api_settings.address_ar,
        .assoc_address_en = api_settings.address_en,
        .ticker_ar = cfg_get(cf, "display", "ticker_ar", NULL),
        .ticker_en = cfg_get(cf, "display", "ticker_en", NULL),
        .tz = api_settings.tz,
        .hash_password = main_hash_password,
    };
    if (getenv("DAWR_TEST_NOW_FILE") != NULL && getenv("DAWR_TEST_NOW_FILE")[0] != '\0') {
        sc.now = main_test_now;
        sc.now_arg = getenv("DAWR_TEST_NOW_FILE");
    }
    api_store = store_open(db, &sc, &admin_pw, &cause);
    if (api_store == NULL) {
        fprintf(stderr, "dawr-server: cannot open the database %s: %s\n", db, cause);
        free(cause);
        return 1;
    }
    if (admin_pw != NULL) {
        /* The only time this password exists in clear: on the operator's terminal. */
        printf("dawr-server: new database; user \"admin\", one-time password: %s\n",
               admin_pw);
        printf("كلمة مرور المدير لمرة واحدة: %s\n", admin_pw);
        fflush(stdout);
        sodium_memzero(admin_pw, strlen(admin_pw));
        free(admin_pw);
    }

    if (optind < argc) {
        if (optind + 1 < argc && strcmp(argv[optind], "user") == 0 &&
            strcmp(argv[optind + 1], "add") == 0)
            rc = main_user_add(api_store, argc - optind - 2, argv + optind + 2);
        else if (optind + 1 < argc && strcmp(argv[optind], "device") == 0 &&
                 strcmp(argv[optind + 1], "add") == 0)
            rc = main_device_add(api_store, argc - optind - 2, argv + optind + 2);
        else {
            usage(stderr);
            rc = 2;
        }
    } else
        rc = main_serve(listen_addr, web_root);
    store_close(api_store);
    free(services_default);
    cfg_free(cf);
    return rc;
}
