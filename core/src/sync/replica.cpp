#include "nextstep/sync/replica.h"

#include "log_cursor.h"
#include "remote_applier.h"

namespace nextstep::sync {

Result<ApplyStats> Replica::apply(const std::vector<RemoteOp>& page, std::uint64_t next_cursor) {
  const Instant now = store_.now();
  const DeviceId self = store_.deviceId();
  return store_.write(
      [&](Mutation& m) {
        RemoteApplier applier(m.db(), store_.clock(), self, now);
        applier.apply(page);
        log_cursor::move(m.db(), next_cursor);
        return applier.stats();
      },
      Store::Durability::kRecoverable);  // the cursor goes back with the rows: they are pulled
                                         // again
}

Result<void> Replica::startFrom(const std::string& snapshot_file, std::uint64_t version) {
  return store_.takeOver(snapshot_file, [&](Database& db) { log_cursor::move(db, version); });
}

Result<std::uint64_t> Replica::cursor() {
  return store_.read([](Database& db) { return log_cursor::read(db); });
}

}  // namespace nextstep::sync
