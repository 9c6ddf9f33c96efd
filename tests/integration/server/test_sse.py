#!/usr/bin/env python3
"""The event stream: a call is an event with the ticket's label and the counter; a
client that disconnects and comes back with Last-Event-ID (header or query) receives
exactly the events it missed, in order, as seen by a client that stayed connected."""
from dawrtest import Server, Staff, add_device, add_user, check
from sse import SSE


def main():
    srv = Server().start()
    try:
        run(srv)
    finally:
        srv.cleanup()


def run(srv):
    add_user(srv, "rec1", "reception")
    rec = Staff(srv, "rec1", "pass-word-1234")
    kiosk = add_device(srv, "k", "kiosk")
    display = add_device(srv, "d", "display")

    for n in (1, 2, 3):
        rec.post("/api/counters/%d/open" % n)
    check(SSE(srv.port, {}).status == 401, "event stream needs credentials")
    steady = SSE(srv.port, display.h())
    check(steady.status == 200, "display opens the event stream")
    staff_stream = SSE(srv.port, {"Cookie": rec.cookie})
    check(staff_stream.status == 200, "a staff session opens the event stream too")
    client = SSE(srv.port, display.h())

    for i in range(3):
        kiosk.issue("A", key="a%d" % i)
    r = rec.post("/api/counters/1/next")
    first = client.events(4)
    check([e["event"] for e in first] == ["ticket.issued"] * 3 + ["ticket.called"],
          "client sees three issues then the call")
    call = first[3]["data"]
    check(call["label"] == r.json()["label"] == "A-001" and call["counter"] == 1,
          "the call event holds the label and the counter number")
    check([e["id"] for e in first] == list(range(first[0]["id"], first[0]["id"] + 4)),
          "ids are consecutive event sequence numbers")
    client.close()

    # While the client is away: more events.
    rec.post("/api/counters/1/serve")
    rec.post("/api/counters/1/done")
    for i in range(3, 6):
        kiosk.issue("B", key="b%d" % i)
    rec.post("/api/counters/2/next")
    missed = 6

    back = SSE(srv.port, dict(display.h(), **{"Last-Event-ID": str(first[-1]["id"])}))
    got = back.events(missed)
    seen = steady.events(4 + missed)
    check(len(seen) == 4 + missed, "the steady client saw all %d events" % (4 + missed))
    check([(e["id"], e["event"]) for e in got] == [(e["id"], e["event"]) for e in seen[4:]],
          "reconnect with Last-Event-ID gets exactly the %d missed events, in order" % missed)
    check(back.next_event(timeout=1) is None, "and nothing more")
    q = SSE(srv.port, display.h(), path="/api/events?last_event_id=%d" % seen[6]["id"])
    got = q.events(4)
    check([e["id"] for e in got] == [e["id"] for e in seen[7:]], "?last_event_id= works the same")
    q.close()

    # Live: the next call reaches the waiting clients.
    kiosk.issue("C", key="c")
    rec.post("/api/counters/3/next")
    live = [e for e in back.events(2) if e["event"] == "ticket.called"]
    check(len(live) == 1 and live[0]["data"]["label"] == "C-001" and live[0]["data"]["counter"] == 3,
          "a reconnected client keeps receiving live events")
    check(len(staff_stream.events(4 + missed + 2)) == 4 + missed + 2, "staff stream got every event")
    for s in (back, steady, staff_stream):
        s.close()


if __name__ == "__main__":
    main()
