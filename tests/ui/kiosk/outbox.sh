#!/bin/sh
# Offline support requests (issue 6, acceptance 2): with the server down, two
# requests are filled in and saved to the outbox; the kiosk is restarted; the server
# is started; both arrive exactly once and the outbox empties.
set -u
if [ -z "${DAWR_IN_XVFB:-}" ]; then
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

kiosk_start # no server yet: the home screen offers the request, not tickets
fill_request 1012345672 587
fill_rest
sign_and_send
sleep 0.3
tap 540 1784 # done
sleep 0.3
fill_request 2000000006 587
fill_rest
sign_and_send
sleep 0.3
n=$(ls "$dir/outbox"/*.req 2>/dev/null | wc -l)
[ "$n" = 2 ] || fail "$n requests in the outbox, expected 2"
echo "ok: two requests saved while the server is down"

kiosk_stop
kiosk_start
server_start
wait_sql "SELECT count(*) FROM applications" 2 "the saved requests did not arrive"
sleep 2.5 # a little longer: nothing may arrive twice
[ "$(sql 'SELECT count(*) FROM applications')" = 2 ] || fail "a request arrived twice"
[ "$(sql "SELECT group_concat(nid, ' ') FROM (SELECT nid FROM applications ORDER BY id)")" = \
  "1012345672 2000000006" ] || fail "wrong requests: $(sql 'SELECT nid FROM applications')"
[ "$(sql "SELECT count(DISTINCT name) FROM applications WHERE
          name = 'عبدالله أحمد سعيد الزهراني' AND length(signature) > 0")" = 1 ] ||
    fail "names or signatures differ"
[ -z "$(ls "$dir/outbox"/*.req 2>/dev/null)" ] || fail "the outbox did not empty"
echo "ok: both delivered once, in order, after a restart; outbox empty"
exit 0
