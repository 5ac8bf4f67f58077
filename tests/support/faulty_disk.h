// A SQLite VFS for tests that behaves like the default one until armed, then fails chosen writes,
// syncs and truncates the way a full or failing disk does. Connections opt in by its name, so
// everything else in the process keeps the real disk.
#pragma once

#include <atomic>
#include <string>

namespace nextstep::testing {

class FaultyDisk {
 public:
  static constexpr const char* kName = "nextstep-faulty-disk";

  // What a failing call returns: SQLITE_FULL, or the I/O error of its kind (SQLITE_IOERR_WRITE,
  // SQLITE_IOERR_FSYNC, SQLITE_IOERR_TRUNCATE).
  enum class Fault { kFull, kIoError };
  // Which calls are counted (and can fail); a bit set.
  enum Calls : unsigned { kWrites = 1, kSyncs = 2, kTruncates = 4, kAll = 7 };

  // The one instance, registered with SQLite under kName on first use.
  static FaultyDisk& get();

  // Makes the faulty disk SQLite's default VFS, for a whole program (see faulty_disk_preload.cpp).
  void becomeDefault();

  // Counts from zero again and fails only the n-th counted call from now (1-based).
  void failOnce(int n, Fault fault, unsigned calls = kAll);
  // Counts from zero again and fails the n-th counted call and every one after it (a full disk
  // stays full until heal()).
  void failFrom(int n, Fault fault, unsigned calls = kAll);
  // No more failures; counting restarts, for a dry run that measures a sequence.
  void heal();

  int counted() const { return counted_; }  // calls counted since the last arm or heal
  int counted(Calls kind) const;            // of one kind, whether or not that kind is armed
  int failed() const { return failed_; }    // calls failed since the last arm or heal
  // The kind of the first call that failed since the last arm (0 when none did). A failed sync
  // may still leave the commit it was for on the disk, to be found by the next open.
  unsigned firstFailed() const { return first_failed_; }

  // For the VFS's methods: counts one call of the kind and says whether it fails, and how.
  int check(Calls kind, int io_error);

 private:
  FaultyDisk();
  void arm(int n, Fault fault, unsigned calls, bool once);

  std::atomic<int> counted_{0};
  std::atomic<int> writes_{0};
  std::atomic<int> syncs_{0};
  std::atomic<int> truncates_{0};
  std::atomic<int> failed_{0};
  std::atomic<unsigned> first_failed_{0};
  std::atomic<int> fail_at_{0};  // 0: never
  std::atomic<bool> once_{false};
  std::atomic<unsigned> calls_{kAll};
  std::atomic<Fault> fault_{Fault::kFull};
};

}  // namespace nextstep::testing
