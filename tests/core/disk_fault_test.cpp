// A device's store on a disk that fills up or fails: every write, sync and truncate of a day's
// work (a deal, a booking, a closed call, a synced page of the team's changes, an acknowledgement)
// is made to fail in turn. Each operation commits whole or answers kFull/kIo; nothing committed
// before is lost; the file reopens intact with an outbox that matches the records.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include "faulty_disk.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/sync/replica.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

// Writes sampled from the day's few hundred (every sync and truncate is tried): fewer under the
// sanitizers, where each sample costs about ten times as much.
#ifdef __SANITIZE_ADDRESS__
constexpr int kWriteSamples = 12;
#else
constexpr int kWriteSamples = 40;
#endif

using Fault = FaultyDisk::Fault;

// Every row of every table, read through a connection of its own on the real disk: equal
// snapshots mean an unchanged database.
std::string snapshotOf(const std::string& path) {
  auto db = Database::open(path, OpenMode::kReadWrite);
  std::vector<std::string> tables;
  {
    Statement s(db->handle(),
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
                "sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name");
    while (s.step()) tables.push_back(s.text(0));
  }
  std::string out;
  Transaction snapshot(*db, Transaction::Kind::kRead);
  for (const std::string& table : tables) {
    Statement s(db->handle(), "SELECT * FROM \"" + table + "\"");
    std::vector<std::string> rows;
    while (s.step()) {
      std::string row;
      for (int c = 0; c < s.columnCount(); ++c) row += s.text(c) + '\x1f';
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    out += table + ":\n";
    for (const std::string& row : rows) out += row + '\n';
  }
  snapshot.commit();
  return out;
}

// How many rows each table holds: two runs with different ids but the same work agree on it.
std::map<std::string, std::int64_t> shapeOf(const std::string& path) {
  auto db = Database::open(path, OpenMode::kReadWrite);
  std::map<std::string, std::int64_t> out;
  Statement s(db->handle(),
              "SELECT name FROM sqlite_schema WHERE type = 'table' AND "
              "sql NOT LIKE 'CREATE VIRTUAL%'");
  while (s.step()) out[s.text(0)] = db->scalar("SELECT count(*) FROM \"" + s.text(0) + "\"");
  out.erase("local_meta");  // holds the clock, which moves with every attempt
  return out;
}

// The operations another device of the team logged, as the server's log hands them out.
std::vector<sync::RemoteOp> teammatesPage(const TempDir& dir, TestClock& clock) {
  auto ben = unwrap(Store::open({dir.file("ben.db"), true, clock.wall()}));
  const std::string deal = unwrap(addDeal(*ben, {.title = "Rollout", .account = "Globex"}));
  const std::string lee = unwrap(addContact(*ben, {.name = "Lee", .account = "Globex"}));
  unwrap(bookMeeting(
      *ben,
      {.deal = deal, .at = local("2026-12-03T14:00"), .tz = "Europe/Berlin", .attendees = {lee}}));
  std::vector<sync::RemoteOp> page;
  std::uint64_t version = 0;
  for (Op& op : unwrap(sync::Replica(*ben).outbox().next(10'000))) {
    page.push_back({++version, std::move(op), "ben@team.example"});
  }
  return page;
}

// One step of the day's work; it answers like the app's calls do.
struct Step {
  const char* name;
  std::function<Result<void>(Store&)> run;
};

// The n-th call of one kind: where a sweep makes the disk fail.
struct FaultPoint {
  FaultyDisk::Calls kind;
  int n;
  std::string text(Fault fault) const {
    const char* what = kind == FaultyDisk::kWrites  ? "write"
                       : kind == FaultyDisk::kSyncs ? "sync"
                                                    : "truncate";
    return std::string(fault == Fault::kFull ? " (full" : " (I/O error") + " at " + what + " " +
           std::to_string(n) + ")";
  }
  std::string file(const char* prefix, Fault fault) const {
    return std::string(prefix) + "-" + std::to_string(kind) + "-" + std::to_string(n) +
           (fault == Fault::kFull ? "-full.db" : "-io.db");
  }
};

template <typename T>
Result<void> done(const Result<T>& r) {
  if (!r) return r.error();
  return {};
}

class DeviceDiskFaultTest : public ::testing::Test {
 protected:
  DeviceDiskFaultTest() { FaultyDisk::get().heal(); }
  ~DeviceDiskFaultTest() override { FaultyDisk::get().heal(); }

  std::unique_ptr<Store> openFaulty(const std::string& path) {
    return unwrap(Store::open({.path = path, .wall = clock_.wall(), .vfs = FaultyDisk::kName}));
  }

  // The steps, each naming its records by what earlier steps made (a retried step as well).
  std::vector<Step> workday() {
    deal_.clear();
    contact_.clear();
    meeting_.clear();
    return {
        {"add a deal",
         [this](Store& s) {
           auto r = addDeal(s, {.title = "Pilot", .account = "Acme", .value_minor = 500});
           if (r) deal_ = *r;
           return done(r);
         }},
        {"add a contact",
         [this](Store& s) {
           auto r = addContact(
               s, {.name = "Dana Ito", .account = "Acme", .role = ContactRole::kDecisionMaker});
           if (r) contact_ = *r;
           return done(r);
         }},
        {"book a meeting",
         [this](Store& s) {
           auto r = bookMeeting(s, {.deal = deal_,
                                    .at = local("2026-11-26T10:00"),
                                    .tz = "Europe/Berlin",
                                    .attendees = {contact_}});
           if (r) meeting_ = *r;
           return done(r);
         }},
        {"close the call",
         [this](Store& s) {
           return done(closeCall(s, {.meeting = meeting_,
                                     .result = OutcomeResult::kMaybe,
                                     .probe_answers = "budget in December",
                                     .follow_up = day("2026-12-01"),
                                     .actions = {{.owner = ActionOwner::kCustomer,
                                                  .text = "send the security review"}}}));
         }},
        {"apply the team's changes",
         [this](Store& s) { return done(sync::Replica(s).apply(page_, page_.size())); }},
        {"acknowledge the first pushed changes",
         [](Store& s) -> Result<void> {
           sync::Replica replica(s);
           auto sent = replica.outbox().next(3);
           if (!sent) return sent.error();
           if (sent->empty()) return {};
           return replica.outbox().acknowledge(sent->back().seq, {});
         }},
    };
  }

  // The day's work on a healthy disk: the calls it makes, and the rows each step leaves. Every
  // sync and truncate is a fault point, and about 40 of the many writes.
  std::vector<FaultPoint> dryRun() {
    const std::string path = dir_.file("dry.db");
    auto store = openFaulty(path);
    FaultyDisk::get().heal();
    shapes_ = {shapeOf(path)};
    for (Step& step : workday()) {
      unwrap(step.run(*store));
      shapes_.push_back(shapeOf(path));
    }
    std::vector<FaultPoint> points;
    const FaultyDisk& disk = FaultyDisk::get();
    for (auto kind : {FaultyDisk::kSyncs, FaultyDisk::kTruncates}) {
      for (int n = 1; n <= disk.counted(kind); ++n) points.push_back({kind, n});
    }
    const int writes = disk.counted(FaultyDisk::kWrites);
    for (int n = 1; n <= writes; n += std::max(1, writes / kWriteSamples)) {
      points.push_back({FaultyDisk::kWrites, n});
    }
    points.push_back({FaultyDisk::kWrites, writes});
    store.reset();
    return points;
  }

  static void expectDiskError(const Error& e, const char* step, const std::string& where) {
    EXPECT_TRUE(e.code == ErrorCode::kFull || e.code == ErrorCode::kIo)
        << step << where << ": " << errorCodeName(e.code) << " " << e.message;
    EXPECT_FALSE(e.message.empty()) << step << where;
    // Words a rep understands, not SQLite's bare "disk I/O error".
    EXPECT_TRUE(e.message.starts_with("the disk ")) << step << where << ": " << e.message;
    if (e.code == ErrorCode::kFull) {
      EXPECT_NE(e.message.find("disk is full"), std::string::npos) << e.message;
    }
  }

  static void expectIntactOnReopen(const std::string& path,
                                   const std::optional<std::string>& committed,
                                   const std::string& where) {
    TestClock clock(at("2026-11-26T09:30:00Z"));
    auto reopened = Store::open({path, false, clock.wall()});
    ASSERT_TRUE(reopened.ok()) << where << ": " << reopened.error().message;
    auto integrity = (*reopened)->checkIntegrity();
    EXPECT_TRUE(integrity.ok()) << where << ": " << integrity.error().message;
    reopened->reset();
    if (committed) {
      EXPECT_EQ(snapshotOf(path), *committed) << where << ": committed work changed on reopen";
    }
  }

  // A passing fault: the step that meets it fails whole and, tried again, succeeds.
  void transientFaultAt(const FaultPoint& at, Fault fault) {
    const std::string where = at.text(fault);
    const std::string path = dir_.file(at.file("once", fault));
    auto store = openFaulty(path);
    FaultyDisk::get().failOnce(at.n, fault, at.kind);
    for (Step& step : workday()) {
      const std::string before = snapshotOf(path);
      Result<void> r;
      EXPECT_NO_THROW(r = step.run(*store)) << step.name << where;
      if (r.ok()) continue;
      expectDiskError(r.error(), step.name, where);
      EXPECT_EQ(snapshotOf(path), before) << step.name << where << ": a failed step left a trace";
      FaultyDisk::get().heal();
      r = step.run(*store);
      ASSERT_TRUE(r.ok()) << step.name << where << " tried again: " << r.error().message;
    }
    FaultyDisk::get().heal();
    const std::string committed = snapshotOf(path);
    store.reset();
    EXPECT_EQ(shapeOf(path), shapes_.back()) << where;
    expectIntactOnReopen(path, committed, where);
    EXPECT_EQ(shapeOf(path), shapes_.back()) << where;
  }

  // A disk that fills up and stays full: from the first failure on, every write fails whole,
  // the store closes on the failing disk, and what was committed before survives.
  void failingFrom(const FaultPoint& at, Fault fault) {
    const std::string where = at.text(fault) + " and after";
    const std::string path = dir_.file(at.file("from", fault));
    auto store = openFaulty(path);
    FaultyDisk::get().failFrom(at.n, fault, at.kind);
    std::string committed = snapshotOf(path);
    std::size_t done_steps = 0;
    for (Step& step : workday()) {
      Result<void> r;
      EXPECT_NO_THROW(r = step.run(*store)) << step.name << where;
      if (r.ok()) {
        committed = snapshotOf(path);
        ++done_steps;
        continue;
      }
      expectDiskError(r.error(), step.name, where);
      EXPECT_EQ(snapshotOf(path), committed)
          << step.name << where << ": a failed step left a trace";
      auto again = addDeal(*store, {.title = "Another"});
      ASSERT_FALSE(again.ok()) << where << ": the disk is still failing";
      expectDiskError(again.error(), "another deal", where);
      // When only syncs fail, its frames overwrite the failed step's unsynced ones: then it is
      // the commit a reopen may find (below).
      break;
    }
    const bool sync_failed_first = FaultyDisk::get().firstFailed() == FaultyDisk::kSyncs;
    store.reset();  // closes on the failing disk: its checkpoint fails too
    FaultyDisk::get().heal();
    if (done_steps == shapes_.size() - 1 || !sync_failed_first) {
      expectIntactOnReopen(path, committed, where);
      return;
    }
    // A commit whose sync failed reached the disk all the same: the next open may find it. Then
    // it is there whole, with its outbox, as if the step had succeeded.
    expectIntactOnReopen(path, std::nullopt, where);
    if (snapshotOf(path) == committed) return;
    auto reopened = Database::open(path, OpenMode::kReadWrite);
    if (reopened->scalar("SELECT count(*) FROM deals WHERE title = 'Another'") == 1) {
      // The second failed write came back whole: one deal and its outbox more.
      EXPECT_EQ(reopened->scalar("SELECT count(*) FROM deals"), shapes_[done_steps].at("deals") + 1)
          << where;
      EXPECT_GT(reopened->scalar("SELECT count(*) FROM outbox"), shapes_[done_steps].at("outbox"))
          << where;
      return;
    }
    EXPECT_EQ(shapeOf(path), shapes_[done_steps + 1]) << where << ": a half step came back";
  }

  TempDir dir_;
  TestClock clock_{at("2026-11-26T09:00:00Z")};  // 10:00 in Berlin: the meeting has begun
  std::vector<sync::RemoteOp> page_ = teammatesPage(dir_, clock_);
  // After each step of the dry run (the first before any).
  std::vector<std::map<std::string, std::int64_t>> shapes_;
  std::string deal_;
  std::string contact_;
  std::string meeting_;
};

TEST_F(DeviceDiskFaultTest, EveryCallOfTheDayFailingOnceLeavesEachStepWholeOrUndone) {
  const std::vector<FaultPoint> points = dryRun();
  ASSERT_GT(points.size(), 10u) << "the faulty disk saw the store's writes";
  for (const FaultPoint& at : points) {
    transientFaultAt(at, Fault::kFull);
    transientFaultAt(at, Fault::kIoError);
    if (HasFatalFailure()) return;
  }
}

TEST_F(DeviceDiskFaultTest, ADiskThatFillsUpAtAnyCallKeepsEverythingCommittedBefore) {
  std::vector<FaultPoint> points = dryRun();
  points.push_back({FaultyDisk::kWrites, points.back().n + 1});  // only the closing checkpoint
  for (const FaultPoint& at : points) {
    failingFrom(at, Fault::kFull);
    failingFrom(at, Fault::kIoError);
    if (HasFatalFailure()) return;
  }
}

TEST_F(DeviceDiskFaultTest, AFullDiskSaysSoInTheError) {
  auto store = openFaulty(dir_.file("full.db"));
  FaultyDisk::get().failFrom(1, Fault::kFull);
  auto r = addDeal(*store, {.title = "Pilot"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kFull);
  EXPECT_EQ(r.error().message, "the disk is full; nothing was saved");
  FaultyDisk::get().heal();
  EXPECT_TRUE(addDeal(*store, {.title = "Pilot"}).ok()) << "space freed: the store writes again";
  EXPECT_EQ(
      unwrap(store->read([](Database& db) { return db.scalar("SELECT count(*) FROM deals"); })), 1);
}

// A failed write left nothing behind; a failed sync may have left the whole change behind, to be
// found after a restart. The rep reads which, rather than SQLite's bare "disk I/O error".
TEST_F(DeviceDiskFaultTest, AFailingDiskSaysWhetherTheChangeMayStillBeThere) {
  auto store = openFaulty(dir_.file("failing.db"));
  FaultyDisk::get().failFrom(1, Fault::kIoError, FaultyDisk::kWrites);
  auto write = addDeal(*store, {.title = "Pilot"});
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code, ErrorCode::kIo);
  EXPECT_EQ(write.error().message,
            "the disk could not be written (disk I/O error); nothing was saved");
  FaultyDisk::get().failOnce(1, Fault::kIoError, FaultyDisk::kSyncs);
  auto sync = addDeal(*store, {.title = "Pilot"});
  ASSERT_FALSE(sync.ok());
  EXPECT_EQ(sync.error().code, ErrorCode::kIo);
  EXPECT_EQ(sync.error().message,
            "the disk failed to confirm the save (disk I/O error); the change may be there or not "
            "after a restart: check before entering it again");
}

}  // namespace
}  // namespace nextstep::testing
