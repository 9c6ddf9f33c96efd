#!/bin/sh
# A printer that fails (issue 6): the ticket stays on screen with the printer's
# message and a QR code that leads to the ticket's status (the token the server gave).
set -u
if [ -z "${DAWR_IN_XVFB:-}" ]; then
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"
command -v zbarimg >/dev/null || { echo "skip: no zbarimg"; exit 77; }

echo "desk-pass-123" | "$server" --db "$dir/d.db" user add desk --role reception >/dev/null ||
    fail "cannot add a staff user"
server_start
kiosk_start --printer "png:$dir/no-such-folder"
tap 540 599 # B
wait_sql "SELECT label FROM tickets" B-001 "no ticket"
sleep 1
import -window "$wid" "$dir/shot.png"
qr=$(zbarimg -q --raw "$dir/shot.png" 2>/dev/null)
token=$(sql "SELECT token FROM tickets WHERE label = 'B-001'")
[ "$qr" = "http://127.0.0.1:$port/api/tickets/status/$token" ] ||
    fail "QR code '$qr', expected the status URL of token $token"
curl -fs "$qr" >/dev/null || fail "the QR code's URL does not answer"
echo "ok: print failure shows the ticket's QR code ($qr)"
# The kiosk told the server; staff read it (GET /api/devices/status) and the
# consoles got a device.status event.
curl -fs -c "$dir/jar" -H 'Content-Type: application/json' \
    -d '{"username":"desk","password":"desk-pass-123"}' \
    "http://127.0.0.1:$port/api/login" >/dev/null || fail "staff login failed"
st=$(curl -fs -b "$dir/jar" "http://127.0.0.1:$port/api/devices/status")
state=$(printf '%s' "$st" | python3 -c 'import json,sys
d=[x for x in json.load(sys.stdin)["devices"] if x["device"] == "kiosk-test"]
print(d[0]["printer"] if d else "")')
[ -n "$state" ] && [ "$state" != ok ] || fail "server's device status: $st"
[ "$(sql "SELECT count(*) FROM events WHERE type = 'device.status'")" = 1 ] ||
    fail "no device.status event"
echo "ok: the server knows the kiosk's printer state ($state)"
sleep 12 # the ticket screen normally goes home after 12 s; not when printing failed
import -window "$wid" "$dir/shot2.png"
[ "$(zbarimg -q --raw "$dir/shot2.png" 2>/dev/null)" = "$qr" ] || fail "the ticket left the screen"
echo "ok: the ticket stays on screen"
exit 0
