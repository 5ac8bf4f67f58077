// A device's side of sync, independent of any transport: how the team's operations merge into
// the local database, and what goes out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nextstep/storage/op.h"
#include "nextstep/storage/store.h"
#include "nextstep/sync/outbox.h"
#include "nextstep/sync/remote_op.h"

namespace nextstep::sync {

// A device's side of sync: the team's log merged into the local database, the position in that
// log, and this device's outbox on its way out. The conflicts a merge archives are read through
// ConflictArchive, the changes the server set aside through SetAsideChanges, the sign-in through
// SyncAccount.
class Replica {
 public:
  explicit Replica(Store& store) : store_(store), outbox_(store) {}

  Store& store() { return store_; }
  Outbox& outbox() { return outbox_; }

  // Merges a page of the team's log (in version order) and moves the cursor to `next_cursor`, in
  // one transaction: a crash leaves either all of the page or none of it.
  Result<ApplyStats> apply(const std::vector<RemoteOp>& page, std::uint64_t next_cursor);
  // Makes the team's snapshot, merged up to `version`, this device's database; the log after
  // `version` follows as usual. kFailedPrecondition, and nothing changed, while the outbox holds
  // changes the server does not have (Store::takeOver).
  Result<void> startFrom(const std::string& snapshot_file, std::uint64_t version);
  // Where in the team's log the next pull starts.
  Result<std::uint64_t> cursor();

 private:
  Store& store_;
  Outbox outbox_;
};

}  // namespace nextstep::sync
