#!/bin/sh
# Golden screenshots of the kiosk screens (issue 6, acceptance 5): each screen in
# Arabic and English, portrait and landscape, drawn with --sample data under Xvfb and
# compared with the committed image. Every committed image was looked at by a person:
# joined Arabic, right order, nothing cut off or overlapping.
# Update after a deliberate change: DAWR_GOLDEN_UPDATE=1 ctest -R kiosk_golden, then
# look at each new image before committing it.
set -u
kiosk="$DAWR_BUILD/kiosk/dawr-kiosk"
golden="$DAWR_SRC/tests/ui/kiosk/golden"
command -v xvfb-run >/dev/null && command -v compare >/dev/null || exit 77
[ -x "$kiosk" ] || { echo "no $kiosk"; exit 1; }
if [ -z "${DAWR_IN_XVFB:-}" ]; then # one X server for every screenshot
    DAWR_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x1024x24" "$0" "$@"
fi
out=$(mktemp -d /tmp/dawr-kiosk-golden.XXXXXX)
trap 'rm -rf "$out"' EXIT
fail=0
for screen in home ticket request-docs request-form request-review request-declaration \
    request-done status rating; do
    for lang in ar en; do
        for size in 1080x1920 1920x1080; do
            name="$screen-$lang-$size.png"
            if ! "$kiosk" --config /dev/null --sample --screen "$screen" \
                --language "$lang" --window "$size" --screenshot "$out/$name"; then
                echo "FAIL $name: dawr-kiosk failed"; fail=1; continue
            fi
            if [ "${DAWR_GOLDEN_UPDATE:-0}" = 1 ]; then
                cp "$out/$name" "$golden/$name"; echo "updated $name"; continue
            fi
            # Antialiasing may differ slightly between FreeType builds: allow a few
            # pixels off by more than 10%, never a moved or missing word.
            diff=$(compare -metric AE -fuzz 10% "$golden/$name" "$out/$name" null: 2>&1)
            total=$(( ${size%x*} * ${size#*x} ))
            if [ -z "$diff" ] || [ "${diff%%[!0-9]*}" != "$diff" ] ||
               [ "$diff" -gt $(( total / 500 )) ]; then
                echo "FAIL $name: $diff pixels differ"; fail=1
                cp "$out/$name" "/tmp/dawr-kiosk-$name"
            else
                echo "ok   $name ($diff pixels differ)"
            fi
        done
    done
done
exit $fail
