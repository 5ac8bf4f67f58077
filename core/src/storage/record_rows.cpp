#include "nextstep/storage/record_rows.h"

#include <algorithm>
#include <string>

#include "storage/conflict_settling.h"

namespace nextstep::records {
namespace {

std::string tableOf(const RecordSpec& spec) { return std::string(spec.table); }

constexpr int kIdsPerRead = 200;
constexpr std::size_t kClocksPerWrite = 64;

// The row whose `column` (its id, or its rid) is `key`: true when there was one.
template <typename Key>
bool updateWhere(Database& db, const RecordSpec& spec, std::string_view column, const Key& key,
                 const Fields& fields) {
  std::string sets;
  int i = 1;
  for (const FieldValue& f : fields) {
    if (!sets.empty()) sets += ", ";
    sets += std::string(f.name) + " = ?" + std::to_string(++i);
  }
  auto s = db.prepare("UPDATE " + tableOf(spec) + " SET " + sets + " WHERE " + std::string(column) +
                      " = ?1");
  s->bind(1, key);
  i = 1;
  for (const FieldValue& f : fields) s->bind(++i, f.value);
  s->run();
  return db.changes() > 0;
}

}  // namespace

void bindStamp(Statement& s, int index, const Stamp& stamp) {
  if (stamp.isZero()) {
    s.bind(index, nullptr);
    return;
  }
  const auto bytes = stamp.encode();
  s.bindBlob(index, bytes.data(), bytes.size());
}

Stamp columnStamp(const Statement& s, int col) {
  const std::string_view b = s.blob(col);
  return Stamp::decode(b.data(), b.size());
}

Op columnOp(const Statement& s, int first) {
  Op op;
  op.type = static_cast<RecordType>(s.integer(first));
  op.record_id = s.text(first + 1);
  op.kind = static_cast<OpKind>(s.integer(first + 2));
  op.key = s.text(first + 3);
  op.value = s.value(first + 4);
  op.stamp = columnStamp(s, first + 5);
  op.base = columnStamp(s, first + 6);
  return op;
}

bool exists(Database& db, const RecordSpec& spec, std::string_view id) {
  auto s = db.prepare("SELECT 1 FROM " + tableOf(spec) + " WHERE id = ?1");
  s->bind(1, id);
  return s->step();
}

std::optional<bool> isDeleted(Database& db, const RecordSpec& spec, std::string_view id) {
  auto s = db.prepare("SELECT deleted FROM " + tableOf(spec) + " WHERE id = ?1");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return s->integer(0) != 0;
}

void insertRow(Database& db, const RecordSpec& spec, std::string_view id, const Fields& fields,
               const Stamp& created) {
  std::string cols = "id, created_stamp";
  std::string params = "?1, ?2";
  int i = 2;
  for (const FieldValue& f : fields) {
    cols += ", ";
    cols += f.name;
    params += ", ?" + std::to_string(++i);
  }
  auto s = db.prepare("INSERT INTO " + tableOf(spec) + "(" + cols + ") VALUES (" + params + ")");
  s->bind(1, id);
  bindStamp(*s, 2, created);
  i = 2;
  for (const FieldValue& f : fields) s->bind(++i, f.value);
  s->run();
}

bool updateRow(Database& db, const RecordSpec& spec, std::string_view id, const Fields& fields) {
  if (fields.empty()) return exists(db, spec, id);
  return updateWhere(db, spec, "id", id, fields);
}

void updateRowAt(Database& db, const RecordSpec& spec, std::int64_t rid, const Fields& fields) {
  if (!fields.empty()) updateWhere(db, spec, "rid", rid, fields);
}

bool setDeleted(Database& db, const RecordSpec& spec, std::string_view id, bool deleted) {
  return updateWhere(db, spec, "id", id, {{"deleted", Value(std::int64_t{deleted})}});
}

void setDeletedAt(Database& db, const RecordSpec& spec, std::int64_t rid, bool deleted) {
  updateWhere(db, spec, "rid", rid, {{"deleted", Value(std::int64_t{deleted})}});
}

Value fieldValue(Database& db, const RecordSpec& spec, std::string_view id,
                 std::string_view field) {
  auto s = db.prepare("SELECT " + std::string(field) + " FROM " + tableOf(spec) + " WHERE id = ?1");
  s->bind(1, id);
  return s->step() ? s->value(0) : Value();
}

Fields keyValues(Database& db, const RecordSpec& spec, std::string_view id, std::string_view key) {
  Fields out;
  std::string cols;
  for (const FieldSpec& f : spec.fields) {
    if (f.clockKey() != key) continue;
    if (!cols.empty()) cols += ", ";
    cols += f.name;
    out.push_back({f.name, Value()});
  }
  if (out.empty()) return out;
  auto s = db.prepare("SELECT " + cols + " FROM " + tableOf(spec) + " WHERE id = ?1");
  s->bind(1, id);
  if (s->step()) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i].value = s->value(static_cast<int>(i));
  }
  return out;
}

