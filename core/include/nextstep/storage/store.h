// The local database of one device: one SQLite file in WAL mode. Every write runs through
// write(), which hands the caller the one Mutation path; every read through read(). Both may be
// called from any thread: handed to the store's owner thread when it has one (setOwner), else
// taking turns under a lock. Nothing here assumes a UI.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>

#include "nextstep/model/result.h"
#include "nextstep/model/stamp.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/mutation.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

class WalCheckpointer;

struct StoreOptions {
  std::string path;
  bool create_if_missing = true;
  // Milliseconds since the epoch; tests and the CLI's --now set it, everything else uses the
  // system clock.
  HybridClock::WallClock wall = HybridClock::systemWallClock();
  // The SQLite VFS every connection of the store uses, by its registered name; empty for the
  // platform's own. Tests name one that fails writes like a full disk.
  std::string vfs;
};

// Turns the exception in flight (DomainError, DbError, std::exception) into an Error.
Error currentExceptionAsError();

// The settings every connection of a store's writer runs with (WAL, durable commits, page cache).
void tuneConnection(Database& db);

// Lowers PRAGMA synchronous to NORMAL for one transaction and puts FULL back after it.
class SyncMode {
 public:
  SyncMode(Database& db, bool relaxed);
  ~SyncMode();
  SyncMode(const SyncMode&) = delete;
  SyncMode& operator=(const SyncMode&) = delete;

