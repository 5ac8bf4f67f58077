// LD_PRELOAD=libnextstep_faulty_disk_preload.so puts a whole program, unchanged, on the faulty
// disk: a command-line test's child process, where no VFS name can be passed in. The environment
// arms it before main():
//   NEXTSTEP_FAULTY_DISK=full-from:N  every write from the N-th on fails with SQLITE_FULL
//   NEXTSTEP_FAULTY_DISK=io-from:N    every write from the N-th on fails with SQLITE_IOERR_WRITE
#include <cstdio>
#include <cstdlib>
#include <string>

#include "faulty_disk.h"

namespace {

__attribute__((constructor)) void armFromEnvironment() {
  using nextstep::testing::FaultyDisk;
  const char* spec = std::getenv("NEXTSTEP_FAULTY_DISK");
  if (spec == nullptr) return;
  const std::string text(spec);
  const auto colon = text.find(':');
  const std::string mode = text.substr(0, colon);
  const int n = colon == std::string::npos ? 1 : std::atoi(text.c_str() + colon + 1);
  if ((mode != "full-from" && mode != "io-from") || n < 1) {
    std::fprintf(stderr, "NEXTSTEP_FAULTY_DISK: expected full-from:N or io-from:N, got %s\n", spec);
    std::_Exit(125);
  }
  FaultyDisk& disk = FaultyDisk::get();
  disk.becomeDefault();
  disk.failFrom(n, mode == "full-from" ? FaultyDisk::Fault::kFull : FaultyDisk::Fault::kIoError,
                FaultyDisk::kWrites);
}

}  // namespace
