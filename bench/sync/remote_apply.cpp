// apply: 100k remote changes, a teammate's day, merged into the loaded pipeline.
#include "sync_scenarios.h"

#include <stdexcept>

#include "bench_now.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "sync_timing.h"
#include "workload_loader.h"

namespace nextstep::bench {

namespace fs = std::filesystem;

std::vector<Figure> remoteApplyFigures(const BenchOptions& o) {
  const WorkloadFiles files(o.dir, o.deals);
  ensureLoadedPipeline(files);
  const fs::path db = files.scratchDatabase("apply");
  copyDatabase(files.database(), db);
  auto store = std::move(Store::open({db.string(), false, fixedWallClock()}).value());
  const int changes = o.deals;  // 100k at the headline size
  constexpr DeviceId kOther = 0x0B0B000000000002;
  std::vector<sync::RemoteOp> ops;
  ops.reserve(static_cast<std::size_t>(changes));
  static const char* kStages[] = {"qualified", "discovery", "proposal", "negotiation"};
  auto picked = store->read([&](Database& d) {
    // Stage changes on deals, reschedules of meetings' places, actions done: as a teammate's day.
    auto pick = [&](const char* table, int n, auto make) {
      auto s = d.prepare(std::string("SELECT id, created_stamp FROM ") + table +
                         " ORDER BY rid LIMIT ?1");
      s->bind(1, n);
      while (s->step()) make(s->text(0), records::columnStamp(*s, 1));
    };
    std::uint64_t hlc = packHlc(kNowMillis, 0);
    auto push = [&](RecordType t, const std::string& id, std::string key, Value v,
                    const Stamp& base) {
      sync::RemoteOp r;
      r.version = ops.size() + 1;
      r.author = "teammate@bench.example";
      r.op = Op{static_cast<std::int64_t>(ops.size() + 1),
                t,
                id,
                OpKind::kSet,
                std::move(key),
                std::move(v),
                Stamp{++hlc, kOther},
                base};
      ops.push_back(std::move(r));
    };
    pick("deals", changes / 2, [&](const std::string& id, const Stamp& base) {
      push(RecordType::kDeal, id, "stage", Value(kStages[ops.size() % 4]), base);
    });
    pick("meetings", changes / 4, [&](const std::string& id, const Stamp& base) {
      push(RecordType::kMeeting, id, "agenda", Value("Moved: go through the proposal together"),
           base);
    });
    pick("actions", changes - static_cast<int>(ops.size()),
         [&](const std::string& id, const Stamp& base) {
           push(RecordType::kAction, id, "done", Value(std::int64_t{1}), base);
         });
  });
  if (!picked) throw std::runtime_error("reading the pipeline: " + picked.error().message);
  sync::Replica replica(*store);
  const auto start = Clock::now();
  const std::size_t page = sync::kApplyBatchOps;  // as a device catching up applies them
  sync::ApplyStats total;
  for (std::size_t i = 0; i < ops.size(); i += page) {
    std::vector<sync::RemoteOp> slice(
        ops.begin() + static_cast<std::ptrdiff_t>(i),
        ops.begin() + static_cast<std::ptrdiff_t>(std::min(ops.size(), i + page)));
    auto stats = replica.apply(slice, slice.back().version);
    if (!stats) throw std::runtime_error("apply: " + stats.error().message);
    total.applied += stats->applied;
  }
  const double secs = seconds(start);
  if (total.applied != static_cast<int>(ops.size()))
    throw std::runtime_error("not every change applied");
  return {{figureName("apply_remote_changes_s", o.deals), secs, "s"},
          {figureName("apply_remote_changes_per_s", o.deals),
           static_cast<double>(ops.size()) / secs, "ops/s"}};
}

}  // namespace nextstep::bench
