// The records of the method as the rest of the program reads them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/enums.h"
#include "nextstep/time/civil_time.h"
#include "nextstep/time/working_days.h"

namespace nextstep {

struct Account {
  std::string id;
  std::string name;
  std::string industry;
  std::string city;
  std::string owner;
  std::optional<int> cadence_days;  // empty: the team's cadence
  std::string tz;                   // the zone it works in, offered when booking; empty: unknown
  Instant created_at{};
  std::optional<Instant> last_touch_at;
  int open_deals = 0;
};

struct Contact {
  std::string id;
  std::optional<std::string> account_id;
  std::string name;
  std::string email;
  std::string phone;
  ContactRole role = ContactRole::kOther;
  std::string title;
};

struct Money {
  std::int64_t minor = 0;  // hundredths of the currency's unit, whatever its own decimals
  std::string currency = "EUR";
};

struct Deal {
  std::string id;
  std::optional<std::string> account_id;
  std::string account_name;
  std::string title;
  Money value;
  std::string stage;
  DealStatus status = DealStatus::kOpen;
  std::string owner;
  Instant created_at{};
  std::string lost_reason;
  bool compliance_only = false;  // recent customer actions are compliance only (rule 4)
  std::optional<ActionKind> latest_customer_kind;
};

struct Meeting {
  std::string id;
  std::string deal_id;
  Instant start{};
  std::string tz;  // IANA zone it was booked in
  int duration_min = 30;
  std::string place;
  std::string agenda;
  std::string goal;  // the anticipated outcome
  MeetingStatus status = MeetingStatus::kPlanned;
  Instant booked_at{};
  std::optional<bool> booked_at_table;  // empty: the deal had no earlier meeting
  std::vector<std::string> attendee_ids;
  // Pre-call plan (rule 5).
  std::string plan_primary;
  std::string plan_backup;
  std::string plan_asks;
  std::optional<ObjectiveMet> objective_met;
  std::string recap;
  std::optional<std::string> event_id;

  Instant end() const { return start + std::chrono::minutes(duration_min); }
};

struct Outcome {
  std::string meeting_id;  // also the outcome's own id: one outcome per meeting
  std::string deal_id;
  OutcomeResult result = OutcomeResult::kMaybe;
  std::optional<NoReason> no_reason;
  std::string reason_text;
  std::string probe_answers;  // what "maybe" turned out to mean
  std::optional<CivilDate> follow_up_on;
  std::string what_next;  // rule 12: "What do you want to do next?"
  std::string approvers;  // rule 12: who else must approve
  std::optional<CivilDate> approve_by;
  Instant recorded_at{};
};

struct ActionItem {
  std::string id;
  std::string deal_id;
  std::optional<std::string> meeting_id;
  ActionOwner owner = ActionOwner::kRep;
  std::string text;
  std::optional<CivilDate> due;
  bool done = false;
  ActionKind kind = ActionKind::kNeutral;
  bool kind_overridden = false;  // the rep chose the class, not the catalogue
  Instant created_at{};
};

struct TemperatureCheck {
  std::string id;
  std::string meeting_id;
  std::string contact_id;
  std::string most_interesting;
  std::string to_clarify;
  Readiness ready = Readiness::kUnsure;
  Instant created_at{};
};

struct Note {
  std::string id;
  std::optional<std::string> deal_id;
  std::optional<std::string> account_id;
  std::optional<std::string> contact_id;
  std::string text;
  std::string author;
  Instant created_at{};
};

struct Touch {
  std::string id;
  std::string account_id;
  std::optional<std::string> contact_id;
  std::optional<std::string> deal_id;
  TouchKind kind = TouchKind::kOther;
  Instant at{};
  std::string note;
};

struct Event {
  std::string id;
  EventKind kind = EventKind::kDemo;
  std::string title;
  Instant start{};
  std::string tz;
  std::string place;
};

struct Participant {
  std::string id;
  std::string event_id;
  std::string contact_id;
  std::optional<std::string> deal_id;
  bool interested = true;
};

struct TeamSettings {
  std::vector<std::string> stages;  // the ladder of value, lowest rung first (rule 11)
  int cadence_days = 30;            // rule 8
  WorkingDays working_days;         // suggested slots fall on these

  static TeamSettings defaults();
  bool hasStage(std::string_view stage) const;
  // The rung above `stage`, or empty at the top of the ladder.
  std::optional<std::string> stageAfter(std::string_view stage) const;
};

}  // namespace nextstep
