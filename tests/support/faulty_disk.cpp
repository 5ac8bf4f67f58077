#include "faulty_disk.h"

#include <sqlite3.h>

#include <cstddef>
#include <stdexcept>

namespace nextstep::testing {
namespace {

// Each open file is ours with the default VFS's file right behind it in the same allocation.
struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_vfs* realVfs = nullptr;

sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<FaultyFile*>(f)->real; }

int fileClose(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int fileRead(sqlite3_file* f, void* buf, int amount, sqlite3_int64 offset) {
  return real(f)->pMethods->xRead(real(f), buf, amount, offset);
}
int fileWrite(sqlite3_file* f, const void* buf, int amount, sqlite3_int64 offset) {
  // A failed write writes nothing: the caller cannot tell how much of it reached the disk.
  if (int rc = FaultyDisk::get().check(FaultyDisk::kWrites, SQLITE_IOERR_WRITE)) return rc;
  return real(f)->pMethods->xWrite(real(f), buf, amount, offset);
}
int fileTruncate(sqlite3_file* f, sqlite3_int64 size) {
  if (int rc = FaultyDisk::get().check(FaultyDisk::kTruncates, SQLITE_IOERR_TRUNCATE)) return rc;
  return real(f)->pMethods->xTruncate(real(f), size);
}
int fileSync(sqlite3_file* f, int flags) {
  if (int rc = FaultyDisk::get().check(FaultyDisk::kSyncs, SQLITE_IOERR_FSYNC)) return rc;
  return real(f)->pMethods->xSync(real(f), flags);
}
int fileSize(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
int fileLock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
int fileUnlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
int fileCheckReservedLock(sqlite3_file* f, int* out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int fileControl(sqlite3_file* f, int op, void* arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int fileSectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int fileDeviceCharacteristics(sqlite3_file* f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int fileShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int fileShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void fileShmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int fileShmUnmap(sqlite3_file* f, int remove) {
  return real(f)->pMethods->xShmUnmap(real(f), remove);
}
int fileFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int fileUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
  return real(f)->pMethods->xUnfetch(real(f), offset, p);
}

const sqlite3_io_methods kMethods = {
    3,
    fileClose,
    fileRead,
    fileWrite,
    fileTruncate,
    fileSync,
    fileSize,
    fileLock,
    fileUnlock,
    fileCheckReservedLock,
    fileControl,
    fileSectorSize,
    fileDeviceCharacteristics,
    fileShmMap,
    fileShmLock,
    fileShmBarrier,
    fileShmUnmap,
    fileFetch,
    fileUnfetch,
};

int vfsOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<FaultyFile*>(f);
  file->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + sizeof(FaultyFile));
  const int rc = realVfs->xOpen(realVfs, name, file->real, flags, out_flags);
  // SQLite calls xClose only on a file whose pMethods is set.
  file->base.pMethods = file->real->pMethods != nullptr ? &kMethods : nullptr;
  (void)vfs;
  return rc;
}

int vfsDelete(sqlite3_vfs*, const char* name, int sync_dir) {
  return realVfs->xDelete(realVfs, name, sync_dir);
}
int vfsAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
  return realVfs->xAccess(realVfs, name, flags, out);
}
int vfsFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return realVfs->xFullPathname(realVfs, name, size, out);
}
void* vfsDlOpen(sqlite3_vfs*, const char* name) { return realVfs->xDlOpen(realVfs, name); }
void vfsDlError(sqlite3_vfs*, int size, char* out) { realVfs->xDlError(realVfs, size, out); }
void (*vfsDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return realVfs->xDlSym(realVfs, handle, symbol);
}
void vfsDlClose(sqlite3_vfs*, void* handle) { realVfs->xDlClose(realVfs, handle); }
int vfsRandomness(sqlite3_vfs*, int size, char* out) {
  return realVfs->xRandomness(realVfs, size, out);
}
int vfsSleep(sqlite3_vfs*, int micros) { return realVfs->xSleep(realVfs, micros); }
int vfsCurrentTime(sqlite3_vfs*, double* out) { return realVfs->xCurrentTime(realVfs, out); }
int vfsGetLastError(sqlite3_vfs*, int size, char* out) {
  return realVfs->xGetLastError(realVfs, size, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return realVfs->xCurrentTimeInt64(realVfs, out);
}
int vfsSetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call) {
  return realVfs->xSetSystemCall(realVfs, name, call);
}
sqlite3_syscall_ptr vfsGetSystemCall(sqlite3_vfs*, const char* name) {
  return realVfs->xGetSystemCall(realVfs, name);
}
const char* vfsNextSystemCall(sqlite3_vfs*, const char* name) {
  return realVfs->xNextSystemCall(realVfs, name);
}

sqlite3_vfs faultyVfs;

void registerVfs() {
  realVfs = sqlite3_vfs_find(nullptr);
  if (realVfs == nullptr) throw std::runtime_error("SQLite has no default VFS");
  faultyVfs = sqlite3_vfs{
      3,
      static_cast<int>(sizeof(FaultyFile)) + realVfs->szOsFile,
      realVfs->mxPathname,
      nullptr,
      FaultyDisk::kName,
      nullptr,
      vfsOpen,
      vfsDelete,
      vfsAccess,
      vfsFullPathname,
      vfsDlOpen,
      vfsDlError,
      vfsDlSym,
      vfsDlClose,
      vfsRandomness,
      vfsSleep,
      vfsCurrentTime,
      vfsGetLastError,
      vfsCurrentTimeInt64,
      vfsSetSystemCall,
      vfsGetSystemCall,
      vfsNextSystemCall,
  };
  if (sqlite3_vfs_register(&faultyVfs, /*makeDflt=*/0) != SQLITE_OK) {
    throw std::runtime_error("cannot register the faulty disk VFS");
  }
}

}  // namespace

