/* usb-printer-emu — an ESC/POS USB printer emulated with umockdev, for the USB tests.
 *
 * Runs under umockdev-wrapper. It adds a USB device to a umockdev testbed whose
 * descriptors have a vendor interface first and the printer-class interface (class 7,
 * bidirectional) second, with bulk OUT 0x03 and bulk IN 0x84, bound to "usblp". It
 * answers the usbdevfs ioctls libusb issues (GETDRIVER, DISCONNECT/CONNECT through
 * USBDEVFS_IOCTL, CLAIM/RELEASEINTERFACE, SUBMITURB/REAPURB/DISCARDURB), records every
 * byte written to bulk OUT, and answers DLE EOT n on bulk IN like a printer would.
 * Then it runs the given command (dawr-print) against it and exits with its status.
 *
 *   usb-printer-emu SCENARIO CAPTURE LOG -- COMMAND [ARGS...]
 *
 * SCENARIO: ok | paper-out | unplug (the device vanishes after 20000 bytes of a job)
 *           | replug (as unplug, and it comes back 300 ms later)
 *           | stall (after 20000 bytes the printer stops taking data)
 * CAPTURE:  file that receives the bytes written to bulk OUT
 * LOG:      file that receives one line per notable ioctl (detach, claim, ...)
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <umockdev.h>

#define DEVNODE "/dev/bus/usb/001/005"
#define EP_OUT 0x03
#define EP_IN 0x84
#define UNPLUG_AFTER 20000
#define SERIAL "DAWR0001"

/* Device descriptor 0fe6:811e with serial number string 3 ("DAWR0001"), then one
 * configuration: interface 0 vendor-specific with its own bulk pair (a
 * driver must not pick it), interface 1 printer class 7/1/2 with bulk OUT 0x03 and
 * bulk IN 0x84. */
static const char descriptors[] = "1201000200000040e60f1e81000100000301"
                                  "09023700020100c032"
                                  "090400000200ff0000"
                                  "0705010240000007058102400000"
                                  "090401000207010200"
                                  "0705030240000007058402400000";

struct urb_rec {
    UMockdevIoctlData *urb; /* resolved with its buffer */
    unsigned long client_addr;
    bool ready; /* complete: may be reaped */
    bool discarded;
};

static struct {
    GMutex lock;
    const char *scenario;
    FILE *capture, *log;
    char driver[32]; /* bound kernel driver, "" when detached */
    GByteArray *in_queue;
    GPtrArray *urbs; /* struct urb_rec *, in submission order */
    size_t out_bytes;
    bool unplugged;
    bool replugged_once; /* the cable is pulled only once per run */
    UMockdevTestbed *testbed;
    char *syspath;
} emu;

static uint8_t status_answer(int n)
{
    /* Fixed bits 0x12; paper-out: DLE EOT 2 bit 5 and DLE EOT 4 bits 5 and 6. */
    if (strcmp(emu.scenario, "paper-out") == 0 && (n == 2 || n == 4))
        return n == 2 ? 0x32 : 0x72;
    return 0x12;
}

/* Out data arrived: record it and queue status answers for DLE EOT requests. */
static void took_out(const uint8_t *p, size_t n)
{
    fwrite(p, 1, n, emu.capture);
    fflush(emu.capture);
    emu.out_bytes += n;
    for (size_t i = 0; i + 2 < n; i++)
        if (p[i] == 0x10 && p[i + 1] == 0x04 && p[i + 2] >= 1 && p[i + 2] <= 4) {
            uint8_t b = status_answer(p[i + 2]);
            g_byte_array_append(emu.in_queue, &b, 1);
        }
}

static bool add_device(void);

/* "replug": the printer comes back a moment after it was pulled. */
static gboolean replug(gpointer data)
{
    (void)data;
    g_mutex_lock(&emu.lock);
    emu.unplugged = false;
    snprintf(emu.driver, sizeof emu.driver, "usblp");
    fprintf(emu.log, "replugged\n");
    fflush(emu.log);
    g_mutex_unlock(&emu.lock);
    if (!add_device())
        fprintf(stderr, "usb-printer-emu: could not add the device again\n");
    return G_SOURCE_REMOVE;
}

static gboolean remove_device(gpointer data)
{
    (void)data;
    umockdev_testbed_remove_device(emu.testbed, emu.syspath);
    if (strcmp(emu.scenario, "replug") == 0)
        g_timeout_add(300, replug, NULL);
    return G_SOURCE_REMOVE;
}

