#include "nextstep/sync/replica.h"

#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/search/search.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/conflict_archive.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

using sync::RemoteOp;
using sync::Replica;

// Two devices of one team and a hand-carried log between them, without a server.
class ReplicaTest : public ::testing::Test {
 protected:
  TempDir dir_;
  TestClock clock_{at("2026-11-26T09:00:00Z")};
  std::unique_ptr<Store> a_ = unwrap(Store::open({dir_.file("a.db"), true, clock_.wall()}));
  std::unique_ptr<Store> b_ = unwrap(Store::open({dir_.file("b.db"), true, clock_.wall()}));
  std::uint64_t version_ = 0;

  void TearDown() override {
    EXPECT_TRUE(a_->checkIntegrity().ok());
    EXPECT_TRUE(b_->checkIntegrity().ok());
  }

  std::vector<RemoteOp> take(Store& from, const char* author) {
    Replica r(from);
    std::vector<RemoteOp> out;
    for (Op& op : unwrap(r.outbox().next(10'000)))
      out.push_back({++version_, std::move(op), author});
    if (!out.empty()) unwrap(r.outbox().acknowledge(out.back().op.seq, {}));
    return out;
  }
  sync::ApplyStats give(Store& to, const std::vector<RemoteOp>& ops) {
    return unwrap(Replica(to).apply(ops, version_));
  }
  sync::ApplyStats ship(Store& from, Store& to, const char* author = "ana@team.example") {
    return give(to, take(from, author));
  }
  std::vector<sync::ConflictEntry> conflicts(Store& s) {
    return unwrap(sync::ConflictArchive(s).list());
  }

  std::vector<std::string> found(Store& s, const char* words) {
    std::vector<std::string> out;
    for (const SearchHit& h : unwrap(search(s, words))) out.push_back(h.kind + ":" + h.title);
    return out;
  }
  // Every word the search indexes hold, with its doc, column and position.
  static std::vector<std::string> terms(Store& s, const char* names, const char* notes) {
    auto lock = s.lock();
    Database& db = s.database();
    std::vector<std::string> out;
    for (const char* index : {names, notes}) {
      db.exec(std::string("CREATE VIRTUAL TABLE temp.v USING fts5vocab(") + index + ", instance)");
      {
        Statement q(db.handle(), "SELECT term, doc, col, offset FROM temp.v ORDER BY 1, 2, 3, 4");
        while (q.step())
          out.push_back(q.text(0) + " " + q.text(1) + " " + q.text(2) + " " + q.text(3));
      }
      db.exec("DROP TABLE temp.v");
    }
    return out;
  }
  static std::vector<std::string> indexedTerms(Store& s) {
    return terms(s, "main, name_index", "main, note_index");
  }
  // What indexing the live rows afresh would hold.
  static std::vector<std::string> termsOfTheRows(Store& s) {
    {
      auto lock = s.lock();
      Database& db = s.database();
      db.exec(
          "CREATE VIRTUAL TABLE temp.names USING fts5(title, body, content = '', "
          "tokenize = 'unicode61 remove_diacritics 2');"
          "CREATE VIRTUAL TABLE temp.notes USING fts5(body, content = '', "
          "tokenize = 'unicode61 remove_diacritics 2');"
          "INSERT INTO temp.names(rowid, title, body)"
          "  SELECT rid + 1099511627776, name, coalesce(industry,'') || ' ' || coalesce(city,'')"
          "    FROM main.accounts WHERE deleted = 0"
          "  UNION ALL SELECT rid + 2199023255552, name,"
          "    coalesce(email,'') || ' ' || coalesce(title,'') FROM main.contacts WHERE deleted = 0"
          "  UNION ALL SELECT rid + 3298534883328, title,"
          "    coalesce(stage,'') || ' ' || coalesce(owner,'') FROM main.deals WHERE deleted = 0;"
          "INSERT INTO temp.notes(rowid, body)"
          "  SELECT rid + 4398046511104, text FROM main.notes WHERE deleted = 0;");
    }
    auto out = terms(s, "temp, names", "temp, notes");
    auto lock = s.lock();
    s.database().exec("DROP TABLE temp.names; DROP TABLE temp.notes;");
    return out;
  }

  // Ana's "proposal" loses to Ben's later "negotiation", and both devices list it.
  std::string stageConflictOnBoth() {
    const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
    ship(*a_, *b_);
    unwrap(changeDeal(*a_, deal, {.stage = "proposal"}));
    clock_.advance(std::chrono::seconds(1));
    unwrap(changeDeal(*b_, deal, {.stage = "negotiation"}));
    const auto fromA = take(*a_, "ana@team.example");
    give(*a_, take(*b_, "ben@team.example"));
    give(*b_, fromA);
    EXPECT_EQ(conflicts(*a_).size(), 1u);
    EXPECT_EQ(conflicts(*b_).size(), 1u);
    return deal;
  }
};

TEST_F(ReplicaTest, ADealAndItsMeetingArriveWhole) {
  const std::string deal =
      unwrap(addDeal(*a_, {.title = "Pilot", .account = "Acme", .value_minor = 500}));
  const std::string dana = unwrap(addContact(*a_, {.name = "Dana", .account = "Acme"}));
  const std::string m = unwrap(bookMeeting(*a_, {.deal = deal,
                                                 .at = local("2026-12-01T10:00"),
                                                 .tz = "Europe/Berlin",
                                                 .place = "HQ",
                                                 .attendees = {dana}}));
  const auto stats = ship(*a_, *b_);
  EXPECT_EQ(stats.conflicts, 0);
  EXPECT_EQ(stats.parked, 0);
  const DealView v = unwrap(dealView(*b_, deal));
  EXPECT_EQ(v.deal.title, "Pilot");
  EXPECT_EQ(v.deal.account_name, "Acme");
  ASSERT_TRUE(v.next_step);
  EXPECT_EQ(v.next_step->id, m);
  EXPECT_EQ(v.next_step->place, "HQ");
  EXPECT_EQ(v.next_step->attendee_ids, std::vector<std::string>{dana});
  EXPECT_EQ(unwrap(b_->pendingChanges()), 0) << "applying remote changes logs nothing to push";
  EXPECT_EQ(unwrap(Replica(*b_).cursor()), version_);
}

TEST_F(ReplicaTest, ConcurrentEditsOfOneFieldConvergeAndTheLoserIsArchived) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  ship(*a_, *b_);
  unwrap(changeDeal(*a_, deal, {.stage = "proposal"}));
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*b_, deal, {.stage = "negotiation"}));  // later: wins
  const auto fromA = take(*a_, "ana@team.example");
  const auto fromB = take(*b_, "ben@team.example");
  give(*b_, fromA);
  give(*a_, fromB);
  EXPECT_EQ(unwrap(getDeal(*a_, deal)).stage, "negotiation");
  EXPECT_EQ(unwrap(getDeal(*b_, deal)).stage, "negotiation");
  for (Store* s : {a_.get(), b_.get()}) {
    const auto c = conflicts(*s);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].key, "stage");
    EXPECT_EQ(c[0].lost_value, Value("proposal"));
    EXPECT_EQ(c[0].kept_value, Value("negotiation"));
    EXPECT_EQ(c[0].record_title, "Pilot");
    EXPECT_EQ(c[0].record_id, deal);
    EXPECT_EQ(c[0].type, RecordType::kDeal);
  }
  EXPECT_EQ(conflicts(*a_)[0].id, conflicts(*b_)[0].id) << "one conflict, found on both devices";
  EXPECT_EQ(conflicts(*a_)[0].kept_author, "ben@team.example");
  EXPECT_EQ(conflicts(*a_)[0].lost_author, "this device");
}

