#include "nextstep/storage/mutation.h"

#include <map>
#include <nlohmann/json.hpp>

#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/events.h"
#include "nextstep/model/ids.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/storage/record_rows.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

struct OutboxRow {
  std::int64_t seq;
  RecordType type;
  std::string record_id;
  OpKind kind;
  std::string key;
  Value value;
  Stamp stamp;
  Stamp base;
};

class MutationTest : public StoreTest {
 protected:
  std::vector<OutboxRow> outbox() {
    return unwrap(store_->read([](Database& db) {
      std::vector<OutboxRow> out;
      auto s = db.prepare(
          "SELECT seq, type, record_id, kind, key, value, stamp, base FROM outbox ORDER BY seq");
      while (s->step()) {
        out.push_back({s->integer(0), static_cast<RecordType>(s->integer(1)), s->text(2),
                       static_cast<OpKind>(s->integer(3)), s->text(4), s->value(5),
                       records::columnStamp(*s, 6), records::columnStamp(*s, 7)});
      }
      return out;
    }));
  }

  // Parents for every kind of reference, so foreign keys hold.
  std::map<std::string, std::string> parents() {
    std::map<std::string, std::string> refs;
    refs["account_id"] = unwrap(addAccount(*store_, {.name = "Acme"}));
    refs["contact_id"] =
        unwrap(addContact(*store_, {.name = "Dana", .account = refs["account_id"]}));
    refs["deal_id"] = unwrap(addDeal(*store_, {.title = "Pilot", .account = refs["account_id"]}));
    refs["event_id"] =
        unwrap(addEvent(*store_, {EventKind::kDemo, "Demo day", local("2026-11-20T10:00"),
                                  "Europe/Berlin", "Hall"}));
    refs["meeting_id"] = unwrap(bookMeeting(
        *store_,
        {.deal = refs["deal_id"], .at = local("2026-12-01T10:00"), .tz = "Europe/Berlin"}));
    return refs;
  }

  static Value sample(const FieldSpec& f, std::map<std::string, std::string>& refs, int variant) {
    switch (f.type) {
      case FieldType::kText:
        return Value("v" + std::to_string(variant) + "-" + std::string(f.name));
      case FieldType::kInt:
        return Value(std::int64_t{10 + variant});
      case FieldType::kBool:
        return Value(std::int64_t{variant % 2});
      case FieldType::kInstant:
        return Value(std::int64_t{1'790'000'000 + variant * 60});
      case FieldType::kDate:
        return Value(std::string(variant == 0 ? "2026-12-01" : "2027-01-15"));
      case FieldType::kRef:
        return Value(refs.at(std::string(f.name)));
      case FieldType::kJson:
        return Value(std::string(variant == 0 ? "[\"a\",\"b\"]" : "[\"c\"]"));
    }
    return Value();
  }
};

// The sync issue ships these ops: every field of every record type must be in them.
TEST_F(MutationTest, CreatingAnyRecordLogsEveryFieldInOneOp) {
  auto refs = parents();
  for (const RecordSpec& spec : allRecordSpecs()) {
    Fields fields;
    for (const FieldSpec& f : spec.fields) fields.push_back({f.name, sample(f, refs, 0)});
    const std::string id = spec.type == RecordType::kSettings ? "team" : newRecordId();
    const auto before = outbox().size();
    unwrap(store_->write([&](Mutation& m) { m.create(spec.type, id, fields); }));
    const auto ops = outbox();
    ASSERT_EQ(ops.size(), before + 1) << spec.name;
    const OutboxRow& op = ops.back();
    EXPECT_EQ(op.kind, OpKind::kCreate);
    EXPECT_EQ(op.type, spec.type);
    EXPECT_EQ(op.record_id, id);
    EXPECT_EQ(op.stamp.device, store_->deviceId());
    EXPECT_TRUE(op.base.isZero());
    const Fields logged = decodeFields(spec, std::get<std::string>(op.value));
    ASSERT_EQ(logged.size(), spec.fields.size()) << spec.name;
    for (const FieldValue& f : logged) {
      const Value inRow = unwrap(
          store_->read([&](Database& db) { return records::fieldValue(db, spec, id, f.name); }));
      EXPECT_EQ(f.value, inRow) << spec.name << "." << f.name;
    }
  }
}

TEST_F(MutationTest, ChangingAnyFieldLogsItWithTheStampItReplaced) {
  auto refs = parents();
  for (const RecordSpec& spec : allRecordSpecs()) {
    if (spec.insert_only) continue;
    Fields fields;
    for (const FieldSpec& f : spec.fields) fields.push_back({f.name, sample(f, refs, 0)});
    const std::string id = spec.type == RecordType::kSettings ? "team" : newRecordId();
    unwrap(store_->write([&](Mutation& m) { m.create(spec.type, id, fields); }));
    const Stamp created = outbox().back().stamp;
    for (const FieldSpec& f : spec.fields) {
      if (f.type == FieldType::kRef) continue;  // the only parent of its kind
      const Value next = sample(f, refs, 1);
      unwrap(store_->write([&](Mutation& m) {
        EXPECT_EQ(m.update(spec.type, id, {{f.name, next}}), 1);
      }));
      const OutboxRow op = outbox().back();
      EXPECT_EQ(op.kind, OpKind::kSet) << spec.name << "." << f.name;
      EXPECT_EQ(op.key, f.clockKey());
      EXPECT_GT(op.stamp, created);
      if (spec.isRegister(f.clockKey())) {
        // The whole register travels, so time and place can never come from different writes.
        const Fields reg = decodeFields(spec, std::get<std::string>(op.value));
        EXPECT_EQ(reg.size(), 4u);
      } else {
        EXPECT_EQ(op.value, next) << spec.name << "." << f.name;
        EXPECT_EQ(op.base, created) << "the first change replaces the created value";
      }
    }
  }
}

TEST_F(MutationTest, TextThatLooksLikeANumberShipsAsText) {
  const std::string deal = unwrap(addDeal(*store_, {.title = "Q1"}));
  unwrap(changeDeal(*store_, deal, {.title = "0123"}));
  unwrap(changeDeal(*store_, deal, {.title = "12e5"}));
  const auto ops = outbox();
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[1].value, Value("0123"));
  EXPECT_EQ(ops[2].value, Value("12e5"));
}

TEST_F(MutationTest, SuccessiveChangesChainTheirBases) {
  const std::string deal = unwrap(addDeal(*store_, {.title = "One"}));
  unwrap(changeDeal(*store_, deal, {.title = "Two"}));
  unwrap(changeDeal(*store_, deal, {.title = "Three"}));
  const auto ops = outbox();
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[2].base, ops[1].stamp);
  EXPECT_EQ(ops[1].base, ops[0].stamp);
  EXPECT_LT(ops[1].seq, ops[2].seq);
}

