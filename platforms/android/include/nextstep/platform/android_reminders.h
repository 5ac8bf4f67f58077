// NOT BUILT HERE. The interface the Qt app's Android build implements to show NextStep's reminders
// with Android's NotificationManager (through JNI). This repository's CI has no Android SDK or
// NDK, so nothing in this folder is compiled or tested yet; see README.md.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "nextstep/follow_up/reminders.h"
#include "nextstep/model/result.h"

namespace nextstep::platform::android {

// What the app passes down: the reminders of nextstep::dueReminders() for the next day, so the OS
// can fire them while the app is not running.
struct ScheduledReminder {
  std::string id;           // Reminder::id; also the notification's tag (replaces, never twice)
  std::int64_t fire_at_ms;  // Reminder::fire_at, for AlarmManager.setExactAndAllowWhileIdle
  std::string title;
  std::string body;
  std::string deep_link;  // "nextstep://deal/<id>" or "nextstep://meeting/<id>"
  bool close_the_call;    // ReminderKind::kMeetingEnding: high importance, heads-up
};

class AndroidReminders {
 public:
  virtual ~AndroidReminders() = default;

  // Creates the notification channels once ("reminders", default importance; "close-the-call",
  // high importance). Android 8+ ignores notifications without a channel.
  virtual Result<void> createChannels() = 0;

  // Android 13+: POST_NOTIFICATIONS is a runtime permission; the app asks at its first reminder.
  virtual bool notificationsAllowed() const = 0;

  // Replaces the alarms with these: one PendingIntent per reminder (request code from the id),
  // received by a BroadcastReceiver that calls NotificationManager.notify(tag = id, ...).
  virtual Result<void> schedule(const std::vector<ScheduledReminder>& reminders) = 0;

  // Shows one now (a reminder already due when the app starts).
  virtual Result<void> showNow(const ScheduledReminder& reminder) = 0;
};

ScheduledReminder scheduledFrom(const Reminder& r);

}  // namespace nextstep::platform::android
