/* fd-io — poll(2)-paced I/O with one deadline per call, so a printer that stops
 * accepting data (paper jam, pulled cable on the far side of a network) costs at
 * most the timeout and never hangs the kiosk.
 */
#include <errno.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>

#include "fd-io.h"

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static prn_err errno_err(int e)
{
    switch (e) {
    case EPIPE:
    case ECONNRESET:
    case ENODEV:
    case ENXIO:
    case ESHUTDOWN:
        return PRN_ERR_UNPLUGGED;
    case EACCES:
    case EPERM:
    case EBUSY:
        return PRN_ERR_ACCESS;
    default:
        return PRN_ERR_IO;
    }
}

/* Waits for @events until @deadline; PRN_OK when ready. */
static prn_err wait_fd(int fd, short events, long long deadline)
{
    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0)
            return PRN_ERR_TIMEOUT;
        struct pollfd pfd = {.fd = fd, .events = events};
        int n = poll(&pfd, 1, (int)left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno_err(errno);
        if (n == 0)
            return PRN_ERR_TIMEOUT;
        if (pfd.revents & POLLNVAL)
            return PRN_ERR_IO;
        return PRN_OK; /* POLLERR/POLLHUP: the read or write says what happened */
    }
}

prn_err fdio_write(int fd, const void *data, size_t len, int timeout_ms)
{
    long long deadline = now_ms() + timeout_ms;
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n > 0) {
            p += n;
            len -= (size_t)n;
            deadline = now_ms() + timeout_ms; /* progress: the printer is alive */
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            return errno_err(errno);
        prn_err err = wait_fd(fd, POLLOUT, deadline);
        if (err != PRN_OK)
            return err;
    }
    return PRN_OK;
}

prn_err fdio_read(int fd, void *data, size_t cap, size_t *got, int timeout_ms)
{
    long long deadline = now_ms() + timeout_ms;
    *got = 0;
    for (;;) {
        ssize_t n = read(fd, data, cap);
        if (n > 0) {
            *got = (size_t)n;
            return PRN_OK;
        }
        if (n == 0)
            return PRN_ERR_UNPLUGGED;
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            return errno_err(errno);
        prn_err err = wait_fd(fd, POLLIN, deadline);
        if (err != PRN_OK)
            return err;
    }
}
