// Merges pages of remote operations into the device's tables inside the caller's transaction:
// the shared Merger over the device's rows, the page's records read together first, and
// operations whose record or parents have not arrived parked and retried.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include "device_merge_state.h"
#include "nextstep/model/stamp.h"
#include "nextstep/storage/database.h"
#include "nextstep/storage/record_rows.h"
#include "nextstep/sync/merge/merger.h"
#include "nextstep/sync/remote_op.h"
#include "nextstep/time/civil_time.h"

namespace nextstep::sync {

class RemoteApplier {
 public:
  RemoteApplier(Database& db, HybridClock& clock, DeviceId self, Instant now)
      : db_(db), clock_(clock), self_(self), state_(db, self, now), merger_(state_) {}

  // In log order; then the parked operations, when the page applied anything.
  void apply(std::span<const RemoteOp> page);

  ApplyStats stats() const;

 private:
  void merge(const RemoteOp& r);

  // Parked operations whose record or parents have arrived since; one pass, in log order.
  void retryParked();

  [[noreturn]] static void unreadable(const RemoteOp& r, const std::string& what);

  static RemoteOp readParked(const Statement& s);

  void park(const RemoteOp& r);

  // A reference to a record this device has not received yet cannot be written (foreign keys).
  // Parents usually arrive in the same page just before their children: remember what exists.
  bool missingParent(const Fields& fields);

  Database& db_;
  HybridClock& clock_;
  DeviceId self_;
  DeviceMergeState state_;
  Merger merger_;
  int own_ = 0;
  int parked_ = 0;
  // By type and id: an id of another type is no parent (a deal naming a meeting as its account
  // must be parked, not written; found by fuzzing).
  static std::string knownKey(RecordType type, std::string_view id);
  std::unordered_set<std::string> known_;  // records that exist here
};

}  // namespace nextstep::sync
