#!/usr/bin/env node
// The table of scripts/bench-compare.sh: the peer's figures (its results JSON, median [min..max]
// of 3 runs) beside ours (nextstep_bench_sync --results, medians of 3), with ratios.
// Usage: node bench-compare-table.js PEER_JSON OURS_JSON BENCH_DIR DEALS
// Exits 1 when the two did not run on the same workload file (sha256 of the JSON Lines).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');

const [peerFile, oursFile, benchDir, dealsArg] = process.argv.slice(2);
const deals = Number(dealsArg);
const PUSH_DEALS = 1031;
const HEADLINE_DEALS = 100000;  // its figures go without "@d<D>" (bench/figures.cpp)
const at = (d) => (d === HEADLINE_DEALS ? '' : `@d${d}`);
const peer = JSON.parse(fs.readFileSync(peerFile, 'utf8'));
const ours = Object.fromEntries(
  JSON.parse(fs.readFileSync(oursFile, 'utf8')).map((f) => [f.name, f.value]));

// Same rows on both sides, or the comparison means nothing.
function sameWorkload(d) {
  const mine = JSON.parse(fs.readFileSync(path.join(benchDir, `workload-${d}.manifest.json`), 'utf8'));
  const theirs = peer.workload[d] && peer.workload[d].jsonl_sha256;
  console.log(`workload D=${d}: ${mine.rows} rows, sha256 ours ${mine.sha256}, peer ${theirs}`);
  if (mine.sha256 !== theirs) {
    console.error(`D=${d}: not the same workload file`);
    process.exit(1);
  }
}

const num = (x, digits) => x.toLocaleString('en-US',
  { minimumFractionDigits: digits, maximumFractionDigits: digits });
const range = (s, digits, scale) => `${num(s.median * scale, digits)} ` +
  `[${num(s.min * scale, digits)}..${num(s.max * scale, digits)}]` +
  (s.n === 3 ? '' : ` (${s.n} run${s.n === 1 ? '' : 's'})`);
const times = (r) => (r >= 10 ? num(r, 0) : num(r, 1));

const rows = [];
// better: 'higher' (rows/s) or 'lower' (seconds, ms, MiB); the ratio says how many times ours is
// the better (or the worse) of the two.
function figure(label, peerSummary, oursValue, { digits = 0, scale = 1, better, word }) {
  if (!peerSummary || oursValue === undefined) return;
  const p = peerSummary.median * scale;
  const ratio = better === 'higher' ? oursValue / p : p / oursValue;
  const verdict = ratio >= 1 ? `${times(ratio)}× ${word[0]}` : `${times(1 / ratio)}× ${word[1]}`;
  rows.push([label, range(peerSummary, digits, scale), num(oursValue, digits), verdict]);
}
const faster = ['faster', 'slower'];
const smaller = ['less', 'more'];
const KIB = 1 / 1024;
const MB = 1 / 1e6;

const a = (peer.A || []).find((x) => x.deals === deals);
if (a) {
  sameWorkload(deals);
  const s = a.summary;
  const d = at(deals);
  const what = `A cold sync D=${num(deals, 0)} (${num(a.rows, 0)} rows)`;
  if (!s.seconds) {
    // A capped run: what it pulled in its 600 s, and how far ours is ahead at the least.
    const p = a.runs[0] && a.runs[0].partial;
    const oursS = ours[`cold_sync_s${d}`];
    rows.push([`${what}: s`, a.capped ? `> 600 (capped${p ? `; ${num(p.progress, 0)} rows in ` +
      `${num(p.seconds, 0)} s, ${num(p.progress / p.seconds, 0)} rows/s` : ''})` : 'failed',
    num(oursS, 2), a.capped ? `> ${times(600 / oursS)}× faster` : '-']);
  }
  if (s.seconds && a.capped) {
    const p = a.runs[a.runs.length - 1].partial;
    rows.push([`${what}: a later run`, `stopped at 600 s${p ? ` (${num(p.progress, 0)} rows in ` +
      `${num(p.seconds, 0)} s)` : ''}`, '-', '-']);
  }
  figure(`${what}: s`, s.seconds, ours[`cold_sync_s${d}`], { digits: 2, better: 'lower', word: faster });
  // Per workload row on both sides (our own figure counts attendees as rows too).
  figure(`${what}: rows/s`, s.rows_per_s, a.rows / ours[`cold_sync_s${d}`], { better: 'higher', word: faster });
  figure(`${what}: client peak RSS, MiB`, s.client_max_rss_kb, ours[`cold_sync_peak_memory_mib${d}`],
    { scale: KIB, better: 'lower', word: smaller });
  figure(`${what}: MB received¹`, s.bytes_in, (ours[`cold_sync_payload_bytes${d}`] ?? NaN) * MB,
    { digits: 1, scale: MB, better: 'lower', word: smaller });
}
if (peer.B) {
  sameWorkload(PUSH_DEALS);
  const s = peer.B.summary;
  const d = at(PUSH_DEALS);
  const what = `B push ${num(peer.B.rows, 0)} rows`;
  figure(`${what}: s`, s.seconds, ours[`push_s${d}`], { digits: 2, better: 'lower', word: faster });
  figure(`${what}: rows/s`, s.rows_per_s, ours[`push_rows_per_s${d}`], { better: 'higher', word: faster });
  figure(`${what}: local writes, rows/s`, s.local_insert_rows_per_s,
    ours[`push_local_writes_rows_per_s${d}`], { better: 'higher', word: faster });
}
if (peer.C) {
  const s = peer.C.summary;
  const n = peer.C.subscribers;
  const what = `C ${n} subscribers × ${peer.C.docs} writes, 1 per ${peer.C.interval_ms} ms`;
  figure(`${what}: p50 ms`, s.p50_ms, ours[`fan_out_${n}_p50_ms`], { digits: 1, better: 'lower', word: faster });
  figure(`${what}: p99 ms`, s.p99_ms, ours[`fan_out_${n}_p99_ms`], { digits: 1, better: 'lower', word: faster });
}

const cpu = os.cpus();
console.log(`machine: ${cpu.length} × ${cpu[0] && cpu[0].model}; peer run started ${peer.started}` +
  ` (PouchDB ${peer.versions.pouchdb_client}, pouchdb-server ${peer.versions.pouchdb_server})`);
console.log('');
console.log('| figure | peer: median [min..max] of 3 | ours: median of 3 | ours vs peer |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
if (a) {
  console.log('');
  console.log('¹ peer: bytes on the client\'s sockets (HTTP headers and gzip\'d bodies); ours: the ' +
    'protobuf payload of the answers, before gRPC framing.');
}