TEST_F(ReplicaTest, KeepOnOneDeviceClosesTheSameConflictOnTheOther) {
  const std::string deal = stageConflictOnBoth();

  unwrap(sync::ConflictArchive(*a_).dismiss(conflicts(*a_)[0].id));
  EXPECT_TRUE(conflicts(*a_).empty());
  EXPECT_EQ(unwrap(a_->pendingChanges()), 1) << "the Keep is a change that syncs";
  const auto stats = ship(*a_, *b_);
  EXPECT_EQ(stats.conflicts, 0) << "keeping what is there is no new conflict";
  EXPECT_TRUE(conflicts(*b_).empty()) << "kept on A: gone from B's list too";
  const auto all = unwrap(sync::ConflictArchive(*b_).list(true));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].resolution, "dismissed");
  EXPECT_EQ(unwrap(getDeal(*b_, deal)).stage, "negotiation");
  EXPECT_EQ(unwrap(getDeal(*a_, deal)).stage, "negotiation");
}

TEST_F(ReplicaTest, RestoreOnOneDeviceClosesTheConflictOnTheOtherWithTheRestoredValue) {
  const std::string deal = stageConflictOnBoth();

  unwrap(sync::ConflictArchive(*a_).restore(conflicts(*a_)[0].id));
  EXPECT_EQ(ship(*a_, *b_).conflicts, 0);
  EXPECT_EQ(unwrap(getDeal(*b_, deal)).stage, "proposal") << "A's restored value";
  EXPECT_TRUE(conflicts(*b_).empty()) << "no entry left saying 'negotiation' was kept";
  EXPECT_EQ(unwrap(sync::ConflictArchive(*b_).list(true))[0].resolution, "restored");
}

