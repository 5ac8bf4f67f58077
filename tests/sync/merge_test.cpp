#include "nextstep/sync/merge/clocks.h"

#include <gtest/gtest.h>

#include "stamp_shorthand.h"

namespace nextstep::sync {
namespace {

TEST(Merge, AWriteThatSawTheCurrentValueReplacesItQuietly) {
  const MergeDecision d = decide({s(10), {}}, {s(20, 2), s(10)});
  EXPECT_TRUE(d.apply);
  EXPECT_FALSE(d.concurrent);
}

TEST(Merge, ConcurrentWritesAreDecidedByStampAndTheLoserArchived) {
  const MergeDecision newer = decide({s(10), {}}, {s(20, 2), {}});
  EXPECT_TRUE(newer.apply);
  EXPECT_TRUE(newer.concurrent);
  const MergeDecision older = decide({s(20), {}}, {s(10, 2), {}});
  EXPECT_FALSE(older.apply);
  EXPECT_TRUE(older.concurrent);
}

TEST(Merge, TheDeviceIdBreaksATie) {
  EXPECT_TRUE(decide({s(10, 1), {}}, {s(10, 2), {}}).apply);
  EXPECT_FALSE(decide({s(10, 2), {}}, {s(10, 1), {}}).apply);
}

TEST(Merge, TheSameWriteTwiceIsADuplicate) {
  const MergeDecision d = decide({s(10), s(5)}, {s(10), s(5)});
  EXPECT_TRUE(d.duplicate);
  EXPECT_FALSE(d.apply);
}

TEST(Merge, AnOldWriteTheCurrentOneSupersededIsNoConflict) {
  const MergeDecision d = decide({s(20, 2), s(10)}, {s(10), {}});
  EXPECT_FALSE(d.apply);
  EXPECT_FALSE(d.concurrent);
}

TEST(Merge, EveryOrderOfThreeConcurrentWritesEndsWithTheHighest) {
  const RegisterClock writes[] = {{s(30, 3), {}}, {s(10, 1), {}}, {s(20, 2), {}}};
  int order[] = {0, 1, 2};
  do {
    RegisterClock current{s(1, 9), {}};
    int archived = 0;
    for (int i : order) {
      const MergeDecision d = decide(current, writes[i]);
      archived += d.concurrent;
      if (d.apply) current = writes[i];
    }
    EXPECT_EQ(current.stamp, s(30, 3));
    EXPECT_EQ(archived, 3) << "the initial value and the two lower writes each lose once";
  } while (std::next_permutation(std::begin(order), std::end(order)));
}

TEST(Merge, AnAddTheRemoverDidNotSeeWins) {
  MemberClock m = mergeAdd({}, s(10));
  EXPECT_TRUE(m.present());
  const MemberClock removed = mergeRemove(m, s(10));
  EXPECT_FALSE(removed.present());
  const MemberClock readded = mergeAdd(removed, s(15, 2));
  EXPECT_TRUE(readded.present());
  // Concurrent: an add at 15 and a remove of the add at 10, in either order.
  EXPECT_TRUE(mergeRemove(mergeAdd(m, s(15, 2)), s(10)).present());
  EXPECT_TRUE(mergeAdd(mergeRemove(m, s(10)), s(15, 2)).present());
}

}  // namespace
}  // namespace nextstep::sync
