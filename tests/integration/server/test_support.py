#!/usr/bin/env python3
"""Support types: GET /api/support-types lists codes with Arabic and English names
(the built-in list, or dawr.ini's [support] types with names), kiosks and staff may
read it, the public may not; an application must name one of the listed codes; the
daily report counts applications per support type."""
import subprocess

from dawrtest import SERVER, Server, Staff, add_device, add_user, check, nid

FORM = {"name": "سعاد حمد ناصر العتيبي", "nid": nid("105432198"), "mobile": "0551234567",
        "city": "الرياض", "district": "النسيم", "family_members": 4, "income": 2500,
        "housing": "rented", "support_type": "food", "notes": "", "declaration": True}


def main():
    srv = Server().start()
    try:
        defaults(srv)
    finally:
        srv.cleanup()
    srv = Server(config="[support]\ntypes = food, school-fees, rent\n"
                        "school-fees_ar = رسوم دراسية\nschool-fees_en = School fees\n"
                        "rent_en = Rent\n").start()
    try:
        configured(srv)
    finally:
        srv.cleanup()
    srv = Server(config="[support]\ntypes = food, Bad!\n")
    p = subprocess.run([SERVER, "--config", srv.config, "--db", srv.db, "--listen", "127.0.0.1:1"],
                       capture_output=True, text=True, timeout=10)
    check(p.returncode == 1 and "[support] types" in p.stderr,
          "a bad code in [support] types stops the server with a message")
    srv.cleanup()
    print("ok: support types")


def defaults(srv):
    add_user(srv, "rec1", "reception")
    add_user(srv, "mgr1", "manager")
    rec = Staff(srv, "rec1", "pass-word-1234")
    mgr = Staff(srv, "mgr1", "pass-word-1234")
    kiosk = add_device(srv, "k", "kiosk")
    check(srv.get("/api/support-types").status == 401, "support types need a device or staff")
    r = kiosk.get("/api/support-types")
    check(r.status == 200 and isinstance(r.json(), list), "a kiosk reads the list (an array)")
    codes = [x["code"] for x in r.json()]
    check(codes == ["food", "rent", "bills", "medical", "education", "other"],
          "the built-in list: %r" % codes)
    food = r.json()[0]
    check(food["name_ar"] == "سلة غذائية" and food["name_en"] == "Food basket",
          "each with Arabic and English names")
    check(all(x["name_ar"] and x["name_en"] for x in r.json()), "no empty name")
    check(rec.get("/api/support-types").json() == r.json(), "staff read the same list")

    r = kiosk.post("/api/applications", FORM, key="s1")
    check(r.status == 201, "food accepted: %r" % r)
    r = kiosk.post("/api/applications", dict(FORM, support_type="medical", nid=nid("210987654")), key="s2")
    check(r.status == 201, "medical accepted")
    r = kiosk.post("/api/applications", dict(FORM, support_type="yacht"), key="s3")
    check(r.status == 400 and r.json()["error"] == "FORM_ERR_SUPPORT_TYPE"
          and r.json()["field"] == "support_type", "an unlisted code is refused: %r" % r)
    rep = mgr.get("/api/reports/daily").json()
    by = {x["code"]: x["count"] for x in rep["applications"]["by_support_type"]}
    check(by == {"food": 1, "medical": 1}, "the report counts per support type: %r" % by)


def configured(srv):
    add_user(srv, "rec1", "reception")
    rec = Staff(srv, "rec1", "pass-word-1234")
    lst = rec.get("/api/support-types").json()
    check([x["code"] for x in lst] == ["food", "school-fees", "rent"], "[support] types sets the list")
    check(lst[1] == {"code": "school-fees", "name_ar": "رسوم دراسية", "name_en": "School fees"},
          "names from [support] CODE_ar / CODE_en")
    check(lst[0]["name_ar"] == "سلة غذائية" and lst[2]["name_ar"] == "مساعدة في الإيجار"
          and lst[2]["name_en"] == "Rent", "a known code keeps its built-in name unless renamed")
    r = rec.post("/api/applications", dict(FORM, support_type="medical"))
    check(r.status == 400 and r.json()["field"] == "support_type", "a code left out of the list is refused")
    r = rec.post("/api/applications", dict(FORM, support_type="school-fees"))
    check(r.status == 201, "a configured code is accepted")


if __name__ == "__main__":
    main()
