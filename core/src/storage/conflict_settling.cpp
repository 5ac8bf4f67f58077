#include "storage/conflict_settling.h"

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/conflict_kind.h"

namespace nextstep::records {
namespace {

struct Open {
  std::string id;
  std::optional<ConflictKind> kind;
  std::string key;
  Value kept;
  Value lost;
};

void close(Database& db, const std::string& conflict_id, std::string_view resolution) {
  auto u = db.prepare("UPDATE conflicts SET resolution = ?2 WHERE id = ?1");
  u->bindAll(conflict_id, resolution);
  u->run();
}

}  // namespace

void settleConflicts(Database& db, const RecordSpec& spec, std::string_view id,
                     std::string_view key, const Stamp& stamp) {
  if (stamp == kForgottenStamp) return;  // a dropped local write: nothing newer was written
  std::vector<Open> open;
  {
    // Overwritten: a newer write to the same key. Edited while deleted: the record deleted or
    // restored again since the delete that was kept, or the field edited again since the edit
    // that lost.
    auto s = db.prepare(
        "SELECT id, kind, key, kept_value, lost_value FROM conflicts "
        "WHERE resolution IS NULL AND type = ?1 AND record_id = ?2 AND ("
        " (kind = ?5 AND key = ?3 AND kept_stamp < ?4) OR"
        " (kind = ?6 AND ((?3 = 'deleted' AND kept_stamp < ?4)"
        "                                      OR (key = ?3 AND lost_stamp < ?4))))");
    s->bindAll(static_cast<std::int64_t>(spec.type), id, key);
    bindStamp(*s, 4, stamp);
    s->bind(5, nameOf(ConflictKind::kOverwritten));
    s->bind(6, nameOf(ConflictKind::kEditedWhileDeleted));
    while (s->step()) {
      open.push_back(
          {s->text(0), parseEnum<ConflictKind>(s->text(1)), s->text(2), s->value(3), s->value(4)});
    }
  }
  if (open.empty()) return;
  const Value now = keyValue(db, spec, id, key);
  for (const Open& c : open) {
    if (c.kind == ConflictKind::kEditedWhileDeleted) {
      if (key != "deleted") {
        close(db, c.id, "superseded");
      } else {
        // Deleted again keeps the delete; restored brings the edit back with the record.
        close(db, c.id, now == Value(std::int64_t{1}) ? "dismissed" : "restored");
      }
    } else {
      close(db, c.id, now == c.kept ? "dismissed" : now == c.lost ? "restored" : "superseded");
    }
  }
}

void settleMemberConflicts(Database& db, const RecordSpec& spec, std::string_view id,
                           std::string_view member_id, const Member& m) {
  // Added again after the add that was kept (kept), or removed after all (the removal restored).
  auto s = db.prepare(
      "UPDATE conflicts SET resolution = CASE WHEN ?5 >= kept_stamp THEN 'restored' "
      "ELSE 'dismissed' END "
      "WHERE resolution IS NULL AND kind = ?6 AND type = ?1 AND "
      "record_id = ?2 AND kept_value = ?3 AND (kept_stamp < ?4 OR ?5 >= kept_stamp)");
  s->bindAll(static_cast<std::int64_t>(spec.type), id, member_id);
  bindStamp(*s, 4, m.add_stamp);
  bindStamp(*s, 5, m.removed_upto);
  s->bind(6, nameOf(ConflictKind::kRemovedWhileAdded));
  s->run();
}

}  // namespace nextstep::records
