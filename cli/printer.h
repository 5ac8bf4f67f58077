// What a command shows, in one of two forms: aligned text for people (times in the --tz zone) or
// JSON for scripts (stable snake_case keys, documented in docs/cli.md).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/calendar/invitation.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/data/backup.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/data/export.h"
#include "nextstep/follow_up/reminders.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/meetings/events.h"
#include "nextstep/model/model.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/search/search.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_client.h"
#include "nextstep/sync/sync_round.h"

namespace nextstep::cli {

// Contacts by id, to name the attendees and the people asked for their temperature.
using ContactsById = std::map<std::string, Contact>;

// A change to a record that is already there (set, delete, cancel, done, ...).
struct Change {
  std::string_view record;  // "deal"
  std::string id;
  std::string_view result;  // "updated", "deleted", ...
  std::string summary;      // one line for people
};

struct DealList {
  std::vector<DealRow> rows;
  std::int64_t total = 0;  // every deal that matches, past --limit
};

struct DealPage {
  DealView view;
  ContactsById contacts;
};

struct AccountPage {
  Account account;
  std::vector<Contact> contacts;
  std::vector<DealRow> deals;
};

struct ContactList {
  std::vector<Contact> contacts;
  std::map<std::string, std::string> account_names;  // by account id
};

struct ContactPage {
  Contact contact;
  std::optional<Account> account;
};

struct MeetingPage {
  Meeting meeting;
  Deal deal;
  std::vector<Contact> attendees;
  std::optional<Outcome> outcome;
  std::vector<TemperatureCheck> temperature;
  std::vector<ActionItem> actions;  // agreed in this meeting
  ContactsById contacts;
};

struct Suggestions {
  std::string deal_id;
  std::string deal_title;
  BookingDefaults defaults;
};

struct ClosedCall {
  std::string meeting_id;
  Deal deal;  // as it is after the close
  OutcomeResult result = OutcomeResult::kMaybe;
  std::optional<CivilDate> follow_up;
  CallCloseResult close;
  std::optional<Meeting> next_step;  // the deal's next step after the close
};

struct EventPage {
  Event event;
  std::vector<ParticipantStatus> participants;
};

struct HealthReport {
  PipelineHealth health;
  CivilDate date;
  std::string zone;
  int rate_window_days = 90;
  int cadence_days = 30;
};

struct Integrity {
  std::string path;
  int schema_version = 0;
  std::int64_t pending_changes = 0;
};

struct SignIn {
  std::string server;
  std::string email;
  std::string team;
};

struct SyncRun {
  std::string server;
  std::string team;
  sync::RoundReport round;
  std::int64_t pending = 0;         // local changes still not on the server
  std::int64_t open_conflicts = 0;  // values that lost a merge and wait for a look
  std::int64_t set_aside = 0;       // changes the server refused, kept on this device
  // Set when this database became a new device in this run (a copy, a restored backup).
  std::optional<std::string> new_device;
};

// export ics: the file's text goes to standard output unless it went to `file`.
struct InvitationOutput {
  calendar::Invitation invitation;
  std::optional<std::string> file;
};

// recap: `content` is the chosen format's text; it goes to standard output unless to `file`.
struct RecapOutput {
  calendar::Recap recap;
  std::string format;  // text | mailto | eml
  std::string content;
  std::optional<std::string> file;
};

struct ExportOutput {
  std::string format;  // csv | json
  std::string target;  // the folder or the file
  data::ExportSummary summary;
};

struct ReminderRun {
  std::vector<Reminder> reminders;
  std::string via;     // desktop | printed | listed
  std::string notice;  // why they were printed instead of shown
};

class Printer {
 public:
  virtual ~Printer() = default;

  virtual void newId(const std::string& id) = 0;
  virtual void newIds(const std::vector<std::string>& ids) = 0;
  virtual void changed(const Change& change) = 0;

  virtual void dealList(const DealList& list) = 0;
  virtual void deal(const DealPage& page) = 0;
  virtual void accountList(const std::vector<Account>& accounts) = 0;
  virtual void account(const AccountPage& page) = 0;
  virtual void contactList(const ContactList& list) = 0;
  virtual void contact(const ContactPage& page) = 0;
  virtual void meeting(const MeetingPage& page) = 0;
  virtual void suggestions(const Suggestions& s) = 0;
  virtual void closedCall(const ClosedCall& closed) = 0;
  virtual void action(const ActionItem& action) = 0;
  virtual void eventList(const std::vector<Event>& events) = 0;
  virtual void event(const EventPage& page) = 0;
  virtual void settings(const TeamSettings& settings) = 0;
  virtual void today(const Today& today) = 0;
  virtual void health(const HealthReport& report) = 0;
  virtual void searchHits(std::string_view query, const std::vector<SearchHit>& hits) = 0;
  virtual void integrity(const Integrity& report) = 0;
  virtual void signedIn(const SignIn& sign_in) = 0;
  virtual void syncRound(const SyncRun& run) = 0;
  virtual void syncStatus(const sync::SyncStatus& status) = 0;  // one line per change, --watch
  virtual void conflicts(const std::vector<sync::ConflictEntry>& conflicts) = 0;
  virtual void setAside(const std::vector<sync::SetAsideChange>& changes) = 0;
  virtual void invitation(const InvitationOutput& out) = 0;
  virtual void recap(const RecapOutput& out) = 0;
  virtual void imported(const data::ImportReport& report) = 0;
  virtual void exported(const ExportOutput& out) = 0;
  virtual void backedUp(const data::BackupCheck& check) = 0;
  virtual void restored(const data::RestoreReport& report) = 0;
  virtual void reminders(const ReminderRun& run) = 0;
};

std::unique_ptr<Printer> makeJsonPrinter(std::ostream& out);
// `now` makes "in 3 days" and "2 days ago" relative to --now.
std::unique_ptr<Printer> makeTextPrinter(std::ostream& out, const TimeZone& zone, Instant now);

}  // namespace nextstep::cli
