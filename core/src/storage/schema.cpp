#include "nextstep/storage/schema.h"

#include <string>

#include "storage/schema_sql.h"

namespace nextstep {
namespace {

// Each step is an SQL file, core/schema/<version>.sql.
template <int kVersion>
void applySchemaSql(Database& db) {
  db.exec(schemaSql(kVersion));
}

const Migration kMigrations[] = {
    {1, applySchemaSql<1>}, {2, applySchemaSql<2>}, {3, applySchemaSql<3>}, {4, applySchemaSql<4>},
    {5, applySchemaSql<5>}, {6, applySchemaSql<6>}, {7, applySchemaSql<7>},
};

}  // namespace

std::span<const Migration> localMigrations() { return kMigrations; }

int latestLocalSchemaVersion() { return kMigrations[std::size(kMigrations) - 1].version; }

Result<int> migrateLocal(Database& db, int target) {
  if (target < 0) target = latestLocalSchemaVersion();
  try {
    const int current = static_cast<int>(db.scalar("PRAGMA user_version"));
    if (current > latestLocalSchemaVersion()) {
      return Error{ErrorCode::kTooNew, "database schema version " + std::to_string(current) +
                                           " is newer than this NextStep understands (" +
                                           std::to_string(latestLocalSchemaVersion()) +
                                           "); update NextStep"};
    }
    for (const Migration& m : kMigrations) {
      if (m.version <= current || m.version > target) continue;
      Transaction txn(db, Transaction::Kind::kWrite);
      m.apply(db);
      db.exec("PRAGMA user_version = " + std::to_string(m.version));
      txn.commit();
    }
    return static_cast<int>(db.scalar("PRAGMA user_version"));
  } catch (const DbError& e) {
    return Error{e.errorCode(), std::string("cannot upgrade the database: ") + e.what()};
  }
}

}  // namespace nextstep
