#include "nextstep/sync/set_aside.h"

#include "log_cursor.h"
#include "nextstep/storage/record_rows.h"
#include "record_titles.h"

namespace nextstep::sync {
namespace {

Op readSetAside(Database& db, std::int64_t id) {
  auto s = db.prepare(
      "SELECT type, record_id, kind, key, value, stamp, base FROM rejected_ops WHERE seq = ?1");
  s->bind(1, id);
  if (!s->step()) fail(ErrorCode::kNotFound, "no set-aside change " + std::to_string(id));
  Op op = records::columnOp(*s, 0);
  op.seq = id;
  return op;
}

void forget(Database& db, std::int64_t id) {
  auto s = db.prepare("DELETE FROM rejected_ops WHERE seq = ?1");
  s->bind(1, id);
  s->run();
}

// Undoes a set-aside change's effect on this device where nothing newer covers it: the record
// then takes the team's value when the log is read again.
void undoLocally(Database& db, const Op& op) {
  const RecordSpec& spec = specOf(op.type);
  switch (op.kind) {
    case OpKind::kCreate: {
      // The team never had the record: it goes from this device too.
      auto s = db.prepare("SELECT 1 FROM " + std::string(spec.table) +
                          " WHERE id = ?1 AND created_stamp = ?2");
      s->bind(1, op.record_id);
      records::bindStamp(*s, 2, op.stamp);
      if (s->step()) records::setDeleted(db, spec, op.record_id, true);
      return;
    }
    case OpKind::kSet:
    case OpKind::kDelete:
    case OpKind::kRestore: {
      const auto clock = records::clockOf(db, spec, op.record_id, op.key);
      if (clock && clock->stamp == op.stamp) {
        records::setClock(db, spec, op.record_id, op.key, records::kForgottenStamp, Stamp{});
      }
      return;
    }
    case OpKind::kAdd:
    case OpKind::kRemove: {
      if (spec.set_table.empty() || !std::holds_alternative<std::string>(op.value)) return;
      const std::string& member_id = std::get<std::string>(op.value);
      auto m = records::member(db, spec, op.record_id, member_id);
      if (!m) return;
      if (op.kind == OpKind::kAdd && m->add_stamp == op.stamp) {
        auto s = db.prepare("DELETE FROM " + std::string(spec.set_table) +
                            " WHERE meeting_id = ?1 AND contact_id = ?2");
        s->bindAll(op.record_id, member_id);
        s->run();
      } else if (op.kind == OpKind::kRemove && m->removed_upto == op.base) {
        m->removed_upto = Stamp{};
        records::putMember(db, spec, op.record_id, member_id, *m);
      }
      return;
    }
  }
}

}  // namespace

Result<std::vector<SetAsideChange>> SetAsideChanges::list(int limit) {
  return store_.read([&](Database& db) {
    auto s = db.prepare(
        "SELECT r.seq, r.type, r.record_id, r.kind, r.key, r.value, r.reason, r.rejected_at, " +
        recordTitleSql("r.record_id") +
        " FROM rejected_ops r ORDER BY r.rejected_at DESC, r.seq DESC LIMIT ?1");
    s->bind(1, limit);
    std::vector<SetAsideChange> out;
    while (s->step()) {
      SetAsideChange c;
      c.id = s->integer(0);
      c.type = static_cast<RecordType>(s->integer(1));
      c.record_id = s->text(2);
      c.kind = static_cast<OpKind>(s->integer(3));
      c.key = s->text(4);
      c.value = s->value(5);
      c.reason = s->text(6);
      c.set_aside_at = instantFromUnix(s->integer(7));
      c.record_title = s->text(8);
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<std::int64_t> SetAsideChanges::count() {
  return store_.read([](Database& db) { return db.scalar("SELECT count(*) FROM rejected_ops"); });
}

Result<void> SetAsideChanges::resend(std::int64_t id) {
  return store_.write([&](Mutation& m) {
    const Op op = readSetAside(m.db(), id);
    m.resend(op);
    forget(m.db(), id);
  });
}

Result<void> SetAsideChanges::drop(std::int64_t id) {
  return store_.write([&](Mutation& m) {
    Database& db = m.db();
    undoLocally(db, readSetAside(db, id));
    forget(db, id);
    // Read the team's log from its start at the next sync: every key left behind by the undo
    // takes the team's value again; the rest is already here and is skipped.
    log_cursor::move(db, 0);
  });
}

}  // namespace nextstep::sync
