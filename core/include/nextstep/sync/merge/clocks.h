// The merge rules every replica runs, devices and server alike: per-register last-writer-wins
// ordered by stamp, and "concurrent" decided by what each writer had seen.
#pragma once

#include "nextstep/model/stamp.h"

namespace nextstep::sync {

// A register's clock: the stamp of the write it holds and the stamp that writer had seen there.
struct RegisterClock {
  Stamp stamp;
  Stamp base;  // zero: the writer saw nothing (a create, or a first write)
};

struct MergeDecision {
  bool apply = false;       // the incoming write replaces the current one
  bool concurrent = false;  // the loser was written without knowing of the winner: archive it
  bool duplicate = false;   // the very same write again
};

// Highest stamp wins. A write that had seen the other one (its base is at least the other's
// stamp) replaced it knowingly; otherwise the two were concurrent and the loser is archived.
MergeDecision decide(const RegisterClock& current, const RegisterClock& incoming);

// The add-wins set: a member is present while its newest add is newer than every remove's base.
struct MemberClock {
  Stamp add_stamp;
  Stamp removed_upto;
  bool present() const { return removed_upto.isZero() || add_stamp > removed_upto; }
};
MemberClock mergeAdd(const MemberClock& current, const Stamp& add);
MemberClock mergeRemove(const MemberClock& current, const Stamp& removed_add);

}  // namespace nextstep::sync
