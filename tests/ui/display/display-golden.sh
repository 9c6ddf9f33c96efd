#!/usr/bin/env bash
# display-golden — renders the board of board.sse with dawr-display --screenshot in
# the Arabic and English configurations, at 1920×1080 and 1080×1920, and compares
# each with the committed image in golden/ (a few anti-aliased pixels may differ
# between FreeType builds). Also checks the called label's height: the ink of its
# tallest line must be at least 20% of the screen height, landscape and portrait.
# Then --check-layout at 960×540, 1280×720, 1920×1080, 1080×1920 and 720×1280, with
# this board and with an empty one, in both languages: no text may be drawn outside
# its panel (the display measures each text against its panel's box). UPDATE=1 rewrites the goldens
# (look at every one before committing it).
set -euo pipefail
B=${DAWR_BUILD:?}
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$B/display/dawr-display
[[ -x $BIN ]] || { echo "skip: $BIN not built"; exit 77; }
command -v compare >/dev/null || { echo "skip: ImageMagick missing"; exit 77; }
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
NOW=1795420800 # Monday 23 November 2026, 11:00 in Riyadh
status=0

for cfg in ar en; do
  for size in 1920x1080 1080x1920; do
    name=$cfg-$size.png
    args=(--config "$HERE/display.ini" --replay "$HERE/board.sse" --now $NOW
          --window "$size" --screenshot "$T/$name")
    [[ $cfg == en ]] && args+=(--language en --digits latn)
    "$BIN" "${args[@]}"
    # The label is the only text in its gold: its bounding box is the label's ink.
    read -r lw lh < <(convert "$T/$name" -fill black +opaque '#FFD54F' -trim \
      -format '%w %h\n' info:)
    # Portrait stacks it («A» over «017»): what must be a fifth of the screen high
    # is each line's ink, so take the tallest run of rows that have gold in them.
    h=${size#*x}; w=${size%x*}
    line=$(convert "$T/$name" -fill black +opaque '#FFD54F' -fill white -opaque '#FFD54F' \
      -scale "1x$h!" -depth 8 txt:- | awk 'NR > 1 {
        split($1, p, /[,:]/); ink = $2 !~ /^\(0,0,0/
        if (ink && !on) { start = p[2]; on = 1 }
        if (!ink && on) { if (p[2] - start > best) best = p[2] - start; on = 0 }
      } END { if (on && NR - 1 - start > best) best = NR - 1 - start; print best + 0 }')
    echo "$name: label ink ${lw}x${lh} px, tallest line ${line} px = $((line * 100 / h))% of the height"
    if (( line * 5 < h )); then
      echo "FAIL: $name label line lower than 20% of the screen height"; status=1
    fi
    if [[ ${UPDATE:-} ]]; then
      cp "$T/$name" "$HERE/golden/$name"
      continue
    fi
    diff=$(compare -metric AE -fuzz 10% "$HERE/golden/$name" "$T/$name" null: 2>&1 || true)
    echo "$name: $diff pixels differ from golden/$name"
    if ! [[ $diff =~ ^[0-9]+$ ]] || (( diff * 1000 > w * h )); then
      echo "FAIL: $name differs from the golden (more than 0.1% of pixels)"
      cp "$T/$name" "/tmp/display-golden-$name" && echo "  new rendering: /tmp/display-golden-$name"
      status=1
    fi
  done
done
# Every text inside its panel, at the small screens too.
: >"$T/empty.sse"
checked=0
for cfg in ar en; do
  for size in 960x540 1280x720 1920x1080 1080x1920 720x1280; do
    for board in "$HERE/board.sse" "$T/empty.sse"; do
      args=(--config "$HERE/display.ini" --replay "$board" --now $NOW --window "$size"
            --screenshot "$T/check.png" --check-layout)
      [[ $cfg == en ]] && args+=(--language en --digits latn)
      rc=0
      "$BIN" "${args[@]}" 2>"$T/check.log" || rc=$?
      checked=$((checked + 1))
      if (( rc != 0 )); then
        echo "FAIL: $cfg $size $(basename "$board"): text outside its panel (exit $rc)"
        cat "$T/check.log"; status=1
      fi
    done
  done
done
echo "layout check: $checked renderings, $([[ $status == 0 ]] && echo "no text outside its panel" || echo "see above")"
exit $status
