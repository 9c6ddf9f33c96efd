#!/bin/sh
# Rating (issue 6, acceptance 1, last part): take a ticket, then «قيّم الخدمة», the
# ticket's letter and number, a face. Before the service is done the server refuses
# and the kiosk says so; once it is done (set in the database here: staff screens
# are another issue's) the rating is stored with the face's score.
set -u
if [ -z "${DAWR_IN_XVFB:-}" ]; then
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

server_start
kiosk_start
tap 540 599 # B: a ticket
wait_sql "SELECT label FROM tickets" B-001 "no ticket"
sleep 0.3
tap 540 1800 # done
sleep 0.3
tap 291 1789 # rate our service
sleep 0.2
tap 370 361  # letter B
type_digits 1; digits_enter
sleep 0.2
tap 930 506  # the best face
wait_sql "SELECT count(*) FROM ratings" 0 "rated before the service was done?"
i=0
until grep -q "POST /api/ratings 409" "$dir/server.log"; do
    i=$((i + 1)); [ $i -gt 50 ] && fail "no refusal from the server"; sleep 0.1
done
sleep 0.3
red_percent >/dev/null # takes the screenshot
a=$(convert "$dir/shot.png" -fuzz 6% -fill black -opaque "#FFE08A" -fill white \
    +opaque black -format "%[fx:100*(1-mean)]" info:)
awk "BEGIN { exit !($a > 1) }" || fail "no message for a ticket not yet served ($a% amber)"
[ -n "${DAWR_KEEP_SHOT:-}" ] && cp "$dir/shot.png" "$DAWR_KEEP_SHOT"
echo "ok: a ticket not yet served cannot be rated; message shown ($a% amber)"

sql "UPDATE tickets SET state = 'done', done_at = strftime('%s','now') WHERE label = 'B-001'"
digits_enter
sleep 0.2
tap 930 506
wait_sql "SELECT score FROM ratings" 5 "the rating was not stored"
echo "ok: B-001 rated 5"
exit 0
