# Sourced by the benchmark scripts (bench.sh, bench-compare.sh): the steps they share.
#   require_deals SCRIPT DEALS   exits 2 unless DEALS is a whole number of at least 5
#   build_bench TARGET           the machine set up, and a release build of the target
#   ensure_workload DIR DEALS    writes DIR/workload-DEALS.jsonl and its .manifest.json with
#                                ../shared/bench/workload.js (or $NEXTSTEP_WORKLOAD_JS) when missing
# shellcheck shell=bash

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

require_deals() {
  local script="$1" deals="$2"
  if ! [[ "$deals" =~ ^[0-9]+$ ]] || ((deals < 5)); then
    echo "$script: --deals takes a whole number of at least 5" >&2
    exit 2
  fi
}

build_bench() {
  (
    cd "$bench_root" || exit
    if [[ -x scripts/setup.sh ]]; then scripts/setup.sh; fi
    # The benchmark targets only (the app is not needed here).
    cmake --preset release -DNEXTSTEP_BUILD_APP=OFF -DNEXTSTEP_BUILD_BENCH=ON >/dev/null
    cmake --build --preset release --target "$1"
  )
}

ensure_workload() {
  local dir="$1" deals="$2"
  local workload_js="${NEXTSTEP_WORKLOAD_JS:-$bench_root/../shared/bench/workload.js}"
  local rows="$dir/workload-$deals.jsonl" manifest="$dir/workload-$deals.manifest.json"
  if [[ ! -s "$rows" || ! -s "$manifest" ]]; then
    echo "generating the workload (D=$deals) with $workload_js" >&2
    mkdir -p "$dir"
    node "$workload_js" --deals "$deals" --out "$rows.tmp" >"$manifest.tmp"
    mv "$rows.tmp" "$rows"
    mv "$manifest.tmp" "$manifest"
  fi
}