TEST_F(ReplicaTest, ALaterEditOfTheFieldClosesItsOpenConflictAndAnotherFieldDoesNot) {
  const std::string deal = stageConflictOnBoth();

  unwrap(changeDeal(*b_, deal, {.value_minor = 4200}));
  EXPECT_EQ(conflicts(*b_).size(), 1u) << "another field says nothing about the stage";
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*b_, deal, {.stage = "verbal"}));
  EXPECT_TRUE(conflicts(*b_).empty()) << "a local edit settles it here";
  ship(*b_, *a_);
  EXPECT_TRUE(conflicts(*a_).empty()) << "and the same edit settles it on A";
  const auto all = unwrap(sync::ConflictArchive(*a_).list(true));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].resolution, "superseded");
  EXPECT_EQ(unwrap(getDeal(*a_, deal)).stage, "verbal");
}

TEST_F(ReplicaTest, KeepingADeleteOverAnEditClosesItOnTheOtherDevice) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  ship(*a_, *b_);
  unwrap(deleteRecord(*a_, RecordType::kDeal, deal));
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*b_, deal, {.title = "Pilot, renamed offline"}));
  const auto fromA = take(*a_, "ana");
  give(*a_, take(*b_, "ben"));
  give(*b_, fromA);
  ASSERT_EQ(conflicts(*b_).size(), 1u);

  unwrap(sync::ConflictArchive(*a_).dismiss(conflicts(*a_)[0].id));
  EXPECT_EQ(ship(*a_, *b_).conflicts, 0);
  EXPECT_TRUE(conflicts(*b_).empty());
  EXPECT_EQ(getDeal(*b_, deal).error().code, ErrorCode::kNotFound) << "still deleted";
}

TEST_F(ReplicaTest, EditsOfDifferentFieldsBothSurvive) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  ship(*a_, *b_);
  unwrap(changeDeal(*a_, deal, {.stage = "proposal"}));
  unwrap(changeDeal(*b_, deal, {.value_minor = 9900}));
  const auto fromA = take(*a_, "ana");
  const auto fromB = take(*b_, "ben");
  give(*b_, fromA);
  give(*a_, fromB);
  for (Store* s : {a_.get(), b_.get()}) {
    const Deal d = unwrap(getDeal(*s, deal));
    EXPECT_EQ(d.stage, "proposal");
    EXPECT_EQ(d.value.minor, 9900);
    EXPECT_TRUE(conflicts(*s).empty());
  }
}

TEST_F(ReplicaTest, AMeetingsTimeAndPlaceNeverMixAcrossDevices) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  const std::string m = unwrap(bookMeeting(
      *a_, {.deal = deal, .at = local("2026-12-01T10:00"), .tz = "UTC", .place = "HQ"}));
  ship(*a_, *b_);
  unwrap(rescheduleMeeting(*a_, m, {.at = local("2026-12-02T10:00")}));  // A moves the time
  clock_.advance(std::chrono::seconds(1));
  unwrap(rescheduleMeeting(*b_, m, {.place = "Video call"}));  // B moves the place
  const auto fromA = take(*a_, "ana");
  const auto fromB = take(*b_, "ben");
  give(*b_, fromA);
  give(*a_, fromB);
  for (Store* s : {a_.get(), b_.get()}) {
    const Meeting got = unwrap(getMeeting(*s, m));
    // B's write is newer and carries the whole slot: B's time with B's place, never A's time with
    // B's place.
    EXPECT_EQ(got.place, "Video call");
    EXPECT_EQ(formatUtc(got.start), "2026-12-01T10:00:00Z");
    ASSERT_EQ(conflicts(*s).size(), 1u);
    EXPECT_EQ(conflicts(*s)[0].key, "slot");
  }
  // A's lost time can be restored from the archive.
  unwrap(sync::ConflictArchive(*a_).restore(conflicts(*a_)[0].id));
  EXPECT_EQ(formatUtc(unwrap(getMeeting(*a_, m)).start), "2026-12-02T10:00:00Z");
  EXPECT_EQ(unwrap(getMeeting(*a_, m)).place, "HQ") << "the register comes back whole";
  ship(*a_, *b_);
  EXPECT_EQ(formatUtc(unwrap(getMeeting(*b_, m)).start), "2026-12-02T10:00:00Z");
}