Value keyValue(Database& db, const RecordSpec& spec, std::string_view id, std::string_view key) {
  if (key == "deleted") return fieldValue(db, spec, id, "deleted");
  const Fields fields = keyValues(db, spec, id, key);
  if (spec.isRegister(key)) return Value(encodeFields(spec, fields));
  return fields.empty() ? Value() : fields[0].value;
}

std::optional<Clock> clockOf(Database& db, const RecordSpec& spec, std::string_view id,
                             std::string_view key) {
  {
    auto s = db.prepare(
        "SELECT stamp, base FROM clocks WHERE type = ?1 AND record_id = ?2 AND key = ?3");
    s->bindAll(static_cast<std::int64_t>(spec.type), id, key);
    if (s->step()) return Clock{columnStamp(*s, 0), columnStamp(*s, 1)};
  }
  auto s = db.prepare("SELECT created_stamp FROM " + tableOf(spec) + " WHERE id = ?1");
  s->bind(1, id);
  if (!s->step()) return std::nullopt;
  return Clock{columnStamp(*s, 0), Stamp{}};
}

void putClocks(Database& db, std::span<const ClockWrite> writes) {
  // Whole chunks through one statement of kClocksPerWrite rows, the rest a row at a time.
  auto statement = [&](std::size_t rows) {
    std::string sql = "INSERT INTO clocks(type, record_id, key, stamp, base) VALUES ";
    for (std::size_t r = 0; r < rows; ++r) {
      const std::size_t p = r * 5;
      sql += (r > 0 ? ", (?" : "(?") + std::to_string(p + 1) + ", ?" + std::to_string(p + 2) +
             ", ?" + std::to_string(p + 3) + ", ?" + std::to_string(p + 4) + ", ?" +
             std::to_string(p + 5) + ")";
    }
    return db.prepare(sql +
                      " ON CONFLICT(type, record_id, key) DO UPDATE SET stamp = excluded.stamp, "
                      "base = excluded.base");
  };
  auto write = [](Statement& s, std::span<const ClockWrite> rows) {
    s.reset();
    int p = 0;
    for (const ClockWrite& w : rows) {
      s.bind(p + 1, static_cast<std::int64_t>(w.type));
      s.bind(p + 2, w.record_id);
      s.bind(p + 3, w.key);
      bindStamp(s, p + 4, w.clock.stamp);
      bindStamp(s, p + 5, w.clock.base);
      p += 5;
    }
    s.run();
  };
  std::size_t at = 0;
  if (writes.size() >= kClocksPerWrite) {
    auto chunk = statement(kClocksPerWrite);
    for (; at + kClocksPerWrite <= writes.size(); at += kClocksPerWrite)
      write(*chunk, writes.subspan(at, kClocksPerWrite));
  }
  if (at == writes.size()) return;
  auto one = statement(1);
  for (; at < writes.size(); ++at) write(*one, writes.subspan(at, 1));
}

