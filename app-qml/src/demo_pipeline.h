// A realistic demo pipeline for `nextstep-app --demo`, the screenshots and the app's tests, made
// through the core's API only: accounts, contacts with roles, deals across the ladder, meetings
// held (with outcomes) and booked, customer actions of both kinds, notes, touches, an event with
// participants, a stale account, and one conflict resolved by sync between two devices.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "nextstep/model/result.h"
#include "nextstep/model/stamp.h"
#include "nextstep/storage/store.h"
#include "nextstep/time/civil_time.h"

namespace demo {

// The demo's clock: the real clock moved to 10:20 today in the device's zone (so a meeting is in
// its last ten minutes), and moved back further while the past is being written.
class DemoClock {
 public:
  explicit DemoClock(const nextstep::TimeZone& zone);
  nextstep::HybridClock::WallClock wall() const;
  nextstep::Instant now() const;
  // Puts the clock at `t` (keeps running from there).
  void set(nextstep::Instant t);
  nextstep::Instant demoNow() const { return demo_now_; }
  // Back to the demo's "now" (10:20 today plus the time since).
  void resume();

 private:
  std::shared_ptr<std::atomic<std::int64_t>> offset_ms_;
  nextstep::Instant demo_now_;
  std::int64_t demo_offset_ms_ = 0;
};

struct DemoIds {
  std::string deal_with_conflict;   // Acme: its value was edited on two devices
  std::string meeting_in_progress;  // Cobalt: in its last ten minutes
  std::string upcoming_meeting;     // Delta: this afternoon, with a plan
  std::string event;
  std::string deal_to_book;  // Evergreen: met, no next step yet
  std::string crm_export;    // a HubSpot deals export (a file) to try the import with
};

// Fills `store` (opened with clock.wall()); a second device's store is made in `scratch_dir` to
// produce the conflict, and the CRM export beside it. Leaves the clock at the demo's now.
nextstep::Result<DemoIds> fillDemoPipeline(nextstep::Store& store, DemoClock& clock,
                                           const nextstep::TimeZone& zone,
                                           const std::filesystem::path& scratch_dir);

}  // namespace demo
