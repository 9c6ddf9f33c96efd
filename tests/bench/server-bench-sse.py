#!/usr/bin/env python3
"""Latency from call-next to its event at 100 connected SSE clients.
args: PORT COOKIE CSRF DISPLAY_TOKEN. For each call: t0 = request sent, t1 = reply
received, then the arrival time of the matching ticket.called event at every client.
Prints p50/p99 of (arrival - t0) and of (arrival - t1) over all clients and calls."""
import http.client
import os
import selectors
import socket
import sys
import time

port, cookie, csrf, display = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
CLIENTS = 100
CALLS = int(os.environ.get("DAWR_BENCH_SSE_CALLS", "200"))

sel = selectors.DefaultSelector()
socks = []
for i in range(CLIENTS):
    s = socket.create_connection(("127.0.0.1", int(port)))
    s.sendall(("GET /api/events HTTP/1.0\r\nAuthorization: Bearer %s\r\n\r\n" % display).encode())
    s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, {"buf": b""})
    socks.append(s)
time.sleep(0.5)
for key, _ in sel.select(0.1):
    key.fileobj.recv(65536)  # headers and the retry line

conn = http.client.HTTPConnection("127.0.0.1", int(port))
hdr = {"Cookie": cookie, "X-CSRF-Token": csrf}


def post(path):
    conn.request("POST", path, headers=hdr)
    r = conn.getresponse()
    return r.status, r.read()


conn.request("PUT", "/api/admin/counters/15", body='{"services":["E"]}', headers=dict(hdr, **{"Content-Type": "application/json"}))
conn.getresponse().read()

from_send, from_reply = [], []
for i in range(CALLS):
    t0 = time.perf_counter()
    st, body = post("/api/counters/15/next")
    t1 = time.perf_counter()
    if st == 204:
        # Nobody waits for E: issue one through the staff console and retry.
        conn.request("POST", "/api/tickets", body='{"service":"E"}',
                     headers=dict(hdr, **{"Content-Type": "application/json"}))
        conn.getresponse().read()
        t0 = time.perf_counter()
        st, body = post("/api/counters/15/next")
        t1 = time.perf_counter()
    got = 0
    deadline = time.perf_counter() + 2
    while got < CLIENTS and time.perf_counter() < deadline:
        for key, _ in sel.select(0.5):
            now = time.perf_counter()
            data = key.fileobj.recv(65536)
            key.data["buf"] += data
            if b"event: ticket.called" in key.data["buf"]:
                key.data["buf"] = b""
                from_send.append(now - t0)
                from_reply.append(now - t1)
                got += 1
    post("/api/counters/15/no-show")
    # drain the no-show event
    end = time.perf_counter() + 0.05
    while time.perf_counter() < end:
        for key, _ in sel.select(0.01):
            key.fileobj.recv(65536)
            key.data["buf"] = b""


def pct(v, p):
    v = sorted(v)
    return v[max(0, int(round(p / 100.0 * len(v))) - 1)] * 1000


print("call->event at %d SSE clients, %d calls (%d deliveries):" % (CLIENTS, CALLS, len(from_send)))
print("  from request sent : p50 %6.2f ms   p99 %6.2f ms" % (pct(from_send, 50), pct(from_send, 99)))
print("  from reply        : p50 %6.2f ms   p99 %6.2f ms  (negative = event before the reply)"
      % (pct(from_reply, 50), pct(from_reply, 99)))
