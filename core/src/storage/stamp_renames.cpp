#include "storage/stamp_renames.h"

#include <string>
#include <vector>

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/record_rows.h"

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
  // Renamed here rather than in SQL: `||` would turn the blob stamps into text, which no longer
  // compare equal to the stamps the rest of the store binds.
  const auto f = Stamp{0, from}.encode();
  auto s = db_.prepare("SELECT DISTINCT stamp FROM outbox WHERE substr(stamp, 9, 8) = ?1");
  s->bindBlob(1, f.data() + 8, 8);
  std::vector<Stamp> stamps;
  while (s->step()) stamps.push_back(records::columnStamp(*s, 0));
  for (const Stamp& old : stamps) add(old, Stamp{old.hlc, to});
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
