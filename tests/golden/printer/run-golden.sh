#!/bin/sh
# Golden ticket images: each JSON ticket here is printed with dawr-print to png: at
# 80 mm and 58 mm and compared with the committed NAME-WIDTH.png: same size, and no
# ink more than one dot away from ink in the other image (edges may move by a dot
# with FreeType/harfbuzz/txt changes; letters, dots and lines may not). The same
# ticket sent to file: is decoded from ESC/POS (escpos2pbm.py) and compared too. The QR code in every image must decode
# (zbarimg) to the ticket's qr_url. UPDATE_GOLDEN=1 rewrites the committed images —
# look at them before committing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tool=$DAWR_BUILD/printer/dawr-print
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Pixels inked in $1 with no ink within one pixel of them in $2.
far_ink() {
    convert "$2" -morphology Erode Square:1 "$tmp/grown.png"
    convert "$1" -negate "$tmp/grown.png" -compose Multiply -composite \
        -format '%[fx:round(mean*w*h)]' info:
}
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
                # Ink in one image with no ink within one pixel in the other: glyph
                # edges that moved by a pixel (rasteriser versions) do not count, a
                # missing dot, letter or line does.
                far=$(( $(far_ink "$golden" "$img") + $(far_ink "$img" "$golden") ))
                if [ "$far" -gt 8 ]; then
                    echo "FAIL $name-$width: $far pixels of ink differ by more than 1 dot"
                    fail=1
                else
                    echo "ok   $name-$width: $got, $far pixels differ beyond 1 dot"
                fi
            fi
        fi
        # The ESC/POS stream, decoded, is the same picture as the golden image.
        "$tool" --width "$width" ticket --json "$json" "file:$dir/job.bin" >/dev/null
        python3 "$here/escpos2pbm.py" "$dir/job.bin" "$dir/job.pbm"
        if [ -f "$golden" ] && [ "${UPDATE_GOLDEN:-0}" != 1 ]; then
            far=$(( $(far_ink "$golden" "$dir/job.pbm") + $(far_ink "$dir/job.pbm" "$golden") ))
            if [ "$(identify -format '%wx%h' "$dir/job.pbm")" != \
                 "$(identify -format '%wx%h' "$golden")" ] || [ "$far" -gt 8 ]; then
                echo "FAIL $name-$width: decoded ESC/POS differs from the golden image"
                fail=1
            else
                echo "ok   $name-$width: decoded ESC/POS matches the golden image"
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
