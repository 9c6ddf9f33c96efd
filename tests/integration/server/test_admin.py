#!/usr/bin/env python3
"""Administration over the API: staff accounts (create, role change, disable), a new
service and counter that then serve tickets, devices whose token is shown once and
stops working the moment the device is revoked; the CLI refuses bad input."""
from dawrtest import Device, Server, Staff, check


def main():
    srv = Server().start()
    try:
        run(srv)
    finally:
        srv.cleanup()


def run(srv):
    admin = Staff(srv, "admin", srv.admin_password)
    r = admin.post("/api/admin/staff", {"username": "sara", "display_name": "سارة", "role": "reception",
                                        "password": "sara-pass-1"})
    check(r.status == 201 and r.json()["role"] == "reception" and "password" not in r.body
          and "hash" not in r.body, "admin creates a reception account; no password or hash echoed")
    sid = r.json()["id"]
    check(admin.post("/api/admin/staff", {"username": "sara", "role": "reception", "password": "another-1"}).status == 409,
          "a taken username is refused (409)")
    check(admin.post("/api/admin/staff", {"username": "x", "role": "boss", "password": "another-1"}).status == 400,
          "an unknown role is refused")
    check(admin.post("/api/admin/staff", {"username": "y", "role": "manager", "password": "short"}).json()["error"]
          == "weak_password", "a short password is refused")
    sara = Staff(srv, "sara", "sara-pass-1")
    check(sara.get("/api/reports/daily").status == 403, "reception cannot read reports")
    r = admin.post("/api/admin/staff/%d" % sid, {"role": "manager"}, method="PATCH")
    check(r.status == 200 and r.json()["role"] == "manager", "role changed to manager")
    check(sara.get("/api/me").status == 401, "a role change ends the open session")
    sara = Staff(srv, "sara", "sara-pass-1")
    check(sara.get("/api/reports/daily").status == 200, "the new role applies at the next login")
    admin.post("/api/admin/staff/%d" % sid, {"active": False}, method="PATCH")
    r = srv.request("POST", "/api/login", {"username": "sara", "password": "sara-pass-1"})
    check(r.status == 401, "a disabled account cannot log in")
    names = [s["username"] for s in admin.get("/api/admin/staff").json()["staff"]]
    check("sara" in names and "admin" in names, "staff list")

    r = admin.post("/api/admin/services/F", {"name_ar": "خدمة تجريبية", "name_en": "Trial", "weight": 2.0, "sort": 6},
                   method="PUT")
    check(r.status == 200 and r.json()["code"] == "F" and r.json()["weight"] == 2.0, "admin adds service F")
    r = admin.post("/api/admin/counters/6", {"name": "شباك ٦", "services": ["F", "A"]}, method="PUT")
    check(r.status == 200 and r.json()["services"] == ["F", "A"], "admin adds counter 6 serving F then A")
    check(admin.post("/api/admin/counters/7", {"services": ["Q"]}, method="PUT").status == 400,
          "a counter with an unknown service is refused")

    r = admin.post("/api/admin/devices", {"name": "kiosk-lobby", "kind": "kiosk"})
    check(r.status == 201 and len(r.json()["token"]) == 64, "admin adds a kiosk; the token is returned")
    kiosk = Device(srv, r.json()["token"])
    did = r.json()["id"]
    devs = admin.get("/api/admin/devices").json()["devices"]
    check(all("token" not in d and "token_hash" not in d for d in devs), "the device list never shows tokens")
    r = kiosk.issue("F", key="f1")
    check(r.status == 201 and r.json()["label"].startswith("F-"), "the new kiosk issues a ticket for F")
    r = admin.post("/api/counters/6/next")
    check(r.status == 200 and r.json()["service"] == "F" and r.json()["counter"] == 6, "counter 6 calls it")
    check(admin.post("/api/admin/devices/%d" % did, method="DELETE").status == 204, "admin revokes the kiosk")
    check(kiosk.issue("F", key="f2").status == 401, "the revoked token stops working at once")

    rc, _, err = srv.admin_cmd("user", "add", "bob", "--role", "admin", stdin="short\n")
    check(rc != 0 and "8" in err, "CLI: a short password is refused")
    rc, _, _ = srv.admin_cmd("user", "add", "bob", "--role", "king", stdin="long-enough-1\n")
    check(rc == 2, "CLI: an unknown role is refused")
    rc, _, _ = srv.admin_cmd("device", "add", "d", "--kind", "toaster")
    check(rc == 2, "CLI: an unknown device kind is refused")
    rc, out, _ = srv.admin_cmd("--version")
    check(rc == 0 and out.startswith("dawr-server "), "--version")


if __name__ == "__main__":
    main()
