/* tcp — the tcp:HOST:PORT transport: a network printer's raw port (9100).
 *
 * The connection is made on the first job and kept while it works; if the printer
 * closed it (many do after an idle while) the next job connects again. Connecting,
 * writing and reading all have deadlines.
 */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fd-io.h"
#include "prn-int.h"

struct tcp_tr {
    struct prn_transport base;
    char *host, *port;
    int fd;
};

#define CONNECT_TIMEOUT_MS 3000

static int connect_one(const struct addrinfo *ai)
{
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    ai->ai_protocol);
    if (fd < 0)
        return -1;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
        return fd;
    if (errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    struct pollfd pfd = {.fd = fd, .events = POLLOUT};
    int soerr = 0;
    socklen_t len = sizeof soerr;
    if (poll(&pfd, 1, CONNECT_TIMEOUT_MS) != 1 ||
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) != 0 || soerr != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static prn_err tcp_prepare(struct prn_transport *base)
{
    struct tcp_tr *t = (struct tcp_tr *)base;
    if (t->fd >= 0) {
        /* A closed or reset connection polls readable with nothing to read. */
        struct pollfd pfd = {.fd = t->fd, .events = POLLIN};
        char c;
        if (poll(&pfd, 1, 0) == 0 || recv(t->fd, &c, 1, MSG_PEEK) > 0)
            return PRN_OK;
        close(t->fd);
        t->fd = -1;
    }
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res;
    if (getaddrinfo(t->host, t->port, &hints, &res) != 0)
        return PRN_ERR_NOT_FOUND;
    for (struct addrinfo *ai = res; ai && t->fd < 0; ai = ai->ai_next)
        t->fd = connect_one(ai);
    freeaddrinfo(res);
    return t->fd >= 0 ? PRN_OK : PRN_ERR_OFFLINE;
}

static prn_err tcp_write(struct prn_transport *base, const void *data, size_t len,
                         int timeout_ms)
{
    struct tcp_tr *t = (struct tcp_tr *)base;
    if (t->fd < 0 && tcp_prepare(base) != PRN_OK)
        return PRN_ERR_OFFLINE;
    prn_err err = fdio_write(t->fd, data, len, timeout_ms);
    if (err != PRN_OK && err != PRN_ERR_TIMEOUT) {
        close(t->fd);
        t->fd = -1;
    }
    return err;
}

static prn_err tcp_read(struct prn_transport *base, void *data, size_t cap, size_t *got,
                        int timeout_ms)
{
    struct tcp_tr *t = (struct tcp_tr *)base;
    if (t->fd < 0)
        return PRN_ERR_OFFLINE;
    return fdio_read(t->fd, data, cap, got, timeout_ms);
}

static void tcp_close(struct prn_transport *base)
{
    struct tcp_tr *t = (struct tcp_tr *)base;
    if (t->fd >= 0)
        close(t->fd);
    free(t->host);
    free(t->port);
    free(t);
}

static const struct prn_transport_ops tcp_ops = {
    .write = tcp_write, .read = tcp_read, .prepare = tcp_prepare, .close = tcp_close};

/* HOST:PORT, HOST alone (port 9100) or [V6]:PORT. */
prn_err prn_tcp_open(const char *spec, struct prn_transport **out)
{
    *out = NULL;
    const char *host = spec, *host_end, *port = "9100";
    if (*spec == '[') {
        host = spec + 1;
        host_end = strchr(host, ']');
        if (host_end == NULL)
            return PRN_ERR_BAD_DEVICE;
        if (host_end[1] == ':')
            port = host_end + 2;
        else if (host_end[1] != '\0')
            return PRN_ERR_BAD_DEVICE;
    } else {
        host_end = strrchr(spec, ':');
        if (host_end)
            port = host_end + 1;
        else
            host_end = spec + strlen(spec);
    }
    if (host_end == host || *port == '\0' || strspn(port, "0123456789") != strlen(port))
        return PRN_ERR_BAD_DEVICE;
    struct tcp_tr *t = xcalloc(1, sizeof *t);
    t->base.ops = &tcp_ops;
    t->host = xstrndup(host, (size_t)(host_end - host));
    t->port = xstrdup(port);
    t->fd = -1;
    *out = &t->base;
    return PRN_OK;
}