 private:
  Database& db_;
  bool relaxed_;
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> open(StoreOptions options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // How hard a commit waits for the disk.
  enum class Durability {
    kSynced,       // survives power loss the moment write() returns: every local change
    kRecoverable,  // may be lost (never half-written) in a power cut right after: what the
                   // server still holds, such as merged remote changes and acknowledgements
  };

  // The thread a program gives its store (the app's store thread): from then on what other
  // threads (the sync client's) ask of the store is handed to it and waited for, so only that
  // thread touches the database. `run` runs a job there and returns once it has run, or returns
  // false, having run nothing, once the owner has stopped taking jobs. Without an owner, calls
  // from any thread take turns under the store's lock (the CLI, tests). Set before other
  // threads use the store.
  struct Owner {
    std::thread::id thread;
    std::function<bool(const std::function<void()>&)> run;
  };
  void setOwner(Owner owner) { owner_ = std::move(owner); }

  // Runs fn(Mutation&) in one BEGIN IMMEDIATE transaction; any error rolls all of it back.
  template <typename F>
  auto write(F&& fn, Durability durability = Durability::kSynced)
      -> Result<std::invoke_result_t<F, Mutation&>> {
    using R = std::invoke_result_t<F, Mutation&>;
    if (elsewhere()) {
      return onOwner<Result<R>>([&] { return write(fn, durability); }, ownerGone());
    }
    bool logged = false;
    auto result = [&]() -> Result<R> {
      std::lock_guard lock(mu_);
      try {
        const SyncMode mode(*db_, durability == Durability::kRecoverable);
        Transaction txn(*db_, Transaction::Kind::kWrite);
        followOtherConnections();
        Mutation m(*db_, clock_, device_);
        if constexpr (std::is_void_v<R>) {
          fn(m);
          beforeCommit();
          txn.commit();
          logged = m.opsWritten() > 0;
          return Result<void>();
        } else {
          R r = fn(m);
          beforeCommit();
          txn.commit();
          logged = m.opsWritten() > 0;
          return r;
        }
      } catch (...) {
        return currentExceptionAsError();
      }
    }();
    if (logged) notifyLocalChange();
    return result;
  }

  // Called (outside the store's lock) after each write that added to the outbox; the sync client
  // uses it to push promptly. May be replaced from any thread while others write: once this
  // returns, the old listener is neither running nor called again, so what it captured may go.
  // The listener must not write to the store nor replace itself.
  void setLocalChangeListener(std::function<void()> listener) {
    std::lock_guard lock(listener_mu_);
    on_local_change_ = std::move(listener);
  }

  // Runs fn(Database&) in one read transaction, so it sees a single consistent snapshot.
  template <typename F>
  auto read(F&& fn) -> Result<std::invoke_result_t<F, Database&>> {
    using R = std::invoke_result_t<F, Database&>;
    if (elsewhere()) return onOwner<Result<R>>([&] { return read(fn); }, ownerGone());
    std::lock_guard lock(mu_);
    try {
      Transaction txn(*db_, Transaction::Kind::kRead);
      if constexpr (std::is_void_v<R>) {
        fn(*db_);
        txn.commit();
        return Result<void>();
      } else {
        R r = fn(*db_);
        txn.commit();
        return r;
      }
    } catch (...) {
      return currentExceptionAsError();
    }
  }

  // Raw access for work that manages its own transactions (a backup, migration tests), on the
  // owner's thread if the store has one. Hold the returned lock while using the database.
  std::unique_lock<std::mutex> lock() { return std::unique_lock(mu_); }
  Database& database() { return *db_; }

  Instant now() const;
  std::int64_t nowMillis() const { return clock_.wallMillis(); }
  // The device this database writes as; it changes when the database forks, here or in
  // another process using the same file.
  DeviceId deviceId();
  // Makes this database a new device (after a restore, or when the server says its sequence
  // numbers were used by another copy): unsent changes are carried over to the new identity.
  Result<DeviceFork> forkDevice(std::string_view reason);
  // Set when open() found the file to be a copy of another device's database and forked it.
  const std::optional<DeviceFork>& forkedAtOpen() const { return forked_at_open_; }
  HybridClock& clock() { return clock_; }
  const std::string& path() const { return path_; }
  int schemaVersion();

  // PRAGMA integrity_check; an Error of kind kCorrupt names the first problem.
  Result<void> checkIntegrity();
  // Local changes not yet acknowledged by a sync server.
  Result<std::int64_t> pendingChanges();
  // Whether another connection (the CLI beside the app, another process) committed since the
  // last call; the first call only notes where things stand. One PRAGMA: cheap to poll.
  Result<bool> changedElsewhere();

  void saveClock();

  // Makes a database built elsewhere (the team's snapshot from the sync server, a file at
  // `file`) this store's content, in place of what it holds: the file is moved over this one and
  // reopened. What is this device's own is carried into it (identity, sign-in, settings and clock
  // in local_meta; the changes set aside for review; the conflicts seen here; the numbering of
  // its changes), then `prepare` runs in the same transaction. Refused with kFailedPrecondition,
  // and nothing changed, while the outbox holds changes the server does not have: the caller
  // sends them and asks again. The file must be of this store's schema.
  Result<void> takeOver(const std::string& file, const std::function<void(Database&)>& prepare);

  // After a large apply (a cold sync): refreshes the query planner's statistics and merges the
  // search index into one segment per level. Takes seconds on a large pipeline.
  Result<void> optimize();

 private:
  // Called on a thread other than the owner's: the call goes to the owner instead.
  bool elsewhere() const { return owner_.run && std::this_thread::get_id() != owner_.thread; }
  // Runs job() on the owner's thread and returns what it returned; `gone` when the owner took
  // no more jobs.
  template <typename T, typename Job>
  T onOwner(Job&& job, T gone) {
    std::optional<T> out;
    if (!owner_.run([&] { out.emplace(job()); }) || !out) return gone;
    return std::move(*out);
  }
  static Error ownerGone();

  // Indexes the records written in this transaction for search (search_pending) and saves the
  // clock, so every commit leaves the search index consistent with the records.
  void beforeCommit();

  // Another process may have written since (the CLI beside the app): take up its device
  // identity and clock. Cheap: one PRAGMA unless something changed.
  void followOtherConnections();

  void notifyLocalChange() {
    // Called under its lock, so a listener being replaced waits for a call in flight.
    std::lock_guard lock(listener_mu_);
    if (on_local_change_) on_local_change_();
  }
  Store(std::unique_ptr<Database> db, std::string path, HybridClock::WallClock wall);
  // Notes where the file stands and checkpoints its WAL from a connection of its own.
  void startCheckpointer();

  Owner owner_;
  std::mutex mu_;
  std::unique_ptr<Database> db_;
  std::string path_;
  std::string vfs_;
  HybridClock clock_;
  std::atomic<DeviceId> device_{0};
  std::int64_t data_version_ = -1;
  std::int64_t seen_version_ = -1;  // changedElsewhere()'s, apart from the fork check's
  std::optional<DeviceFork> forked_at_open_;
  std::mutex listener_mu_;  // apart from mu_: the listener runs after the write's lock is released
  std::function<void()> on_local_change_;
  // Checkpoints the WAL from its own connection and thread, so no commit waits for one.
  std::unique_ptr<WalCheckpointer> checkpointer_;
};

}  // namespace nextstep
