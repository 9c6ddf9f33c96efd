#!/usr/bin/env python3
"""A full scripted day of a small office against the real server, on a test clock:
tickets issued at the kiosk, called, served, transferred to social research, a
no-show, ratings; support applications through their workflow; then the daily
report (JSON and CSV) must match numbers computed here from the script itself.
Finally the server log is searched for every name, national ID and phone used."""
import base64
import calendar
import csv
import io
import math
import sys

from dawrtest import Server, Staff, add_device, add_user, check, fail, nid

T0 = calendar.timegm((2026, 11, 23, 5, 0, 0))  # 08:00 in Riyadh
DAY1 = "2026-11-23"

PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJ"
       "RU5ErkJggg==")

PII = {
    "names": ["محمد عبدالله سعد القحطاني", "نورة خالد فهد العتيبي"],
    "nids": [nid("105432198"), nid("210987654")],
    "mobiles": ["0551234567", "0569876543"],
}


def at(srv, dt):
    srv.set_clock(T0 + dt)


def nearest_rank(values, p):
    v = sorted(values)
    return float(v[max(0, math.ceil(p / 100.0 * len(v)) - 1)]) if v else 0.0


def main():
    srv = Server(clock=T0).start()
    try:
        run(srv)
    finally:
        srv.stop()
    check_log(srv)
    srv.cleanup()


