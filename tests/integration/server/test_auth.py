#!/usr/bin/env python3
"""Walks the route table (from `dawr-server --print-routes`, the table the server
itself dispatches with): every non-public route answers 401 without credentials and
403 for a caller of the wrong kind or role; every CSRF route refuses a staff request
without X-CSRF-Token. Then: repeated wrong passwords lock the login, bodies over the
cap get 413, deep JSON gets 400, static files cannot escape the web root."""
import subprocess

from dawrtest import SERVER, Server, Staff, add_device, add_user, check, fail

ROLES = ["admin", "manager", "reception", "researcher"]
SAMPLE = {"{id}": "1", "{number}": "1", "{code}": "A", "{token}": "0" * 32}


def routes():
    out = subprocess.run([SERVER, "--print-routes"], capture_output=True, text=True, check=True).stdout
    table = []
    for line in out.splitlines():
        method, pattern, auth, roles, kinds, csrf = line.split("\t")
        path = pattern
        for k, v in SAMPLE.items():
            path = path.replace(k, v)
        table.append(dict(method=method, pattern=pattern, path=path, auth=auth,
                          roles=[] if roles == "-" else roles.split(","),
                          kinds=[] if kinds == "-" else kinds.split(","), csrf=csrf == "csrf"))
    return table


def main():
    table = routes()
    check(len(table) >= 40, "route table has %d routes" % len(table))
    srv = Server().start()
    try:
        run(srv, table)
    finally:
        srv.cleanup()


def run(srv, table):
    staff = {"admin": Staff(srv, "admin", srv.admin_password)}
    for role in ROLES[1:]:
        add_user(srv, "u-" + role, role)
        staff[role] = Staff(srv, "u-" + role, "pass-word-1234")
    devices = {"kiosk": add_device(srv, "k1", "kiosk"), "display": add_device(srv, "d1", "display")}

    n401 = n403 = ncsrf = 0
    for rt in table:
        if rt["auth"] == "public":
            continue
        name = "%s %s" % (rt["method"], rt["pattern"])
        body = {} if rt["method"] in ("POST", "PUT", "PATCH") else None
        r = srv.request(rt["method"], rt["path"], body=body)
        if r.status != 401 or r.json()["error"] != "unauthenticated":
            fail("%s without credentials: %r" % (name, r))
        n401 += 1
        bad = srv.request(rt["method"], rt["path"], body=body,
                          headers={"Authorization": "Bearer " + "f" * 64})
        if bad.status != 401:
            fail("%s with an unknown bearer token: %r" % (name, bad))
        # Wrong staff roles (or any staff at all for device-only routes).
        for role in ROLES:
            allowed = rt["auth"] in ("staff", "device_or_staff") and role in rt["roles"]
            if allowed:
                continue
            s = staff[role]
            r = srv.request(rt["method"], rt["path"], body=body, headers=s.h())
            if r.status != 403:
                fail("%s as %s: expected 403, got %r" % (name, role, r))
            n403 += 1
        for kind, dev in devices.items():
            allowed = rt["auth"] in ("device", "device_or_staff") and kind in rt["kinds"]
            if allowed:
                continue
            r = srv.request(rt["method"], rt["path"], body=body, headers=dev.h())
            if r.status != 403:
                fail("%s as a %s: expected 403, got %r" % (name, kind, r))
            n403 += 1
        if rt["csrf"]:
            role = rt["roles"][0]
            s = staff[role]
            r = srv.request(rt["method"], rt["path"], body=body, headers=s.h(csrf=False))
            if r.status != 403 or r.json()["error"] != "csrf":
                fail("%s as %s without CSRF token: %r" % (name, role, r))
            r = srv.request(rt["method"], rt["path"], body=body,
                            headers=dict(s.h(csrf=False), **{"X-CSRF-Token": "0" * 64}))
            if r.status != 403:
                fail("%s as %s with a wrong CSRF token: %r" % (name, role, r))
            ncsrf += 1
    check(n401 > 30, "%d routes refuse a caller without credentials (401)" % n401)
    check(n403 > 50, "%d (route, wrong role or device) pairs refused (403)" % n403)
    check(ncsrf > 15, "%d state-changing staff routes refuse a missing CSRF token" % ncsrf)

    # A state change without the CSRF token changed nothing.
    r = staff["reception"].get("/api/counters/1")
    check(r.status == 200 and r.json()["current"] is None, "refused requests changed nothing")

    # Login rate limiting.
    for i in range(5):
        r = srv.request("POST", "/api/login", {"username": "u-reception", "password": "wrong-%d" % i})
        if r.status != 401:
            fail("wrong password %d: %r" % (i, r))
    r = srv.request("POST", "/api/login", {"username": "u-reception", "password": "pass-word-1234"})
    check(r.status == 429 and r.json()["error"] == "rate_limited",
          "after 5 wrong passwords even the right one is refused (429)")
    r = srv.request("POST", "/api/login", {"username": "nobody", "password": "x"})
    check(r.status == 401 and r.json()["message_en"] and r.json()["message_ar"],
          "unknown user: 401 with Arabic and English messages")

    # Caps and odd input.
    k = devices["kiosk"]
    r = srv.request("POST", "/api/tickets", raw=b"{" + b" " * (300 * 1024) + b"}",
                    headers=dict(k.h(), **{"Content-Type": "application/json"}))
    check(r.status == 413, "a body over the cap gets 413")
    deep = "[" * 40 + "]" * 40
    r = srv.request("POST", "/api/tickets", raw=('{"service":%s}' % deep).encode(), headers=k.h())
    check(r.status == 400 and r.json()["error"] == "bad_json", "JSON deeper than the cap gets 400")
    r = srv.request("POST", "/api/tickets", raw=b"not json", headers=k.h())
    check(r.status == 400, "a body that is not JSON gets 400")
    check(srv.get("/../CMakeLists.txt").status == 404 and srv.get("/%2e%2e/main.c").status == 404,
          "static files cannot leave the web root")
    r = srv.get("/")
    check(r.status == 200 and "text/html" in r.headers["content-type"], "/ serves the placeholder page")
    check(srv.request("DELETE", "/api/login").status == 405, "wrong method gets 405")
    check(srv.get("/api/nothing").status == 404, "unknown route gets 404")
    r = srv.get("/metrics")
    check(r.status == 200 and "dawr_http_requests_total" in r.body, "/metrics in Prometheus text")
    check(srv.get("/api/info").json()["version"], "/api/info")

    # Sessions live in the store: a restart does not log staff out, and the CSRF
    # token stays the one given at login.
    s = staff["researcher"]
    srv.stop()
    srv.start()
    r = s.get("/api/me")
    check(r.status == 200 and r.json()["csrf"] == s.csrf, "a session survives a server restart")
    check(s.post("/api/counters/4/open").status == 200, "and its CSRF token still works")
    check(s.post("/api/logout").status == 204, "logout")
    srv.stop()
    srv.start()
    check(s.get("/api/me").status == 401, "a logged-out session stays dead after a restart")


if __name__ == "__main__":
    main()
