#include "stamp_renames.h"

#include <string>

#include "nextstep/catalog.h"
#include "nextstep/record_rows.h"

namespace nextstep {
namespace {

void renameColumn(Database& db, std::string_view table, std::string_view column) {
  const std::string t(table), c(column);
  db.exec("UPDATE " + t + " SET " + c + " = r.new FROM temp.stamp_renames AS r WHERE " + t + "." +
          c + " = r.old");
}

}  // namespace

StampRenames::StampRenames(Database& db) : db_(db) {
  db_.exec(
      "CREATE TEMP TABLE IF NOT EXISTS stamp_renames(old BLOB PRIMARY KEY, new BLOB NOT NULL)");
  db_.exec("DELETE FROM temp.stamp_renames");
}

void StampRenames::add(const Stamp& from, const Stamp& to) {
  auto s = db_.prepare("INSERT OR REPLACE INTO temp.stamp_renames(old, new) VALUES (?1, ?2)");
  records::bindStamp(*s, 1, from);
  records::bindStamp(*s, 2, to);
  s->run();
}

void StampRenames::addOutboxOf(DeviceId from, DeviceId to) {
  // A stamp is 8 bytes of clock then 8 of device, big-endian (Stamp::encode).
  auto s = db_.prepare(
      "INSERT OR REPLACE INTO temp.stamp_renames(old, new) "
      "SELECT DISTINCT stamp, substr(stamp, 1, 8) || ?2 FROM outbox WHERE substr(stamp, 9, 8) = "
      "?1");
  const auto f = Stamp{0, from}.encode(), t = Stamp{0, to}.encode();
  s->bindBlob(1, f.data() + 8, 8);
  s->bindBlob(2, t.data() + 8, 8);
  s->run();
}

std::int64_t StampRenames::apply() {
  const std::int64_t n = db_.scalar("SELECT count(*) FROM temp.stamp_renames");
  if (n == 0) return 0;
  for (const char* column : {"stamp", "base"}) {
    renameColumn(db_, "outbox", column);
    renameColumn(db_, "clocks", column);
  }
  for (const RecordSpec& spec : allRecordSpecs()) {
    renameColumn(db_, spec.table, "created_stamp");
    if (!spec.set_table.empty()) {
      renameColumn(db_, spec.set_table, "add_stamp");
      renameColumn(db_, spec.set_table, "removed_upto");
    }
  }
  db_.exec("DELETE FROM temp.stamp_renames");
  return n;
}

}  // namespace nextstep
