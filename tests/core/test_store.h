// A real SQLite store in a fresh temporary folder, with a clock the test sets.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "nextstep/storage/store.h"

namespace nextstep::testing {

class TestClock {
 public:
  explicit TestClock(Instant start) : ms_(toUnix(start) * 1000) {}
  HybridClock::WallClock wall() {
    return [this] { return ms_.load(); };
  }
  void set(Instant t) { ms_ = toUnix(t) * 1000; }
  void advance(std::chrono::seconds s) { ms_ += s.count() * 1000; }
  Instant now() const { return instantFromUnix(ms_.load() / 1000); }

 private:
  std::atomic<std::int64_t> ms_;
};

// A temporary folder removed at the end of the test.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

Instant at(const char* utc_iso);       // "2026-11-26T09:00:00Z"
CivilDateTime local(const char* iso);  // "2026-11-26T09:00"
CivilDate day(const char* iso);

template <typename T>
T unwrap(Result<T> r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  if (!r.ok()) throw std::runtime_error(r.error().message);
  return std::move(r).value();
}
inline void unwrap(Result<void> r) {
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  if (!r.ok()) throw std::runtime_error(r.error().message);
}

// Each test gets a real database file; integrity and foreign keys are checked after every test.
class StoreTest : public ::testing::Test {
 protected:
  StoreTest();
  ~StoreTest() override;
  void TearDown() override;

  void reopen();
  std::int64_t scalar(const std::string& sql);
  std::int64_t outboxCount() { return scalar("SELECT count(*) FROM outbox"); }

  TempDir dir_;
  TestClock clock_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

}  // namespace nextstep::testing
