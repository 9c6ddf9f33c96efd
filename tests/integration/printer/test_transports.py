#!/usr/bin/env python3
"""tcp:, file: and png: transports driven through the real dawr-print.

tcp: a loopback listener captures the stream, which must equal what file: writes for
the same ticket; a listener that answers DLE EOT with "paper end" must make the job
fail with paper-out and receive no raster data; a closed port is "offline".
png: writes a 1-bit PNG as wide as the paper.
"""
import os
import socket
import struct
import subprocess
import sys
import tempfile
import threading

BUILD = os.environ["DAWR_BUILD"]
SRC = os.environ["DAWR_SRC"]
TOOL = os.path.join(BUILD, "printer", "dawr-print")
TICKET = os.path.join(SRC, "tests", "golden", "printer", "support.json")
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(*args, timeout=20):
    return subprocess.run([TOOL, *args], capture_output=True, timeout=timeout, text=True)


class Listener(threading.Thread):
    """Accepts one connection, records what arrives, and answers each DLE EOT n with
    status[n] if given (otherwise stays silent, like many network printers)."""

    def __init__(self, status=None):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.status = status
        self.data = bytearray()

    def run(self):
        conn, _ = self.sock.accept()
        conn.settimeout(10)
        with conn:
            while True:
                try:
                    chunk = conn.recv(65536)
                except socket.timeout:
                    break
                if not chunk:
                    break
                self.data += chunk
                if self.status and self.data.endswith(b"\x10\x04" + bytes([self.data[-1]])):
                    conn.sendall(bytes([self.status[self.data[-1]]]))
        self.sock.close()


def strip_status_requests(data):
    out = bytearray(data)
    while out.startswith(b"\x10\x04"):
        del out[:3]
    return bytes(out)


r = run("--help")
check(r.returncode == 0 and "ticket --json FILE DEVICE" in r.stdout, "--help prints usage")
r = run("--version")
check(r.returncode == 0 and r.stdout.startswith("dawr-print "), "--version")
for bad in (["--width", "70", "test", "png:/tmp"], ["frobnicate", "png:/tmp"], ["test"],
            ["ticket", "png:/tmp"]):
    r = run(*bad)
    check(r.returncode == 2, "usage error for %s" % " ".join(bad))
r = run("test", "usb:nonsense")
check(r.returncode == 1 and "(bad-device)" in r.stderr, "malformed device → bad-device")

with tempfile.TemporaryDirectory() as tmp:
    # A ticket missing its label is refused, in both languages.
    bad = os.path.join(tmp, "bad.json")
    with open(bad, "w") as f:
        f.write('{"association": "x", "service": "y", "people_ahead": 1}')
    r = run("ticket", "--json", bad, "png:" + tmp)
    check(r.returncode == 1 and "(bad-ticket)" in r.stderr and "التذكرة" in r.stderr,
          "ticket without a label → bad-ticket")

    # file: the reference stream.
    ref = os.path.join(tmp, "ref.bin")
    r = run("ticket", "--json", TICKET, "file:" + ref)
    check(r.returncode == 0, "file: prints (%s)" % r.stderr.strip())
    reference = open(ref, "rb").read()
    check(reference.startswith(b"\x1b@\x1dv0\x00") and reference.endswith(b"\x1dVB\x00"),
          "file: stream is init, raster ..., cut")

    # tcp: a silent printer gets the status questions, then the same stream.
    lst = Listener()
    lst.start()
    r = run("--timeout", "300", "ticket", "--json", TICKET, "tcp:127.0.0.1:%d" % lst.port)
    lst.join(15)
    check(r.returncode == 0, "tcp: prints to a silent printer (%s)" % r.stderr.strip())
    check(lst.data.startswith(b"\x10\x04\x01"), "tcp: asks DLE EOT 1 first")
    check(strip_status_requests(lst.data) == reference,
          "tcp: bytes received equal file: output (%d vs %d)" % (len(lst.data), len(reference)))

    # tcp: a printer that answers "all well" on 1..3 and "paper end" on 4.
    lst = Listener(status={1: 0x12, 2: 0x12, 3: 0x12, 4: 0x72})
    lst.start()
    r = run("--timeout", "2000", "ticket", "--json", TICKET, "tcp:127.0.0.1:%d" % lst.port)
    lst.join(15)
    check(r.returncode == 1 and "paper-out" in r.stderr, "tcp: paper end → paper-out error")
    check(b"\x1dv0" not in lst.data, "tcp: nothing printed when out of paper")
    lst = Listener(status={1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e})
    lst.start()
    r = run("--timeout", "2000", "status", "tcp:127.0.0.1:%d" % lst.port)
    lst.join(15)
    check(r.returncode == 1 and "status: paper-near-end" in r.stdout,
          "tcp: status reports paper near end")

    # tcp: nobody listening.
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    r = run("ticket", "--json", TICKET, "tcp:127.0.0.1:%d" % port)
    check(r.returncode == 1 and "offline" in r.stderr, "tcp: closed port → offline")

    # png: a 1-bit greyscale PNG, 576 or 384 wide.
    for width, dots in (("80", 576), ("58", 384)):
        r = run("--width", width, "ticket", "--json", TICKET, "png:" + tmp)
        path = r.stdout.strip().removeprefix("printed: ")
        check(r.returncode == 0 and os.path.isfile(path), "png: %s mm writes %s" % (width, path))
        head = open(path, "rb").read(33)
        w, h, depth, colour = struct.unpack(">IIBB", head[16:26])
        check(head[:8] == b"\x89PNG\r\n\x1a\n" and w == dots and h > 500 and depth == 1
              and colour == 0, "png: %s mm is %dx%d, %d-bit grey" % (width, w, h, depth))

    r = run("ticket", "--json", TICKET, "png:" + os.path.join(tmp, "missing"))
    check(r.returncode == 1 and "not-found" in r.stderr, "png: missing folder → not-found")

sys.exit(1 if failures else 0)
