// A store taking over a database file built elsewhere: the team's snapshot a new device starts
// from instead of replaying the team's whole log.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <utility>
#include <vector>

#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/schema.h"
#include "nextstep/storage/store.h"
#include "nextstep/storage/wal_checkpointer.h"

namespace nextstep {
namespace {

// The directory entry of a rename must reach the disk too, or a power cut may bring back the
// old file beside a WAL of the new one.
void syncDirectoryOf(const std::string& path) {
  const auto dir = std::filesystem::path(path).parent_path();
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

using OwnRows = std::vector<std::pair<std::string, Value>>;

OwnRows ownRows(Database& db) {
  OwnRows rows;
  Statement all(db.handle(), "SELECT key, value FROM local_meta");
  while (all.step()) rows.emplace_back(all.text(0), all.value(1));
  return rows;
}

}  // namespace

Result<void> Store::takeOver(const std::string& file,
                             const std::function<void(Database&)>& prepare) {
  std::lock_guard lock(mu_);
  try {
    OwnRows own;
    {
      Transaction txn(*db_, Transaction::Kind::kRead);
      followOtherConnections();
      if (assignedSeqs(*db_) > 0) {
        return Error{ErrorCode::kFailedPrecondition,
                     "this device has changes of its own, so it reads the team's log instead of "
                     "starting from the team's snapshot"};
      }
      own = ownRows(*db_);
      txn.commit();
    }
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
      Transaction txn(*snapshot, Transaction::Kind::kWrite);
      const std::int64_t their_clock =
          local_meta::integer(*snapshot, local_meta::kClock).value_or(0);
      // What belongs to the device that made the file goes; this device's own comes in.
      snapshot->exec("DELETE FROM local_meta");
      snapshot->exec("DELETE FROM outbox");
      snapshot->exec("DELETE FROM rejected_ops");
      snapshot->exec("DELETE FROM sqlite_sequence WHERE name IN ('outbox', 'rejected_ops')");
      for (const auto& [key, value] : own) local_meta::put(*snapshot, key, value);
      // The rename keeps the file's inode: recorded now, the reopen does not take it for a copy.
      local_meta::put(*snapshot, identity_keys::kFile, Value(databaseFileIdentity(file)));
      // The team's stamps are in it: this device's next one must come after all of them.
      const std::int64_t ours = local_meta::integer(*snapshot, local_meta::kClock).value_or(0);
      local_meta::put(*snapshot, local_meta::kClock, Value(std::max(ours, their_clock)));
      prepare(*snapshot);
      txn.commit();
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
