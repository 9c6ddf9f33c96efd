/* loopback — the scripted test server. One thread accepts and serves connections one
 * at a time, which is all a single SSE client needs. */
#include "loopback.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#define MAX_CONN 64

struct loopback {
    const struct loop_step *steps;
    size_t nsteps;
    int fd, port;
    pthread_t thread;
    pthread_mutex_t lock;
    bool stop;
    size_t count;
    char *requests[MAX_CONN];
};

static bool stopping(struct loopback *lb)
{
    pthread_mutex_lock(&lb->lock);
    bool s = lb->stop;
    pthread_mutex_unlock(&lb->lock);
    return s;
}

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads the request headers (up to the blank line). */
static char *read_request(struct loopback *lb, int c)
{
    struct buf b = {0};
    char tmp[1024];
    while (!stopping(lb) && (b.data == NULL || strstr(b.data, "\r\n\r\n") == NULL)) {
        struct pollfd pfd = {.fd = c, .events = POLLIN};
        if (poll(&pfd, 1, 100) <= 0)
            continue;
        ssize_t n = recv(c, tmp, sizeof tmp, 0);
        if (n <= 0)
            break;
        buf_append(&b, tmp, (size_t)n);
    }
    return buf_take(&b);
}

static void send_all(int c, const char *s, size_t len)
{
    while (len > 0) {
        ssize_t n = send(c, s, len, MSG_NOSIGNAL);
        if (n <= 0)
            return;
        s += n;
        len -= (size_t)n;
    }
}

/* Waits until the client closes or we stop. */
static void hold(struct loopback *lb, int c)
{
    char tmp[256];
    while (!stopping(lb)) {
        struct pollfd pfd = {.fd = c, .events = POLLIN};
        if (poll(&pfd, 1, 50) > 0 && recv(c, tmp, sizeof tmp, 0) <= 0)
            return;
    }
}

static void *serve(void *arg)
{
    struct loopback *lb = arg;
    while (!stopping(lb)) {
        struct pollfd pfd = {.fd = lb->fd, .events = POLLIN};
        if (poll(&pfd, 1, 50) <= 0)
            continue;
        int c = accept(lb->fd, NULL, NULL);
        if (c < 0)
            continue;
        char *req = read_request(lb, c);
        pthread_mutex_lock(&lb->lock);
        size_t i = lb->count;
        if (i < MAX_CONN)
            lb->requests[i] = req;
        else
            free(req);
        lb->count++;
        pthread_mutex_unlock(&lb->lock);
        if (i >= lb->nsteps) {
            hold(lb, c);
        } else {
            const struct loop_step *st = &lb->steps[i];
            send_all(c, st->reply, strlen(st->reply));
            if (st->action == LOOP_HOLD) {
                hold(lb, c);
            } else if (st->action == LOOP_HEARTBEAT) {
                long long end = now_ms() + st->hold_ms;
                while (!stopping(lb) && now_ms() < end) {
                    usleep((useconds_t)st->hb_ms * 1000);
                    send_all(c, ":\n", 2);
                }
            }
        }
        close(c);
    }
    return NULL;
}

struct loopback *loopback_start(const struct loop_step *steps, size_t n)
{
    struct loopback *lb = xcalloc(1, sizeof *lb);
    lb->steps = steps;
    lb->nsteps = n;
    pthread_mutex_init(&lb->lock, NULL);
    lb->fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET,
                            .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof a;
    if (lb->fd < 0 || bind(lb->fd, (struct sockaddr *)&a, sizeof a) != 0 ||
        listen(lb->fd, 8) != 0 || getsockname(lb->fd, (struct sockaddr *)&a, &al) != 0)
        abort();
    lb->port = ntohs(a.sin_port);
    pthread_create(&lb->thread, NULL, serve, lb);
    return lb;
}

int loopback_port(struct loopback *lb)
{
    return lb->port;
}

size_t loopback_count(struct loopback *lb)
{
    pthread_mutex_lock(&lb->lock);
    size_t n = lb->count;
    pthread_mutex_unlock(&lb->lock);
    return n;
}

char *loopback_request(struct loopback *lb, size_t i)
{
    pthread_mutex_lock(&lb->lock);
    char *r = i < lb->count && i < MAX_CONN ? xstrdup(lb->requests[i]) : NULL;
    pthread_mutex_unlock(&lb->lock);
    return r;
}

void loopback_stop(struct loopback *lb)
{
    pthread_mutex_lock(&lb->lock);
    lb->stop = true;
    pthread_mutex_unlock(&lb->lock);
    pthread_join(lb->thread, NULL);
    close(lb->fd);
    for (size_t i = 0; i < lb->count && i < MAX_CONN; i++)
        free(lb->requests[i]);
    pthread_mutex_destroy(&lb->lock);
    free(lb);
}
