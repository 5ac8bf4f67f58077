#include "nextstep/model/stamp.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace nextstep {

std::array<unsigned char, 16> Stamp::encode() const {
  std::array<unsigned char, 16> out{};
  for (int i = 0; i < 8; ++i) {
    out[static_cast<std::size_t>(i)] = static_cast<unsigned char>(hlc >> (56 - 8 * i));
    out[static_cast<std::size_t>(8 + i)] = static_cast<unsigned char>(device >> (56 - 8 * i));
  }
  return out;
}

Stamp Stamp::decode(const void* bytes, std::size_t size) {
  Stamp s;
  if (size != 16) return s;
  const auto* b = static_cast<const unsigned char*>(bytes);
  for (int i = 0; i < 8; ++i) {
    s.hlc = (s.hlc << 8) | b[i];
    s.device = (s.device << 8) | b[8 + i];
  }
  return s;
}

std::string Stamp::toHex() const {
  char buf[34];
  std::snprintf(buf, sizeof buf, "%016llx.%016llx", static_cast<unsigned long long>(hlc),
                static_cast<unsigned long long>(device));
  return buf;
}

std::uint64_t packHlc(std::int64_t millis, std::uint16_t logical) {
  return (static_cast<std::uint64_t>(millis) << 16) | logical;
}

std::string deviceIdToHex(DeviceId id) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(id));
  return buf;
}

bool parseDeviceId(std::string_view hex, DeviceId& out) {
  if (hex.size() != 16) return false;
  auto [p, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), out, 16);
  return ec == std::errc() && p == hex.data() + hex.size();
}

HybridClock::HybridClock(WallClock wall, std::uint64_t last)
    : wall_(std::move(wall)), last_(last) {}

std::uint64_t HybridClock::now() {
  std::lock_guard lock(mu_);
  const std::uint64_t physical = packHlc(wallMillis(), 0);
  // Past the wall clock only when the wall clock stood still or went back, or after observing a
  // stamp from a faster clock; the logical counter then orders writes within one millisecond.
  last_ = std::max(last_ + 1, physical);
  return last_;
}

void HybridClock::observe(std::uint64_t remote, std::int64_t max_ahead_ms) {
  std::lock_guard lock(mu_);
  const std::uint64_t ceiling = packHlc(wallMillis() + max_ahead_ms, 0);
  last_ = std::max(last_, std::min(remote, ceiling));
}

void HybridClock::correct(std::int64_t offset_ms) {
  std::lock_guard lock(mu_);
  offset_ms_ = offset_ms;
  last_ = packHlc(wallMillis(), 0);
}

void HybridClock::resume(std::uint64_t own_last) {
  std::lock_guard lock(mu_);
  last_ = std::max(last_, own_last);
}

std::uint64_t HybridClock::last() const {
  std::lock_guard lock(mu_);
  return last_;
}

HybridClock::WallClock HybridClock::systemWallClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

}  // namespace nextstep
