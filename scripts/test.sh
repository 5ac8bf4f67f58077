#!/usr/bin/env bash
# Sets up the machine, builds, and runs every test with ctest: first the CI build (warnings are
# errors), then the AddressSanitizer + UndefinedBehaviorSanitizer build, then the ThreadSanitizer
# build (its test preset runs the core, sync, server and data labels only); then a short run of
# the fuzz targets (scripts/fuzz.sh, FUZZ_SECONDS each, 15 by default; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/nextstep-runtime.XXXXXX)}"
chmod 700 "$XDG_RUNTIME_DIR"

presets=("${@:-ci asan tsan}")
for preset in ${presets[*]}; do
  echo "== $preset: configure and build" >&2
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  echo "== $preset: test" >&2
  ctest --preset "$preset"
done

# After the presets, and only when all of them ran (an explicit list of presets skips it).
if (($# == 0)) && [ "${FUZZ_SECONDS:-15}" != 0 ]; then
  ./scripts/fuzz.sh "${FUZZ_SECONDS:-15}"
fi
