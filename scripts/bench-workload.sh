# Sourced by the benchmark scripts: the shared workload's files in a folder.
#   ensure_workload DIR DEALS   writes DIR/workload-DEALS.jsonl and its .manifest.json with
#                               ../shared/bench/workload.js (or $NEXTSTEP_WORKLOAD_JS) when missing
# shellcheck shell=bash

ensure_workload() {
  local dir="$1" deals="$2" root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local workload_js="${NEXTSTEP_WORKLOAD_JS:-$root/../shared/bench/workload.js}"
  local rows="$dir/workload-$deals.jsonl" manifest="$dir/workload-$deals.manifest.json"
  if [[ ! -s "$rows" || ! -s "$manifest" ]]; then
    echo "generating the workload (D=$deals) with $workload_js" >&2
    mkdir -p "$dir"
    node "$workload_js" --deals "$deals" --out "$rows.tmp" >"$manifest.tmp"
    mv "$rows.tmp" "$rows"
    mv "$manifest.tmp" "$manifest"
  fi
}