TEST_F(MutationTest, WritingTheSameValueLogsNothing) {
  const std::string deal = unwrap(addDeal(*store_, {.title = "Same"}));
  const auto before = outboxCount();
  unwrap(store_->write([&](Mutation& m) {
    EXPECT_EQ(m.update(RecordType::kDeal, deal, {{"title", Value("Same")}}), 0);
  }));
  EXPECT_EQ(outboxCount(), before);
}

TEST_F(MutationTest, AFailedWriteLeavesNeitherRowsNorOps) {
  const auto before = outboxCount();
  auto r = store_->write([&](Mutation& m) {
    m.create(RecordType::kAccount, newRecordId(),
             {{"name", Value("Half")}, {"created_at", Value(std::int64_t{1})}});
    m.update(RecordType::kDeal, "no-such-deal", {{"title", Value("x")}});
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(outboxCount(), before);
  EXPECT_EQ(scalar("SELECT count(*) FROM accounts"), 0);
}

TEST_F(MutationTest, DeleteIsATombstoneAndRestoreLiftsIt) {
  const std::string deal = unwrap(addDeal(*store_, {.title = "Gone"}));
  unwrap(deleteRecord(*store_, RecordType::kDeal, deal));
  EXPECT_EQ(scalar("SELECT deleted FROM deals"), 1);
  EXPECT_FALSE(getDeal(*store_, deal).ok());
  auto edit = changeDeal(*store_, deal, {.title = "Edited"});
  EXPECT_EQ(edit.error().code, ErrorCode::kNotFound);
  unwrap(restoreRecord(*store_, RecordType::kDeal, deal));
  EXPECT_EQ(unwrap(getDeal(*store_, deal)).title, "Gone");
  const auto ops = outbox();
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[1].kind, OpKind::kDelete);
  EXPECT_EQ(ops[2].kind, OpKind::kRestore);
  EXPECT_EQ(ops[2].base, ops[1].stamp);
}

TEST_F(MutationTest, AttendeesAreAnAddWinsSetInTheLog) {
  auto refs = parents();
  const std::string meeting = refs["meeting_id"], contact = refs["contact_id"];
  unwrap(addAttendee(*store_, meeting, contact));
  unwrap(addAttendee(*store_, meeting, contact));  // already there: nothing new
  unwrap(removeAttendee(*store_, meeting, contact));
  const auto ops = outbox();
  const OutboxRow& add = ops[ops.size() - 2];
  const OutboxRow& remove = ops.back();
  EXPECT_EQ(add.kind, OpKind::kAdd);
  EXPECT_EQ(add.key, "attendees");
  EXPECT_EQ(add.value, Value(contact));
  EXPECT_EQ(remove.kind, OpKind::kRemove);
  EXPECT_EQ(remove.base, add.stamp) << "a remove names exactly the add it saw";
  EXPECT_TRUE(unwrap(getMeeting(*store_, meeting)).attendee_ids.empty());
  unwrap(addAttendee(*store_, meeting, contact));
  EXPECT_EQ(unwrap(getMeeting(*store_, meeting)).attendee_ids.size(), 1u);
}

TEST_F(MutationTest, NotesAreNeverChanged) {
  auto refs = parents();
  const std::string note = newRecordId();
  unwrap(store_->write([&](Mutation& m) {
    m.create(RecordType::kNote, note,
             {{"deal_id", Value(refs["deal_id"])},
              {"text", Value("Said yes")},
              {"created_at", Value(std::int64_t{1})}});
  }));
  auto edit = store_->write([&](Mutation& m) {
    m.update(RecordType::kNote, note, {{"text", Value("Said no")}});
  });
  EXPECT_EQ(edit.error().code, ErrorCode::kFailedPrecondition);
  auto del = store_->write([&](Mutation& m) { m.remove(RecordType::kNote, note); });
  EXPECT_EQ(del.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(MutationTest, ValuesOfTheWrongTypeAreRefused) {
  auto r = store_->write([&](Mutation& m) {
    m.create(RecordType::kAccount, newRecordId(),
             {{"name", Value(std::int64_t{5})}, {"created_at", Value(std::int64_t{1})}});
  });
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  auto missing = store_->write([&](Mutation& m) {
    m.create(RecordType::kAccount, newRecordId(), {{"city", Value("Oslo")}});
  });
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidArgument);
  auto unknown = store_->write([&](Mutation& m) {
    m.create(
        RecordType::kAccount, newRecordId(),
        {{"name", Value("A")}, {"created_at", Value(std::int64_t{1})}, {"colour", Value("red")}});
  });
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(outboxCount(), 0);
}

TEST_F(MutationTest, StampsKeepRisingAcrossReopenEvenIfTheWallClockGoesBack) {
  unwrap(addDeal(*store_, {.title = "Before"}));
  const Stamp first = outbox().back().stamp;
  const DeviceId device = store_->deviceId();
  clock_.advance(std::chrono::hours(-48));
  reopen();
  unwrap(addDeal(*store_, {.title = "After"}));
  EXPECT_GT(outbox().back().stamp, first);
  EXPECT_EQ(store_->deviceId(), device) << "a device keeps its id";
}

TEST_F(MutationTest, TheStoreCanBeUsedFromWorkerThreads) {
  std::vector<std::thread> workers;
  for (int t = 0; t < 4; ++t) {
    workers.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        EXPECT_TRUE(
            addDeal(*store_, {.title = "Deal " + std::to_string(t) + "-" + std::to_string(i)})
                .ok());
      }
    });
  }
  for (auto& w : workers) w.join();
  EXPECT_EQ(scalar("SELECT count(*) FROM deals"), 100);
  EXPECT_EQ(outboxCount(), 100);
  EXPECT_EQ(scalar("SELECT count(DISTINCT stamp) FROM outbox"), 100);
}

