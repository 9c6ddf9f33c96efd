#!/bin/sh
# Take a ticket by tapping the kiosk (issue 6, acceptance 1, first part): a real
# dawr-server on loopback with a temporary database, dawr-kiosk under Xvfb with a
# png: printer, xdotool clicks. Checks the server stored the ticket (with the
# priority option when it was ticked), a ticket image was printed, and the kiosk
# showed the ticket screen.
set -u
build="$DAWR_BUILD"
server="$build/server/dawr-server"
kiosk="$build/kiosk/dawr-kiosk"
for t in xvfb-run xdotool sqlite3 import compare; do
    command -v $t >/dev/null || { echo "skip: no $t"; exit 77; }
done
[ -x "$server" ] && [ -x "$kiosk" ] || { echo "skip: build dawr-server and dawr-kiosk"; exit 77; }

if [ -z "${DAWR_IN_XVFB:-}" ]; then
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi

dir=$(mktemp -d /tmp/dawr-kiosk-ui.XXXXXX)
spid= kpid=
cleanup() {
    [ -n "$kpid" ] && kill "$kpid" 2>/dev/null
    [ -n "$spid" ] && kill "$spid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; cat "$dir/server.log" "$dir/kiosk.log"; exit 1; }

token=$("$server" --db "$dir/d.db" device add kiosk-test --kind kiosk 2>/dev/null | tail -1)
[ ${#token} -ge 32 ] || fail "no device token"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$server" --db "$dir/d.db" --listen "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
spid=$!
i=0
until curl -fs "http://127.0.0.1:$port/api/info" >/dev/null; do
    i=$((i + 1)); [ $i -gt 50 ] && fail "server did not start"; sleep 0.1
done

mkdir "$dir/tickets"
"$kiosk" --config /dev/null --server "http://127.0.0.1:$port" --token "$token" \
    --printer "png:$dir/tickets" --window 540x960 >"$dir/kiosk.log" 2>&1 &
kpid=$!
wid= i=0
    until [ -n "$wid" ]; do
        kill -0 "$kpid" 2>/dev/null || fail "dawr-kiosk exited"
        i=$((i + 1)); [ $i -gt 100 ] && fail "no kiosk window"; sleep 0.1
        wid=$(xdotool search --onlyvisible --pid "$kpid" 2>/dev/null | head -1)
    done
[ -n "$wid" ] || fail "no kiosk window"
eval "$(xdotool getwindowgeometry --shell "$wid")"
wx=$X wy=$Y
# Taps in design pixels (the kiosk is laid out for 1080 wide; this window is half).
tap() {
    xdotool mousemove $((wx + $1 / 2)) $((wy + $2 / 2)) click 1
}
count() { sqlite3 "$dir/d.db" "SELECT count(*) FROM tickets ${1:-}"; }

# The services arrive within a second of start; button i's middle is at design
# y 290 + 214 i + 95. The first, A (support request), needs the form: the
# second, B, gives a ticket straight away.
sleep 1.5
tap 540 599
i=0
until [ "$(count)" = 1 ]; do
    i=$((i + 1)); [ $i -gt 50 ] && fail "no ticket on the server"; sleep 0.1
done
[ "$(sqlite3 "$dir/d.db" "SELECT label || ' ' || priority FROM tickets")" = "B-001 0" ] ||
    fail "unexpected ticket: $(sqlite3 "$dir/d.db" 'SELECT label, priority FROM tickets')"
i=0
until [ -n "$(ls "$dir/tickets" 2>/dev/null)" ]; do
    i=$((i + 1)); [ $i -gt 50 ] && fail "no ticket image printed"; sleep 0.1
done
sleep 0.3
import -window "$wid" "$dir/ticket-screen.png"
# the ticket screen is mostly white card and background; home is mostly green
green=$(convert "$dir/ticket-screen.png" -fuzz 8% -fill black -opaque "#0B5D3B" \
    -fill white +opaque black -format "%[fx:int(100*(1-mean))]" info:)
[ "$green" -lt 20 ] || fail "ticket screen not shown ($green% green)"
echo "ok: tap -> B-001 on the server, printed, ticket screen shown ($green% green)"

# Done goes home; tick the priority option (design y 1580) and take a C ticket.
tap 540 1800
sleep 0.5
tap 540 1580
tap 540 813
i=0
until [ "$(count "WHERE label = 'C-001'")" = 1 ]; do
    i=$((i + 1)); [ $i -gt 50 ] && fail "no C ticket"; sleep 0.1
done
[ "$(sqlite3 "$dir/d.db" "SELECT priority FROM tickets WHERE label = 'C-001'")" = 1 ] ||
    fail "priority not sent"
[ "$(count)" = 2 ] || fail "$(count) tickets, expected 2"
echo "ok: priority ticket C-001"
# Each tap sent its own Idempotency-Key (32 hex digits), so a retry cannot issue twice.
keys=$(sqlite3 "$dir/d.db" "SELECT count(DISTINCT key) FROM idempotency WHERE kind = 'ticket'
    AND length(key) = 32")
[ "$keys" = 2 ] || fail "$keys idempotency keys for the 2 tickets, expected 2"
echo "ok: one fresh Idempotency-Key per tap"
exit 0
