#!/usr/bin/env python3
"""USB end to end: the real dawr-print (prn's usb.c on libusb) against a printer
emulated by usb-printer-emu under umockdev.

ok        found by usb:auto and usb:VID:PID:SERIAL, usblp detached, interface 1 claimed (the
          printer interface, not the vendor one before it), the bytes on bulk OUT
          after the status questions equal what file: writes for the same ticket
          (itself proven equal to the encoder's output by test_prn_roundtrip);
          at 80 and 58 mm.
paper-out the status answer makes the job fail with paper-out; no raster is sent.
unplug    the device vanishes mid-job: "unplugged", no crash, well within the timeout.
stall     the printer stops taking data: "timeout" after about --timeout ms.
replug    one handle (usb-replug, prn.h only): unplugged mid-job, then the printer
          comes back and the next job on the same handle prints.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

BUILD = os.environ["DAWR_BUILD"]
SRC = os.environ["DAWR_SRC"]
TOOL = os.path.join(BUILD, "printer", "dawr-print")
EMU = os.path.join(BUILD, "tests", "usb", "usb-printer-emu")
TICKET = os.path.join(SRC, "tests", "golden", "printer", "support.json")
STATUS_QUESTIONS = b"\x10\x04\x01\x10\x04\x02\x10\x04\x03\x10\x04\x04"
failures = []

if not shutil.which("umockdev-wrapper"):
    print("umockdev-wrapper not installed")
    sys.exit(77)


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def emulate(tmp, scenario, *args, timeout=30):
    cap = os.path.join(tmp, scenario + ".bin")
    log = os.path.join(tmp, scenario + ".log")
    start = time.monotonic()
    r = subprocess.run(["umockdev-wrapper", EMU, scenario, cap, log, "--", TOOL, *args],
                       capture_output=True, text=True, timeout=timeout)
    elapsed = time.monotonic() - start
    with open(cap, "rb") as f:
        captured = f.read()
    with open(log) as f:
        events = f.read().splitlines()
    return r, captured, events, elapsed


with tempfile.TemporaryDirectory() as tmp:
    r, _, _, _ = emulate(tmp, "ok", "list")
    check(r.returncode == 0 and r.stdout.strip() == "usb:0fe6:811e:DAWR0001",
          "list finds the emulated printer (%r)" % r.stdout.strip())

    for width, device in (("80", "usb:auto"), ("58", "usb:0fe6:811e:DAWR0001")):
        ref = os.path.join(tmp, "ref-%s.bin" % width)
        subprocess.run([TOOL, "--width", width, "ticket", "--json", TICKET, "file:" + ref],
                       check=True, capture_output=True)
        with open(ref, "rb") as f:
            reference = f.read()
        r, cap, events, _ = emulate(tmp, "ok", "--width", width, "--timeout", "3000",
                                    "ticket", "--json", TICKET, device)
        what = "%s mm via %s" % (width, device)
        check(r.returncode == 0, "%s: printed (%s)" % (what, r.stderr.strip()))
        check(events[:2] == ["detach usblp", "claim 1"],
              "%s: usblp detached, then interface 1 claimed (%s)" % (what, events[:2]))
        check("release 1" in events and "attach usblp" in events,
              "%s: interface released and usblp given back" % what)
        check(cap.startswith(STATUS_QUESTIONS), "%s: asked DLE EOT 1..4 first" % what)
        check(cap[len(STATUS_QUESTIONS):] == reference,
              "%s: bulk OUT bytes equal the encoder's stream (%d bytes)"
              % (what, len(cap) - len(STATUS_QUESTIONS)))

    r, cap, events, _ = emulate(tmp, "paper-out", "ticket", "--json", TICKET, "usb:auto")
    check(r.returncode == 1 and "(paper-out)" in r.stderr, "paper-out: job fails with paper-out")
    check(b"\x1dv0" not in cap, "paper-out: no raster sent")
    r, _, _, _ = emulate(tmp, "paper-out", "status", "usb:auto")
    check(r.returncode == 1 and "status: paper-out" in r.stdout, "paper-out: status says so")

    r, cap, events, elapsed = emulate(tmp, "unplug", "--timeout", "3000", "ticket",
                                      "--json", TICKET, "usb:auto")
    check(r.returncode == 1 and "(unplugged)" in r.stderr,
          "unplug: job fails with unplugged (rc %d, %s)" % (r.returncode, r.stderr.strip()))
    check(any(e.startswith("unplugged at") for e in events), "unplug: device went away mid-job")
    check(elapsed < 3.0, "unplug: no hang (%.2f s)" % elapsed)

    r, cap, events, elapsed = emulate(tmp, "stall", "--timeout", "1000", "ticket",
                                      "--json", TICKET, "usb:auto")
    check(r.returncode == 1 and "(timeout)" in r.stderr, "stall: job fails with timeout")
    check(0.9 < elapsed < 4.0, "stall: gave up after the timeout (%.2f s)" % elapsed)
    check("discard ep=0x03" in events, "stall: the pending transfer was cancelled")

    r = subprocess.run(["umockdev-wrapper", EMU, "replug", os.path.join(tmp, "r.bin"),
                        os.path.join(tmp, "r.log"), "--",
                        os.path.join(BUILD, "tests", "usb", "usb-replug")],
                       capture_output=True, text=True, timeout=30)
    with open(os.path.join(tmp, "r.log")) as f:
        events = f.read().splitlines()
    check(r.returncode == 0, "replug: " + r.stdout.strip().replace("\n", ", "))
    check("replugged" in events and events.count("detach usblp") == 2,
          "replug: the returning printer is detached and claimed again")

    for other in ("usb:1234:5678", "usb:0fe6:811e:OTHER"):
        r, _, events, _ = emulate(tmp, "ok", "ticket", "--json", TICKET, other)
        check(r.returncode == 1 and "(not-found)" in r.stderr and "claim 1" not in events,
              "%s: not-found, nothing claimed" % other)

sys.exit(1 if failures else 0)