// The merge of remote writes reads records' clocks through recordStates; they must agree with
// the clocks the local write path keeps, before and after edits and a delete.
TEST_F(MutationTest, RecordStatesAgreeWithTheRecordsClocks) {
  const std::string deal = unwrap(addDeal(*store_, {.title = "Pilot"}));
  const RecordSpec& spec = specOf(RecordType::kDeal);
  auto check = [&](std::string_view key) {
    return unwrap(store_->read([&](Database& db) {
      const std::vector<std::string> ids{deal, "no-such-deal"};
      auto states = records::recordStates(db, spec, ids);
      EXPECT_EQ(states.size(), 2u);
      EXPECT_FALSE(states.at("no-such-deal").exists);
      const records::RecordState state = states.at(deal);
      EXPECT_TRUE(state.exists);
      const auto keyClock = records::clockOf(db, spec, deal, key);
      const auto deletedClock = records::clockOf(db, spec, deal, "deleted");
      EXPECT_EQ(records::clockOf(state, key).stamp, keyClock->stamp);
      EXPECT_EQ(records::clockOf(state, key).base, keyClock->base);
      EXPECT_EQ(records::clockOf(state, "deleted").stamp, deletedClock->stamp);
      EXPECT_EQ(state.is_deleted, records::isDeleted(db, spec, deal).value());
      return std::pair{records::clockOf(state, key), state};
    }));
  };
  const auto [fresh, fresh_state] = check("stage");
  EXPECT_EQ(fresh.stamp, fresh_state.created);  // the creation's stamp
  EXPECT_FALSE(fresh_state.is_deleted);

  ASSERT_TRUE(changeDeal(*store_, deal, {.stage = "proposal"}));
  const auto [staged, staged_state] = check("stage");
  EXPECT_GT(staged.stamp, fresh.stamp);

  ASSERT_TRUE(deleteRecord(*store_, RecordType::kDeal, deal));
  const auto [gone, gone_state] = check("deleted");
  EXPECT_TRUE(gone_state.is_deleted);
  EXPECT_GT(gone.stamp, staged.stamp);
  EXPECT_EQ(check("stage").first.stamp, staged.stamp);
}

}  // namespace
}  // namespace nextstep::testing
