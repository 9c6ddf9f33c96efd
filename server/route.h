/* route — the one table of every HTTP route: method, path pattern, handler, who may
 * call it (public, device, staff + roles) and whether it needs the CSRF header. */
#ifndef DAWR_SERVER_ROUTE_H
#define DAWR_SERVER_ROUTE_H

#include <stdbool.h>
#include <stddef.h>

#define ROUTE_MAX_PARAMS 3
#define ROUTE_PARAM_MAX 96
#define ROUTE_PATH_MAX 512

struct http_req;
typedef void (*route_handler_fn)(struct http_req *r);

enum route_auth {
    ROUTE_PUBLIC,          /* anyone */
    ROUTE_DEVICE,          /* a kiosk or display bearer token */
    ROUTE_STAFF,           /* a staff session with one of the roles */
    ROUTE_DEVICE_OR_STAFF, /* either of the two above */
};

/* Roles as bits so one route names all it admits. */
enum {
    ROLE_ADMIN = 1,
    ROLE_MANAGER = 2,
    ROLE_RECEPTION = 4,
    ROLE_RESEARCHER = 8,
    ROLE_ANY = 15,
};
/* Device kinds as bits. */
enum { DEVICE_KIOSK = 1, DEVICE_DISPLAY = 2, DEVICE_ANY = 3 };

struct route {
    const char *method;
    const char *pattern; /* "/api/counters/{number}/next"; {x} matches one segment */
    route_handler_fn handler;
    enum route_auth auth;
    unsigned roles;        /* for staff callers */
    unsigned device_kinds; /* for device callers */
    bool csrf;             /* staff callers must send X-CSRF-Token */
};

/* The table, ended by an entry whose method is NULL. Borrowed, static. */
extern const struct route route_table[];

enum route_match {
    ROUTE_FOUND,
    ROUTE_NOT_FOUND,
    ROUTE_BAD_METHOD, /* the path exists with another method */
};

/* Finds the route for @method and @path (no query string). On ROUTE_FOUND, *@out is
 * set and the pattern's {params} are copied, in order, into @params. */
enum route_match route_find(const char *method, const char *path,
                            const struct route **out,
                            char params[ROUTE_MAX_PARAMS][ROUTE_PARAM_MAX]);

/* Role name <-> bit; 0 / NULL when unknown. */
unsigned route_role_from_name(const char *name);
const char *route_role_name(unsigned role);

#endif
