// The local database's schema, versioned by PRAGMA user_version: one function per version step.
#pragma once

#include <functional>
#include <span>

#include "nextstep/storage/database.h"

namespace nextstep {

struct Migration {
  int version;  // user_version after this step
  void (*apply)(Database& db);
};

std::span<const Migration> localMigrations();
int latestLocalSchemaVersion();

// Brings the database to `target` (default: latest) inside one transaction per step. A database
// newer than this program fails with kTooNew and is left untouched.
Result<int> migrateLocal(Database& db, int target = -1);

}  // namespace nextstep
