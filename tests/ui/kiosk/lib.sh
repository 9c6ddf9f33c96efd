# Shared by the kiosk UI tests (sourced): a dawr-server on loopback with a temporary
# database, dawr-kiosk in a 540×960 window under Xvfb, and taps given in design
# pixels (the kiosk is laid out for 1080×1920, so this window is half of that).
# The key positions follow kiosk/keyboard.c and the form layout in
# kiosk/screen-request-form.c: keyboard 12 design px from the sides, 44 px a unit.

build="$DAWR_BUILD"
server="$build/server/dawr-server"
kiosk="$build/kiosk/dawr-kiosk"
for t in xvfb-run xdotool sqlite3 import convert curl; do
    command -v $t >/dev/null || { echo "skip: no $t"; exit 77; }
done
[ -x "$server" ] && [ -x "$kiosk" ] || { echo "skip: build dawr-server and dawr-kiosk"; exit 77; }

dir=$(mktemp -d /tmp/dawr-kiosk-ui.XXXXXX)
spid= kpid=
cleanup() {
    [ -n "$kpid" ] && kill "$kpid" 2>/dev/null
    [ -n "$spid" ] && kill "$spid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    [ -n "${wid:-}" ] && import -window "$wid" "/tmp/dawr-kiosk-ui-fail.png" 2>/dev/null &&
        echo "(screen saved in /tmp/dawr-kiosk-ui-fail.png)"
    cat "$dir/server.log" "$dir/kiosk.log" 2>/dev/null | tail -20
    exit 1
}

token=$("$server" --db "$dir/d.db" device add kiosk-test --kind kiosk 2>/dev/null | tail -1)
[ ${#token} -ge 32 ] || fail "no device token"
# A port the kernel has just found free (a port derived from the PID could be one of
# another test's client sockets).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)

# Starts the server; if its port was taken meanwhile and no kiosk uses it yet, it
# tries another one.
server_start() {
    tries=0
    while :; do
        "$server" --db "$dir/d.db" --listen "127.0.0.1:$port" >>"$dir/server.log" 2>&1 &
        spid=$!
        i=0
        until curl -fs "http://127.0.0.1:$port/api/info" >/dev/null; do
            kill -0 "$spid" 2>/dev/null || break
            i=$((i + 1)); [ $i -gt 50 ] && fail "server did not start"; sleep 0.1
        done
        kill -0 "$spid" 2>/dev/null && return 0
        tries=$((tries + 1))
        { [ $tries -gt 5 ] || [ -n "${kpid:-}" ]; } && fail "server did not start"
        port=$(free_port)
    done
}
server_stop() {
    kill "$spid"; wait "$spid" 2>/dev/null; spid=
}

kiosk_start() {
    mkdir -p "$dir/tickets"
    "$kiosk" --config /dev/null --server "http://127.0.0.1:$port" --token "$token" \
        --printer "png:$dir/tickets" --outbox "$dir/outbox" --window 540x960 \
        "$@" >>"$dir/kiosk.log" 2>&1 &
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
    sleep 1.5 # the first answer from the server (or the lack of one)
}
kiosk_stop() {
    kill "$kpid"; wait "$kpid" 2>/dev/null; kpid=
}

tap() {
    xdotool mousemove $((wx + $1 / 2)) $((wy + $2 / 2)) click 1
    sleep 0.05
}

# One key of the Arabic layer.
ar_key() {
    r=0
    for row in "ض ص ث ق ف غ ع ه خ ح ج د" "ش س ي ب ل ا ت ن م ك ط ذ"; do
        u=1
        for ch in $row; do
            [ "$ch" = "$1" ] && { tap $((12 + 44 * u)) $((1364 + 125 * r + 62)); return; }
            u=$((u + 2))
        done
        r=$((r + 1))
    done
    u=4
    for ch in ئ ء ؤ ر ى ة و ز ظ; do
        [ "$ch" = "$1" ] && { tap $((12 + 44 * u)) $((1364 + 250 + 62)); return; }
        u=$((u + 2))
    done
    case "$1" in
    أ) u=7 ;; إ) u=9 ;; آ) u=11 ;; space) u=15 ;; لا) u=19 ;; enter) u=22 ;;
    *) fail "no key for $1" ;;
    esac
    tap $((12 + 44 * u)) $((1364 + 375 + 62))
}
type_ar() { for c in "$@"; do ar_key "$c"; done; }

# The digits-only pad: a string of digits, then optionally "enter".
type_digits() {
    s=$1
    while [ -n "$s" ]; do
        d=${s%"${s#?}"}; s=${s#?}
        case $d in
        0) r=3 u=12 ;; *) r=$(((d - 1) / 3)) u=$((4 + 8 * ((d - 1) % 3))) ;;
        esac
        tap $((12 + 44 * u)) $((1384 + 120 * r + 60))
    done
}
digits_enter() { tap $((12 + 44 * 20)) $((1384 + 360 + 60)); }
digits_back() { tap $((12 + 44 * 4)) $((1384 + 360 + 60)); }

# Percentage of the window in the error red (#B01E1E).
red_percent() {
    import -window "$wid" "$dir/shot.png"
    convert "$dir/shot.png" -fuzz 10% -fill black -opaque "#B01E1E" -fill white \
        +opaque black -format "%[fx:100*(1-mean)]" info:
}

sql() { sqlite3 "$dir/d.db" "$1"; }
wait_sql() { # QUERY EXPECTED WHAT
    i=0
    until [ "$(sql "$1")" = "$2" ]; do
        i=$((i + 1)); [ $i -gt 150 ] && fail "$3 (got '$(sql "$1")')"; sleep 0.1
    done
}

# The support request from the home screen through the national ID, as a person
# would tap it. $1 is the national ID typed; $2 the home button's design y (385:
# service A online; 587: the offline "support request" button).
fill_request() {
    tap 540 "${2:-385}"
    sleep 0.2
    tap 370 1784 # start the form
    sleep 0.2
    type_ar ع ب د ا ل ل ه space أ ح م د space س ع ي د space ا ل ز ه ر ا ن ي enter
    type_digits "$1"; digits_enter
}
fill_rest() {
    type_digits 0551234567; digits_enter
    type_ar أ ب ه ا enter
    type_ar ا ل م ن س ك enter
    type_digits 5; digits_enter
    type_digits 3200; digits_enter
    tap 540 555  # housing: rented
    tap 291 1794 # next
    tap 540 385  # support: food basket
    tap 291 1794 # next
    tap 291 1270 # notes: none, next
    sleep 0.2
    tap 369 1789 # review: this is correct
    sleep 0.2
}
sign_and_send() {
    xdotool mousemove $((wx + 150 / 2)) $((wy + 900 / 2)) mousedown 1
    for x in 250 350 450 550 650 750 850; do
        y=$(( x / 100 % 2 == 0 ? 800 : 1000 ))
        xdotool mousemove $((wx + x / 2)) $((wy + y / 2)); sleep 0.02
    done
    xdotool mouseup 1
    sleep 0.1
    tap 369 1789 # declare and send
}