def run(srv):
    check(srv.admin_password is not None and len(srv.admin_password) >= 8,
          "first start printed a one-time admin password")
    add_user(srv, "rec1", "reception")
    add_user(srv, "res1", "researcher")
    add_user(srv, "mgr1", "manager")
    kiosk = add_device(srv, "kiosk-1", "kiosk")
    admin = Staff(srv, "admin", srv.admin_password)
    rec = Staff(srv, "rec1", "pass-word-1234")
    res = Staff(srv, "res1", "pass-word-1234")
    mgr = Staff(srv, "mgr1", "pass-word-1234")
    check(rec.user["role"] == "reception", "login returns the user's role")

    r = kiosk.get("/api/services")
    codes = [s["code"] for s in r.json()["services"]]
    check(r.status == 200 and codes == ["A", "B", "C", "D", "E"], "five default services A-E")

    # --- tickets ---------------------------------------------------------------
    t = {}
    at(srv, 0)
    r = kiosk.issue("A", key="k-a1")
    check(r.status == 201 and r.json()["label"] == "A-001" and r.json()["position"] == 1,
          "first ticket is A-001 at position 1")
    t["a1"] = r.json()
    r = kiosk.issue("A", key="k-a1")
    check(r.status == 200 and r.json()["label"] == "A-001" and r.json()["replayed"],
          "repeated Idempotency-Key returns the same ticket")
    at(srv, 60)
    t["a2"] = kiosk.issue("A", key="k-a2").json()
    check(t["a2"]["label"] == "A-002" and t["a2"]["position"] == 2, "A-002 at position 2")
    at(srv, 120)
    t["c1"] = kiosk.issue("C", key="k-c1").json()
    at(srv, 180)
    t["a3"] = kiosk.issue("A", priority=True, key="k-a3").json()
    check(t["a3"]["label"] == "A-003" and t["a3"]["position"] == 1,
          "priority ticket goes to the front")
    check(kiosk.issue("Z", key="k-z").status == 400, "unknown service refused")
    r = srv.get("/api/tickets/status/" + t["a1"]["token"])
    check(r.status == 200 and r.json()["position"] == 2 and "name" not in r.json(),
          "public status by token: position, nothing personal")
    r = kiosk.get("/api/services")
    check([s["waiting"] for s in r.json()["services"] if s["code"] == "A"] == [3],
          "services list shows 3 waiting for A")

    at(srv, 300)
    r = rec.post("/api/counters/1/next")
    check(r.status == 200 and r.json()["label"] == "A-003" and r.json()["counter"] == 1,
          "call next at counter 1 takes the priority ticket")
    at(srv, 330)
    check(rec.post("/api/counters/1/serve").json()["state"] == "serving", "serve")
    at(srv, 630)
    check(rec.post("/api/counters/1/done").json()["state"] == "done", "done")
    at(srv, 640)
    check(rec.post("/api/counters/1/next").json()["label"] == "A-001", "then A-001")
    at(srv, 650)
    rec.post("/api/counters/1/serve")
    at(srv, 950)
    r = rec.post("/api/counters/1/transfer", {"service": "D", "note": "بحث اجتماعي"})
    check(r.status == 200 and r.json()["service"] == "D" and r.json()["label"] == "A-001",
          "transfer to social research keeps the label")
    t["d1"] = r.json()
    at(srv, 960)
    check(rec.post("/api/counters/1/next").json()["label"] == "A-002", "then A-002")
    at(srv, 1000)
    r = rec.post("/api/counters/1/recall")
    check(r.status == 200 and r.json()["recalls"] == 1, "recall counts")
    at(srv, 1100)
    check(rec.post("/api/counters/1/no-show").json()["state"] == "no_show", "no-show")
    at(srv, 1200)
    check(rec.post("/api/counters/3/next").json()["label"] == "C-001", "counter 3 calls C-001")
    at(srv, 1210)
    rec.post("/api/counters/3/serve")
    at(srv, 1330)
    rec.post("/api/counters/3/done")
    at(srv, 1400)
    r = res.post("/api/counters/4/next")
    check(r.status == 200 and r.json()["label"] == "A-001" and r.json()["service"] == "D",
          "researcher at counter 4 calls the transferred ticket")
    at(srv, 1410)
    res.post("/api/counters/4/serve")
    at(srv, 1710)
    res.post("/api/counters/4/done")
    at(srv, 1720)
    r = rec.post("/api/counters/1/next")
    check(r.status == 204, "call next with nobody waiting answers 204")
    check(rec.post("/api/counters/1/serve").status == 409, "serve with no current ticket: 409")

    # --- ratings -----------------------------------------------------------------
    check(srv.request("POST", "/api/ratings", {"token": t["a3"]["token"], "score": 5}).status == 201,
          "rating 5 for A-003")
    check(srv.request("POST", "/api/ratings", {"token": t["c1"]["token"], "score": 4}).status == 201,
          "rating 4 for C-001")
    check(srv.request("POST", "/api/ratings", {"token": t["a3"]["token"], "score": 1}).status == 409,
          "a second rating of the same ticket is refused")
    check(srv.request("POST", "/api/ratings", {"token": t["a2"]["token"], "score": 2}).status == 409,
          "a no-show ticket cannot be rated")
    check(srv.request("POST", "/api/ratings", {"token": t["c1"]["token"], "score": 9}).status == 400,
          "score out of range refused")

    # --- applications --------------------------------------------------------------
    at(srv, 100)
    form1 = {"name": PII["names"][0], "nid": PII["nids"][0], "mobile": PII["mobiles"][0],
             "city": "الرياض", "district": "النسيم", "family_members": 6, "income": 3500,
             "housing": "rented", "support_type": "food", "notes": "", "declaration": True}
    form1["signature_png"] = PNG
    r = kiosk.post("/api/applications", form1, key="app-1")
    check(r.status == 201 and r.json()["status"] == "submitted" and r.json()["reference"].startswith("2026-"),
          "kiosk creates an application")
    check("nid" not in r.json() and "name" not in r.json(), "kiosk reply echoes nothing personal")
    app1 = r.json()
    r = kiosk.post("/api/applications", form1, key="app-1")
    check(r.status == 200 and r.json()["reference"] == app1["reference"], "idempotent application create")
    bad = dict(form1, nid="1234567890")
    r = kiosk.post("/api/applications", bad, key="app-bad")
    check(r.status == 400 and r.json()["field"] == "nid" and r.json()["message_ar"],
          "bad national ID refused with field and Arabic message")
    form2 = dict(form1, name=PII["names"][1], nid=PII["nids"][1], mobile=PII["mobiles"][1],
                 income=1200, housing="owned")
    r = rec.post("/api/applications", form2)
    check(r.status == 201, "reception creates an application")
    app2 = r.json()
    r = kiosk.post("/api/applications", form1, key="app-3")
    check(r.status == 201, "second application with the same ID accepted ...")
    app3 = r.json()
    r = rec.get("/api/applications/%d" % app3["id"])
    check(r.json()["duplicate_of"] == app1["id"], "... and flagged as a duplicate")
    check(r.json()["nid"] == PII["nids"][0], "reception sees the national ID")
    r = rec.get("/api/applications/%d/signature" % app1["id"])
    check(r.status == 200 and r.headers["content-type"] == "image/png"
          and r.raw == base64.b64decode(PNG), "the signature image comes back byte for byte")
    check(mgr.get("/api/applications/%d/signature" % app1["id"]).status == 403,
          "a manager cannot fetch signatures")
    r = mgr.get("/api/applications/%d" % app3["id"])
    check(r.status == 200 and r.json()["nid"] != PII["nids"][0] and "•" in r.json()["nid"],
          "manager sees the national ID masked")
    check(admin.get("/api/applications").status == 403, "admin cannot list applications")
    check(res.post("/api/applications/%d/decide" % app1["id"], {"decision": "accepted"}).status == 409,
          "cannot decide a submitted application")
    at(srv, 400)
    r = rec.post("/api/applications/%d/verify" % app1["id"])
    check(r.status == 200 and r.json()["status"] == "verified" and r.json()["verified_by"] == rec.user["id"],
          "reception verifies, recorded who")
    check(rec.post("/api/applications/%d/decide" % app1["id"], {"decision": "accepted"}).status == 403,
          "reception cannot decide")
    r = res.post("/api/applications/%d/decide" % app1["id"], {"decision": "under_review"})
    check(r.status == 200 and r.json()["status"] == "under_review", "researcher takes it under review")
    r = res.post("/api/applications/%d/decide" % app1["id"], {"decision": "accepted", "note": "مستحق"})
    check(r.status == 200 and r.json()["status"] == "accepted" and r.json()["decided_by"] == res.user["id"],
          "researcher accepts with a note")
    rec.post("/api/applications/%d/verify" % app2["id"])
    res.post("/api/applications/%d/decide" % app2["id"], {"decision": "under_review"})
    r = res.post("/api/applications/%d/decide" % app2["id"], {"decision": "rejected"})
    check(r.json()["status"] == "rejected", "second application rejected")
    r = srv.request("POST", "/api/applications/status",
                    {"reference": app1["reference"], "last4": PII["nids"][0][-4:]})
    check(r.status == 200 and r.json()["status"] == "accepted" and len(r.json()) == 3,
          "status lookup by reference + last 4 digits gives the status only")
    r = srv.request("POST", "/api/applications/status", {"reference": app1["reference"], "last4": "0000"})
    check(r.status == 404, "wrong last 4 digits: not found")
    r = rec.get("/api/applications?status=submitted")
    check([a["id"] for a in r.json()["applications"]] == [app3["id"]], "filter by status")

    # --- report --------------------------------------------------------------------
    at(srv, 15 * 86400)  # two weeks later: app3 is overdue
    r = rec.get("/api/applications?overdue=1")
    check([a["id"] for a in r.json()["applications"]] == [app3["id"]], "overdue filter")
    check(rec.get("/api/reports/daily?date=" + DAY1).status == 403, "reception cannot read reports")
    r = mgr.get("/api/reports/daily?date=" + DAY1)
    check(r.status == 200, "manager reads the daily report")
    rep = r.json()
    # Expected, from the script above: (issue, first call, serve, done) per ticket row.
    waits = {"A": [300 - 180, 640 - 0, 960 - 60], "C": [1200 - 120], "D": [1400 - 0]}
    services = {"A": [630 - 330], "C": [1330 - 1210], "D": [1710 - 1410]}
    allw = sum(waits.values(), [])
    alls = sum(services.values(), [])
    tot = rep["total"]
    check((tot["issued"], tot["called"], tot["done"], tot["no_show"], tot["transferred"], tot["waiting"])
          == (4, 5, 3, 1, 1, 0), "report totals: 4 issued (a transfer is no new person), 5 called, "
          "3 done, 1 no-show, 1 transferred, 0 waiting: %r" % tot)
    check(tot["wait_p50_s"] == nearest_rank(allw, 50) and tot["wait_p90_s"] == nearest_rank(allw, 90),
          "total wait p50/p90 = %s/%s" % (nearest_rank(allw, 50), nearest_rank(allw, 90)))
    check(abs(tot["wait_mean_s"] - sum(allw) / len(allw)) < 0.01, "total mean wait")
    check(tot["service_p50_s"] == nearest_rank(alls, 50) and tot["service_p90_s"] == nearest_rank(alls, 90),
          "total service time p50/p90")
    byS = {row["key"]: row for row in rep["by_service"]}
    for code in ("A", "C", "D"):
        row = byS[code]
        check(row["called"] == len(waits[code]) and row["wait_p50_s"] == nearest_rank(waits[code], 50)
              and row["wait_p90_s"] == nearest_rank(waits[code], 90)
              and row["service_p50_s"] == nearest_rank(services[code], 50),
              "service %s waits and service times" % code)
    check((byS["A"]["issued"], byS["A"]["done"], byS["A"]["no_show"], byS["A"]["transferred"]) == (3, 1, 1, 1),
          "service A counts")
    byC = {row["key"]: row for row in rep["by_counter"]}
    check(byC["1"]["called"] == 3 and byC["3"]["done"] == 1 and byC["4"]["done"] == 1, "per counter")
    check(tot["ratings"] == 2 and abs(tot["rating_avg"] - 4.5) < 0.001
          and rep["ratings"] == {"1": 0, "2": 0, "3": 0, "4": 1, "5": 1}, "satisfaction 4.5 from 2 ratings")
    apps = rep["applications"]
    check(apps["submitted"] == 3 and apps["by_status"]["accepted"] == 1 and apps["by_status"]["rejected"] == 1
          and apps["by_status"]["submitted"] == 1 and apps["overdue"] == 1, "applications in the report")

    r = mgr.get("/api/reports/daily.csv?date=" + DAY1)
    check(r.status == 200 and r.headers["content-type"].startswith("text/csv")
          and "attachment" in r.headers.get("content-disposition", ""), "CSV export")
    rows = list(csv.DictReader(io.StringIO(r.body)))
    total = [x for x in rows if x["group"] == "total"][0]
    check(int(total["issued"]) == 4 and float(total["wait_p90_s"]) == nearest_rank(allw, 90)
          and len([x for x in rows if x["group"] == "service"]) == len(rep["by_service"]),
          "CSV matches the JSON report")

    # --- day two: numbering restarts, restore ----------------------------------------
    at(srv, 86400)
    r = kiosk.issue("A", key="k-day2")
    check(r.json()["label"] == "A-001", "numbering restarts the next day")
    at(srv, 86400 + 30)
    rec.post("/api/counters/1/next")
    tid = rec.post("/api/counters/1/no-show").json()["id"]
    r = rec.post("/api/tickets/%d/restore" % tid)
    check(r.status == 200 and r.json()["state"] == "waiting", "a no-show is restored to waiting")
    check(rec.post("/api/counters/1/next").json()["id"] == tid, "and can be called again")
    check(rec.post("/api/logout").status == 204 and rec.get("/api/me").status == 401,
          "logout ends the session")


def check_log(srv):
    log = open(srv.log_path, encoding="utf-8", errors="replace").read()
    check(log.count("\n") > 50, "the server logged the run (%d lines)" % log.count("\n"))
    for kind, values in PII.items():
        for v in values:
            for piece in [v] + (v.split() if kind == "names" else []):
                if len(piece) >= 3 and piece in log:
                    fail("the server log contains a %s: %s" % (kind, piece))
    check(True, "no name, national ID or phone in the server log")


if __name__ == "__main__":
    main()