TEST_F(ReplicaTest, AnAttendeeAddedWhileAnotherDeviceRemovedThemStays) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot", .account = "Acme"}));
  const std::string dana = unwrap(addContact(*a_, {.name = "Dana", .account = "Acme"}));
  const std::string m = unwrap(bookMeeting(
      *a_, {.deal = deal, .at = local("2026-12-01T10:00"), .tz = "UTC", .attendees = {dana}}));
  ship(*a_, *b_);
  unwrap(removeAttendee(*a_, m, dana));
  unwrap(removeAttendee(*b_, m, dana));
  unwrap(addAttendee(*b_, m, dana));  // B removed and re-added: a new add A has not seen
  const auto fromA = take(*a_, "ana");
  const auto fromB = take(*b_, "ben");
  give(*b_, fromA);
  give(*a_, fromB);
  EXPECT_EQ(unwrap(getMeeting(*a_, m)).attendee_ids, std::vector<std::string>{dana});
  EXPECT_EQ(unwrap(getMeeting(*b_, m)).attendee_ids, std::vector<std::string>{dana});
}

TEST_F(ReplicaTest, DeleteWinsForVisibilityAndAConcurrentEditStaysRestorable) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  ship(*a_, *b_);
  unwrap(deleteRecord(*a_, RecordType::kDeal, deal));
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*b_, deal, {.title = "Pilot, renamed offline"}));
  const auto fromA = take(*a_, "ana");
  const auto fromB = take(*b_, "ben");
  give(*b_, fromA);
  give(*a_, fromB);
  for (Store* s : {a_.get(), b_.get()}) {
    EXPECT_EQ(getDeal(*s, deal).error().code, ErrorCode::kNotFound) << "deleted everywhere";
    const auto c = conflicts(*s);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, ConflictKind::kEditedWhileDeleted);
    EXPECT_EQ(c[0].lost_value, Value("Pilot, renamed offline"));
  }
  unwrap(sync::ConflictArchive(*a_).restore(conflicts(*a_)[0].id));
  EXPECT_EQ(unwrap(getDeal(*a_, deal)).title, "Pilot, renamed offline");
}

TEST_F(ReplicaTest, OperationsForARecordNotYetHereWaitForIt) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  auto create = take(*a_, "ana");
  unwrap(changeDeal(*a_, deal, {.title = "Pilot 2"}));
  auto rename = take(*a_, "ana");
  EXPECT_EQ(give(*b_, rename).parked, 1);
  EXPECT_EQ(getDeal(*b_, deal).error().code, ErrorCode::kNotFound);
  give(*b_, create);
  EXPECT_EQ(unwrap(getDeal(*b_, deal)).title, "Pilot 2");
  EXPECT_EQ(
      unwrap(b_->read([](Database& db) { return db.scalar("SELECT count(*) FROM parked_ops"); })),
      0);
}

