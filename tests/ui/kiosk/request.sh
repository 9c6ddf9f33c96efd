#!/bin/sh
# A support request typed on the on-screen keyboard (issue 6, acceptance 1): an
# Arabic four-part name with a hamza, a wrong national ID (the message is shown and
# nothing is sent) then a right one, a mobile, ... a finger signature; the server
# must hold exactly those UTF-8 strings and a signature image.
set -u
if [ -z "${DAWR_IN_XVFB:-}" ]; then
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

server_start
kiosk_start

# 1012345672 passes the check digit; 1012345673 does not.
fill_request 1012345673
red=$(red_percent)
awk "BEGIN { exit !($red > 0.05) }" || fail "no error shown for a wrong ID ($red% red)"
[ "$(sql 'SELECT count(*) FROM applications')" = 0 ] || fail "something was sent"
echo "ok: wrong national ID refused on screen ($red% red), nothing sent"
digits_back
type_digits 2; digits_enter
red=$(red_percent)
awk "BEGIN { exit !($red < 0.05) }" || fail "the error stayed ($red% red)"

fill_rest
sign_and_send
wait_sql "SELECT count(*) FROM applications" 1 "no application on the server"
got=$(sql "SELECT name || '|' || nid || '|' || mobile || '|' || city || '|' || district
           || '|' || family_members || '|' || income || '|' || housing || '|' ||
           support_type || '|' || declaration || '|' || channel FROM applications")
want="عبدالله أحمد سعيد الزهراني|1012345672|0551234567|أبها|المنسك|5|3200|rented|food|1|kiosk"
[ "$got" = "$want" ] || fail "stored '$got', expected '$want'"
sig=$(sql "SELECT hex(substr(signature, 1, 8)) || ' ' || length(signature) FROM applications")
case "$sig" in
89504E470D0A1A0A*) ;;
*) fail "no PNG signature stored ($sig)" ;;
esac
echo "ok: application stored with exactly the typed strings; signature PNG ${sig#* } bytes"
ref=$(sql "SELECT reference FROM applications")
wait_sql "SELECT label FROM tickets WHERE application_id = (SELECT id FROM applications)" \
    A-001 "no ticket linked to the request"
echo "ok: ticket A-001 issued for the request and linked to it"
sleep 0.5
[ -z "$(ls "$dir/outbox"/*.req 2>/dev/null)" ] || fail "request still in the outbox"
echo "ok: reference $ref, outbox empty"

# Status lookup: «متابعة طلب سابق» on the home screen, the reference's ten digits
# (the dash comes by itself), then the ID's last four digits.
amber() {
    import -window "$wid" "$dir/shot.png"
    convert "$dir/shot.png" -fuzz 6% -fill black -opaque "#FFE08A" -fill white \
        +opaque black -format "%[fx:100*(1-mean)]" info:
}
tap 540 1784 # done
sleep 0.3
tap 789 1789 # check my request
sleep 0.2
digits=$(echo "$ref" | tr -d -)
type_digits "$digits"; type_digits 5673; digits_enter
wait_log() {
    i=0
    until [ "$(grep -c "POST /api/applications/status $1" "$dir/server.log")" -ge "$2" ]; do
        i=$((i + 1)); [ $i -gt 50 ] && fail "no status lookup answered $1"; sleep 0.1
    done
}
wait_log 404 1
sleep 0.3
a=$(amber)
awk "BEGIN { exit !($a > 1) }" || fail "no message for wrong digits ($a% amber)"
echo "ok: wrong last four digits: not found, message shown ($a% amber)"
tap 540 560 # the last-four box
digits_back; type_digits 2; digits_enter
wait_log 200 1
sleep 0.3
a=$(amber)
awk "BEGIN { exit !($a < 0.5) }" || fail "the status did not replace the message ($a% amber)"
[ -n "${DAWR_KEEP_SHOT:-}" ] && cp "$dir/shot.png" "$DAWR_KEEP_SHOT"
echo "ok: status lookup answered"
exit 0
