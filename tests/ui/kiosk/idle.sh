#!/bin/sh
# The privacy timeout (issue 6, acceptance 3): a half-filled form, then no touch for
# the configured time (3 s here, 60 s in production) -> the home screen, and going
# back to the form shows it empty.
set -u
if [ -z "${DAWR_IN_XVFB:-}" ]; then
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"

printf '[kiosk]\nidle_seconds = 3\n' >"$dir/k.ini"
server_start
kiosk_start --config "$dir/k.ini"

# the empty name box, as a reference
tap 540 385
sleep 0.2
tap 370 1784
sleep 0.3
import -window "$wid" -crop 484x75+28+155 +repage "$dir/empty.png"
type_ar س ا ر ة space م ح م د
import -window "$wid" -crop 484x75+28+155 +repage "$dir/typed.png"
d=$(compare -metric AE "$dir/empty.png" "$dir/typed.png" null: 2>&1)
[ "$d" -gt 100 ] || fail "typing did not show ($d pixels changed)"

sleep 4.5
import -window "$wid" "$dir/home.png"
green=$(convert "$dir/home.png" -fuzz 8% -fill black -opaque "#0B5D3B" -fill white \
    +opaque black -format "%[fx:int(100*(1-mean))]" info:)
[ "$green" -gt 25 ] || fail "not back home after the timeout ($green% green)"
echo "ok: home screen after 3 s without a touch"

tap 540 385
sleep 0.2
tap 370 1784
sleep 0.3
import -window "$wid" -crop 484x75+28+155 +repage "$dir/again.png"
d=$(compare -metric AE "$dir/empty.png" "$dir/again.png" null: 2>&1)
[ "$d" = 0 ] || fail "the form was not emptied ($d pixels differ from an empty box)"
echo "ok: the form is empty again"
exit 0
