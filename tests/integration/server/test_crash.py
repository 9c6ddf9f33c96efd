#!/usr/bin/env python3
"""Crash test: clients issue tickets as fast as they can while the server is killed
with SIGKILL at random moments and restarted, 20 times. Afterwards every ticket that
was acknowledged exists with its label and token, no label was given twice, the
numbering has no gap and continues after the last restart. A request cut off by the
kill is retried with its Idempotency-Key after the restart: it yields at most one
ticket."""
import http.client
import json
import random
import threading
import time

from dawrtest import Server, Staff, add_device, check, fail

ROUNDS = 20
CLIENTS = 3


class Client(threading.Thread):
    def __init__(self, srv, token, name, acked):
        super().__init__(daemon=True)
        self.srv, self.token, self.name, self.acked = srv, token, name, acked
        self.pending = None  # key of a request that got no reply
        self.n = 0
        self.stop = False

    def issue(self, conn, key):
        conn.request("POST", "/api/tickets", body=json.dumps({"service": "A"}),
                     headers={"Authorization": "Bearer " + self.token, "Idempotency-Key": key,
                              "Content-Type": "application/json"})
        r = conn.getresponse()
        body = r.read()
        if r.status not in (200, 201):
            fail("issue %s: %d %s" % (key, r.status, body[:200]))
        return json.loads(body)

    def run(self):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=5)
            while not self.stop:
                if self.pending is None:
                    self.n += 1
                    self.pending = "%s-%d" % (self.name, self.n)
                t = self.issue(conn, self.pending)
                self.acked.append((self.pending, t["label"], t["token"]))
                self.pending = None
        except (OSError, http.client.HTTPException):
            pass  # the server was killed under us


def main():
    srv = Server()
    srv.start()
    kiosk = add_device(srv, "k", "kiosk")
    acked = []
    clients = [Client(srv, kiosk.token, "c%d" % i, acked) for i in range(CLIENTS)]
    rng = random.Random(1234)
    t0 = time.time()
    try:
        for rnd in range(ROUNDS):
            if rnd > 0:
                srv.start()
            threads = []
            for c in clients:
                nc = Client(srv, c.token, c.name, acked)
                nc.pending, nc.n = c.pending, c.n
                threads.append(nc)
                nc.start()
            time.sleep(rng.uniform(0.1, 0.6))
            srv.kill()
            for i, th in enumerate(threads):
                th.join(5)
                clients[i] = th
        check(time.time() - t0 < 40, "%d kill/restart rounds in %.1f s" % (ROUNDS, time.time() - t0))
        srv.start()
        # Retry what was cut off, as a kiosk's outbox would.
        for c in clients:
            if c.pending is not None:
                t = Client(srv, c.token, c.name, acked).issue(
                    http.client.HTTPConnection("127.0.0.1", srv.port, timeout=5), c.pending)
                acked.append((c.pending, t["label"], t["token"]))
        admin = Staff(srv, "admin", srv.admin_password)
        tickets = admin.get("/api/tickets?service=A").json()["tickets"]
        labels = [t["label"] for t in tickets]
        numbers = sorted(t["number"] for t in tickets)
        check(len(acked) > 200, "%d tickets acknowledged across %d kills" % (len(acked), ROUNDS))
        check(len(set(labels)) == len(labels), "no label was given twice (%d tickets)" % len(labels))
        by_key = {}
        for key, label, _ in acked:
            if by_key.setdefault(key, label) != label:
                fail("key %s got two labels: %s and %s" % (key, by_key[key], label))
        check(True, "a retried key always got back its first label")
        stored = set(labels)
        missing = [l for _, l, _ in acked if l not in stored]
        check(not missing, "every acknowledged ticket exists (missing: %s)" % missing[:5])
        for key, label, token in acked[:: max(1, len(acked) // 50)]:
            r = srv.get("/api/tickets/status/" + token)
            if r.status != 200 or r.json()["label"] != label:
                fail("ticket %s not found by its token: %r" % (label, r))
        check(True, "acknowledged tokens resolve to their labels")
        check(numbers == list(range(1, len(numbers) + 1)), "numbers run 1..%d without a gap" % len(numbers))
        r = kiosk.issue("A", key="after")
        check(r.json()["number"] == len(numbers) + 1, "numbering continues: %s" % r.json()["label"])
    finally:
        srv.cleanup()


if __name__ == "__main__":
    main()
