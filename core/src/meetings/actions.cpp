#include "nextstep/meetings/actions.h"

#include "nextstep/meetings/action_classifier.h"
#include "nextstep/model/ids.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {

std::string addActionIn(Mutation& m, Instant now, const NewAction& a) {
  if (a.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fail(ErrorCode::kInvalidArgument, "an action item needs a text: who does what");
  }
  const std::string dealId = resolveId(m.db(), RecordType::kDeal, a.deal);
  Value meeting;
  if (a.meeting) meeting = Value(resolveId(m.db(), RecordType::kMeeting, *a.meeting));
  const ActionKind kind = a.kind ? *a.kind : classifyAction(a.owner, a.text).kind;
  const std::string id = newRecordId(toUnix(now) * 1000);
  m.create(RecordType::kAction, id,
           {{"deal_id", Value(dealId)},
            {"meeting_id", meeting},
            {"owner", Value(std::string(nameOf(a.owner)))},
            {"text", Value(a.text)},
            {"due", a.due ? Value(a.due->iso()) : Value()},
            {"done", toValue(false)},
            {"kind", Value(std::string(nameOf(kind)))},
            {"kind_overridden", toValue(a.kind.has_value())},
            {"created_at", Value(toUnix(now))}});
  return id;
}

Result<std::string> addAction(Store& store, const NewAction& action) {
  return store.write([&](Mutation& m) { return addActionIn(m, store.now(), action); });
}

Result<void> setActionDone(Store& store, std::string_view action, bool done) {
  return store.write([&](Mutation& m) {
    m.update(RecordType::kAction, resolveId(m.db(), RecordType::kAction, action),
             {{"done", toValue(done)}});
  });
}

Result<void> reclassifyAction(Store& store, std::string_view action, ActionKind kind) {
  return store.write([&](Mutation& m) {
    m.update(RecordType::kAction, resolveId(m.db(), RecordType::kAction, action),
             {{"kind", Value(std::string(nameOf(kind)))}, {"kind_overridden", toValue(true)}});
  });
}

Result<ActionItem> getAction(Store& store, std::string_view action) {
  return store.read([&](Database& db) {
    auto s = db.prepare("SELECT " + actionColumns("a") + " FROM actions a WHERE a.id = ?1");
    s->bind(1, resolveId(db, RecordType::kAction, action));
    s->step();
    return readAction(*s);
  });
}

}  // namespace nextstep
