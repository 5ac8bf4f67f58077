// Checkpoints a WAL database off the committing thread. SQLite's automatic checkpoint runs inside
// the commit that crossed its threshold and syncs the whole database file there (a booking's p99
// went from 4 to 27 ms; the sync server's writer spent 7% of its time in it). This one runs
// PASSIVE checkpoints on a second connection and thread, which never block the writer.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "nextstep/storage/database.h"

namespace nextstep {

class WalCheckpointer {
 public:
  WalCheckpointer(std::string path, std::string vfs);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Replaces SQLite's automatic checkpoint on the writer's connection (a WAL hook is one or the
  // other); detach before the connection closes, which checkpoints what is left.
  void attach(Database& writer);
  static void detach(Database& writer);

 private:
  // sqlite3_wal_hook: called by the committing connection with the WAL's size in frames.
  static int walHook(void* self, sqlite3* db, const char* schema, int frames);
  void poke();
  void run();

  const std::string path_;
  const std::string vfs_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool poked_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace nextstep
