// Renames the stamps of unsent local writes: a clock that ran ahead of the server, a database
// that became a new device, a change sent again after the server set it aside. Every column
// that keeps a stamp follows the same map, so the device's clocks keep agreeing with its outbox.
#pragma once

#include "nextstep/model/stamp.h"
#include "nextstep/storage/database.h"

namespace nextstep {

class StampRenames {
 public:
  // Starts an empty map in the connection's temp schema; use inside a write transaction.
  explicit StampRenames(Database& db);

  void add(const Stamp& from, const Stamp& to);
  // Every stamp of the outbox issued by `from` keeps its time and takes `to` as its device.
  void addOutboxOf(DeviceId from, DeviceId to);
  // Rewrites the outbox, the clocks, the records' created stamps and set members; then empties
  // the map. Returns how many stamps were renamed.
  std::int64_t apply();

 private:
  Database& db_;
};

}  // namespace nextstep
