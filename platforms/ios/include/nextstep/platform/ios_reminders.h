// NOT BUILT HERE. The interface the Qt app's iOS build implements to show NextStep's reminders
// with UNUserNotificationCenter (Objective-C++). This repository builds on Debian, with no Xcode
// or iOS SDK, so nothing in this folder is compiled or tested yet; see README.md.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "nextstep/follow_up/reminders.h"
#include "nextstep/model/result.h"

namespace nextstep::platform::ios {

struct LocalNotification {
  std::string identifier;   // Reminder::id: a request with the same identifier replaces the last
  std::int64_t fire_at_ms;  // Reminder::fire_at: a UNCalendarNotificationTrigger (or now)
  std::string title;
  std::string body;
  std::string thread;   // the deal id: iOS groups a deal's reminders together
  bool time_sensitive;  // the ten-minute close: UNNotificationInterruptionLevelTimeSensitive
};

class IosReminders {
 public:
  virtual ~IosReminders() = default;

  // requestAuthorizationWithOptions(alert | sound | badge); the answer comes asynchronously.
  virtual void requestAuthorization(std::function<void(bool granted)> done) = 0;

  // Replaces every pending NextStep request with these (iOS keeps at most 64 pending local
  // notifications per app: the app passes the next 64 by fire time).
  virtual Result<void> replacePending(const std::vector<LocalNotification>& notifications) = 0;
};

LocalNotification localNotificationFrom(const Reminder& r);

}  // namespace nextstep::platform::ios