// A log can name a record of another type where a parent belongs (an older or faulty client):
// the page still merges, and the child waits instead of breaking the device's foreign keys.
TEST_F(ReplicaTest, AParentOfTheWrongTypeParksTheChildAndThePageMerges) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot", .account = "Acme"}));
  const std::string m = unwrap(bookMeeting(
      *a_, {.deal = deal, .at = local("2026-12-01T10:00"), .tz = "Europe/Berlin", .place = "HQ"}));
  auto ops = take(*a_, "ana");
  RemoteOp stray;
  for (const RemoteOp& r : ops) {
    if (r.op.type == RecordType::kDeal && r.op.kind == OpKind::kCreate) stray = r;
  }
  ASSERT_EQ(stray.op.record_id, deal);
  const std::string account = unwrap(getDeal(*a_, deal)).account_id.value();
  std::string value = std::get<std::string>(stray.op.value);
  value.replace(value.find(account), account.size(), m);
  stray.op.value = Value(value);
  stray.op.record_id = "01a230d5-1280-7410-983d-d7153c78bf47";
  stray.version = ++version_;
  ops.push_back(stray);
  const auto stats = give(*b_, ops);
  EXPECT_EQ(stats.parked, 1);
  EXPECT_EQ(unwrap(getDeal(*b_, deal)).title, "Pilot");
  EXPECT_EQ(getDeal(*b_, stray.op.record_id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unwrap(Replica(*b_).cursor()), version_);
}

TEST_F(ReplicaTest, ReplayingAPageChangesNothing) {
  unwrap(addDeal(*a_, {.title = "Pilot"}));
  const auto ops = take(*a_, "ana");
  give(*b_, ops);
  const auto again = give(*b_, ops);
  EXPECT_EQ(again.applied, 0);
  EXPECT_EQ(again.conflicts, 0);
  EXPECT_EQ(unwrap(b_->read([](Database& db) { return db.scalar("SELECT count(*) FROM deals"); })),
            1);
}

// A page is merged with its records read first and their clocks written at its end: a record
// written several times in one page, a create and its delete, a conflict found and settled in the
// same page must leave what merging the operations one page each leaves.
TEST_F(ReplicaTest, OnePageMergesAsItsOperationsOneByOne) {
  std::unique_ptr<Store> c = unwrap(Store::open({dir_.file("c.db"), true, clock_.wall()}));
  std::unique_ptr<Store> d = unwrap(Store::open({dir_.file("d.db"), true, clock_.wall()}));
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot", .account = "Acme"}));
  const std::string kept = unwrap(addDeal(*a_, {.title = "Renewal", .account = "Acme"}));
  const auto created = take(*a_, "ana");
  for (Store* s : {b_.get(), c.get(), d.get()}) give(*s, created);

  // Ana and Dan edit the same stage concurrently; Ana then sees Dan's and edits it again (which
  // settles the conflict the two made), renames twice, creates and deletes a deal, and deletes
  // the one Dan renames meanwhile.
  unwrap(changeDeal(*a_, deal, {.stage = "proposal"}));
  unwrap(changeDeal(*a_, kept, {.stage = "proposal"}));
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*d, deal, {.stage = "negotiation"}));
  unwrap(changeDeal(*d, kept, {.stage = "negotiation"}));
  std::vector<RemoteOp> page = take(*a_, "ana");
  const auto fromDan = take(*d, "dan");
  page.insert(page.end(), fromDan.begin(), fromDan.end());
  give(*a_, fromDan);
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*a_, deal, {.stage = "qualified"}));
  unwrap(changeDeal(*a_, kept, {.title = "Renewal 2"}));
  unwrap(changeDeal(*a_, kept, {.title = "Renewal 3"}));
  const std::string brief = unwrap(addDeal(*a_, {.title = "Brief", .account = "Acme"}));
  unwrap(deleteRecord(*a_, RecordType::kDeal, brief));
  unwrap(deleteRecord(*a_, RecordType::kDeal, deal));
  clock_.advance(std::chrono::seconds(1));
  unwrap(changeDeal(*d, deal, {.title = "Pilot, renamed offline"}));
  for (auto* more : {a_.get(), d.get()}) {
    const auto ops = take(*more, more == d.get() ? "dan" : "ana");
    page.insert(page.end(), ops.begin(), ops.end());
  }

  const auto together = give(*b_, page);
  sync::ApplyStats alone;
  for (const RemoteOp& r : page) {
    const auto one = give(*c, {r});
    alone.applied += one.applied;
    alone.ignored += one.ignored;
    alone.conflicts += one.conflicts;
  }
  EXPECT_EQ(together.applied, alone.applied);
  EXPECT_EQ(together.ignored, alone.ignored);
  EXPECT_EQ(together.conflicts, alone.conflicts);
  EXPECT_GE(together.conflicts, 3);
  auto rows = [](Store& s, const std::string& sql) {
    return unwrap(s.read([&](Database& db) {
      std::vector<std::string> out;
      auto q = db.prepare(sql);
      while (q->step()) {
        std::string row;
        for (int i = 0; i < q->columnCount(); ++i)
          row += (q->isNull(i) ? "null" : std::string(q->blob(i))) + "|";
        out.push_back(row);
      }
      return out;
    }));
  };
  for (const char* sql :
       {"SELECT * FROM deals ORDER BY id", "SELECT * FROM clocks",
        "SELECT * FROM conflicts ORDER BY id", "SELECT * FROM owner_totals ORDER BY okey",
        "SELECT * FROM account_owners ORDER BY okey, account_id",
        "SELECT rowid, * FROM name_index ORDER BY rowid"}) {
    EXPECT_EQ(rows(*b_, sql), rows(*c, sql)) << sql;
  }
  EXPECT_EQ(rows(*b_, "SELECT deleted FROM deals WHERE id = '" + brief + "'"),
            std::vector<std::string>{"1|"});
  EXPECT_EQ(rows(*b_, "SELECT count(*) FROM conflicts WHERE resolution IS NOT NULL"),
            std::vector<std::string>{"1|"})
      << "Ana's third stage settles the conflict of her first and Dan's";
  EXPECT_TRUE(c->checkIntegrity().ok());
}

