#!/usr/bin/env bash
# Builds the fuzz preset and runs every libFuzzer target for SECONDS each (default 15) over a
# copy of its seed corpus (fuzz/corpus/<target>), so the repository's corpus stays as it is.
# Fails on the first crash, leak, sanitizer report or broken invariant; the input that did it is
# left in the work folder it prints.
#   scripts/fuzz.sh [SECONDS]          FUZZ_ARGS="-jobs=2 -workers=2" scripts/fuzz.sh 600
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
targets=(push_batch remote_merge csv_import recap_template)

echo "== fuzz: configure and build" >&2
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

work="$(mktemp -d /tmp/nextstep-fuzz.XXXXXX)"
echo "== fuzz: ${seconds} s per target, work folder $work" >&2
for t in "${targets[@]}"; do
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  cp fuzz/corpus/"$t"/* "$work/$t/corpus/"
  dict=()
  case "$t" in
    push_batch | remote_merge) dict=(-dict=fuzz/sync_ops.dict) ;;
    csv_import) dict=(-dict=fuzz/csv_import.dict) ;;
  esac
  echo "== fuzz: $t" >&2
  # -rss_limit_mb: ASan's shadow memory counts; the default 2 GB is too tight for a build
  # machine shared with others. Leak checks stay on (libFuzzer's default).
  if ! build/fuzz/fuzz/"$t"_fuzzer -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$work/$t/artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} \
      "$work/$t/corpus" >"$work/$t/log" 2>&1; then
    tail -n 60 "$work/$t/log" >&2
    echo "fuzz: $t failed; the input is in $work/$t/artifacts/" >&2
    exit 1
  fi
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' "$work/$t/log" >&2 || true
done
rm -rf "$work"
echo "== fuzz: no crash, leak or sanitizer report" >&2
