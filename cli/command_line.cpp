// The command line: every command, flag and help text, parsed with CLI11 (the only file that
// includes it), then handed to the command's function with a Session for the global flags.
#include <CLI/CLI.hpp>
#include <exception>
#include <functional>
#include <iostream>

#include "account_commands.h"
#include "action_commands.h"
#include "calendar_commands.h"
#include "contact_commands.h"
#include "data_commands.h"
#include "deal_commands.h"
#include "event_commands.h"
#include "meeting_commands.h"
#include "note_touch_commands.h"
#include "record_lifecycle.h"
#include "remind_commands.h"
#include "report_commands.h"
#include "session.h"
#include "settings_commands.h"
#include "sync_commands.h"

#ifndef NEXTSTEP_VERSION
#define NEXTSTEP_VERSION "0.0.0"
#endif

namespace nextstep::cli {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;     // the command could not be done; nothing was changed
constexpr int kExitUsage = 2;      // the command line or one of its values is wrong
constexpr int kExitAttention = 3;  // done, but something needs a look (changes set aside)

using Command = std::function<Result<void>(Session&)>;

// Every command's flags, filled by the parser.
struct Flags {
  GlobalFlags global;
  std::string id;
  std::string second;  // action kind ID KIND
  std::optional<std::string> limit;
  DealAddFlags deal_add;
  DealListFlags deal_list;
  DealSetFlags deal_set;
  AccountAddFlags account_add;
  AccountSetFlags account_set;
  ContactAddFlags contact_add;
  ContactSetFlags contact_set;
  ContactListFlags contact_list;
  MeetingBookFlags meeting_book;
  MeetingRescheduleFlags meeting_reschedule;
  MeetingPlanFlags meeting_plan;
  MeetingCloseFlags meeting_close;
  std::string suggest_deal;
  ActionAddFlags action_add;
  NoteAddFlags note_add;
  TouchAddFlags touch_add;
  EventAddFlags event_add;
  ParticipantAddFlags participant_add;
  ParticipantInterestFlags participant_interest;
  EventBookFlags event_book;
  SettingsSetFlags settings_set;
  ReportFlags report;
  SearchFlags search;
  LoginFlags login;
  SyncFlags sync;
  ConflictFlags conflict;
  SetAsideFlags set_aside;
  ExportIcsFlags export_ics;
  RecapFlags recap;
  ImportCsvFlags import_csv;
  RemindFlags remind;
};

// Adds a flag with a value; `kind` names the value in the help ("DATE", "ID").
template <typename T>
CLI::Option* flag(CLI::App* app, const std::string& name, T& value, const std::string& help,
                  const std::string& kind = "TEXT") {
  return app->add_option(name, value, help)->type_name(kind);
}

CLI::App* group(CLI::App& app, const std::string& name, const std::string& help) {
  CLI::App* sub = app.add_subcommand(name, help);
  sub->require_subcommand(1);
  return sub;
}

// A leaf command: parsing it selects `command`.
CLI::App* leaf(CLI::App* parent, const std::string& name, const std::string& help, Command& chosen,
               Command command) {
  CLI::App* sub = parent->add_subcommand(name, help);
  sub->callback([&chosen, command = std::move(command)] { chosen = command; });
  return sub;
}

void addDealCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* deal = group(app, "deal", "Deals: the pipeline and its next steps");

  CLI::App* add = leaf(deal, "add", "Add a deal; prints its id", chosen,
                       [&f](Session& s) { return addDealCommand(s, f.deal_add); });
  flag(add, "--title", f.deal_add.title, "What is being sold")->required();
  flag(add, "--account", f.deal_add.account, "Account id, id prefix or name (new names are added)",
       "ACCOUNT");
  flag(add, "--value", f.deal_add.value, "Value, e.g. 12000.50", "AMOUNT");
  flag(add, "--currency", f.deal_add.currency, "Three-letter code (default EUR)", "CODE");
  flag(add, "--stage", f.deal_add.stage, "A rung of the team's ladder (default: the first)",
       "STAGE");
  flag(add, "--owner", f.deal_add.owner, "The rep who owns it", "OWNER");

  CLI::App* list = leaf(deal, "list", "List deals, newest first", chosen,
                        [&f](Session& s) { return listDealsCommand(s, f.deal_list); });
  list->add_flag("--without-next-step", f.deal_list.without_next_step,
                 "Only open deals with no booked next step");
  list->add_flag("--compliance-only", f.deal_list.compliance_only,
                 "Only deals whose recent customer actions are compliance only");
  list->add_flag("--stale", f.deal_list.stale, "Only deals whose account is past its cadence");
  flag(list, "--stage", f.deal_list.stage, "Only this stage", "STAGE");
  flag(list, "--owner", f.deal_list.owner, "Only this rep's deals", "OWNER");
  flag(list, "--account", f.deal_list.account, "Only this account (id, prefix or name)", "ACCOUNT");
  flag(list, "--status", f.deal_list.status, "open (default), won, lost or all", "STATUS");
  flag(list, "--limit", f.deal_list.limit, "At most N deals (default 100, 0: all)", "N");

