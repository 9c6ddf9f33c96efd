#!/bin/sh
# valgrind on dawr-shape for a seed paragraph (issue 2, acceptance 8): no invalid
# read/write, no use of uninitialised values, no leak (definite or indirect), with
# wrapping, Arabic digits and a PNG written, so every stage of txt runs.
# Skipped (77) without seeds or valgrind.
set -u
: "${DAWR_BUILD:?}" "${DAWR_ASSETS:?}"
command -v valgrind >/dev/null 2>&1 || { echo "skip: no valgrind"; exit 77; }
seed=$(ls "${DAWR_SEEDS:-/nonexistent}"/*.txt 2>/dev/null | head -n 1)
[ -n "$seed" ] || { echo "skip: no seeds"; exit 77; }
shape="$DAWR_BUILD/tools/dawr-shape"
[ -x "$shape" ] || { echo "FAIL: $shape not built"; exit 1; }

# The longest line of the first seed: a real paragraph, Arabic with digits and
# punctuation; capped so the run stays a few seconds.
para=$(awk '{ if (length($0) > length(best)) best = $0 } END { print best }' "$seed" |
       cut -c1-600)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
F="$DAWR_ASSETS/fonts"
valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --track-origins=yes --quiet \
    "$shape" --font "$F/NotoSansArabic-Regular.ttf" --font "$F/NotoSans-Regular.ttf" \
    --font "$F/NotoSansSymbols2-Regular.ttf" --size 28 --width 400 --dir rtl \
    --digits arab --png "$tmp/out.png" "$para" >"$tmp/out.txt" 2>"$tmp/vg.txt"
rc=$?
if [ $rc -ne 0 ]; then
    echo "FAIL: valgrind/dawr-shape exit $rc"
    head -n 60 "$tmp/vg.txt"
    exit 1
fi
lines=$(grep -c '^\[' "$tmp/out.txt")
[ "$lines" -ge 2 ] || { echo "FAIL: expected a wrapped paragraph, got $lines lines"; exit 1; }
[ -s "$tmp/out.png" ] || { echo "FAIL: no PNG written"; exit 1; }
echo "valgrind clean: $lines lines, $(wc -c <"$tmp/out.png") byte PNG"
