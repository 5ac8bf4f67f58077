// The merge rules over an in-memory state: what a rep sees kept and what the archive lists. The
// same rules run over the device's rows (replica_test) and the server's registers (merge_test).
#include "nextstep/sync/merge/merger.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "stamp_shorthand.h"

namespace nextstep::sync {
namespace {

// Plain fields only, each its own register; "deleted" is 0 or 1.
class FakeState : public MergeState {
 public:
  struct Held {
    RegisterClock clock;
    Value value;
    std::string author;
  };

  std::set<std::string> records;
  std::map<std::pair<std::string, std::string>, Held> registers;
  std::map<std::string, HeldMember> members;
  std::vector<Conflict> conflicts;

  Value shown(const std::string& id, const std::string& key) const {
    auto it = registers.find({id, key});
    return it == registers.end() ? Value() : it->second.value;
  }

  bool exists(const RecordSpec&, std::string_view id) override {
    return records.count(std::string(id)) > 0;
  }
  void insert(const RecordSpec&, std::string_view id, const Fields& fields,
              const IncomingWrite& w) override {
    records.insert(std::string(id));
    registers[{std::string(id), "deleted"}] = {{w.stamp, {}}, Value(std::int64_t{0}), ""};
    for (const FieldValue& f : fields) {
      registers[{std::string(id), std::string(f.name)}] = {
          {w.stamp, {}}, f.value, std::string(w.author)};
    }
  }
  std::optional<RegisterClock> clock(const RegisterRef& ref) override {
    auto it = registers.find({std::string(ref.record_id), std::string(ref.key)});
    if (it == registers.end()) return std::nullopt;
    return it->second.clock;
  }
  Value value(const RegisterRef& ref) override {
    return shown(std::string(ref.record_id), std::string(ref.key));
  }
  Value valueOf(const RegisterRef&, const Fields& fields) override {
    return fields.empty() ? Value() : fields[0].value;
  }
  std::string writer(const RegisterRef& ref, const Stamp&) override {
    return registers[{std::string(ref.record_id), std::string(ref.key)}].author;
  }
  void write(const RegisterRef& ref, const Fields&, const Value& value,
             const IncomingWrite& w) override {
    registers[{std::string(ref.record_id), std::string(ref.key)}] = {
        {w.stamp, w.base}, value, std::string(w.author)};
  }
  void archive(const Conflict& c) override { conflicts.push_back(c); }
  std::optional<RegisterClock> deletion(const RecordSpec&, std::string_view id) override {
    const Held& d = registers[{std::string(id), "deleted"}];
    if (d.value != Value(std::int64_t{1})) return std::nullopt;
    return d.clock;
  }
  std::vector<std::pair<std::string, Stamp>> keysWrittenAfter(const RecordSpec&,
                                                              std::string_view id,
                                                              const Stamp& deleted) override {
    std::vector<std::pair<std::string, Stamp>> out;
    for (const auto& [key, held] : registers) {
      if (key.first != id || key.second == "deleted") continue;
      const Stamp st = held.clock.stamp;
      if (st > deleted && st.device != deleted.device) out.emplace_back(key.second, st);
    }
    return out;
  }
  HeldMember member(const MemberRef& ref, const Stamp&) override {
    auto it = members.find(std::string(ref.member));
    return it == members.end() ? HeldMember{} : it->second;
  }
  void writeMember(const MemberRef& ref, const HeldMember& held) override {
    members[std::string(ref.member)] = held;
  }
};

Op op(RecordType type, OpKind kind, std::string key, Value value, Stamp stamp, Stamp base = {}) {
  Op o;
  o.type = type;
  o.record_id = "d1";
  o.kind = kind;
  o.key = std::move(key);
  o.value = std::move(value);
  o.stamp = stamp;
  o.base = base;
  return o;
}

Op set(std::string key, std::string value, Stamp stamp, Stamp base) {
  return op(RecordType::kDeal, OpKind::kSet, std::move(key), Value(std::move(value)), stamp, base);
}

class MergerTest : public ::testing::Test {
 protected:
  void merge(const Op& o, std::string_view author) {
    const RecordSpec& spec = specOf(o.type);
    merger.merge(spec, o, Merger::writtenFields(spec, o), author);
  }
  void createDeal(Stamp stamp, std::string title, std::string stage, std::string_view author) {
    merge(op(RecordType::kDeal, OpKind::kCreate, "",
             Value(encodeFields(specOf(RecordType::kDeal),
                                {{"title", Value(std::move(title))}, {"stage", Value(stage)}})),
             stamp),
          author);
  }

  FakeState state;
  Merger merger{state};
};

TEST_F(MergerTest, ACreateOfANewRecordShowsItsFields) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  EXPECT_EQ(state.shown("d1", "title"), Value("Pilot"));
  EXPECT_TRUE(state.conflicts.empty());
}

TEST_F(MergerTest, TheSameIdCreatedTwiceKeepsTheNewerFieldAndArchivesTheOther) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  createDeal(s(20, 2), "Pilot", "propose", "ben");
  EXPECT_EQ(state.shown("d1", "stage"), Value("propose"));
  ASSERT_EQ(state.conflicts.size(), 1u);  // the equal titles are no conflict
  EXPECT_EQ(state.conflicts[0].key, "stage");
  EXPECT_EQ(state.conflicts[0].lost_value, Value("qualify"));
  EXPECT_EQ(state.conflicts[0].lost_author, "ana");
}

