// A page of the team's log as a device receives it (the bytes of a PullResponse), converted as the
// client converts it and merged into a real device database. Nothing may crash; a page whose
// operations all pass the server's validation (the only kind the server logs) must merge, and
// merge again when it is delivered twice (a pull repeated after a crash).
#include <sqlite3.h>

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "fuzz_check.h"
#include "nextstep/storage/store.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/wire.h"
#include "scratch_dir.h"

namespace nextstep::fuzz {
namespace {

namespace pb = ::nextstep::sync::v1;

// One device database per process; between inputs its pages are put back from a copy taken right
// after it was created (SQLite's backup API: a few dozen pages, much cheaper than a new file).
class Device {
 public:
  Device() {
    auto opened = Store::open({(dir_.path() / "device.db").string(), true, [] { return kNowMs; }});
    check(opened.ok(), "the device database does not open");
    store_ = std::move(*opened);
    check(sqlite3_open(":memory:", &pristine_) == SQLITE_OK, "no in-memory database");
    copy(store_->database().handle(), pristine_);
  }
  ~Device() { sqlite3_close(pristine_); }

  Store& store() { return *store_; }
  void reset() {
    auto lock = store_->lock();
    copy(pristine_, store_->database().handle());
  }

 private:
  static void copy(sqlite3* from, sqlite3* to) {
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    check(b != nullptr, "the backup does not start");
    check(sqlite3_backup_step(b, -1) == SQLITE_DONE, "the backup does not finish");
    check(sqlite3_backup_finish(b) == SQLITE_OK, "the backup fails");
  }

  ScratchDir dir_;
  std::unique_ptr<Store> store_;
  sqlite3* pristine_ = nullptr;
};

Device& device() {
  static Device d;
  return d;
}

}  // namespace
}  // namespace nextstep::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  google::protobuf::SetLogHandler(nullptr);  // a line per string that is not UTF-8 is noise
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nextstep;
  using namespace nextstep::fuzz;
  pb::PullResponse response;
  if (!response.ParseFromArray(data, static_cast<int>(size))) return 0;
  bool all_valid = true;
  for (const pb::LoggedOperation& logged : response.operations()) {
    all_valid = all_valid && sync::fromWire(logged.operation()).ok();
  }
  const sync::PullReply page = sync::fromWire(response);

  Device& d = device();
  d.reset();
  sync::Replica replica(d.store());
  const auto first = replica.apply(page.ops, page.next_cursor);
  const auto again = replica.apply(page.ops, page.next_cursor);
  if (all_valid) {
    if (!first.ok()) std::fprintf(stderr, "remote_merge: %s\n", first.error().message.c_str());
    check(first.ok(), "a page of valid operations does not merge");
    if (!again.ok()) std::fprintf(stderr, "remote_merge: %s\n", again.error().message.c_str());
    check(again.ok(), "a page of valid operations does not merge a second time");
  }
  return 0;
}
