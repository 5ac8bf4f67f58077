#include "nextstep/follow_up/notes_touches.h"

#include "nextstep/model/ids.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {

Result<std::string> addNote(Store& store, const NewNote& n) {
  const Instant now = store.now();
  return store.write([&](Mutation& m) {
    if (n.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      fail(ErrorCode::kInvalidArgument, "a note needs some text");
    }
    if (!n.deal && !n.account && !n.contact) {
      fail(ErrorCode::kInvalidArgument, "a note belongs to a deal, an account or a contact");
    }
    Database& db = m.db();
    const std::string id = newRecordId(toUnix(now) * 1000);
    m.create(RecordType::kNote, id,
             {{"deal_id", n.deal ? Value(resolveId(db, RecordType::kDeal, *n.deal)) : Value()},
              {"account_id",
               n.account ? Value(resolveId(db, RecordType::kAccount, *n.account)) : Value()},
              {"contact_id",
               n.contact ? Value(resolveId(db, RecordType::kContact, *n.contact)) : Value()},
              {"text", Value(n.text)},
              {"author", Value(n.author)},
              {"created_at", Value(toUnix(now))}});
    return id;
  });
}

std::string logTouchIn(Mutation& m, Instant now, const NewTouch& t) {
  Database& db = m.db();
  Value deal, contact;
  std::optional<std::string> account;
  if (t.account) account = resolveId(db, RecordType::kAccount, *t.account);
  if (t.deal) {
    const std::string id = resolveId(db, RecordType::kDeal, *t.deal);
    deal = Value(id);
    auto s = db.prepare("SELECT account_id FROM deals WHERE id = ?1");
    s->bind(1, id);
    if (s->step() && !s->isNull(0) && !account) account = s->text(0);
  }
  if (t.contact) {
    const std::string id = resolveId(db, RecordType::kContact, *t.contact);
    contact = Value(id);
    auto s = db.prepare("SELECT account_id FROM contacts WHERE id = ?1");
    s->bind(1, id);
    if (s->step() && !s->isNull(0) && !account) account = s->text(0);
  }
  if (!account) {
    fail(ErrorCode::kInvalidArgument,
         "a touch needs a customer: an account, or a deal or contact with one");
  }
  const Instant at = t.at.value_or(now);
  if (at > now + std::chrono::hours(1)) {
    fail(ErrorCode::kInvalidArgument,
         "a touch is something that happened; that time is in the future");
  }
  const std::string id = newRecordId(toUnix(now) * 1000);
  m.create(RecordType::kTouch, id,
           {{"account_id", Value(*account)},
            {"contact_id", contact},
            {"deal_id", deal},
            {"kind", Value(std::string(nameOf(t.kind)))},
            {"at", Value(toUnix(at))},
            {"note", Value(t.note)}});
  return id;
}

Result<std::string> logTouch(Store& store, const NewTouch& touch) {
  return store.write([&](Mutation& m) { return logTouchIn(m, store.now(), touch); });
}

}  // namespace nextstep
