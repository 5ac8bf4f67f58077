// push: a fresh device writes the workload locally (its own changes, in its outbox), then pushes
// all of it to an empty server; the peer's B (D=1031 is exactly 10,000 rows).
#include "sync_scenarios.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "bench_device.h"
#include "bench_now.h"
#include "latency_summary.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_round.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_timing.h"
#include "workload_records.h"

namespace nextstep::bench {
namespace {

// One record as the device's user creates it, with the set members that go with it.
struct LocalRecord {
  RecordType type;
  std::string id;
  Fields fields;
  std::vector<std::string> members;  // a meeting's attendees
};

std::vector<LocalRecord> workloadRecords(const WorkloadFiles& files) {
  std::vector<LocalRecord> records;
  visitWorkload(readWorkload(files.jsonl()), kNowUnix,
                {[&](RecordType type, const std::string& id, const Fields& fields) {
                   records.push_back({type, id, fields, {}});
                 },
                 [&](const std::string&, const std::string& contact) {
                   records.back().members.push_back(contact);
                 }});
  return records;
}

struct PushRun {
  double local_seconds = 0;
  double push_seconds = 0;
  int pushed = 0;  // operations: records and attendees
};

// As the peer's client: bulk writes of 1,000 records, each a durable local commit.
constexpr std::size_t kRecordsPerWrite = 1000;

PushRun pushOnce(const BenchOptions& o, const std::vector<LocalRecord>& records, int run) {
  const server::StoreChoice store{o.dir / "server-push", ""};
  const std::vector<std::string> tokens = freshTeamTokens(store, "push", "rep", 1);
  ServerUnderTest server(storeArgs(store), o.dir / "sync-push-server.log");
  auto device = freshStore(o.dir / ("push-device-" + std::to_string(run) + ".db"));

  PushRun r;
  auto start = Clock::now();
  for (std::size_t i = 0; i < records.size(); i += kRecordsPerWrite) {
    const std::size_t end = std::min(records.size(), i + kRecordsPerWrite);
    auto written = device->write([&](Mutation& m) {
      for (std::size_t k = i; k < end; ++k) {
        const LocalRecord& rec = records[k];
        m.create(rec.type, rec.id, rec.fields);
        for (const std::string& member : rec.members) m.addMember(rec.type, rec.id, member);
      }
    });
    if (!written) throw std::runtime_error("local write: " + written.error().message);
  }
  r.local_seconds = seconds(start);

  sync::GrpcTransport transport(channelTo(server.address()), tokens[0]);
  sync::Replica replica(*device);
  start = Clock::now();
  auto hello = transport.handshake(device->deviceId(), kCatalogVersion, 0);
  if (!hello) throw std::runtime_error("handshake: " + hello.error().message);
  auto pushed = sync::pushAll(replica, transport, hello->max_ops_per_push);
  if (!pushed) throw std::runtime_error("push: " + pushed.error().message);
  r.push_seconds = seconds(start);
  if (pushed->rejected != 0) throw std::runtime_error("the server refused some operations");
  r.pushed = pushed->pushed;
  std::printf("push: %zu rows (%d operations) written locally in %.2f s, pushed in %.2f s\n",
              records.size(), r.pushed, r.local_seconds, r.push_seconds);
  std::fflush(stdout);
  return r;
}

}  // namespace

std::vector<Figure> pushFigures(const BenchOptions& o, const SyncOptions& s) {
  const WorkloadFiles files(o.dir, o.deals);
  files.generateIfMissing();
  std::printf("workload sha256 %s\n", files.readManifest().sha256.c_str());
  const std::vector<LocalRecord> records = workloadRecords(files);
  std::vector<double> local;
  std::vector<double> push;
  int ops = 0;
  for (int run = 0; run < s.runs; ++run) {
    const PushRun r = pushOnce(o, records, run);
    local.push_back(r.local_seconds);
    push.push_back(r.push_seconds);
    ops = r.pushed;
  }
  const double rows = static_cast<double>(records.size());
  const double push_s = summarize(push).p50;  // the middle run of an odd number
  const double local_s = summarize(local).p50;
  return {{figureName("push_rows_per_s", o.deals), rows / push_s, "rows/s"},
          {figureName("push_s", o.deals), push_s, "s"},
          {figureName("push_rows", o.deals), rows, "rows"},
          {figureName("push_operations", o.deals), static_cast<double>(ops), "ops"},
          {figureName("push_local_writes_rows_per_s", o.deals), rows / local_s, "rows/s"},
          {figureName("push_local_writes_s", o.deals), local_s, "s"}};
}

}  // namespace nextstep::bench
