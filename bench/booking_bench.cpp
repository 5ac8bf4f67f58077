// Booking the next meeting on a cold-synced pipeline: each bookMeeting is one durable commit
// (WAL, synchronous=FULL) with its outbox rows. Timed one by one so the tail shows: mean, p50, p90,
// p99 and max of N bookings (default 2,000) on N different open deals.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "bench_now.h"
#include "bench_options.h"
#include "bench_store.h"
#include "figures.h"
#include "fsync_probe.h"
#include "latency_summary.h"
#include "nextstep/meetings/booking.h"

namespace nextstep::bench {
namespace {

constexpr int kDefaultBookings = 2'000;
constexpr int kWarmUp = 20;  // first bookings prepare the statements; not counted

struct DealToBook {
  std::string deal_id;
  std::vector<std::string> contacts;  // up to two of the deal's account
};

// `n` open deals spread evenly over the pipeline, with their people.
std::vector<DealToBook> dealsToBook(Store& store, int n) {
  auto picked = store.read([&](Database& db) {
    std::vector<DealToBook> out;
    const std::int64_t open =
        db.scalar("SELECT count(*) FROM deals WHERE status = 'open' AND deleted = 0");
    const std::int64_t step = std::max<std::int64_t>(1, open / n);
    auto s = db.prepare(
        "SELECT d.id, d.account_id, row_number() OVER (ORDER BY d.rid) - 1 AS k FROM deals d "
        "WHERE d.status = 'open' AND d.deleted = 0");
    auto c = db.prepare(
        "SELECT id FROM contacts WHERE account_id = ?1 AND deleted = 0 ORDER BY rid LIMIT 2");
    while (s->step() && static_cast<int>(out.size()) < n) {
      if (s->integer(2) % step != 0) continue;
      DealToBook d{s->text(0), {}};
      c->bind(1, s->textView(1));
      while (c->step()) d.contacts.push_back(c->text(0));
      c->reset();
      out.push_back(std::move(d));
    }
    return out;
  });
  if (!picked) throw std::runtime_error(picked.error().message);
  if (static_cast<int>(picked->size()) < n) throw std::runtime_error("not enough open deals");
  return std::move(*picked);
}

// Next week or later, in working hours of the device's zone, one contact or two.
BookingRequest requestFor(const DealToBook& d, int i) {
  const CivilDate firstDay = CivilDate::fromDays(kNowUnix / 86400).plusDays(4);
  BookingRequest r;
  r.deal = d.deal_id;
  r.at = {firstDay.plusDays(i % 28), 9 + i % 8, (i % 4) * 15};
  r.tz = kDeviceZone;
  // Most of the workload's deals have their next meeting already (rule 1 then asks move or add):
  // adding another keeps the measured write the same insert as the earlier figures.
  r.when_planned = WhenPlanned::kAddAnother;
  r.agenda = "Go through the proposal together; open points; decision process and timeline";
  r.goal = "Agree the pilot scope and who signs";
  const std::size_t people = std::min<std::size_t>(d.contacts.size(), 1 + i % 2);
  r.attendees.assign(d.contacts.begin(), d.contacts.begin() + static_cast<std::ptrdiff_t>(people));
  return r;
}

int bookingsFrom(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--bookings" && i + 1 < argc) return std::max(1, std::atoi(argv[i + 1]));
    if (arg != "--bookings") throw std::runtime_error("unknown argument " + std::string(arg));
  }
  return kDefaultBookings;
}

// CPU time of this thread: the booking's own work, without the waits for the disk.
double threadCpuMillis() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

int run(int argc, char** argv) {
  const BenchOptions options = takeBenchOptions(argc, argv);
  const int bookings = bookingsFrom(argc, argv);
  const std::filesystem::path copy = preparedCopy(options, "booking");
  auto store = openAtFixedNow(copy);
  applyExperiments(*store, options);
  const std::vector<DealToBook> deals = dealsToBook(*store, bookings + kWarmUp);
  const std::int64_t pendingBefore = *store->pendingChanges();

  std::vector<double> millis;
  std::vector<double> cpuMillis;
  std::int64_t ops = 0;
  for (int i = 0; i < bookings + kWarmUp; ++i) {
    const BookingRequest request = requestFor(deals[i], i);
    const double cpuStart = threadCpuMillis();
    const auto start = std::chrono::steady_clock::now();
    auto booked = bookMeeting(*store, request);
    const auto end = std::chrono::steady_clock::now();
    const double cpu = threadCpuMillis() - cpuStart;
    if (!booked) throw std::runtime_error("booking failed: " + booked.error().message);
    ops += 1 + static_cast<std::int64_t>(request.attendees.size());
    if (i < kWarmUp) continue;
    millis.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    cpuMillis.push_back(cpu);
  }
  const std::int64_t pending = *store->pendingChanges() - pendingBefore;
  if (pending != ops) {
    throw std::runtime_error("the outbox holds " + std::to_string(pending) + " new ops, expected " +
                             std::to_string(ops));
  }

  const LatencySummary s = summarize(millis);
  const LatencySummary c = summarize(cpuMillis);
  const LatencySummary f = probeFsync(copy.string() + ".fsync-probe", 200);
  std::fprintf(stderr,
               "%zu bookings (after %d warm-up), %lld outbox ops; CPU per booking p50 %.3f ms, "
               "p99 %.3f ms; fdatasync of 4 KiB now: p50 %.3f ms, p99 %.3f ms\n",
               s.count, kWarmUp, static_cast<long long>(ops), c.p50, c.p99, f.p50, f.p99);
  const int d = options.deals;
  recordFigures(options, {
                             {figureName("booking_mean_ms", d), s.mean, "ms"},
                             {figureName("booking_p50_ms", d), s.p50, "ms"},
                             {figureName("booking_p90_ms", d), s.p90, "ms"},
                             {figureName("booking_p99_ms", d), s.p99, "ms"},
                             {figureName("booking_max_ms", d), s.max, "ms"},
                             {figureName("booking_cpu_p50_ms", d), c.p50, "ms"},
                             {figureName("booking_cpu_p99_ms", d), c.p99, "ms"},
                             {figureName("fsync_4k_p50_ms", d), f.p50, "ms"},
                             {figureName("fsync_4k_p99_ms", d), f.p99, "ms"},
                         });
  return 0;
}

}  // namespace
}  // namespace nextstep::bench

int main(int argc, char** argv) {
  return nextstep::bench::runBenchProgram("nextstep_bench_booking", nextstep::bench::run, argc,
                                          argv);
}