// Search must find what a merged page renamed, re-staged, edited and created, and not what it
// replaced or deleted; the same page again changes nothing, and a local edit afterwards is found
// at once. The indexes must hold exactly what indexing the rows afresh would.
TEST_F(ReplicaTest, SearchFindsWhatARemotePageWroteAndNotWhatItReplaced) {
  const std::string deal =
      unwrap(addDeal(*a_, {.title = "Warehouse pilot", .account = "Fjord Logistics"}));
  const std::string dana =
      unwrap(addContact(*a_, {.name = "Dana Whitlock", .account = "Fjord Logistics"}));
  const std::string note = unwrap(addNote(*a_, {.deal = deal, .text = "Budget approved"}));
  const std::string account = unwrap(getDeal(*a_, deal)).account_id.value();
  ship(*a_, *b_);
  EXPECT_EQ(found(*b_, "warehouse"), std::vector<std::string>{"deal:Warehouse pilot"});
  EXPECT_EQ(found(*b_, "budget"), std::vector<std::string>{"note:Warehouse pilot"});

  unwrap(changeDeal(*a_, deal, {.title = "Harbour rollout"}));
  unwrap(changeDeal(*a_, deal, {.stage = "negotiation"}));
  unwrap(changeAccount(*a_, account, {.name = "Fjordline", .city = "Bergen"}));
  unwrap(deleteRecord(*a_, RecordType::kContact, dana));
  const std::string fresh = unwrap(addDeal(*a_, {.title = "Lighthouse renewal"}));
  unwrap(changeDeal(*a_, fresh, {.title = "Lighthouse expansion"}));
  std::vector<RemoteOp> page = take(*a_, "ana");
  // Notes are not edited on a device yet; a newer one's edit arrives as a set of the text.
  const Stamp created = unwrap(b_->read([&](Database& db) {
    auto s = db.prepare("SELECT created_stamp FROM notes WHERE id = ?1");
    s->bind(1, note);
    EXPECT_TRUE(s->step());
    return records::columnStamp(*s, 0);
  }));
  page.push_back({++version_,
                  Op{.type = RecordType::kNote,
                     .record_id = note,
                     .kind = OpKind::kSet,
                     .key = "text",
                     .value = Value("Timeline slipped to March"),
                     .stamp = Stamp{a_->clock().now(), 0x77},
                     .base = created},
                  "ana"});
  give(*b_, page);

  EXPECT_TRUE(found(*b_, "warehouse").empty());
  EXPECT_EQ(found(*b_, "harbour"), std::vector<std::string>{"deal:Harbour rollout"});
  EXPECT_EQ(found(*b_, "negotiation"), std::vector<std::string>{"deal:Harbour rollout"});
  EXPECT_EQ(found(*b_, "bergen"), std::vector<std::string>{"account:Fjordline"});
  EXPECT_TRUE(found(*b_, "logistics").empty());
  EXPECT_TRUE(found(*b_, "dana").empty());
  EXPECT_EQ(found(*b_, "lighthouse"), std::vector<std::string>{"deal:Lighthouse expansion"});
  EXPECT_TRUE(found(*b_, "renewal").empty());
  EXPECT_TRUE(found(*b_, "budget").empty());
  EXPECT_EQ(found(*b_, "timeline"), std::vector<std::string>{"note:Harbour rollout"});
  EXPECT_EQ(indexedTerms(*b_), termsOfTheRows(*b_));

  // The same page again writes nothing; a local edit is indexed before its write returns.
  EXPECT_EQ(give(*b_, page).applied, 0);
  EXPECT_EQ(indexedTerms(*b_), termsOfTheRows(*b_));
  unwrap(changeDeal(*b_, deal, {.title = "Quayside expansion"}));
  EXPECT_TRUE(found(*b_, "harbour").empty());
  EXPECT_EQ(found(*b_, "quayside"), std::vector<std::string>{"deal:Quayside expansion"});
  EXPECT_EQ(indexedTerms(*b_), termsOfTheRows(*b_));
}

