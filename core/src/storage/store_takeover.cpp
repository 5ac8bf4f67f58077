// A store taking over a database file built elsewhere: the team's snapshot a new device starts
// from instead of replaying the team's whole log.
#include <cstdio>
#include <filesystem>
#include <utility>
#include <vector>

#include "nextstep/data/durable_file.h"
#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/schema.h"
#include "nextstep/storage/store.h"
#include "nextstep/storage/wal_checkpointer.h"

namespace nextstep {
namespace {

// What is this device's and not the team's: its identity, sign-in, settings and clock
// (local_meta), the changes the server set aside for the rep to review, the conflicts the rep
// saw here (with what they chose), and the numbering of its changes.
const char* const kOwnTables[] = {"local_meta", "rejected_ops", "conflicts"};

}  // namespace

Result<void> Store::takeOver(const std::string& file,
                             const std::function<void(Database&)>& prepare) {
  if (elsewhere()) {
    return onOwner<Result<void>>([&] { return takeOver(file, prepare); }, ownerGone());
  }
  std::lock_guard lock(mu_);
  try {
    const std::int64_t schema = db_->scalar("PRAGMA user_version");

    {
      auto snapshot = Database::open(file, OpenMode::kReadWrite, vfs_);
      if (snapshot->scalar("PRAGMA user_version") != schema ||
          snapshot->scalar("PRAGMA application_id") != db_->scalar("PRAGMA application_id")) {
        return Error{ErrorCode::kCorrupt,
                     "the team's snapshot is not a database of this version of NextStep"};
      }
      snapshot->exec("PRAGMA journal_mode = DELETE");
      snapshot->exec("PRAGMA synchronous = FULL");
      snapshot->prepare("ATTACH DATABASE ?1 AS device")->bind(1, path_).run();
      Transaction txn(*snapshot, Transaction::Kind::kWrite);
      const std::int64_t their_clock =
          local_meta::integer(*snapshot, local_meta::kClock).value_or(0);
      // What belongs to the device that made the file goes; this device's own comes in.
      snapshot->exec("DELETE FROM local_meta");
      snapshot->exec("DELETE FROM outbox");
      snapshot->exec("DELETE FROM rejected_ops");
      snapshot->exec("DELETE FROM sqlite_sequence WHERE name IN ('outbox', 'rejected_ops')");
      // Unsent changes are not in the snapshot: the caller sends them first and asks again.
      if (snapshot->scalar("SELECT count(*) FROM device.outbox") > 0) {
        return Error{ErrorCode::kFailedPrecondition,
                     "this device has changes the server does not have yet"};
      }
      for (const char* table : kOwnTables) {
        snapshot->exec(std::string("INSERT OR REPLACE INTO main.") + table +
                       " SELECT * FROM device." + table);
      }
      // Numbers once given out are never given again, not even by a database made anew.
      snapshot->exec(
          "INSERT INTO main.sqlite_sequence(name, seq) SELECT name, seq FROM "
          "device.sqlite_sequence WHERE name = 'outbox'");
      // The rename keeps the file's inode: recorded now, the reopen does not take it for a copy.
      local_meta::put(*snapshot, identity_keys::kFile, Value(databaseFileIdentity(file)));
      // The team's stamps are in it: this device's next one must come after all of them.
      const std::int64_t ours = local_meta::integer(*snapshot, local_meta::kClock).value_or(0);
      local_meta::put(*snapshot, local_meta::kClock, Value(std::max(ours, their_clock)));
      prepare(*snapshot);
      txn.commit();
      snapshot->exec("DETACH DATABASE device");
    }

    // The swap: every connection of ours to the old file closes, the new file takes its name.
    if (checkpointer_) WalCheckpointer::detach(*db_);
    checkpointer_.reset();
    db_.reset();
    std::error_code ec;
    std::filesystem::remove(path_ + "-wal", ec);
    std::filesystem::remove(path_ + "-shm", ec);
    const bool moved = std::rename(file.c_str(), path_.c_str()) == 0;
    if (moved) syncDirectoryOf(path_);
    db_ = Database::open(path_, OpenMode::kReadWrite, vfs_);
    tuneConnection(*db_);
    data_version_ = -1;
    followOtherConnections();
    startCheckpointer();
    if (!moved) {
      return Error{ErrorCode::kIo, "the team's snapshot could not replace the database file"};
    }
    return {};
  } catch (...) {
    if (!db_) {
      // The old file is still in place when the failure came before the rename.
      try {
        db_ = Database::open(path_, OpenMode::kReadWrite, vfs_);
        tuneConnection(*db_);
        startCheckpointer();
      } catch (...) {
      }
    }
    return currentExceptionAsError();
  }
}

}  // namespace nextstep
