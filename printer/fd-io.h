/* fd-io — writing and reading a file descriptor with a deadline, for file: and tcp:. */
#ifndef DAWR_PRN_FD_IO_H
#define DAWR_PRN_FD_IO_H

#include "prn.h"

/* Writes all of @data to non-blocking @fd within @timeout_ms. */
prn_err fdio_write(int fd, const void *data, size_t len, int timeout_ms);
/* Reads 1..@cap bytes from non-blocking @fd within @timeout_ms. End of file is
 * PRN_ERR_UNPLUGGED (the peer went away). */
prn_err fdio_read(int fd, void *data, size_t cap, size_t *got, int timeout_ms);

#endif