TEST_F(MergerTest, AnEditThatSawTheCurrentValueReplacesItQuietly) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  merge(set("stage", "propose", s(20, 2), s(10)), "ben");
  EXPECT_EQ(state.shown("d1", "stage"), Value("propose"));
  EXPECT_TRUE(state.conflicts.empty());
}

TEST_F(MergerTest, ConcurrentEditsKeepTheNewerInEitherOrderAndArchiveTheOlder) {
  for (bool newer_first : {false, true}) {
    FakeState fresh;
    Merger m(fresh);
    const RecordSpec& deal = specOf(RecordType::kDeal);
    const Op create = op(RecordType::kDeal, OpKind::kCreate, "",
                         Value(encodeFields(deal, {{"stage", Value("qualify")}})), s(10));
    const Op older = set("stage", "propose", s(20, 1), s(10));
    const Op newer = set("stage", "won", s(30, 2), s(10));
    m.merge(deal, create, Merger::writtenFields(deal, create), "ana");
    for (const Op* o : newer_first ? std::vector{&newer, &older} : std::vector{&older, &newer}) {
      m.merge(deal, *o, Merger::writtenFields(deal, *o), o == &newer ? "ben" : "ana");
    }
    EXPECT_EQ(fresh.shown("d1", "stage"), Value("won"));
    ASSERT_EQ(fresh.conflicts.size(), 1u);
    EXPECT_EQ(fresh.conflicts[0].kind, ConflictKind::kOverwritten);
    EXPECT_EQ(fresh.conflicts[0].kept_value, Value("won"));
    EXPECT_EQ(fresh.conflicts[0].kept_author, "ben");
    EXPECT_EQ(fresh.conflicts[0].lost_value, Value("propose"));
    EXPECT_EQ(fresh.conflicts[0].lost_author, "ana");
  }
}

TEST_F(MergerTest, TheSameEditTwiceChangesNothing) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  merge(set("stage", "propose", s(20, 2), s(10)), "ben");
  merge(set("stage", "propose", s(20, 2), s(10)), "ben");
  EXPECT_EQ(merger.counts.applied, 2);
  EXPECT_EQ(merger.counts.ignored, 1);
  EXPECT_TRUE(state.conflicts.empty());
}

TEST_F(MergerTest, ConcurrentEditsToTheSameValueAreNoConflict) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  merge(set("stage", "won", s(20, 1), s(10)), "ana");
  merge(set("stage", "won", s(30, 2), s(10)), "ben");
  EXPECT_TRUE(state.conflicts.empty());
}

TEST_F(MergerTest, AnEditAfterADeleteItDidNotSeeIsListedAgainstTheDelete) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  merge(op(RecordType::kDeal, OpKind::kDelete, "deleted", Value(), s(20, 1), s(10)), "ana");
  merge(set("stage", "won", s(30, 2), s(10)), "ben");
  EXPECT_EQ(state.shown("d1", "deleted"), Value(std::int64_t{1}));  // the delete still hides it
  ASSERT_EQ(state.conflicts.size(), 1u);
  EXPECT_EQ(state.conflicts[0].kind, ConflictKind::kEditedWhileDeleted);
  EXPECT_EQ(state.conflicts[0].kept_value, Value("deleted"));
  EXPECT_EQ(state.conflicts[0].kept_author, "ana");
  EXPECT_EQ(state.conflicts[0].lost_value, Value("won"));
}

TEST_F(MergerTest, ADeleteArrivingAfterNewerEditsListsThem) {
  createDeal(s(10), "Pilot", "qualify", "ana");
  merge(set("stage", "won", s(30, 2), s(10)), "ben");
  merge(op(RecordType::kDeal, OpKind::kDelete, "deleted", Value(), s(20, 1), s(10)), "ana");
  EXPECT_EQ(state.shown("d1", "deleted"), Value(std::int64_t{1}));
  ASSERT_EQ(state.conflicts.size(), 1u);
  EXPECT_EQ(state.conflicts[0].kind, ConflictKind::kEditedWhileDeleted);
  EXPECT_EQ(state.conflicts[0].key, "stage");
  EXPECT_EQ(state.conflicts[0].lost_value, Value("won"));
  EXPECT_EQ(state.conflicts[0].lost_author, "ben");
}

TEST_F(MergerTest, ARemoveThatDidNotSeeTheNewestAddLeavesTheMemberAndSaysSo) {
  const auto member = [&](OpKind kind, Stamp stamp, Stamp base, std::string_view author) {
    merge(op(RecordType::kMeeting, kind, "attendees", Value("c1"), stamp, base), author);
  };
  member(OpKind::kAdd, s(10, 1), {}, "ana");
  member(OpKind::kAdd, s(20, 2), {}, "ben");
  member(OpKind::kRemove, s(30, 1), s(10, 1), "ana");  // ana had seen only her own add
  EXPECT_TRUE(state.members["c1"].clock.present());
  ASSERT_EQ(state.conflicts.size(), 1u);
  EXPECT_EQ(state.conflicts[0].kind, ConflictKind::kRemovedWhileAdded);
  EXPECT_EQ(state.conflicts[0].kept_author, "ben");
  EXPECT_EQ(state.conflicts[0].lost_value, Value("removed c1"));

  member(OpKind::kRemove, s(40, 2), s(20, 2), "ben");  // saw both adds
  EXPECT_FALSE(state.members["c1"].clock.present());
  EXPECT_EQ(state.conflicts.size(), 1u);
}

}  // namespace
}  // namespace nextstep::sync
