#!/bin/sh
# Golden ticket images: each JSON ticket here is printed with dawr-print to png: at
# 80 mm and 58 mm and compared with the committed NAME-WIDTH.png, allowing a few
# pixels for FreeType/harfbuzz version drift. The QR code in every image must decode
# (zbarimg) to the ticket's qr_url. UPDATE_GOLDEN=1 rewrites the committed images —
# look at them before committing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=$DAWR_BUILD/printer/dawr-print
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for json in "$here"/*.json; do
    name=$(basename "$json" .json)
    url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["qr_url"])' "$json")
    for width in 80 58; do
        dir=$tmp/$name-$width
        mkdir "$dir"
        out=$("$tool" --width "$width" ticket --json "$json" "png:$dir")
        img=${out#printed: }
        golden=$here/$name-$width.png
        if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
            cp "$img" "$golden"
            echo "updated $golden"
        elif [ ! -f "$golden" ]; then
            echo "FAIL $name-$width: no golden image (run with UPDATE_GOLDEN=1)"
            fail=1
        else
            want=$(identify -format '%wx%h' "$golden")
            got=$(identify -format '%wx%h' "$img")
            if [ "$want" != "$got" ]; then
                echo "FAIL $name-$width: size $got, golden $want"
                fail=1
            else
                # AE: number of differing pixels; compare exits 1 when they differ.
                diff=$(compare -metric AE "$golden" "$img" null: 2>&1 || true)
                diff=$(echo "$diff" | awk '$1 + 0 == $1 { printf "%d", $1; ok = 1 } END { if (!ok) print -1 }')
                total=$(( ${want%x*} * ${want#*x} ))
                if [ "$diff" -lt 0 ] || [ "$diff" -gt $(( total / 1000 )) ]; then
                    echo "FAIL $name-$width: $diff of $total pixels differ"
                    fail=1
                else
                    echo "ok   $name-$width: $got, $diff pixels differ"
                fi
            fi
        fi
        qr=$(zbarimg --raw -q "$img" 2>/dev/null || true)
        if [ "$qr" != "$url" ]; then
            echo "FAIL $name-$width: QR decodes to '$qr', want '$url'"
            fail=1
        else
            echo "ok   $name-$width: QR decodes to the ticket URL"
        fi
    done
done
exit $fail
