// Reminders (rules 3, 7 and 8) as a query over the synced records, not as records of their own:
// the follow-ups the rep owes, the dates the customer named, meetings about to end (the last ten
// minutes are for closing the call) and customers about to go quiet. Whichever device the rep
// carries computes the same reminders from the same synced data, so they fire there.
//
// The only state kept is local: which reminders this device has already shown, so a platform
// notifier that runs every minute shows each once per device (the phone still rings when the
// laptop already showed it). A reminder goes away for good when the rep acts on it (marks the
// action done, logs a touch, closes the call), and those changes sync like everything else.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"
#include "nextstep/time/civil_time.h"

namespace nextstep {

enum class ReminderKind {
  kFollowUp,       // a rep action due (rule 7's reminder on the customer's date among them)
  kCustomerDate,   // the customer said they would do something by today: ask if it is done
  kMeetingEnding,  // ten minutes before a planned meeting ends: close the call (rule 3)
  kTouchDue,       // an active customer reaches the touch cadence (rule 8)
};

inline constexpr std::chrono::minutes kCloseTheCall{10};

struct Reminder {
  // Stable and unique: "<kind>:<record id>:<date or time>", so a reminder moved to another date
  // is a new reminder and one shown already is recognised.
  std::string id;
  ReminderKind kind = ReminderKind::kFollowUp;
  Instant fire_at{};
  std::string title;  // one line for a notification
  std::string body;
  std::string deal_id;  // empty for a customer past the cadence
  std::string account_id;
  std::optional<std::string> meeting_id;
  std::optional<std::string> action_id;
};

struct ReminderQuery {
  Instant now{};
  std::chrono::seconds horizon{0};  // also what fires up to this long after now
  // The device's zone: a reminder for a date fires at `morning_hour` on that date there.
  TimeZone zone = TimeZone::local();
  int morning_hour = 9;
  // How far back a reminder for a date still fires (a device off over the weekend shows Friday's
  // on Monday); older ones are in `nextstep today` as overdue.
  int lookback_days = 7;
  std::optional<std::string> owner;  // one rep's deals; empty: everyone's
  int limit = 200;                   // per kind
};

// The reminders firing at or before now + horizon, oldest first.
Result<std::vector<Reminder>> dueReminders(Store& store, const ReminderQuery& query);
Result<std::vector<Reminder>> dueReminders(Store& store, Instant now, std::chrono::seconds horizon);

// Of the reminders firing by now, those this device has not shown yet.
Result<std::vector<Reminder>> undeliveredReminders(Store& store, const ReminderQuery& query);
// Remembers (on this device only) that these were shown; forgets entries older than 60 days.
Result<void> markDelivered(Store& store, const std::vector<Reminder>& shown, Instant at);

std::string_view reminderKindName(ReminderKind kind);  // follow_up, customer_date, ...

}  // namespace nextstep
