#!/usr/bin/env bash
# Runs the journey test (journey/tst_journey.qml) in a real X window under a virtual display with
# Mesa's OpenGL, saving each step's window in OUTDIR. Without xvfb-run it runs offscreen.
#   journey.sh TESTS QMLDIR OUTDIR
set -euo pipefail
tests="$1"
qml="$2"
out="$3"
runtime="$(mktemp -d)"
chmod 700 "$runtime"
trap 'rm -rf "$runtime"' EXIT
rm -rf "$out"
mkdir -p "$out"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1920x1200x24 -nolisten tcp" \
    env QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR="$runtime" NEXTSTEP_JOURNEY_SHOTS="$out" \
    "$tests" -input "$qml"
else
  echo "app_journey: xvfb-run is missing; running offscreen" >&2
  env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$runtime" NEXTSTEP_JOURNEY_SHOTS="$out" \
    "$tests" -input "$qml"
fi
echo "app_journey: $(find "$out" -name '*.png' | wc -l) pictures in $out"
