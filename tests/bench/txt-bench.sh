#!/bin/sh
# Builds and runs txt-bench (txt against Pango on the seed paragraphs).
# Usage: tests/bench/txt-bench.sh [iterations]    (default 5)
# Uses build-bench/ (Release, no sanitizers) beside the source unless BUILD is set.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$src/build-bench}
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DDAWR_SANITIZE=OFF >/dev/null ||
    { echo "txt-bench.sh: configuring $src failed (see above)" >&2; exit 1; }
cmake --build "$build" --target txt-bench -j2 >/dev/null
DAWR_SEEDS=${DAWR_SEEDS:-$(cd "$src/.." && pwd)/shared/seeds} \
DAWR_ASSETS=${DAWR_ASSETS:-$src/assets} \
    "$build/tests/bench/txt-bench" "${1:-5}"
