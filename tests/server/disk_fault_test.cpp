// The server's store on a disk that fills up or fails: every write, sync and truncate of a run of
// pushes (alone and grouped in one commit) is made to fail in turn. A push that failed is not
// acknowledged and answers RESOURCE_EXHAUSTED or UNAVAILABLE; an acknowledged one survives
// reopening; the team's log never has a gap or a duplicate; the file reopens intact.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "faulty_disk.h"
#include "service_fixture.h"
#include "sqlite_server_store.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;
using testing::FaultyDisk;
using Fault = FaultyDisk::Fault;

using SeqKey = std::pair<DeviceId, std::uint64_t>;

// The team's log as (device, device_seq) by version; checks it has no gap and no duplicate.
std::vector<SeqKey> logOf(ServerStore& store, TeamId team, const std::string& where) {
  auto page = store.readLog(team, 0, 100'000);
  EXPECT_TRUE(page.ok()) << where << ": " << page.error().message;
  if (!page) return {};
  std::vector<SeqKey> out;
  std::set<SeqKey> seen;
  for (std::size_t i = 0; i < page->ops.size(); ++i) {
    const LoggedOp& op = page->ops[i];
    EXPECT_EQ(op.version, i + 1) << where << ": the log has a gap";
    const SeqKey key{op.device, static_cast<std::uint64_t>(op.op.seq)};
    EXPECT_TRUE(seen.insert(key).second) << where << ": logged twice: " << key.second;
    out.push_back(key);
  }
  EXPECT_EQ(page->head, page->ops.size()) << where << ": the head is not the last version";
  return out;
}

std::string integrityOf(const std::filesystem::path& file) {
  auto db = Database::open(file.string(), OpenMode::kReadWrite);
  Statement s(db->handle(), "PRAGMA integrity_check");
  return s.step() ? s.text(0) : "no answer";
}

// SQLite's own: the faults come from a SQLite VFS.
class ServerDiskFaultTest : public ServiceFixture {
 protected:
  ServerDiskFaultTest() : ServiceFixture(StoreKind::kSqlite) { FaultyDisk::get().heal(); }
  ~ServerDiskFaultTest() override { FaultyDisk::get().heal(); }

  // A fresh server in its own folder on the faulty disk, with two devices of one team.
  void freshServer(const std::string& name) {
    service_.reset();
    store_.reset();
    folder_ = dir_ / name;
    auto store = SqliteServerStore::openDirectory(folder_, {.vfs = FaultyDisk::kName});
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    service_ = std::make_unique<SyncService>(*store_, SyncLimits{}, [this] { return now_ms_; });
    ann_ = device("north", "ann@example.com", kAnn);
    bob_ = device("north", "bob@example.com", kBob);
  }

  // Each device's operations first..last: creates and edits of its own deals.
  pb::PushRequest pushFrom(DeviceId device, std::uint64_t first, std::uint64_t last) const {
    pb::PushRequest r;
    for (std::uint64_t seq = first; seq <= last; ++seq) {
      const std::string deal = std::to_string(device) + "-" + std::to_string((seq + 1) / 2);
      const auto stamp = hlc(static_cast<std::int64_t>(seq), static_cast<std::uint16_t>(device));
      *r.add_operations() = seq % 2 == 1 ? createDeal(seq, device, deal, "Deal " + deal, stamp)
                                         : setText(seq, device, RecordType::kDeal, deal, "title",
                                                   "Renamed " + deal, stamp);
    }
    return r;
  }

  // The pushes of the run: one call, or several stored in one group commit.
  std::vector<std::vector<PushCall>> run() {
    requests_ = {pushFrom(kAnn, 1, 3), pushFrom(kBob, 1, 2), pushFrom(kAnn, 4, 5),
                 pushFrom(kBob, 3, 6), pushFrom(kAnn, 6, 9)};
    return {{{&ann_, &requests_[0]}},
            {{&bob_, &requests_[1]}},
            {{&ann_, &requests_[2]}, {&bob_, &requests_[3]}},
            {{&ann_, &requests_[4]}}};
  }

  static StatusCode codeOf(Fault fault) {
    return fault == Fault::kFull ? StatusCode::RESOURCE_EXHAUSTED : StatusCode::UNAVAILABLE;
  }

  // Acknowledged through its last operation: every one of them is now the server's.
  void expectAcked(const Reply<pb::PushResponse>& reply, const PushCall& call,
                   const std::string& where) {
    ASSERT_TRUE(reply.ok()) << where << ": " << reply.error().message;
    const auto& ops = call.request->operations();
    EXPECT_EQ(reply->acked_through_seq(), ops[ops.size() - 1].device_seq()) << where;
    for (const pb::Operation& op : ops) acked_.insert({*call.caller->device, op.device_seq()});
  }

  void expectRefused(const Reply<pb::PushResponse>& reply, Fault fault, const std::string& where) {
    ASSERT_FALSE(reply.ok()) << where << ": acknowledged on a failing disk";
    // A sync can fail on a full disk too; it is an I/O error then, as SQLite reports it.
    EXPECT_TRUE(reply.code() == codeOf(fault) || reply.code() == StatusCode::UNAVAILABLE)
        << where << ": " << reply.code() << " " << reply.error().message;
    EXPECT_NE(reply.error().message.find("storage"), std::string::npos)
        << where << ": " << reply.error().message;
  }

  std::vector<SeqKey> reopenedLog(const std::string& where) {
    service_.reset();
    store_.reset();
    FaultyDisk::get().heal();
    EXPECT_EQ(integrityOf(folder_ / SqliteServerStore::kFileName), "ok") << where;
    auto store = SqliteServerStore::openDirectory(folder_);
    EXPECT_TRUE(store.ok()) << where << ": " << store.error().message;
    if (!store) return {};
    store_ = std::move(*store);
    service_ = std::make_unique<SyncService>(*store_, SyncLimits{}, [this] { return now_ms_; });
    return logOf(*store_, ann_.team_id, where + " reopened");
  }

  // The run on a healthy disk: how many calls it makes.
  int dryRun() {
    freshServer("dry");
    FaultyDisk::get().heal();
    for (const auto& calls : run()) {
      for (PushOutcome& outcome : service_->pushBatch(calls)) {
        EXPECT_TRUE(outcome.reply.ok()) << outcome.reply.error().message;
      }
    }
    total_ops_ = logOf(*store_, ann_.team_id, "dry run").size();
    return FaultyDisk::get().counted();
  }

  // A passing fault: a refused push, sent again, is acknowledged; the log ends up complete.
  void transientFaultAt(int n, Fault fault) {
    const std::string where =
        std::string(fault == Fault::kFull ? "full" : "I/O error") + " at call " + std::to_string(n);
    freshServer("once-" + std::to_string(n) + (fault == Fault::kFull ? "-full" : "-io"));
    acked_.clear();
    FaultyDisk::get().failOnce(n, fault);
    for (const auto& calls : run()) {
      const std::uint64_t head_before = *store_->head(ann_.team_id);
      std::vector<PushOutcome> outcomes = service_->pushBatch(calls);
      for (std::size_t i = 0; i < calls.size(); ++i) {
        if (outcomes[i].reply.ok()) {
          expectAcked(outcomes[i].reply, calls[i], where);
          continue;
        }
        expectRefused(outcomes[i].reply, fault, where);
        EXPECT_TRUE(outcomes[i].accepted.empty()) << where << ": a refused push reached the feed";
        if (calls.size() == 1) {
          EXPECT_EQ(*store_->head(ann_.team_id), head_before) << where << ": half a push stored";
        }
        FaultyDisk::get().heal();
        expectAcked(service_->push(*calls[i].caller, *calls[i].request), calls[i],
                    where + ", sent again");
      }
    }
    FaultyDisk::get().heal();
    const std::vector<SeqKey> before = logOf(*store_, ann_.team_id, where);
    EXPECT_EQ(std::set<SeqKey>(before.begin(), before.end()), acked_) << where;
    EXPECT_EQ(before.size(), total_ops_) << where;
    EXPECT_EQ(reopenedLog(where), before) << where;
  }

  // A disk that stays full: every push from the first failure on is refused; what was
  // acknowledged before survives the store closing on the failing disk.
  void failingFrom(int n, Fault fault) {
    const std::string where = std::string(fault == Fault::kFull ? "full" : "I/O errors") +
                              " from call " + std::to_string(n);
    freshServer("from-" + std::to_string(n) + (fault == Fault::kFull ? "-full" : "-io"));
    acked_.clear();
    FaultyDisk::get().failFrom(n, fault);
    std::set<SeqKey> refused;
    std::set<DeviceId> blocked;
    for (const auto& calls : run()) {
      std::vector<PushOutcome> outcomes = service_->pushBatch(calls);
      for (std::size_t i = 0; i < calls.size(); ++i) {
        if (outcomes[i].reply.ok()) {
          expectAcked(outcomes[i].reply, calls[i], where);
          continue;
        }
        const DeviceId device = *calls[i].caller->device;
        // After a refused push the device's next one skips numbers: refused for that first.
        if (blocked.count(device) != 0 &&
            outcomes[i].reply.code() == StatusCode::FAILED_PRECONDITION) {
          continue;
        }
        expectRefused(outcomes[i].reply, fault, where);
        blocked.insert(device);
        for (const pb::Operation& op : calls[i].request->operations()) {
          refused.insert({*calls[i].caller->device, op.device_seq()});
        }
      }
    }
    const bool sync_failed_first = FaultyDisk::get().firstFailed() == FaultyDisk::kSyncs;
    const std::vector<SeqKey> after = reopenedLog(where);
    const std::set<SeqKey> logged(after.begin(), after.end());
    for (const SeqKey& k : acked_) EXPECT_TRUE(logged.count(k)) << where << ": acknowledged, lost";
    if (!sync_failed_first) {
      EXPECT_EQ(logged, acked_) << where << ": a refused push was stored";
      return;
    }
    // A commit whose sync failed may reach the disk all the same: it is there whole or not at all,
    // and a device that sends it again is acknowledged without a second copy.
    for (const SeqKey& k : logged) {
      EXPECT_TRUE(acked_.count(k) || refused.count(k)) << where << ": never pushed";
    }
  }

  std::filesystem::path folder_;
  Caller ann_;
  Caller bob_;
  std::vector<pb::PushRequest> requests_;
  std::set<SeqKey> acked_;
  std::size_t total_ops_ = 0;
};

TEST_F(ServerDiskFaultTest, EveryCallOfAPushFailingOnceIsRefusedOrAcknowledgedWhole) {
  const int calls = dryRun();
  ASSERT_GT(calls, 4) << "the faulty disk saw the server's writes";
  for (int n = 1; n <= calls; ++n) {
    transientFaultAt(n, Fault::kFull);
    transientFaultAt(n, Fault::kIoError);
    if (HasFatalFailure()) return;
  }
}

TEST_F(ServerDiskFaultTest, ADiskThatFillsUpKeepsEveryAcknowledgedPush) {
  const int calls = dryRun();
  for (int n = 1; n <= calls + 1; ++n) {
    failingFrom(n, Fault::kFull);
    failingFrom(n, Fault::kIoError);
    if (HasFatalFailure()) return;
  }
}

TEST_F(ServerDiskFaultTest, AFullDiskIsResourceExhaustedAndAFailingOneUnavailable) {
  freshServer("codes");
  FaultyDisk::get().failFrom(1, Fault::kFull, FaultyDisk::kWrites);
  auto full = service_->push(ann_, pushFrom(kAnn, 1, 2));
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.code(), StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(full.error().message, "the server's storage is full");
  FaultyDisk::get().failFrom(1, Fault::kIoError, FaultyDisk::kSyncs);
  auto failing = service_->push(ann_, pushFrom(kAnn, 1, 2));
  ASSERT_FALSE(failing.ok());
  EXPECT_EQ(failing.code(), StatusCode::UNAVAILABLE);
  FaultyDisk::get().heal();
  EXPECT_EQ(pushOk(ann_, pushFrom(kAnn, 1, 2)).acked_through_seq(), 2u);
}

}  // namespace
}  // namespace nextstep::server::test