  CLI::App* show = leaf(deal, "show", "Show a deal: next step, people, who does what, timeline",
                        chosen, [&f](Session& s) { return showDealCommand(s, f.id); });
  flag(show, "id", f.id, "Deal id or unique prefix", "ID")->required();

  CLI::App* set = leaf(deal, "set", "Change a deal", chosen,
                       [&f](Session& s) { return setDealCommand(s, f.deal_set); });
  flag(set, "id", f.deal_set.id, "Deal id or unique prefix", "ID")->required();
  flag(set, "--title", f.deal_set.title, "New title");
  flag(set, "--stage", f.deal_set.stage, "New stage", "STAGE");
  flag(set, "--value", f.deal_set.value, "New value, e.g. 12000.50", "AMOUNT");
  flag(set, "--currency", f.deal_set.currency, "New currency", "CODE");
  flag(set, "--status", f.deal_set.status, "open, won or lost", "STATUS");
  flag(set, "--owner", f.deal_set.owner, "New owner", "OWNER");
  flag(set, "--account", f.deal_set.account, "New account (id, prefix or name)", "ACCOUNT");
  flag(set, "--lost-reason", f.deal_set.lost_reason, "Why it was lost");

  CLI::App* del = leaf(deal, "delete", "Delete a deal (restore brings it back)", chosen,
                       [&f](Session& s) { return deleteCommand(s, RecordType::kDeal, f.id); });
  flag(del, "id", f.id, "Deal id or unique prefix", "ID")->required();
  CLI::App* restore = leaf(deal, "restore", "Restore a deleted deal", chosen,
                           [&f](Session& s) { return restoreCommand(s, RecordType::kDeal, f.id); });
  flag(restore, "id", f.id, "Deal id or unique prefix", "ID")->required();
}

void addAccountCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* account = group(app, "account", "Accounts: the customers");

  CLI::App* add = leaf(account, "add", "Add an account; prints its id", chosen,
                       [&f](Session& s) { return addAccountCommand(s, f.account_add); });
  flag(add, "--name", f.account_add.name, "Company name")->required();
  flag(add, "--industry", f.account_add.industry, "Industry");
  flag(add, "--city", f.account_add.city, "City");
  flag(add, "--owner", f.account_add.owner, "The rep who owns it", "OWNER");
  flag(add, "--cadence-days", f.account_add.cadence_days,
       "Touch at least every N days (default: the team's cadence)", "N");
  flag(add, "--tz", f.account_add.tz,
       "The zone it works in, offered when booking (a zone or a city)", "Area/City");

  CLI::App* list = leaf(account, "list", "List accounts by name", chosen,
                        [&f](Session& s) { return listAccountsCommand(s, f.limit); });
  flag(list, "--limit", f.limit, "At most N accounts (default 200, 0: all)", "N");

  CLI::App* show = leaf(account, "show", "Show an account with its contacts and deals", chosen,
                        [&f](Session& s) { return showAccountCommand(s, f.id); });
  flag(show, "id", f.id, "Account id, unique prefix or name", "ACCOUNT")->required();

  CLI::App* set = leaf(account, "set", "Change an account", chosen,
                       [&f](Session& s) { return setAccountCommand(s, f.account_set); });
  flag(set, "id", f.account_set.id, "Account id, unique prefix or name", "ACCOUNT")->required();
  flag(set, "--name", f.account_set.name, "New name");
  flag(set, "--industry", f.account_set.industry, "New industry");
  flag(set, "--city", f.account_set.city, "New city");
  flag(set, "--owner", f.account_set.owner, "New owner", "OWNER");
  flag(set, "--cadence-days", f.account_set.cadence_days,
       "Touch at least every N days, or 'team' for the team's cadence", "N|team");
  flag(set, "--tz", f.account_set.tz, "The zone it works in, or 'none'", "Area/City|none");

  CLI::App* del = leaf(account, "delete", "Delete an account (restore brings it back)", chosen,
                       [&f](Session& s) { return deleteCommand(s, RecordType::kAccount, f.id); });
  flag(del, "id", f.id, "Account id or unique prefix", "ID")->required();
  CLI::App* restore =
      leaf(account, "restore", "Restore a deleted account", chosen,
           [&f](Session& s) { return restoreCommand(s, RecordType::kAccount, f.id); });
  flag(restore, "id", f.id, "Account id or unique prefix", "ID")->required();
}

void addContactCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* contact = group(app, "contact", "Contacts: the customer's people");
  const std::string roles = "decision_maker, approver, champion, user or other";

  CLI::App* add = leaf(contact, "add", "Add a contact; prints its id", chosen,
                       [&f](Session& s) { return addContactCommand(s, f.contact_add); });
  flag(add, "--name", f.contact_add.name, "Full name")->required();
  flag(add, "--account", f.contact_add.account, "Account id, id prefix or name", "ACCOUNT");
  flag(add, "--email", f.contact_add.email, "Email address", "EMAIL");
  flag(add, "--phone", f.contact_add.phone, "Phone number", "PHONE");
  flag(add, "--role", f.contact_add.role, "Role: " + roles + " (default other)", "ROLE");
  flag(add, "--title", f.contact_add.title, "Job title");

  CLI::App* list = leaf(contact, "list", "List contacts by name", chosen,
                        [&f](Session& s) { return listContactsCommand(s, f.contact_list); });
  flag(list, "--account", f.contact_list.account, "Only this account (id, prefix or name)",
       "ACCOUNT");
  flag(list, "--limit", f.contact_list.limit, "At most N contacts (default 200, 0: all)", "N");

  CLI::App* show = leaf(contact, "show", "Show a contact", chosen,
                        [&f](Session& s) { return showContactCommand(s, f.id); });
  flag(show, "id", f.id, "Contact id or unique prefix", "ID")->required();

  CLI::App* set = leaf(contact, "set", "Change a contact", chosen,
                       [&f](Session& s) { return setContactCommand(s, f.contact_set); });
  flag(set, "id", f.contact_set.id, "Contact id or unique prefix", "ID")->required();
  flag(set, "--name", f.contact_set.name, "New name");
  flag(set, "--account", f.contact_set.account, "New account (id, prefix or name)", "ACCOUNT");
  flag(set, "--email", f.contact_set.email, "New email", "EMAIL");
  flag(set, "--phone", f.contact_set.phone, "New phone", "PHONE");
  flag(set, "--role", f.contact_set.role, "New role: " + roles, "ROLE");
  flag(set, "--title", f.contact_set.title, "New job title");

  CLI::App* del = leaf(contact, "delete", "Delete a contact (restore brings it back)", chosen,
                       [&f](Session& s) { return deleteCommand(s, RecordType::kContact, f.id); });
  flag(del, "id", f.id, "Contact id or unique prefix", "ID")->required();
  CLI::App* restore =
      leaf(contact, "restore", "Restore a deleted contact", chosen,
           [&f](Session& s) { return restoreCommand(s, RecordType::kContact, f.id); });
  flag(restore, "id", f.id, "Contact id or unique prefix", "ID")->required();
}

void addMeetingCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* meeting = group(app, "meeting", "Meetings: book, plan and close the next step");
  const std::string duration = "45m, 1h, 1h30m or minutes like 90";

  CLI::App* book = leaf(meeting, "book", "Book a deal's next meeting; prints its id", chosen,
                        [&f](Session& s) { return bookMeetingCommand(s, f.meeting_book); });
  flag(book, "--deal", f.meeting_book.deal, "Deal id or unique prefix", "ID")->required();
  flag(book, "--at", f.meeting_book.at, "Start, on the clocks of --tz", "YYYY-MM-DDTHH:MM")
      ->required();
  flag(book, "--tz", f.meeting_book.tz,
       "Zone it is booked in, or 'account' for the account's (default: the device's)",
       "Area/City|account");
  flag(book, "--duration", f.meeting_book.duration,
       "Length: " + duration + " (default: the last meeting's, else 30m)", "DURATION");
  flag(book, "--place", f.meeting_book.place, "Place or link (default: the last meeting's)");
  flag(book, "--agenda", f.meeting_book.agenda, "Agenda");
  flag(book, "--goal", f.meeting_book.goal, "The anticipated outcome");
  flag(book, "--attendee", f.meeting_book.attendees, "Contact id (repeat for more)", "CONTACT");
  CLI::Option* move_it = book->add_flag(
      "--move", f.meeting_book.move,
      "The deal has its next meeting already: move that one to this time (updated invitation)");
  book->add_flag("--another", f.meeting_book.another,
                 "The deal has its next meeting already: book a second one beside it")
      ->excludes(move_it);

  CLI::App* show = leaf(meeting, "show", "Show a meeting with its plan and outcome", chosen,
                        [&f](Session& s) { return showMeetingCommand(s, f.id); });
  flag(show, "id", f.id, "Meeting id or unique prefix", "ID")->required();

  CLI::App* move =
      leaf(meeting, "reschedule", "Move a planned meeting or change its details", chosen,
           [&f](Session& s) { return rescheduleMeetingCommand(s, f.meeting_reschedule); });
  flag(move, "id", f.meeting_reschedule.id, "Meeting id or unique prefix", "ID")->required();
  flag(move, "--at", f.meeting_reschedule.at, "New start, on the clocks of the meeting's zone",
       "YYYY-MM-DDTHH:MM");
  flag(move, "--tz", f.meeting_reschedule.tz, "New zone", "Area/City");
  flag(move, "--duration", f.meeting_reschedule.duration, "New length: " + duration, "DURATION");
  flag(move, "--place", f.meeting_reschedule.place, "New place or link");
  flag(move, "--agenda", f.meeting_reschedule.agenda, "New agenda");
  flag(move, "--goal", f.meeting_reschedule.goal, "New anticipated outcome");

  CLI::App* cancel = leaf(meeting, "cancel", "Cancel a planned meeting", chosen,
                          [&f](Session& s) { return cancelMeetingCommand(s, f.id); });
  flag(cancel, "id", f.id, "Meeting id or unique prefix", "ID")->required();

  CLI::App* plan = leaf(meeting, "plan", "Write the pre-call plan: primary and backup objective",
                        chosen, [&f](Session& s) { return planMeetingCommand(s, f.meeting_plan); });
  flag(plan, "id", f.meeting_plan.id, "Meeting id or unique prefix", "ID")->required();
  flag(plan, "--primary", f.meeting_plan.primary, "Primary objective");
  flag(plan, "--backup", f.meeting_plan.backup, "Backup objective");
  flag(plan, "--asks", f.meeting_plan.asks, "Commitments to ask for");

  CLI::App* suggest =
      leaf(meeting, "suggest", "Suggested slots, duration, place and agendas for a booking", chosen,
           [&f](Session& s) { return suggestMeetingCommand(s, f.suggest_deal); });
  flag(suggest, "--deal", f.suggest_deal, "Deal id or unique prefix", "ID")->required();

  MeetingCloseFlags& c = f.meeting_close;
  CLI::App* close =
      leaf(meeting, "close", "Close the call: outcome, temperature, who does what", chosen,
           [&f](Session& s) { return closeMeetingCommand(s, f.meeting_close); });
  flag(close, "id", c.id, "Meeting id or unique prefix", "ID")->required();
  flag(close, "--outcome", c.outcome, "yes, no or maybe", "yes|no|maybe")->required();
  flag(close, "--reason", c.reason, "Why not (required for no)",
       "no_project|other_supplier|wrong_time|other");
  flag(close, "--reason-text", c.reason_text, "The reason in their words");
  flag(close, "--probe", c.probe, "What the maybe turned out to mean");
  flag(close, "--follow-up", c.follow_up, "The customer's date (required for maybe)", "DATE");
  flag(close, "--objective", c.objective, "Which objective was met", "primary|backup|neither");
  flag(close, "--recap", c.recap, "Recap of the meeting");
  flag(close, "--what-next", c.what_next, "What the customer wants to do next");
  flag(close, "--approvers", c.approvers, "Who else must approve");
  flag(close, "--approve-by", c.approve_by, "When they approve by", "DATE");
  flag(close, "--stage", c.stage, "Move the deal to this stage (yes moves it one rung up)",
       "STAGE");
  flag(close, "--temperature", c.temperature,
       "A decision maker's answers (repeat for more); READY is yes, no or unsure",
       "CONTACT:READY[:INTERESTING[:TO CLARIFY]]");
  flag(close, "--customer-action", c.customer_actions,
       "What the customer will do, and by when (repeat for more)", "TEXT[@DATE]");
  flag(close, "--rep-action", c.rep_actions, "What you will do, and by when (repeat for more)",
       "TEXT[@DATE]");
}

void addActionCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* action = group(app, "action", "Who does what: the rep's and the customer's actions");

  CLI::App* add = leaf(action, "add", "Add an action; prints its id", chosen,
                       [&f](Session& s) { return addActionCommand(s, f.action_add); });
  flag(add, "--deal", f.action_add.deal, "Deal id or unique prefix", "ID")->required();
  flag(add, "--owner", f.action_add.owner, "Who does it", "rep|customer")->required();
  flag(add, "--text", f.action_add.text, "What they will do")->required();
  flag(add, "--due", f.action_add.due, "By when", "DATE");
  flag(add, "--kind", f.action_add.kind, "Override the class (default: read from the text)",
       "commitment|compliance|neutral");
  flag(add, "--meeting", f.action_add.meeting, "The meeting it was agreed in", "ID");

  CLI::App* show = leaf(action, "show", "Show an action", chosen,
                        [&f](Session& s) { return showActionCommand(s, f.id); });
  flag(show, "id", f.id, "Action id or unique prefix", "ID")->required();

  CLI::App* done = leaf(action, "done", "Mark an action done", chosen,
                        [&f](Session& s) { return setActionDoneCommand(s, f.id, true); });
  flag(done, "id", f.id, "Action id or unique prefix", "ID")->required();

  CLI::App* reopen = leaf(action, "reopen", "Mark an action not done", chosen,
                          [&f](Session& s) { return setActionDoneCommand(s, f.id, false); });
  flag(reopen, "id", f.id, "Action id or unique prefix", "ID")->required();

  CLI::App* kind = leaf(action, "kind", "Reclassify an action", chosen,
                        [&f](Session& s) { return reclassifyActionCommand(s, f.id, f.second); });
  flag(kind, "id", f.id, "Action id or unique prefix", "ID")->required();
  flag(kind, "kind", f.second, "The class", "commitment|compliance|neutral")->required();
}

void addNoteAndTouchCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* note = group(app, "note", "Notes on a deal, account or contact");
  CLI::App* add = leaf(note, "add", "Add a note; prints its id", chosen,
                       [&f](Session& s) { return addNoteCommand(s, f.note_add); });
  flag(add, "--deal", f.note_add.deal, "Deal id or unique prefix", "ID");
  flag(add, "--account", f.note_add.account, "Account id, prefix or name", "ACCOUNT");
  flag(add, "--contact", f.note_add.contact, "Contact id or unique prefix", "ID");
  flag(add, "--text", f.note_add.text, "The note")->required();
  flag(add, "--author", f.note_add.author, "Who wrote it");

  CLI::App* touch = group(app, "touch", "Touches: every customer, at least every cadence");
  CLI::App* log = leaf(touch, "add", "Log a touch; prints its id", chosen,
                       [&f](Session& s) { return addTouchCommand(s, f.touch_add); });
  flag(log, "--account", f.touch_add.account, "Account id, prefix or name", "ACCOUNT");
  flag(log, "--deal", f.touch_add.deal, "Deal id or unique prefix", "ID");
  flag(log, "--contact", f.touch_add.contact, "Contact id or unique prefix", "ID");
  flag(log, "--kind", f.touch_add.kind, "What kind of touch",
       "call|email|meeting|message|congratulation|event_invite|visit|other")
      ->required();
  flag(log, "--at", f.touch_add.at,
       "When (default now): ...Z, ...+01:00, or YYYY-MM-DDTHH:MM on the --tz clocks", "TIME");
  flag(log, "--note", f.touch_add.note, "What happened");
}

void addEventCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* event = group(app, "event", "Demos, webinars and seminars, and booking step 2 after");

  CLI::App* add = leaf(event, "add", "Add an event; prints its id", chosen,
                       [&f](Session& s) { return addEventCommand(s, f.event_add); });
  flag(add, "--kind", f.event_add.kind, "What kind", "demo|webinar|seminar")->required();
  flag(add, "--title", f.event_add.title, "Title")->required();
  flag(add, "--at", f.event_add.at, "Start, on the clocks of --tz", "YYYY-MM-DDTHH:MM")->required();
  flag(add, "--tz", f.event_add.tz, "Zone (default: the device's)", "Area/City");
  flag(add, "--place", f.event_add.place, "Place or link");

  CLI::App* list = leaf(event, "list", "List events, latest first", chosen,
                        [&f](Session& s) { return listEventsCommand(s, f.limit); });
  flag(list, "--limit", f.limit, "At most N events (default 100, 0: all)", "N");

  CLI::App* participant =
      leaf(event, "participant", "Add a participant; prints the participant's id", chosen,
           [&f](Session& s) { return addParticipantCommand(s, f.participant_add); });
  flag(participant, "--event", f.participant_add.event, "Event id or unique prefix", "ID")
      ->required();
  flag(participant, "--contact", f.participant_add.contact, "Contact id or unique prefix", "ID")
      ->required();
  flag(participant, "--deal", f.participant_add.deal, "Their deal, if there is one", "ID");
  participant->add_flag("--not-interested", f.participant_add.not_interested,
                        "They do not want a next step");

  CLI::App* interest =
      leaf(event, "interest", "Say whether a participant still wants a next step", chosen,
           [&f](Session& s) { return participantInterestCommand(s, f.participant_interest); });
  flag(interest, "participant", f.participant_interest.participant,
       "Participant id or unique prefix", "ID")
      ->required();
  interest->add_flag("--interested", f.participant_interest.interested, "They want one after all")
      ->excludes(interest->add_flag("--not-interested", f.participant_interest.not_interested,
                                    "They do not want a next step"));

  CLI::App* show = leaf(event, "show", "Show an event and who still needs a next step", chosen,
                        [&f](Session& s) { return showEventCommand(s, f.id); });
  flag(show, "id", f.id, "Event id or unique prefix", "ID")->required();

  CLI::App* book = leaf(event, "book", "Book next steps for participants, back to back", chosen,
                        [&f](Session& s) { return bookEventCommand(s, f.event_book); });
  flag(book, "id", f.event_book.event, "Event id or unique prefix", "ID")->required();
  flag(book, "participants", f.event_book.participants,
       "Participant ids (default: every interested one without a next step)", "PARTICIPANT");
  flag(book, "--at", f.event_book.at, "The first slot, on the clocks of --tz", "YYYY-MM-DDTHH:MM")
      ->required();
  flag(book, "--tz", f.event_book.tz, "Zone (default: the device's)", "Area/City");
  flag(book, "--duration", f.event_book.duration, "Length of each (default 30m)", "DURATION");
  flag(book, "--gap", f.event_book.gap, "Time between two meetings (default 0)", "DURATION");
  flag(book, "--place", f.event_book.place, "Place or link");
  flag(book, "--agenda", f.event_book.agenda, "Agenda");
  flag(book, "--goal", f.event_book.goal, "The anticipated outcome");
}

void addTeamCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* settings = group(app, "settings", "The team's ladder of stages and touch cadence");
  leaf(settings, "show", "Show the settings", chosen,
       [](Session& s) { return showSettingsCommand(s); });
  CLI::App* set = leaf(settings, "set", "Change the settings", chosen,
                       [&f](Session& s) { return setSettingsCommand(s, f.settings_set); });
  flag(set, "--cadence-days", f.settings_set.cadence_days, "Touch every customer every N days",
       "N");
  flag(set, "--stages", f.settings_set.stages, "The ladder, lowest rung first", "a,b,c");
  flag(set, "--working-days", f.settings_set.working_days,
       "The days suggested slots fall on (default mon-fri)", "mon-fri");

  CLI::App* today = leaf(&app, "today", "The rep's day: meetings, follow-ups, what is missing",
                         chosen, [&f](Session& s) { return todayCommand(s, f.report); });
  flag(today, "--owner", f.report.owner, "One rep's deals (default: everyone's)", "OWNER");
  flag(today, "--limit", f.report.limit, "At most N items per list (default 50)", "N");

  CLI::App* health = leaf(&app, "health", "Pipeline health: what is wrong, and the three rates",
                          chosen, [&f](Session& s) { return healthCommand(s, f.report); });
  flag(health, "--owner", f.report.owner, "One rep's deals (default: everyone's)", "OWNER");
  flag(health, "--limit", f.report.limit, "At most N items per problem (default 20)", "N");

  CLI::App* search = leaf(&app, "search", "Search deals, accounts, contacts and notes", chosen,
                          [&f](Session& s) { return searchCommand(s, f.search); });
  flag(search, "query", f.search.words, "Words; each matches the start of a word", "WORD")
      ->required();
  flag(search, "--limit", f.search.limit, "At most N hits (default 20)", "N");

  leaf(&app, "check", "Check the database file's integrity", chosen,
       [](Session& s) { return checkCommand(s); });
}

void addServerFlags(CLI::App* cmd, ServerFlags& f) {
  flag(cmd, "--server", f.server, "The sync server (default: the one signed in to)", "HOST:PORT");
  flag(cmd, "--ca", f.ca, "The server's CA certificate: use TLS", "FILE");
  cmd->add_flag("--insecure", f.insecure,
                "Allow plain text to a server that is not on this machine");
}

void addSyncCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* login =
      leaf(&app, "login", "Sign this device in to the team's sync server (password on stdin)",
           chosen, [&f](Session& s) { return loginCommand(s, f.login); });
  addServerFlags(login, f.login.server);
  flag(login, "--email", f.login.email, "Your email at the team's server", "EMAIL")->required();

  CLI::App* sync = leaf(&app, "sync", "Push local changes and pull the team's; --watch stays live",
                        chosen, [&f](Session& s) { return syncCommand(s, f.sync); });
  addServerFlags(sync, f.sync.server);
  flag(sync, "--token", f.sync.token, "A bearer token from the server's admin (kept for next time)",
       "TOKEN");
  sync->add_flag("--watch", f.sync.watch, "Stay connected and sync live until interrupted");
  flag(sync, "--timeout", f.sync.timeout_seconds,
       "Give up on a call the server has not answered within this many seconds (default 30)",
       "SECONDS")
      ->check(CLI::Range(1, 3600));

  CLI::App* conflicts = app.add_subcommand("conflicts", "Values that lost a merge, and what won");
  conflicts->callback([&f, &chosen, conflicts] {
    if (conflicts->get_subcommands().empty())
      chosen = [&f](Session& s) { return conflictsCommand(s, f.conflict); };
  });
  conflicts->add_flag(
      "--all", f.conflict.all,
      "Also those closed: restored, kept (dismissed) or superseded by a later edit");
  CLI::App* restore =
      leaf(conflicts, "restore", "Write the lost value back (it syncs as a new change)", chosen,
           [&f](Session& s) { return conflictRestoreCommand(s, f.conflict); });
  flag(restore, "id", f.conflict.id, "Conflict id", "ID")->required();
  CLI::App* dismiss = leaf(conflicts, "dismiss", "Keep the value that won", chosen,
                           [&f](Session& s) { return conflictDismissCommand(s, f.conflict); });
  flag(dismiss, "id", f.conflict.id, "Conflict id", "ID")->required();

  CLI::App* aside =
      app.add_subcommand("set-aside", "Changes the sync server refused, kept on this device");
  aside->callback([&f, &chosen, aside] {
    if (aside->get_subcommands().empty())
      chosen = [&f](Session& s) { return setAsideCommand(s, f.set_aside); };
  });
  CLI::App* resend = leaf(aside, "resend", "Send a set-aside change again, as a new change", chosen,
                          [&f](Session& s) { return setAsideResendCommand(s, f.set_aside); });
  flag(resend, "id", f.set_aside.id, "The change's number (from 'nextstep set-aside')", "N")
      ->required();
  CLI::App* drop =
      leaf(aside, "drop", "Forget a set-aside change; the record takes the team's value again",
           chosen, [&f](Session& s) { return setAsideDropCommand(s, f.set_aside); });
  flag(drop, "id", f.set_aside.id, "The change's number (from 'nextstep set-aside')", "N")
      ->required();
}

