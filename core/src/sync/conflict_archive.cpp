#include "nextstep/sync/conflict_archive.h"

#include "nextstep/storage/record_rows.h"
#include "record_titles.h"

namespace nextstep::sync {
namespace {

ConflictEntry readConflict(const Statement& s) {
  ConflictEntry c;
  c.id = s.text(0);
  c.type = static_cast<RecordType>(s.integer(1));
  c.record_id = s.text(2);
  c.key = s.text(3);
  c.kind = parseEnum<ConflictKind>(s.text(4)).value_or(ConflictKind::kOverwritten);
  c.kept_value = s.value(5);
  c.kept_at = instantFromUnix(records::columnStamp(s, 6).millis() / 1000);
  c.kept_author = s.text(7);
  c.lost_value = s.value(8);
  c.lost_at = instantFromUnix(records::columnStamp(s, 9).millis() / 1000);
  c.lost_author = s.text(10);
  c.detected_at = instantFromUnix(s.integer(11));
  c.resolution = s.optText(12);
  c.record_title = s.text(13);
  return c;
}

}  // namespace

Result<std::vector<ConflictEntry>> ConflictArchive::list(bool include_resolved, int limit) {
  return store_.read([&](Database& db) {
    auto s = db.prepare(
        "SELECT c.id, c.type, c.record_id, c.key, c.kind, c.kept_value, c.kept_stamp, "
        "c.kept_author, c.lost_value, c.lost_stamp, c.lost_author, c.detected_at, c.resolution, " +
        recordTitleSql("c.record_id") +
        " FROM conflicts c WHERE ?1 OR c.resolution IS NULL ORDER BY c.detected_at DESC, c.id "
        "LIMIT ?2");
    s->bindAll(include_resolved, limit);
    std::vector<ConflictEntry> out;
    while (s->step()) out.push_back(readConflict(*s));
    return out;
  });
}

Result<void> ConflictArchive::restore(std::string_view conflict_id) {
  return store_.write([&](Mutation& m) {
    Database& db = m.db();
    auto s = db.prepare(
        "SELECT type, record_id, key, kind, lost_value, resolution FROM conflicts WHERE id = ?1");
    s->bind(1, conflict_id);
    if (!s->step()) fail(ErrorCode::kNotFound, "no conflict " + std::string(conflict_id));
    const RecordSpec& spec = specOf(static_cast<RecordType>(s->integer(0)));
    const std::string id = s->text(1), key = s->text(2);
    const std::optional<ConflictKind> kind = parseEnum<ConflictKind>(s->text(3));
    const Value lost = s->value(4);
    if (!s->isNull(5))
      fail(ErrorCode::kFailedPrecondition, "that conflict is already " + s->text(5));
    if (kind == ConflictKind::kEditedWhileDeleted) {
      m.restore(spec.type, id);
    } else if (kind == ConflictKind::kRemovedWhileAdded) {
      fail(ErrorCode::kFailedPrecondition,
           "the attendee is still there; remove them again if you meant it");
    } else if (key == "deleted") {
      if (lost == Value(std::int64_t{1}))
        m.remove(spec.type, id);
      else
        m.restore(spec.type, id);
    } else if (spec.isRegister(key)) {
      m.update(spec.type, id, decodeFields(spec, std::get<std::string>(lost)));
    } else {
      m.update(spec.type, id, {{spec.field(key)->name, lost}});
    }
    auto u = db.prepare("UPDATE conflicts SET resolution = 'restored' WHERE id = ?1");
    u->bind(1, conflict_id);
    u->run();
  });
}

Result<void> ConflictArchive::dismiss(std::string_view conflict_id) {
  return store_.write([&](Mutation& m) {
    Database& db = m.db();
    auto s = db.prepare(
        "SELECT type, record_id, key, kind, kept_value FROM conflicts "
        "WHERE id = ?1 AND resolution IS NULL");
    s->bind(1, conflict_id);
    if (!s->step()) fail(ErrorCode::kNotFound, "no open conflict " + std::string(conflict_id));
    const RecordSpec& spec = specOf(static_cast<RecordType>(s->integer(0)));
    const std::string id = s->text(1), key = s->text(2);
    const std::optional<ConflictKind> kind = parseEnum<ConflictKind>(s->text(3));
    const Value kept = s->value(4);
    // Keeping is a write of what is kept, so the other devices close their entry of it too.
    if (kind == ConflictKind::kRemovedWhileAdded) {
      m.reaffirmMember(spec.type, id, std::get<std::string>(kept));
    } else if (kind == ConflictKind::kEditedWhileDeleted) {
      if (records::isDeleted(db, spec, id).value_or(false)) m.reaffirm(spec.type, id, "deleted");
    } else if (key == "deleted" || !records::isDeleted(db, spec, id).value_or(true)) {
      m.reaffirm(spec.type, id, key);
    }
    // A field of a record deleted since closes here only: any edit of it would be taken for an
    // edit made while it was deleted (the delete already settles what the record shows).
    auto u = db.prepare(
        "UPDATE conflicts SET resolution = 'dismissed' WHERE id = ?1 AND resolution IS NULL");
    u->bind(1, conflict_id);
    u->run();
  });
}

}  // namespace nextstep::sync
