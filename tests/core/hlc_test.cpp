#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "nextstep/model/stamp.h"

namespace nextstep {
namespace {

TEST(HybridClock, IsMonotonicWhenTheWallClockStandsStillOrGoesBack) {
  std::int64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; });
  const std::uint64_t a = clock.now();
  const std::uint64_t b = clock.now();
  wall -= 5000;  // NTP stepped the clock back
  const std::uint64_t c = clock.now();
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_EQ(Stamp{a}.millis(), 1'000'000);
  EXPECT_EQ(Stamp{b}.logical(), 1);
}

TEST(HybridClock, FollowsTheWallClockWhenItMovesOn) {
  std::int64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; });
  clock.now();
  clock.now();
  wall += 10;
  const Stamp s{clock.now()};
  EXPECT_EQ(s.millis(), 1'000'010);
  EXPECT_EQ(s.logical(), 0);
}

TEST(HybridClock, ObservingAFasterClockMovesPastIt) {
  std::int64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; });
  const std::uint64_t remote = packHlc(1'000'500, 3);
  clock.observe(remote, 60'000);
  EXPECT_GT(clock.now(), remote);
}

TEST(HybridClock, AClockFarAheadIsBounded) {
  std::int64_t wall = 1'000'000;
  HybridClock clock([&] { return wall; });
  clock.observe(packHlc(wall + 86'400'000, 0), /*max_ahead_ms=*/60'000);  // a day ahead
  EXPECT_LE(Stamp{clock.now()}.millis(), wall + 60'000);
}

TEST(Stamp, BlobOrderIsStampOrder) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 10'000; ++i) {
    const Stamp a{rng() >> (rng() % 64), rng() >> (rng() % 64)};
    const Stamp b{rng() >> (rng() % 64), rng() >> (rng() % 64)};
    const auto ea = a.encode(), eb = b.encode();
    const int cmp = std::memcmp(ea.data(), eb.data(), 16);
    EXPECT_EQ(cmp < 0, a < b);
    EXPECT_EQ(cmp == 0, a == b);
    EXPECT_EQ(Stamp::decode(ea.data(), ea.size()), a);
  }
}

TEST(Stamp, DeviceIdBreaksTies) {
  EXPECT_LT((Stamp{5, 1}), (Stamp{5, 2}));
  EXPECT_LT((Stamp{5, 9}), (Stamp{6, 1}));
}

TEST(DeviceId, RoundTripsThroughHex) {
  DeviceId id = 0;
  EXPECT_TRUE(parseDeviceId(deviceIdToHex(0x0123456789abcdefULL), id));
  EXPECT_EQ(id, 0x0123456789abcdefULL);
  EXPECT_FALSE(parseDeviceId("xyz", id));
  EXPECT_FALSE(parseDeviceId("0123456789abcdeg", id));
}

}  // namespace
}  // namespace nextstep