static_assert(sizeof(FaultyFile) % alignof(std::max_align_t) == 0,
              "the real file behind ours must stay aligned");

FaultyDisk::FaultyDisk() { registerVfs(); }

FaultyDisk& FaultyDisk::get() {
  static FaultyDisk disk;
  return disk;
}

void FaultyDisk::becomeDefault() {
  if (sqlite3_vfs_register(&faultyVfs, /*makeDflt=*/1) != SQLITE_OK) {
    throw std::runtime_error("cannot make the faulty disk SQLite's default VFS");
  }
}

void FaultyDisk::arm(int n, Fault fault, unsigned calls, bool once) {
  fail_at_ = 0;
  counted_ = 0;
  writes_ = 0;
  syncs_ = 0;
  truncates_ = 0;
  failed_ = 0;
  first_failed_ = 0;
  fault_ = fault;
  calls_ = calls;
  once_ = once;
  fail_at_ = n;
}

void FaultyDisk::failOnce(int n, Fault fault, unsigned calls) { arm(n, fault, calls, true); }
void FaultyDisk::failFrom(int n, Fault fault, unsigned calls) { arm(n, fault, calls, false); }
void FaultyDisk::heal() { arm(0, Fault::kFull, kAll, true); }

int FaultyDisk::counted(Calls kind) const {
  return kind == kWrites ? writes_.load() : kind == kSyncs ? syncs_.load() : truncates_.load();
}

int FaultyDisk::check(Calls kind, int io_error) {
  ++(kind == kWrites ? writes_ : kind == kSyncs ? syncs_ : truncates_);
  if ((calls_ & kind) == 0) return SQLITE_OK;
  const int n = ++counted_;
  const int at = fail_at_;
  if (at == 0 || n < at || (once_ && n != at)) return SQLITE_OK;
  if (failed_++ == 0) first_failed_ = kind;
  return fault_ == Fault::kFull ? SQLITE_FULL : io_error;
}

}  // namespace nextstep::testing
