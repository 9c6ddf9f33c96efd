/* file — the file:PATH transport: a printer character device such as /dev/usb/lp0
 * (usblp), or a plain file that collects the ESC/POS stream.
 *
 * A device is opened read-write so status can be read back when the printer is
 * bidirectional; a plain file is truncated once and jobs are appended, and has no
 * status to read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fd-io.h"
#include "prn-int.h"

struct file_tr {
    struct prn_transport base;
    int fd;
};

static prn_err file_write(struct prn_transport *t, const void *data, size_t len,
                          int timeout_ms)
{
    return fdio_write(((struct file_tr *)t)->fd, data, len, timeout_ms);
}

static prn_err file_read(struct prn_transport *t, void *data, size_t cap, size_t *got,
                         int timeout_ms)
{
    prn_err err = fdio_read(((struct file_tr *)t)->fd, data, cap, got, timeout_ms);
    /* usblp answers "nothing" with end of file when the printer has nothing to say. */
    return err == PRN_ERR_UNPLUGGED ? PRN_ERR_TIMEOUT : err;
}

static void file_close(struct prn_transport *t)
{
    close(((struct file_tr *)t)->fd);
    free(t);
}

static const struct prn_transport_ops device_ops = {
    .write = file_write, .read = file_read, .close = file_close};
static const struct prn_transport_ops plain_ops = {.write = file_write,
                                                   .close = file_close};

prn_err prn_file_open(const char *path, struct prn_transport **out)
{
    *out = NULL;
    if (*path == '\0')
        return PRN_ERR_BAD_DEVICE;
    struct stat sb;
    bool plain = stat(path, &sb) != 0 || S_ISREG(sb.st_mode);
    int fd = plain ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)
                   : open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOENT                       ? PRN_ERR_NOT_FOUND
               : (errno == EACCES || errno == EBUSY) ? PRN_ERR_ACCESS
                                                     : PRN_ERR_IO;
    struct file_tr *t = xcalloc(1, sizeof *t);
    t->base.ops = plain ? &plain_ops : &device_ops;
    t->fd = fd;
    *out = &t->base;
    return PRN_OK;
}
