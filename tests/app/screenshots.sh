#!/usr/bin/env bash
# Renders every screen of the app at phone and desktop size, light and dark, under a virtual X
# display with Mesa's OpenGL (Material needs it), and fails on any Qt/QML warning or empty image.
#   screenshots.sh APP OUTDIR
set -euo pipefail
app="$1"
out="$2"
if ! command -v xvfb-run >/dev/null; then
  echo "app_screenshots: SKIPPED: xvfb-run is missing (apt-get install xvfb xauth)" >&2
  exit 77
fi
runtime="$(mktemp -d)"
chmod 700 "$runtime"
trap 'rm -rf "$runtime"' EXIT
rm -rf "$out"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1920x1200x24 -nolisten tcp" \
  env QT_QPA_PLATFORM=xcb XDG_RUNTIME_DIR="$runtime" "$app" --demo --screenshots "$out"
count="$(find "$out" -name '*.png' -size +1k | wc -l)"
echo "app_screenshots: $count images in $out"
test "$count" -ge 96
