#include "nextstep/sync/replica.h"

#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/local_meta.h"
#include "nextstep/storage/record_reads.h"
#include "nextstep/storage/record_rows.h"
#include "record_titles.h"
#include "remote_applier.h"
#include "storage/stamp_renames.h"

namespace nextstep::sync {

Result<ApplyStats> Replica::apply(const std::vector<RemoteOp>& page, std::uint64_t next_cursor) {
  const Instant now = store_.now();
  const DeviceId self = store_.deviceId();
  return store_.write(
      [&](Mutation& m) {
        RemoteApplier applier(m.db(), store_.clock(), self, now);
        applier.apply(page);
        local_meta::put(m.db(), kCursorKey, Value(static_cast<std::int64_t>(next_cursor)));
        return applier.stats();
      },
      Store::Durability::kRecoverable);  // the cursor goes back with the rows: they are pulled
                                         // again
}

Result<void> Replica::startFrom(const std::string& snapshot_file, std::uint64_t version) {
  return store_.takeOver(snapshot_file, [&](Database& db) {
    local_meta::put(db, kCursorKey, Value(static_cast<std::int64_t>(version)));
  });
}

Result<std::uint64_t> Replica::cursor() {
  return store_.read([](Database& db) {
    return static_cast<std::uint64_t>(local_meta::integer(db, kCursorKey).value_or(0));
  });
}

}  // namespace nextstep::sync
