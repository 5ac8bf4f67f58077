#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test with ctest: first the CI build (warnings are
# errors), then the AddressSanitizer + UndefinedBehaviorSanitizer build, then the ThreadSanitizer
# build (its test preset runs the core, sync, server and data labels only); then a short run of
# the fuzz targets (scripts/fuzz.sh, FUZZ_SECONDS each, 15 by default; 0 skips it).
#
# While one preset's tests run, the next preset builds beside them at the lowest priority: the
# tests wait on sockets, timers and the disk much of the time, and the compiler takes only what
# they leave. The build's output goes to build/<preset>.build.log, shown when it fails.
#   scripts/test.sh                 every preset, then the fuzz run
#   scripts/test.sh ci tsan         just these presets, one after another, no fuzz run
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/nextstep-runtime.XXXXXX)}"
chmod 700 "$XDG_RUNTIME_DIR"

presets=("$@")
((${#presets[@]})) || presets=(ci asan tsan)
fuzz=0
if (($# == 0)) && [ "${FUZZ_SECONDS:-15}" != 0 ]; then fuzz=1; fi

mkdir -p build
builder=""
# Configures and builds a preset in the background, niced; `finish_build` waits for it.
start_build() {
  local preset="$1" log="build/$1.build.log"
  echo "== $preset: configure and build (beside the tests; log in $log)" >&2
  # Its own process group, so that a failed test run can stop all of it.
  setsid bash -c "cmake --preset '$preset' >/dev/null && nice -n 19 cmake --build --preset '$preset'" \
    >"$log" 2>&1 &
  builder="$!:$preset"
}
finish_build() {
  [ -n "$builder" ] || return 0
  local pid="${builder%%:*}" preset="${builder#*:}"
  builder=""
  if ! wait "$pid"; then
    tail -n 80 "build/$preset.build.log" >&2
    echo "== $preset: the build failed (whole log: build/$preset.build.log)" >&2
    return 1
  fi
  echo "== $preset: built" >&2
}
# A failed test run leaves no build behind it.
trap '[ -n "$builder" ] && kill -- "-${builder%%:*}" 2>/dev/null; true' EXIT

echo "== ${presets[0]}: configure and build" >&2
cmake --preset "${presets[0]}" >/dev/null
cmake --build --preset "${presets[0]}"
for i in "${!presets[@]}"; do
  preset="${presets[$i]}"
  next="${presets[$((i + 1))]:-}"
  if [ -n "$next" ]; then
    start_build "$next"
  elif ((fuzz)); then
    start_build fuzz
  fi
  echo "== $preset: test" >&2
  ctest --preset "$preset"
  finish_build
done

# After the presets, and only when all of them ran (an explicit list of presets skips it).
if ((fuzz)); then
  ./scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
fi