/* Fills pending IN URBs from the queue. */
static void serve_in(void)
{
    for (guint i = 0; i < emu.urbs->len && emu.in_queue->len; i++) {
        struct urb_rec *r = g_ptr_array_index(emu.urbs, i);
        struct usbdevfs_urb *u = (struct usbdevfs_urb *)r->urb->data;
        if (r->ready || !(u->endpoint & 0x80))
            continue;
        size_t n = MIN((size_t)u->buffer_length, emu.in_queue->len);
        memcpy(u->buffer, emu.in_queue->data, n);
        g_byte_array_remove_range(emu.in_queue, 0, (guint)n);
        u->actual_length = (int)n;
        u->status = 0;
        r->ready = true;
    }
}

/* GET_DESCRIPTOR(STRING) on endpoint 0: language 0x0409 and the serial number, the
 * only control transfers libusb_get_string_descriptor_ascii() makes. The buffer is
 * the 8-byte setup packet followed by room for the answer. */
static void control_in(struct usbdevfs_urb *u)
{
    uint8_t *setup = u->buffer, *out = setup + 8;
    int want = setup[6] | setup[7] << 8, n = 0;
    uint8_t answer[64];
    u->status = 0;
    if (setup[0] == 0x80 && setup[1] == 6 && setup[3] == 3 && setup[2] == 0) {
        const uint8_t langs[] = {4, 3, 0x09, 0x04};
        memcpy(answer, langs, n = sizeof langs);
    } else if (setup[0] == 0x80 && setup[1] == 6 && setup[3] == 3 && setup[2] == 3) {
        n = 2 + 2 * (int)strlen(SERIAL);
        answer[0] = (uint8_t)n;
        answer[1] = 3;
        for (size_t i = 0; i < strlen(SERIAL); i++) {
            answer[2 + 2 * i] = (uint8_t)SERIAL[i];
            answer[3 + 2 * i] = 0;
        }
    } else {
        fprintf(emu.log, "control-stall %02x %02x\n", setup[0], setup[1]);
        u->status = -EPIPE;
    }
    n = MIN(n, MIN(want, u->buffer_length - 8));
    memcpy(out, answer, (size_t)n);
    u->actual_length = n;
}

static bool submit(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
    g_autoptr(UMockdevIoctlData) urb_data =
        umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_urb), NULL);
    struct usbdevfs_urb *u = (struct usbdevfs_urb *)urb_data->data;
    unsigned long addr = urb_data->client_addr;
    if (emu.unplugged) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return true;
    }
    bool control = u->type == USBDEVFS_URB_TYPE_CONTROL && u->endpoint == 0;
    if (!control && (u->type != USBDEVFS_URB_TYPE_BULK ||
                     (u->endpoint != EP_OUT && u->endpoint != EP_IN))) {
        fprintf(emu.log, "submit-rejected type=%d ep=0x%02x\n", u->type, u->endpoint);
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return true;
    }
    /* Kept as urb_data's child; u->buffer now points at the local copy. */
    g_autoptr(UMockdevIoctlData) buf = umockdev_ioctl_data_resolve(
        urb_data, G_STRUCT_OFFSET(struct usbdevfs_urb, buffer), (gsize)u->buffer_length,
        NULL);
    (void)buf;
    struct urb_rec *r = g_new0(struct urb_rec, 1);
    r->urb = g_object_ref(urb_data);
    r->client_addr = addr;
    if (control) {
        control_in(u);
        r->ready = true;
    } else if (u->endpoint == EP_OUT) {
        size_t n = (size_t)u->buffer_length;
        if ((strcmp(emu.scenario, "unplug") == 0 ||
             strcmp(emu.scenario, "replug") == 0) &&
            !emu.replugged_once && emu.out_bytes + n > UNPLUG_AFTER &&
            emu.out_bytes > 100) {
            emu.replugged_once = true;
            /* The cable is pulled mid-job: this URB and everything after fails. */
            emu.unplugged = true;
            fprintf(emu.log, "unplugged at %zu\n", emu.out_bytes);
            g_idle_add(remove_device, NULL);
            u->status = -ENODEV;
            u->actual_length = 0;
            r->ready = true;
        } else if (strcmp(emu.scenario, "stall") == 0 && emu.out_bytes > 100 &&
                   emu.out_bytes + n > UNPLUG_AFTER) {
            /* Jammed: the data is never taken; only a discard ends the URB. */
            fprintf(emu.log, "stalled at %zu\n", emu.out_bytes);
        } else {
            took_out(u->buffer, n);
            u->actual_length = (int)n;
            u->status = 0;
            r->ready = true;
        }
    }
    g_ptr_array_add(emu.urbs, r);
    serve_in();
    umockdev_ioctl_client_complete(client, 0, 0);
    return true;
}

