// Hybrid logical clock stamps: they order every write in a team, device id breaking ties.
#pragma once

#include <array>
#include <atomic>
#include <compare>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace nextstep {

using DeviceId = std::uint64_t;

// 48 bits of wall-clock milliseconds and 16 bits of logical counter.
struct Stamp {
  std::uint64_t hlc = 0;
  DeviceId device = 0;

  auto operator<=>(const Stamp&) const = default;
  bool isZero() const { return hlc == 0 && device == 0; }

  std::int64_t millis() const { return static_cast<std::int64_t>(hlc >> 16); }
  std::uint16_t logical() const { return static_cast<std::uint16_t>(hlc & 0xffff); }

  // 16 bytes, big-endian, so that SQLite's memcmp order of the blobs is the stamp order.
  std::array<unsigned char, 16> encode() const;
  static Stamp decode(const void* bytes, std::size_t size);
  std::string toHex() const;
};

std::uint64_t packHlc(std::int64_t millis, std::uint16_t logical);
std::string deviceIdToHex(DeviceId id);
bool parseDeviceId(std::string_view hex, DeviceId& out);

// Thread-safe hybrid logical clock (Kulkarni et al.): monotonic per device, close to wall time,
// and advanced past every stamp observed from other devices.
class HybridClock {
 public:
  using WallClock = std::function<std::int64_t()>;  // milliseconds since the Unix epoch

  explicit HybridClock(WallClock wall, std::uint64_t last = 0);

  std::uint64_t now();
  // Merges a stamp seen from elsewhere, but never further than max_ahead_ms beyond our wall
  // clock: a device with a wrong date must not drag everyone's clock into the future.
  void observe(std::uint64_t remote, std::int64_t max_ahead_ms);
  // Continues from a stamp this device itself issued before (persisted across restarts).
  void resume(std::uint64_t own_last);
  std::uint64_t last() const;
  // The wall clock as this device trusts it: the system's, corrected by the server's time.
  std::int64_t wallMillis() const { return wall_() + offset_ms_.load(); }
  std::int64_t offsetMillis() const { return offset_ms_.load(); }
  // Follows the server's time from now on (the device's date is wrong) and drops stamps issued
  // from the wrong date, so the next one is close to the corrected wall clock.
  void correct(std::int64_t offset_ms);

  static WallClock systemWallClock();

 private:
  WallClock wall_;
  std::atomic<std::int64_t> offset_ms_{0};
  mutable std::mutex mu_;
  std::uint64_t last_;
};

}  // namespace nextstep