void addDataCommands(CLI::App& app, Flags& f, Command& chosen) {
  CLI::App* out = group(app, "export", "The pipeline out: invitations, CSV, JSON");
  CLI::App* ics = leaf(out, "ics", "A meeting's calendar invitation (iCalendar, RFC 5545)", chosen,
                       [&f](Session& s) { return exportIcsCommand(s, f.export_ics); });
  flag(ics, "id", f.export_ics.meeting, "Meeting id or unique prefix", "ID")->required();
  flag(ics, "-o,--output", f.export_ics.output, "Write it to FILE instead of standard output",
       "FILE");
  ics->add_flag("--cancel", f.export_ics.cancel,
                "The cancellation (METHOD:CANCEL) of a cancelled meeting");
  flag(ics, "--organizer", f.export_ics.organizer,
       "The rep's email (default: the one signed in with, else $EMAIL)", "EMAIL");
  flag(ics, "--organizer-name", f.export_ics.organizer_name,
       "The rep's name (default: the deal's owner)", "NAME");
  CLI::App* csv = leaf(out, "csv", "Every record type to DIR/<type>.csv", chosen,
                       [&f](Session& s) { return exportCsvCommand(s, f.id); });
  flag(csv, "dir", f.id, "Folder (created if missing)", "DIR")->required();
  CLI::App* json = leaf(out, "json", "Every record to one JSON file", chosen,
                        [&f](Session& s) { return exportJsonCommand(s, f.id); });
  flag(json, "file", f.id, "File to write", "FILE")->required();

  CLI::App* in = group(app, "import", "The pipeline in: another CRM's CSV export");
  ImportCsvFlags& i = f.import_csv;
  CLI::App* importCsv = leaf(in, "csv", "Import deals, accounts, contacts or activities", chosen,
                             [&f](Session& s) { return importCsvCommand(s, f.import_csv); });
  flag(importCsv, "file", i.file, "The CSV file", "FILE")->required();
  flag(importCsv, "--from", i.from, "Whose export it is", "salesforce|hubspot|pipedrive|nextstep")
      ->required();
  flag(importCsv, "--kind", i.kind, "What the rows are (default: told by the header)",
       "deals|accounts|contacts|activities");
  flag(importCsv, "--delimiter", i.delimiter, "Field separator (default: detected)", ",|;|tab");
  flag(importCsv, "--currency", i.currency, "Currency of amounts without one (default EUR)",
       "CODE");
  flag(importCsv, "--owner", i.owner, "Owner of records the file gives none", "OWNER");
  importCsv->add_flag("--dry-run", i.dry_run, "Check and report every row; write nothing");

  CLI::App* backup = leaf(&app, "backup", "A verified copy of the database, taken online", chosen,
                          [&f](Session& s) { return backupCommand(s, f.id); });
  flag(backup, "file", f.id, "Backup file to write", "FILE")->required();
  CLI::App* restore =
      leaf(&app, "restore", "Replace the database with a verified backup (the current one kept)",
           chosen, [&f](Session& s) { return restoreCommand(s, f.id); });
  flag(restore, "file", f.id, "Backup file", "FILE")->required();
}

void addFollowUpCommands(CLI::App& app, Flags& f, Command& chosen) {
  RecapFlags& r = f.recap;
  CLI::App* recap = leaf(&app, "recap", "The thank-you and summary after a held meeting (rule 7)",
                         chosen, [&f](Session& s) { return recapCommand(s, f.recap); });
  flag(recap, "id", r.meeting, "Meeting id or unique prefix", "ID")->required();
  flag(recap, "--format", r.format, "text (default), a mailto: link, or an .eml message",
       "text|mailto|eml");
  flag(recap, "-o,--output", r.output, "Write it to FILE instead of standard output", "FILE");
  flag(recap, "--template", r.template_file, "Your template (mustache; see docs/cli.md)", "FILE");
  flag(recap, "--from", r.from, "The rep's email (default: the one signed in with, else $EMAIL)",
       "EMAIL");
  flag(recap, "--from-name", r.from_name, "The rep's name (default: the deal's owner)", "NAME");

  CLI::App* remind = leaf(&app, "remind", "Due reminders as desktop notifications, once per device",
                          chosen, [&f](Session& s) { return remindCommand(s, f.remind); });
  remind->add_flag("--once", f.remind.once,
                   "Send what is due now and stop (default: keep watching)");
  remind->add_flag("--list", f.remind.list, "List what fires within --horizon; send nothing");
  flag(remind, "--horizon", f.remind.horizon, "With --list: how far ahead (default 1d)",
       "90m|12h|7d");
  flag(remind, "--owner", f.remind.owner, "One rep's deals (default: everyone's)", "OWNER");
}

// "nextstep deal add": the commands the parser got to.
std::string commandPath(const CLI::App& app) {
  std::string path = app.get_name();
  const CLI::App* current = &app;
  while (true) {
    auto selected = current->get_subcommands();
    if (selected.empty()) break;
    current = selected.front();
    path += " " + current->get_name();
  }
  return path;
}

