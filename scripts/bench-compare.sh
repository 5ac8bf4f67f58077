#!/usr/bin/env bash
# Side by side with the peer (PouchDB -> pouchdb-server, ../shared/peer-bench/README.md): our sync
# benchmarks and the peer's harness run on the same workload file, on this machine, one after the
# other, and one table prints both with ratios. Not part of CI: it takes minutes (the peer's three
# cold syncs of D=100,000 take ~20 min).
#   scripts/bench.sh compare                  # A, cold sync, at D=10,000 (97k rows)
#   scripts/bench.sh compare --deals 100000   # A at the headline size (970k rows)
#   scripts/bench.sh compare --all            # also B (push 10,000 rows) and C (20 subscribers)
#   scripts/bench.sh compare --reuse-peer     # the peer's last run at this D and plan, not a new one
# The peer's harness is copied into build/peer-bench once (shared/ is read-only in CI) and
# installed there with `npm ci`. Both take 3 runs of each figure and report the median.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deals=10000
only=A
reuse_peer=false

usage() { sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while (($#)); do
  case "$1" in
    --deals) deals="${2:?--deals needs a number}"; shift 2 ;;
    --all) only=A,B,C; shift ;;
    --reuse-peer) reuse_peer=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench-compare.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
# shellcheck source=scripts/bench-steps.sh
source "$root/scripts/bench-steps.sh"
require_deals bench-compare.sh "$deals"
build_bench nextstep_bench_sync
cd "$root"
bin="$root/build/release/bench/sync/nextstep_bench_sync"

out="$root/build/bench"
export NEXTSTEP_BENCH_DIR="$out"
ensure_workload "$out" "$deals"
push_deals=1031  # the peer's B: exactly 10,000 rows
if [[ "$only" == *B* ]]; then ensure_workload "$out" "$push_deals"; fi

peer="$root/build/peer-bench"
if [[ ! -d "$peer" ]]; then
  cp -r "$root/../shared/peer-bench" "$peer"
  chmod -R u+w "$peer"
fi
if [[ ! -f "$peer/node_modules/.package-lock.json" ]]; then
  (cd "$peer" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

tag="$deals-${only//,/}"
ours="$out/compare-$tag.ours.json"
peer_results="compare-$tag.json"  # in $peer, where bench.js writes it
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

rm -f "$ours"
echo "== ours: cold sync at D=$deals" >&2
"$bin" cold --deals "$deals" --runs 3 --results "$ours"
if [[ "$only" == *B* ]]; then
  echo "== ours: push of $push_deals deals' rows" >&2
  "$bin" push --deals "$push_deals" --runs 3 --results "$ours"
fi
if [[ "$only" == *C* ]]; then
  echo "== ours: fan-out to 20 subscribers" >&2
  "$bin" latency --subscribers 20 --runs 3 --results "$ours"
fi

if [[ "$reuse_peer" == true && -s "$peer/$peer_results" ]]; then
  echo "== peer: reusing $peer/$peer_results" >&2
else
  echo "== peer: $only at D=$deals (PouchDB; minutes)" >&2
  (cd "$peer" && ONLY="$only" A_SIZES="$deals" RESULTS_FILE="$peer_results" node bench.js full)
fi

echo
echo "scripts/bench.sh compare --deals $deals$([[ "$only" == A ]] || echo ' --all')," \
  "started $started; load average before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg)"
node "$root/scripts/bench-compare-table.js" "$peer/$peer_results" "$ours" "$out" "$deals"