static bool reap(UMockdevIoctlClient *client, UMockdevIoctlData *arg)
{
    for (guint i = 0; i < emu.urbs->len; i++) {
        struct urb_rec *r = g_ptr_array_index(emu.urbs, i);
        if (!r->ready && !r->discarded)
            continue;
        struct usbdevfs_urb *u = (struct usbdevfs_urb *)r->urb->data;
        if (r->discarded && !r->ready)
            u->status = -ENOENT;
        g_autoptr(UMockdevIoctlData) ptr =
            umockdev_ioctl_data_resolve(arg, 0, sizeof(void *), NULL);
        umockdev_ioctl_data_set_ptr(ptr, 0, r->urb);
        g_ptr_array_remove_index(emu.urbs, i);
        umockdev_ioctl_client_complete(client, 0, 0);
        g_object_unref(r->urb);
        g_free(r);
        return true;
    }
    umockdev_ioctl_client_complete(client, -1, emu.unplugged ? ENODEV : EAGAIN);
    return true;
}

static gboolean handle_ioctl(UMockdevIoctlBase *handler, UMockdevIoctlClient *client,
                             gpointer data)
{
    (void)handler;
    (void)data;
    gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData *arg = umockdev_ioctl_client_get_arg(client);
    bool done = true;
    g_mutex_lock(&emu.lock);
    switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
        g_autoptr(UMockdevIoctlData) d =
            umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), NULL);
        *(guint32 *)d->data =
            USBDEVFS_CAP_BULK_SCATTER_GATHER | USBDEVFS_CAP_BULK_CONTINUATION |
            USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_REAP_AFTER_DISCONNECT |
            USBDEVFS_CAP_ZERO_PACKET;
        umockdev_ioctl_client_complete(client, 0, 0);
        break;
    }
    case USBDEVFS_GETDRIVER: {
        g_autoptr(UMockdevIoctlData) d =
            umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_getdriver), NULL);
        struct usbdevfs_getdriver *gd = (struct usbdevfs_getdriver *)d->data;
        if (gd->interface == 1 && emu.driver[0]) {
            snprintf(gd->driver, sizeof gd->driver, "%s", emu.driver);
            umockdev_ioctl_client_complete(client, 0, 0);
        } else {
            umockdev_ioctl_client_complete(client, -1, ENODATA);
        }
        break;
    }
    case USBDEVFS_IOCTL: {
        g_autoptr(UMockdevIoctlData) d =
            umockdev_ioctl_data_resolve(arg, 0, sizeof(struct usbdevfs_ioctl), NULL);
        struct usbdevfs_ioctl *io = (struct usbdevfs_ioctl *)d->data;
        if (io->ioctl_code == (int)USBDEVFS_DISCONNECT && io->ifno == 1 &&
            emu.driver[0]) {
            fprintf(emu.log, "detach %s\n", emu.driver);
            emu.driver[0] = '\0';
            umockdev_ioctl_client_complete(client, 0, 0);
        } else if (emu.unplugged) {
            umockdev_ioctl_client_complete(client, -1, ENODEV);
        } else if (io->ioctl_code == (int)USBDEVFS_CONNECT && io->ifno == 1) {
            fprintf(emu.log, "attach usblp\n");
            snprintf(emu.driver, sizeof emu.driver, "usblp");
            umockdev_ioctl_client_complete(client, 0, 0);
        } else {
            umockdev_ioctl_client_complete(client, -1, ENODATA);
        }
        break;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE: {
        g_autoptr(UMockdevIoctlData) d =
            umockdev_ioctl_data_resolve(arg, 0, sizeof(int), NULL);
        int ifno = *(int *)d->data;
        bool claim = request == USBDEVFS_CLAIMINTERFACE;
        fprintf(emu.log, "%s %d\n", claim ? "claim" : "release", ifno);
        if (emu.unplugged)
            umockdev_ioctl_client_complete(client, -1, ENODEV);
        else if (claim && emu.driver[0]) /* the kernel driver still has it */
            umockdev_ioctl_client_complete(client, -1, EBUSY);
        else
            umockdev_ioctl_client_complete(client, 0, 0);
        break;
    }
    case USBDEVFS_SETINTERFACE:
    case USBDEVFS_CLEAR_HALT:
    case USBDEVFS_RESETEP:
        umockdev_ioctl_client_complete(client, 0, 0);
        break;
    case USBDEVFS_SUBMITURB:
        submit(client, arg);
        break;
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY:
        reap(client, arg);
        break;
    case USBDEVFS_DISCARDURB: {
        unsigned long addr = *(unsigned long *)arg->data;
        bool found = false;
        for (guint i = 0; i < emu.urbs->len; i++) {
            struct urb_rec *r = g_ptr_array_index(emu.urbs, i);
            if (r->client_addr == addr && !r->ready) {
                r->discarded = found = true;
                fprintf(emu.log, "discard ep=0x%02x\n",
                        ((struct usbdevfs_urb *)r->urb->data)->endpoint);
            }
        }
        umockdev_ioctl_client_complete(client, found ? 0 : -1, found ? 0 : EINVAL);
        break;
    }
    default:
        fprintf(emu.log, "unhandled ioctl 0x%lx\n", request);
        done = false;
    }
    fflush(emu.log);
    g_mutex_unlock(&emu.lock);
    return done;
}