const CLI::App* deepestCommand(const CLI::App& app) {
  const CLI::App* current = &app;
  while (true) {
    auto selected = current->get_subcommands();
    if (selected.empty()) return current;
    current = selected.front();
  }
}

// One line for a parse error: "nextstep deal add: --title is required (see ...)".
std::string usageLine(const CLI::App& app, const CLI::ParseError& e) {
  const std::string path = commandPath(app);
  std::string message = e.what();
  const std::vector<std::string> leftover = app.remaining(true);
  if (message == "A subcommand is required" && !leftover.empty() &&
      !leftover.front().starts_with("-")) {
    message = "The following argument was not expected: " + leftover.front();
  }
  if (message == "A subcommand is required") {
    std::string names;
    const CLI::App* current = deepestCommand(app);
    for (const CLI::App* sub : current->get_subcommands([](const CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    message = "which command? one of " + names;
  }
  for (const std::string extras : {"The following argument was not expected: ",
                                   "The following arguments were not expected: "}) {
    if (!message.starts_with(extras)) continue;
    const std::string what = message.substr(extras.size());
    const CLI::App* current = deepestCommand(app);
    const auto commands = current->get_subcommands([](const CLI::App*) { return true; });
    if (!commands.empty() && !what.starts_with("-")) {
      std::string names;
      for (const CLI::App* sub : commands) names += (names.empty() ? "" : ", ") + sub->get_name();
      message = "unknown command '" + what + "'; one of " + names;
    } else {
      message = "unknown flag or extra argument: " + what;
    }
  }
  return path + ": " + message + " (see '" + path + " --help')";
}

// Errors are one line on stderr, whatever the message holds.
std::string oneLine(std::string message) {
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\r') {
      if (!out.empty() && !out.ends_with("; ")) out += "; ";
    } else {
      out += c;
    }
  }
  while (out.ends_with("; ")) out.resize(out.size() - 2);
  return out;
}

int exitCodeOf(const Error& error) {
  return error.code == ErrorCode::kInvalidArgument ? kExitUsage : kExitFailed;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"NextStep: never leave a meeting without the next one booked.", "nextstep"};
  app.fallthrough();  // global flags work after the command too
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("nextstep ") + NEXTSTEP_VERSION);
  app.footer(
      "Global flags --db, --json, --now and --tz go before or after any command.\n"
      "Times are shown in --tz (default: $TZ or the device's zone). The database is --db, else\n"
      "$NEXTSTEP_DB, else $XDG_DATA_HOME/nextstep/nextstep.db or\n"
      "~/.local/share/nextstep/nextstep.db. Ids may be shortened to a unique prefix.\n"
      "DATE is YYYY-MM-DD, today, tomorrow, +3d or +2w.\n"
      "Exit codes: 0 done, 1 could not be done (unknown id, a rule of the method, database\n"
      "problem), 2 wrong command line or value, 3 done but needs a look (a sync that left\n"
      "changes set aside). Nothing is written when a command fails.");

  Flags f;
  flag(&app, "--db", f.global.db, "Database file", "PATH");
  app.add_flag("--json", f.global.json, "Print JSON for scripts (see docs/cli.md)");
  flag(&app, "--now", f.global.now, "Pretend it is this time (for scripts and tests)",
       "YYYY-MM-DDTHH:MM[:SS]Z");
  flag(&app, "--tz", f.global.tz, "Zone times are shown in and today is computed in", "Area/City");

  Command chosen;
  addDealCommands(app, f, chosen);
  addAccountCommands(app, f, chosen);
  addContactCommands(app, f, chosen);
  addMeetingCommands(app, f, chosen);
  addActionCommands(app, f, chosen);
  addNoteAndTouchCommands(app, f, chosen);
  addEventCommands(app, f, chosen);
  addTeamCommands(app, f, chosen);
  addSyncCommands(app, f, chosen);
  addDataCommands(app, f, chosen);
  addFollowUpCommands(app, f, chosen);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << oneLine(usageLine(app, e)) << '\n';
    return kExitUsage;
  }
  if (!chosen) {
    std::cerr << "nextstep: which command? (see 'nextstep --help')\n";
    return kExitUsage;
  }

  try {
    auto session = Session::begin(f.global, std::cout);
    if (!session) {
      std::cerr << "nextstep: " << oneLine(session.error().message) << '\n';
      return kExitUsage;
    }
    Result<void> done = chosen(**session);
    if (!done) {
      (*session)->discardCreatedDatabase();
      std::cerr << "nextstep: " << oneLine(done.error().message) << '\n';
      return exitCodeOf(done.error());
    }
    if (!(*session)->attention().empty()) {
      std::cout.flush();
      std::cerr << "nextstep: " << oneLine((*session)->attention()) << '\n';
      return kExitAttention;
    }
  } catch (const std::exception& e) {
    std::cerr << "nextstep: internal error: " << oneLine(e.what()) << '\n';
    return kExitFailed;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "nextstep: cannot write the output\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace nextstep::cli

int main(int argc, char** argv) { return nextstep::cli::run(argc, argv); }
