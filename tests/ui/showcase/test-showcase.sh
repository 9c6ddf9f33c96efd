#!/usr/bin/env bash
# UI test for dawr-showcase: under Xvfb, --screenshot must write a PNG of the
# requested size that is not blank, with ink at the right where the right-aligned
# Arabic sits and a mostly empty far left of the procedure card.
# Usage: test-showcase.sh PATH/TO/dawr-showcase
set -euo pipefail

bin=$1
for tool in xvfb-run identify convert; do
  command -v "$tool" >/dev/null || { echo "skip: $tool missing"; exit 77; }
done
# In a sanitizer build, X11 and the GL driver leak by design at exit; our own code's
# leaks are the unit tests' business (they run under ASan).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Dark-pixel fraction (0..1) of a WxH+X+Y region of $1.
ink() {
  convert "$1" -crop "$2" +repage -colorspace gray -threshold 60% \
    -format '%[fx:1-mean]' info:
}
gt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }

# 2024-10-20 10:30 in Riyadh, so the dates are known.
T=1729409400

# 1. The default window size.
xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" --screenshot "$tmp/a.png" --time $T \
  || fail "dawr-showcase exited with $?"
[[ -s $tmp/a.png ]] || fail "no screenshot written"
size=$(identify -format '%w %h' "$tmp/a.png")
[[ $size == "1280 800" ]] || fail "size is $size, want 1280 800"
colours=$(identify -format '%k' "$tmp/a.png")
gt "$colours" 300 || fail "only $colours colours: blank or flat image"
echo "1280x800: $colours colours"

# Right-aligned text: the right end of the procedure lines (inside the card, left
# of its gold bar) carries ink; the far left of the card is paper.
right=$(ink "$tmp/a.png" 180x330+1030+400)
left=$(ink "$tmp/a.png" 50x330+48+400)
echo "procedure ink: right $right, far left $left"
gt "$right" 0.03 || fail "no ink at the right edge ($right)"
gt 0.005 "$left" || fail "ink at the far left ($left): text is not right-aligned"
# The Arabic title is white on teal at the right of the header; the middle of the
# header is bare teal.
title=$(ink "$tmp/a.png" 300x70+930+15)
middle=$(ink "$tmp/a.png" 150x70+560+15)
echo "header ink: title $title, middle $middle"
gt 0.95 "$title" || fail "no white title at the header's right ($title)"
gt "$middle" 0.99 || fail "the middle of the header is not bare teal ($middle)"

# 2. Another size scales the same drawing; without seeds it uses its own text.
DAWR_SEEDS=/nonexistent xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" \
  --window 800x600 --screenshot "$tmp/b.png" --time $T || fail "800x600 run failed"
size=$(identify -format '%w %h' "$tmp/b.png")
[[ $size == "800 600" ]] || fail "size is $size, want 800 600"
colours=$(identify -format '%k' "$tmp/b.png")
gt "$colours" 200 || fail "800x600: only $colours colours"
right=$(ink "$tmp/b.png" 100x150+640+330)
gt "$right" 0.03 || fail "800x600: no ink at the right ($right)"

# 3. Bad arguments and zones are refused, not guessed.
rc=0; "$bin" --window 12 >/dev/null 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "--window 12 gave $rc, want 2"
rc=0; "$bin" --tz Mars/Olympus --screenshot "$tmp/c.png" >/dev/null 2>&1 || rc=$?
[[ $rc == 2 && ! -e $tmp/c.png ]] || fail "unknown zone gave $rc, want 2 and no file"
"$bin" --help | grep -q -- --screenshot || fail "--help does not mention --screenshot"

# 4. The window closes on Escape (xdotool on the same Xvfb).
if command -v xdotool >/dev/null; then
  cat >"$tmp/esc.sh" <<'ESC'
"$1" --time 1729409400 & pid=$!
for i in $(seq 50); do
  win=$(xdotool search --class dawr-showcase 2>/dev/null | head -1)
  [ -n "$win" ] && break
  sleep 0.1
done
[ -n "$win" ] || { kill $pid; echo "no window"; exit 1; }
xdotool windowfocus "$win"; sleep 0.2; xdotool key Escape
for i in $(seq 50); do
  kill -0 $pid 2>/dev/null || { wait $pid; exit $?; }
  sleep 0.1
done
kill $pid; echo "still open after Escape"; exit 1
ESC
  xvfb-run -a bash "$tmp/esc.sh" "$bin" || fail "Escape did not close the window"
  echo "Escape closes the window"
fi
echo "ok"
