#!/usr/bin/env python3
"""Association details and the display ticker: seeded from dawr.ini on the first
start, then the database wins; GET /api/info shows the stored values (ticker
included); the admin reads and edits them (PUT, CSRF) and displays receive one
association.updated event with the public fields; other roles and callers are
refused; a database from before the settings table is seeded when upgraded."""
import sqlite3

from dawrtest import Server, Staff, add_device, add_user, check
from sse import SSE

CONFIG = """[association]
name_ar = جمعية الإحسان التجريبية
name_en = Ihsan Test Society
phone = 0114445566
address_ar = الدمام، حي الشاطئ
address_en = Al-Shati District, Dammam
[display]
ticker_ar = مرحباً بكم، نرجو الانتظار
ticker_en = Welcome, please wait
"""
FIELDS = ["name_ar", "name_en", "phone", "address_ar", "address_en", "ticker_ar", "ticker_en"]


def main():
    srv = Server(config=CONFIG).start()
    try:
        run(srv)
        upgrade(srv)
    finally:
        srv.cleanup()
    print("ok: association settings")


def run(srv):
    info = srv.get("/api/info").json()
    check(info["name_ar"] == "جمعية الإحسان التجريبية" and info["phone"] == "0114445566"
          and info["ticker_ar"] == "مرحباً بكم، نرجو الانتظار" and info["ticker_en"] == "Welcome, please wait",
          "first start: /api/info shows the config's association and ticker")
    check(info["timezone"] == "Asia/Riyadh" and info["version"], "timezone and version still there")
    admin = Staff(srv, "admin", srv.admin_password)
    add_user(srv, "rec1", "reception")
    rec = Staff(srv, "rec1", "pass-word-1234")
    display = add_device(srv, "d", "display")
    r = admin.get("/api/admin/association")
    check(r.status == 200 and sorted(r.json()) == sorted(FIELDS)
          and all(r.json()[k] == info[k] for k in FIELDS), "admin reads the seven fields")
    check(srv.get("/api/admin/association").status == 401, "GET needs a session")
    check(rec.get("/api/admin/association").status == 403, "reception may not read it")
    check(display.get("/api/admin/association").status == 403, "a display may not read it")
    body = {"ticker_ar": "يوم الخميس الدوام حتى الساعة الواحدة ظهراً", "phone": "0119998877"}
    check(srv.request("PUT", "/api/admin/association", body, headers=admin.h(csrf=False)).status == 403,
          "PUT without the CSRF token: 403")
    check(rec.post("/api/admin/association", body, method="PUT").status == 403, "reception may not edit")

    stream = SSE(srv.port, display.h())
    r = admin.post("/api/admin/association", body, method="PUT")
    check(r.status == 200 and r.json()["ticker_ar"] == body["ticker_ar"] and r.json()["phone"] == "0119998877"
          and r.json()["name_ar"] == "جمعية الإحسان التجريبية", "PUT changes the given fields, keeps the others")
    ev = stream.next_event()
    while ev is not None and ev["event"] in ("staff.updated", "device.updated"):
        ev = stream.next_event()  # the accounts made above, if the stream replays them
    check(ev is not None and ev["event"] == "association.updated", "displays get association.updated: %r" % ev)
    check(sorted(ev["data"]) == sorted(FIELDS) and ev["data"]["ticker_ar"] == body["ticker_ar"],
          "the event holds the public fields with the new ticker")
    check(stream.next_event(timeout=0.5) is None, "one event per change")
    stream.close()
    info = srv.get("/api/info").json()
    check(info["ticker_ar"] == body["ticker_ar"] and info["phone"] == "0119998877", "/api/info shows the edit")

    for bad, field in (({"name_ar": ""}, "name_ar"), ({"ticker_en": "x" * 2048}, "ticker_en"),
                       ({"phone": 5}, "phone"), ({"address_ar": "a" * 600}, "address_ar")):
        r = admin.post("/api/admin/association", bad, method="PUT")
        check(r.status == 400 and r.json().get("field") == field, "refused: %s (%r)" % (field, r.status))
    check(srv.get("/api/info").json()["ticker_ar"] == body["ticker_ar"], "a refused edit changed nothing")

    # The config changes and the server restarts: the database wins.
    srv.stop()
    srv.write_config(CONFIG.replace("Welcome, please wait", "Config ticker after"))
    srv.start()
    info = srv.get("/api/info").json()
    check(info["ticker_ar"] == body["ticker_ar"] and info["ticker_en"] == "Welcome, please wait",
          "after a restart with another config the stored values stay")


def upgrade(srv):
    """A database made before the settings table: schema 1, no settings rows."""
    srv.stop()
    db = sqlite3.connect(srv.db)
    db.execute("DROP TABLE settings")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    srv.write_config(CONFIG.replace("Welcome, please wait", "Upgraded ticker"))
    srv.start()
    info = srv.get("/api/info").json()
    check(info["ticker_en"] == "Upgraded ticker" and info["name_en"] == "Ihsan Test Society",
          "an upgraded database is seeded from the config once")
    db = sqlite3.connect(srv.db)
    v = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    check(v == 2, "schema is at version 2 after the upgrade (%d)" % v)


if __name__ == "__main__":
    main()
