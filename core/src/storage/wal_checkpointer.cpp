#include "nextstep/storage/wal_checkpointer.h"

#include <sqlite3.h>

#include <memory>
#include <utility>

namespace nextstep {
namespace {

// WAL frames (pages) after which the checkpointer copies them into the database: SQLite's own
// automatic checkpoint threshold, but run off the committing thread.
constexpr int kCheckpointPages = 1000;
// WAL frames after which the committing thread checkpoints itself (about 64 MiB of WAL).
constexpr int kInlineCheckpointPages = 16000;

}  // namespace

WalCheckpointer::WalCheckpointer(std::string path, std::string vfs)
    : path_(std::move(path)), vfs_(std::move(vfs)), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_one();
  thread_.join();
}

void WalCheckpointer::attach(Database& writer) {
  sqlite3_wal_hook(writer.handle(), &WalCheckpointer::walHook, this);
}

void WalCheckpointer::detach(Database& writer) {
  sqlite3_wal_hook(writer.handle(), nullptr, nullptr);
}

int WalCheckpointer::walHook(void* self, sqlite3* db, const char* schema, int frames) {
  if (frames >= kInlineCheckpointPages) {
    // Writes without pause (a cold sync, a busy server) never leave the WAL idle for a background
    // checkpoint to let it restart from the beginning, so it would grow without bound: checkpoint
    // here, between two of the writer's transactions, as SQLite's automatic checkpoint would.
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (frames >= kCheckpointPages) {
    static_cast<WalCheckpointer*>(self)->poke();
  }
  return SQLITE_OK;
}

void WalCheckpointer::poke() {
  {
    std::lock_guard lock(mu_);
    poked_ = true;
  }
  cv_.notify_one();
}

void WalCheckpointer::run() {
  std::unique_ptr<Database> db;
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait(lock, [this] { return stop_ || poked_; });
    if (stop_) return;
    poked_ = false;
    lock.unlock();
    try {
      if (!db) db = Database::open(path_, OpenMode::kReadWrite, vfs_);
      db->exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const DbError&) {
      db.reset();  // tried again after a later commit; the WAL only grows meanwhile
    }
    lock.lock();
  }
}

}  // namespace nextstep
