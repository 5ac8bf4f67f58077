// A store whose clock starts on 1 March 2026 (so meetings around both of 2026's daylight-saving
// changes are still ahead), with one customer whose people have non-ASCII names.
#pragma once

#include <memory>
#include <string>

#include "nextstep/storage/store.h"
#include "test_store.h"

namespace nextstep::testing {

class CalendarTest : public ::testing::Test {
 protected:
  CalendarTest();
  ~CalendarTest() override;

  // Books a meeting of the deal at a wall-clock time in `tz`; returns its id.
  std::string book(const char* local_time, const char* tz, int minutes = 60);
  std::string file(const std::string& name) const { return dir_.file(name); }
  // Writes text to a file of the temporary folder and returns its path.
  std::string save(const std::string& name, const std::string& text) const;

  TempDir dir_;
  TestClock clock_;
  std::unique_ptr<Store> store_;
  std::string account_;
  std::string deal_;
  std::string juergen_;  // decision maker, with email
  std::string zoe_;      // user, with email
  std::string kim_;      // champion, no email
};

}  // namespace nextstep::testing
