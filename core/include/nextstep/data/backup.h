// Backups of the local database with SQLite's online backup API: a consistent copy taken while
// the app keeps working, checked with PRAGMA integrity_check before it counts as a backup.
#pragma once

#include <cstdint>
#include <string>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::data {

struct BackupCheck {
  std::string path;
  int schema_version = 0;
  std::int64_t pages = 0;
  std::int64_t records = 0;  // accounts, contacts, deals, meetings, ... not deleted
};

// Copies the store's database to `dest` (written as dest.partial, checked, then renamed; an
// existing file at dest is replaced only by a good backup).
Result<BackupCheck> backupDatabase(Store& store, const std::string& dest);

// A file is a usable backup: SQLite opens it, integrity_check says ok, it is a NextStep database
// (application_id) of a schema this program understands. kCorrupt otherwise.
Result<BackupCheck> verifyBackup(const std::string& path);

struct RestoreReport {
  BackupCheck restored;
  std::string kept_aside;  // where the database that was replaced now is
  // The restored database is a new device: the backup's identity may have synced on since.
  DeviceFork fork;
};

// Replaces the store's database with the backup: verifies the backup first, then keeps the current
// database aside (an online backup to <db>.before-restore-YYYYMMDDTHHMMSSZ), then writes the
// backup's pages into the store's own connection with the backup API (so its WAL and any other
// connection stay consistent) and brings an older backup's schema up to date. Then the database
// continues as a new device, its unsent changes carried over (the backup's device id and numbers
// may have been used since). Nothing changes when the backup is not usable or the copy aside fails.
Result<RestoreReport> restoreDatabase(Store& store, const std::string& backup, Instant now);

}  // namespace nextstep::data