static bool add_device(void)
{
    GError *err = NULL;
    char *desc = g_strdup_printf("P: /devices/pci0000:00/0000:00:14.0/usb1/1-2\n"
                                 "N: bus/usb/001/005\n"
                                 "E: SUBSYSTEM=usb\n"
                                 "E: DEVTYPE=usb_device\n"
                                 "E: DRIVER=usb\n"
                                 "E: BUSNUM=001\n"
                                 "E: DEVNUM=005\n"
                                 "E: DEVNAME=" DEVNODE "\n"
                                 "E: PRODUCT=fe6/811e/100\n"
                                 "A: busnum=1\\n\n"
                                 "A: devnum=5\\n\n"
                                 "A: bConfigurationValue=1\\n\n"
                                 "A: speed=12\\n\n"
                                 "A: idVendor=0fe6\\n\n"
                                 "A: idProduct=811e\\n\n"
                                 "H: descriptors=%s\n",
                                 descriptors);
    bool ok = umockdev_testbed_add_from_string(emu.testbed, desc, &err);
    g_free(desc);
    if (!ok) {
        fprintf(stderr, "usb-printer-emu: add device: %s\n", err->message);
        g_error_free(err);
    }
    return ok;
}

static GMainLoop *loop;
static int child_status;

static void child_exited(GPid pid, gint status, gpointer data)
{
    (void)data;
    child_status = status;
    g_spawn_close_pid(pid);
    g_main_loop_quit(loop);
}

int main(int argc, char **argv)
{
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: usb-printer-emu ok|paper-out|unplug CAPTURE LOG -- "
                        "COMMAND [ARGS...]\n");
        return 2;
    }
    if (getenv("LD_PRELOAD") == NULL || !strstr(getenv("LD_PRELOAD"), "umockdev")) {
        fprintf(stderr, "usb-printer-emu: run me under umockdev-wrapper\n");
        return 77;
    }
    emu.scenario = argv[1];
    emu.capture = fopen(argv[2], "wb");
    emu.log = fopen(argv[3], "w");
    if (emu.capture == NULL || emu.log == NULL) {
        perror("usb-printer-emu");
        return 2;
    }
    g_mutex_init(&emu.lock);
    snprintf(emu.driver, sizeof emu.driver, "usblp");
    emu.in_queue = g_byte_array_new();
    emu.urbs = g_ptr_array_new();

    emu.testbed = umockdev_testbed_new();
    UMockdevIoctlBase *handler = umockdev_ioctl_base_new();
    g_signal_connect(handler, "handle-ioctl", G_CALLBACK(handle_ioctl), NULL);
    GError *err = NULL;
    /* The handler first, so the node exists with it when libusb opens it. */
    if (!umockdev_testbed_attach_ioctl(emu.testbed, DEVNODE, handler, &err)) {
        fprintf(stderr, "usb-printer-emu: attach_ioctl: %s\n", err->message);
        return 2;
    }
    if (!add_device())
        return 2;
    emu.syspath = g_strdup("/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2");

    GPid pid;
    if (!g_spawn_async(NULL, argv + 5, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                       &err)) {
        fprintf(stderr, "usb-printer-emu: %s\n", err->message);
        return 2;
    }
    loop = g_main_loop_new(NULL, FALSE);
    g_child_watch_add(pid, child_exited, NULL);
    g_main_loop_run(loop);

    fprintf(emu.log, "out-bytes %zu\n", emu.out_bytes);
    fclose(emu.capture);
    fclose(emu.log);
    g_object_unref(handler);
    g_object_unref(emu.testbed);
    if (WIFEXITED(child_status))
        return WEXITSTATUS(child_status);
    return 128 + (WIFSIGNALED(child_status) ? WTERMSIG(child_status) : 0);
}