void setClock(Database& db, const RecordSpec& spec, std::string_view id, std::string_view key,
              const Stamp& stamp, const Stamp& base) {
  const ClockWrite w{spec.type, id, key, {stamp, base}};
  putClocks(db, std::span(&w, 1));
  settleConflicts(db, spec, id, key, stamp);
}

std::map<std::string, RecordState, std::less<>> recordStates(Database& db, const RecordSpec& spec,
                                                             std::span<const std::string> ids) {
  std::map<std::string, RecordState, std::less<>> out;
  for (const std::string& id : ids) out.try_emplace(id);
  // Each statement takes a chunk of ids; the last chunk repeats its last id to fill it, so one
  // prepared statement serves every chunk.
  std::string list;
  for (int i = 1; i <= kIdsPerRead; ++i) list += (i > 1 ? ", ?" : "?") + std::to_string(i);
  const std::string type = std::to_string(static_cast<int>(spec.type));
  auto rows = db.prepare("SELECT id, created_stamp, deleted, rid FROM " + tableOf(spec) +
                         " WHERE id IN (" + list + ")");
  auto clocks = db.prepare("SELECT record_id, key, stamp, base FROM clocks WHERE type = " + type +
                           " AND record_id IN (" + list + ")");
  auto open = db.prepare("SELECT DISTINCT record_id FROM conflicts WHERE type = " + type +
                         " AND resolution IS NULL AND record_id IN (" + list + ")");
  // Most devices have no open conflict at all: then none of the records has one.
  auto any_open = db.prepare("SELECT 1 FROM conflicts WHERE resolution IS NULL LIMIT 1");
  const bool some_open = any_open->step();
  for (std::size_t at = 0; at < ids.size(); at += kIdsPerRead) {
    auto bindChunk = [&](Statement& s) {
      s.reset();
      for (int i = 0; i < kIdsPerRead; ++i) {
        s.bind(i + 1, ids[std::min(at + static_cast<std::size_t>(i), ids.size() - 1)]);
      }
    };
    bindChunk(*rows);
    bindChunk(*clocks);
    if (some_open) bindChunk(*open);
    while (rows->step()) {
      RecordState& r = out.find(rows->textView(0))->second;
      r.exists = true;
      r.created = columnStamp(*rows, 1);
      r.is_deleted = rows->integer(2) != 0;
      r.rid = rows->integer(3);
    }
    while (clocks->step()) {
      out.find(clocks->textView(0))
          ->second.clocks.insert_or_assign(clocks->text(1),
                                           Clock{columnStamp(*clocks, 2), columnStamp(*clocks, 3)});
    }
    while (some_open && open->step()) out.find(open->textView(0))->second.open_conflicts = true;
  }
  return out;
}

Clock clockOf(const RecordState& record, std::string_view key) {
  const auto found = record.clocks.find(key);
  return found != record.clocks.end() ? found->second : Clock{record.created, Stamp{}};
}

std::optional<Member> member(Database& db, const RecordSpec& spec, std::string_view id,
                             std::string_view member_id) {
  auto s = db.prepare("SELECT add_stamp, removed_upto FROM " + std::string(spec.set_table) +
                      " WHERE meeting_id = ?1 AND contact_id = ?2");
  s->bindAll(id, member_id);
  if (!s->step()) return std::nullopt;
  return Member{columnStamp(*s, 0), columnStamp(*s, 1)};
}

void putMember(Database& db, const RecordSpec& spec, std::string_view id,
               std::string_view member_id, const Member& m) {
  auto s = db.prepare("INSERT INTO " + std::string(spec.set_table) +
                      "(meeting_id, contact_id, add_stamp, removed_upto) VALUES (?1, ?2, ?3, ?4) "
                      "ON CONFLICT(meeting_id, contact_id) DO UPDATE SET "
                      "add_stamp = excluded.add_stamp, removed_upto = excluded.removed_upto");
  s->bindAll(id, member_id);
  bindStamp(*s, 3, m.add_stamp);
  bindStamp(*s, 4, m.removed_upto);
  s->run();
  settleMemberConflicts(db, spec, id, member_id, m);
}

}  // namespace nextstep::records
