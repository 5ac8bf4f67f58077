#include "nextstep/sync/merge/clocks.h"

#include <algorithm>

namespace nextstep::sync {

MergeDecision decide(const RegisterClock& current, const RegisterClock& incoming) {
  MergeDecision d;
  if (incoming.stamp == current.stamp) {
    d.duplicate = true;
    return d;
  }
  if (incoming.stamp > current.stamp) {
    d.apply = true;
    d.concurrent = incoming.base < current.stamp;
  } else {
    d.concurrent = current.base < incoming.stamp;
  }
  return d;
}

MemberClock mergeAdd(const MemberClock& current, const Stamp& add) {
  return MemberClock{std::max(current.add_stamp, add), current.removed_upto};
}

MemberClock mergeRemove(const MemberClock& current, const Stamp& removed_add) {
  return MemberClock{current.add_stamp, std::max(current.removed_upto, removed_add)};
}

}  // namespace nextstep::sync
