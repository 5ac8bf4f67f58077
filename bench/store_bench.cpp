// Reads of a cold-synced pipeline (workload D, default 100,000 deals) with Google Benchmark:
// opening the database, Today, the pipeline health and search. Figures are mean wall times.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "bench_now.h"
#include "bench_options.h"
#include "bench_store.h"
#include "figure_reporter.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/search/search.h"

namespace nextstep::bench {
namespace {

constexpr const char* kRep = "rep-07";  // one of the workload's 20 reps

struct SearchCase {
  const char* name;
  const char* query;
};
// A company, a person, a word in about one note in four, and two word prefixes as typed.
constexpr SearchCase kSearches[] = {
    {"search_company", "Granite Logistics"},
    {"search_person", "Anna Becker"},
    {"search_note_word", "budget"},
    {"search_two_prefixes", "acm pil"},
};

std::filesystem::path g_database;
std::unique_ptr<Store> g_store;

// Opened on first use, after the open benchmark has run without another connection.
const BenchOptions* g_options = nullptr;

Store& queryStore() {
  if (!g_store) {
    g_store = openAtFixedNow(g_database);
    applyExperiments(*g_store, *g_options);
  }
  return *g_store;
}

TodayQuery todayQuery(bool one_rep) {
  TodayQuery q{.zone = deviceZone()};
  if (one_rep) q.owner = kRep;
  return q;
}

HealthQuery healthQuery(bool one_rep) {
  HealthQuery q{.zone = deviceZone()};
  if (one_rep) q.owner = kRep;
  return q;
}

template <typename R>
bool failed(benchmark::State& state, const R& result) {
  if (result) return false;
  state.SkipWithError(result.error().message.c_str());
  return true;
}

void openDatabase(benchmark::State& state) {
  std::vector<std::unique_ptr<Store>> opened;
  for (auto _ : state) {
    auto store = Store::open(
        {.path = g_database.string(), .create_if_missing = false, .wall = fixedWallClock()});
    if (failed(state, store)) break;
    state.PauseTiming();
    store->reset();  // closing is not part of opening
    state.ResumeTiming();
  }
}

void todayOf(benchmark::State& state, bool one_rep) {
  Store& store = queryStore();
  const TodayQuery q = todayQuery(one_rep);
  for (auto _ : state) {
    auto t = today(store, q);
    if (failed(state, t)) break;
    benchmark::DoNotOptimize(t->open_deals);
  }
}

void healthOf(benchmark::State& state, bool one_rep) {
  Store& store = queryStore();
  const HealthQuery q = healthQuery(one_rep);
  for (auto _ : state) {
    auto h = pipelineHealth(store, q);
    if (failed(state, h)) break;
    benchmark::DoNotOptimize(h->next_step_rate);
  }
}

void searchFor(benchmark::State& state, const char* query) {
  Store& store = queryStore();
  for (auto _ : state) {
    auto hits = search(store, query);
    if (failed(state, hits)) break;
    benchmark::DoNotOptimize(hits->size());
  }
}

void registerBenchmarks() {
  benchmark::RegisterBenchmark("open", openDatabase)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("today", todayOf, false)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("today_rep", todayOf, true)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("health", healthOf, false)->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("health_rep", healthOf, true)->Unit(benchmark::kMillisecond);
  for (const SearchCase& s : kSearches) {
    benchmark::RegisterBenchmark(s.name, searchFor, s.query)->Unit(benchmark::kMillisecond);
  }
}

// What the measured calls return, so a figure is never the speed of an empty answer.
void describeAnswers() {
  Store& store = queryStore();
  for (bool one_rep : {false, true}) {
    auto t = today(store, todayQuery(one_rep));
    auto h = pipelineHealth(store, healthQuery(one_rep));
    if (!t || !h) continue;
    std::fprintf(stderr,
                 "%s: today %s: %zu meetings, %zu due, %lld overdue, %lld outcomes missing, "
                 "%lld of %lld open deals need a next step; health: next-step rate %.3f, "
                 "%lld stale accounts, %lld held without next, %lld compliance only, "
                 "at-table rate %.3f of %lld bookings\n",
                 one_rep ? kRep : "team", t->date.iso().c_str(), t->meetings.size(),
                 t->follow_ups_due.size(), static_cast<long long>(t->follow_ups_overdue_total),
                 static_cast<long long>(t->outcomes_missing_total),
                 static_cast<long long>(t->need_next_step_total),
                 static_cast<long long>(t->open_deals), h->next_step_rate,
                 static_cast<long long>(h->stale_total),
                 static_cast<long long>(h->held_without_next_total),
                 static_cast<long long>(h->compliance_only_total), h->booked_at_table_rate,
                 static_cast<long long>(h->booked_total));
  }
  for (const SearchCase& s : kSearches) {
    auto hits = search(store, s.query);
    if (!hits) continue;
    std::fprintf(stderr, "search '%s': %zu hits%s%s\n", s.query, hits->size(),
                 hits->empty() ? "" : ", first: ",
                 hits->empty() ? "" : (hits->front().kind + " " + hits->front().title).c_str());
  }
}

int run(int argc, char** argv) {
  const BenchOptions options = takeBenchOptions(argc, argv);
  g_options = &options;
  g_database = preparedCopy(options, "store");
  registerBenchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  FigureReporter reporter(options.deals);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  describeAnswers();
  recordFigures(options, reporter.figures());
  g_store.reset();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace nextstep::bench

int main(int argc, char** argv) {
  return nextstep::bench::runBenchProgram("nextstep_bench_store", nextstep::bench::run, argc, argv);
}