TEST_F(ReplicaTest, RejectedChangesAreKeptAsideNotDropped) {
  unwrap(addDeal(*a_, {.title = "Pilot"}));
  Replica r(*a_);
  const auto ops = unwrap(r.outbox().next(10));
  unwrap(r.outbox().acknowledge(ops.back().seq, {{ops.back().seq, "clock ahead of the server"}}));
  EXPECT_EQ(unwrap(a_->pendingChanges()), 0);
  EXPECT_EQ(
      unwrap(a_->read([](Database& db) { return db.scalar("SELECT count(*) FROM rejected_ops"); })),
      1);
}

TEST_F(ReplicaTest, ADeviceWithAWrongDateFollowsTheServerAndRestampsItsChanges) {
  const std::int64_t server = clock_.now().time_since_epoch().count() * 1000;
  clock_.advance(std::chrono::hours(24 * 365));  // the phone thinks it is next year
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot"}));
  unwrap(changeDeal(*a_, deal, {.stage = "proposal"}));
  Replica r(*a_);
  EXPECT_EQ(unwrap(r.outbox().boundClock(server, 60'000)), 2);
  const auto ops = unwrap(r.outbox().next(10));
  ASSERT_EQ(ops.size(), 2u);
  for (const Op& op : ops) EXPECT_LE(op.stamp.millis(), server + 60'000);
  EXPECT_EQ(ops[1].base, ops[0].stamp) << "the chain of bases is rewritten too";
  EXPECT_LE(Stamp{a_->clock().now()}.millis(), server + 60'000);
  // Still the same record, still consistent after shipping.
  ship(*a_, *b_);
  EXPECT_EQ(unwrap(getDeal(*b_, deal)).stage, "proposal");
}

// Found by fuzzing (fuzz/corpus/remote_merge/unknown-field): a set of a field this version's
// catalog does not have (a newer device's, through a newer server) dereferenced a null field spec.
// The page now fails as a value and nothing of it is merged.
TEST_F(ReplicaTest, AnOperationThisVersionCannotReadFailsThePageInsteadOfCrashing) {
  const std::string deal = unwrap(addDeal(*a_, {.title = "Pilot", .account = "Acme"}));
  ship(*a_, *b_);
  const std::uint64_t cursor = unwrap(Replica(*b_).cursor());
  const Stamp stamp{packHlc(toUnix(at("2026-11-26T09:30:00Z")) * 1000, 0), 0x77};

  Op field{.type = RecordType::kDeal,
           .record_id = deal,
           .kind = OpKind::kSet,
           .key = "renewal_date",
           .value = Value("2027-01-01"),
           .stamp = stamp};
  Op type = field;
  type.type = static_cast<RecordType>(99);
  type.key = "title";
  for (const Op& op : {field, type}) {
    auto applied = Replica(*b_).apply({{version_ + 1, op, "ana@team.example"}}, version_ + 1);
    ASSERT_FALSE(applied.ok());
    EXPECT_EQ(applied.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(applied.error().message.find("update NextStep"), std::string::npos)
        << applied.error().message;
  }
  EXPECT_EQ(unwrap(Replica(*b_).cursor()), cursor);
  EXPECT_EQ(unwrap(dealView(*b_, deal)).deal.title, "Pilot");
}

}  // namespace
}  // namespace nextstep::testing
