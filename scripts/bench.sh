#!/usr/bin/env bash
# Runs the storage benchmarks on the shared workload and merges their figures into
# build/bench/results.json (a JSON list of {"name", "value", "unit"}; entries of other benchmarks
# are kept). See docs/benchmarks.md.
#
#   scripts/bench.sh                 # 100,000 deals (970k rows): the headline figures
#   scripts/bench.sh --deals 1000    # a quick run; its figures are named "...@d1000"
#   scripts/bench.sh --rebuild       # load the cached database again (re-measures the load)
#   scripts/bench.sh compare ...     # side by side with the peer (scripts/bench-compare.sh)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ "${1:-}" == compare ]]; then
  shift
  exec "$root/scripts/bench-compare.sh" "$@"
fi
deals=100000
bookings=2000
load_args=()

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --deals) deals="${2:?--deals needs a number}"; shift 2 ;;
    --bookings) bookings="${2:?--bookings needs a number}"; shift 2 ;;
    --rebuild) load_args+=(--rebuild); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
# shellcheck source=scripts/bench-steps.sh
source "$root/scripts/bench-steps.sh"
require_deals bench.sh "$deals"
build_bench nextstep_bench
cd "$root"
bin="$root/build/release/bench"

out="$root/build/bench"
results="$out/results.json"
mkdir -p "$out"
export NEXTSTEP_BENCH_DIR="$out"

ensure_workload "$out" "$deals"
manifest="$out/workload-$deals.manifest.json"
echo "bench.sh: workload $(cat "$manifest")" >&2

read -r load1 _ </proc/loadavg
if awk -v l="$load1" 'BEGIN { exit !(l > 1.0) }'; then
  echo "bench.sh: warning: load average $load1 on $(nproc) cores; figures will be noisy" >&2
fi

common=(--deals "$deals" --results "$results")
"$bin/nextstep_bench_load" "${common[@]}" "${load_args[@]}"
"$bin/nextstep_bench_store" "${common[@]}"
"$bin/nextstep_bench_booking" "${common[@]}" --bookings "$bookings"

echo "bench.sh: figures merged into $results" >&2
