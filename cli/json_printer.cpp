// The --json form of every command's result. Keys are snake_case and stable; instants are UTC
// ISO strings, dates YYYY-MM-DD, money {"minor", "currency", "amount"}. docs/cli.md lists them.
#include <nlohmann/json.hpp>
#include <ostream>

#include "printer.h"
#include "record_json.h"
#include "result_json.h"
#include "text_words.h"

namespace nextstep::cli {
namespace {

using namespace json_form;

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void newId(const std::string& id) override { print({{"id", id}}); }

  void newIds(const std::vector<std::string>& ids) override { print({{"ids", ids}}); }

  void changed(const Change& change) override {
    print({{"id", change.id},
           {"record", std::string(change.record)},
           {"result", std::string(change.result)}});
  }

  void dealList(const DealList& l) override {
    print({{"count", l.rows.size()},
           {"total", l.total},
           {"deals", list(l.rows, [](const DealRow& r) { return dealJson(r); })}});
  }

  void deal(const DealPage& page) override {
    const DealView& v = page.view;
    json nextStep = meetingJson(v.next_step);
    if (v.next_step) {
      nextStep["attendees"] = list(v.next_step->attendee_ids, [&](const std::string& id) {
        return contactRef(page.contacts, id);
      });
    }
    print(
        {{"deal", dealJson(v.deal)},
         {"account", v.account ? accountJson(*v.account) : json(nullptr)},
         {"next_step", nextStep},
         {"people", list(v.people, [](const Contact& c) { return contactJson(c); })},
         {"actions", list(v.actions, [](const ActionItem& a) { return actionJson(a); })},
         {"meetings", list(v.meetings, [](const Meeting& m) { return meetingJson(m); })},
         {"outcomes", list(v.outcomes, [](const Outcome& o) { return outcomeJson(o); })},
         {"temperature",
          list(v.temperature, [](const TemperatureCheck& t) { return temperatureJson(t); })},
         {"notes", list(v.notes, [](const Note& n) { return noteJson(n); })},
         {"touches", list(v.touches, [](const Touch& t) { return touchJson(t); })},
         {"timeline", list(v.timeline, [](const TimelineEntry& e) { return timelineEntry(e); })}});
  }

  void accountList(const std::vector<Account>& accounts) override {
    print({{"count", accounts.size()},
           {"accounts", list(accounts, [](const Account& a) { return accountJson(a); })}});
  }

  void account(const AccountPage& page) override {
    print({{"account", accountJson(page.account)},
           {"contacts", list(page.contacts, [](const Contact& c) { return contactJson(c); })},
           {"deals", list(page.deals, [](const DealRow& r) { return dealJson(r); })}});
  }

  void contactList(const ContactList& l) override {
    print({{"count", l.contacts.size()},
           {"contacts", list(l.contacts, [](const Contact& c) { return contactJson(c); })}});
  }

  void contact(const ContactPage& page) override {
    print({{"contact", contactJson(page.contact)},
           {"account", page.account ? accountJson(*page.account) : json(nullptr)}});
  }

  void meeting(const MeetingPage& page) override {
    print({{"meeting", meetingJson(page.meeting)},
           {"deal", dealJson(page.deal)},
           {"attendees", list(page.attendees, [](const Contact& c) { return contactJson(c); })},
           {"outcome", page.outcome ? outcomeJson(*page.outcome) : json(nullptr)},
           {"temperature",
            list(page.temperature, [](const TemperatureCheck& t) { return temperatureJson(t); })},
           {"actions", list(page.actions, [](const ActionItem& a) { return actionJson(a); })}});
  }

  void suggestions(const Suggestions& s) override {
    const BookingDefaults& d = s.defaults;
    print({{"deal_id", s.deal_id},
           {"deal_title", s.deal_title},
           {"tz", d.tz},
           {"zones", list(d.zones,
                          [](const ZoneChoice& z) {
                            return json{{"label", z.label}, {"tz", z.tz}};
                          })},
           {"duration_min", d.duration_min},
           {"place", d.place},
           {"slots",
            list(d.slots,
                 [](const SlotSuggestion& slot) {
                   return json{{"label", slot.label}, {"at", slot.at.iso()}, {"tz", slot.tz}};
                 })},
           {"agenda_templates", d.agenda_templates},
           {"people", list(d.people, [](const Contact& c) { return contactJson(c); })}});
  }

  void closedCall(const ClosedCall& c) override {
    print({{"meeting_id", c.meeting_id},
           {"deal_id", c.deal.id},
           {"outcome_id", c.close.outcome_id},
           {"result", name(c.result)},
           {"follow_up_on", date(c.follow_up)},
           {"follow_up_action_id", text(c.close.follow_up_action_id)},
           {"action_ids", c.close.action_ids},
           {"deal_stage", c.close.deal_stage},
           {"deal_status", name(c.deal.status)},
           {"next_step", meetingJson(c.next_step)}});
  }

  void action(const ActionItem& a) override { print({{"action", actionJson(a)}}); }

  void eventList(const std::vector<Event>& events) override {
    print({{"count", events.size()},
           {"events", list(events, [](const Event& e) { return eventJson(e); })}});
  }

  void event(const EventPage& page) override {
    print({{"event", eventJson(page.event)},
           {"participants", list(page.participants, [](const ParticipantStatus& p) {
              return json{{"id", p.participant.id},
                          {"contact", contactJson(p.contact)},
                          {"deal_id", text(p.participant.deal_id)},
                          {"interested", p.participant.interested},
                          {"next_step", meetingJson(p.next_step)}};
            })}});
  }

  void settings(const TeamSettings& s) override {
    print({{"stages", s.stages},
           {"cadence_days", s.cadence_days},
           {"working_days", s.working_days.text()},
           {"working_days_bits", s.working_days.bits()}});
  }

  void today(const Today& t) override {
    print({{"date", t.date.iso()},
           {"tz", t.zone},
           {"open_deals", t.open_deals},
           {"meetings", counted(static_cast<std::int64_t>(t.meetings.size()), "meetings",
                                t.meetings, agendaMeeting)},
           {"follow_ups_due", counted(static_cast<std::int64_t>(t.follow_ups_due.size()), "actions",
                                      t.follow_ups_due, dueAction)},
           {"follow_ups_overdue",
            counted(t.follow_ups_overdue_total, "actions", t.follow_ups_overdue, dueAction)},
           {"outcomes_missing",
            counted(t.outcomes_missing_total, "meetings", t.outcomes_missing, agendaMeeting)},
           {"need_next_step", counted(t.need_next_step_total, "deals", t.need_next_step,
                                      [](const DealRow& r) { return dealJson(r.deal); })}});
  }

  void health(const HealthReport& r) override {
    const PipelineHealth& h = r.health;
    print(
        {{"date", r.date.iso()},
         {"tz", r.zone},
         {"open_deals", h.open_deals},
         {"with_next_step", h.with_next_step},
         {"next_step_rate", h.next_step_rate},
         {"booked_at_table_rate", h.booked_at_table_rate},
         {"commitment_rate", h.commitment_rate},
         {"bookings",
          {{"window_days", r.rate_window_days},
           {"count", h.booked_total},
           {"at_table", h.booked_at_table}}},
         {"commitment_deals", h.commitment_deals},
         {"without_next_step", counted(h.without_next_step_total, "deals", h.without_next_step,
                                       [](const DealRow& row) { return dealJson(row.deal); })},
         {"overdue", counted(h.overdue_total, "meetings", h.overdue, agendaMeeting)},
         {"stale",
          {{"count", h.stale_total},
           {"cadence_days", r.cadence_days},
           {"accounts", list(h.stale,
                             [](const StaleAccount& s) {
                               json j = accountJson(s.account);
                               j["days_since_touch"] = s.days_since_touch < 0
                                                           ? json(nullptr)
                                                           : json(s.days_since_touch);
                               j["effective_cadence_days"] = s.cadence_days;
                               return j;
                             })}}},
         {"held_without_next_step", counted(h.held_without_next_total, "deals", h.held_without_next,
                                            [](const Deal& d) { return dealJson(d); })},
         {"compliance_only", counted(h.compliance_only_total, "deals", h.compliance_only,
                                     [](const Deal& d) { return dealJson(d); })},
         {"follow_ups", {{"due_today", h.follow_ups_due_today}, {"overdue", h.follow_ups_overdue}}},
         {"participants_without_next_step", {{"count", h.participants_without_next_step}}}});
  }

  void searchHits(std::string_view query, const std::vector<SearchHit>& hits) override {
    print({{"query", std::string(query)},
           {"count", hits.size()},
           {"hits", list(hits, [](const SearchHit& h) {
              return json{{"kind", h.kind},
                          {"id", h.id},
                          {"title", h.title},
                          {"detail", h.detail},
                          {"deal_id", text(h.deal_id)}};
            })}});
  }

  void signedIn(const SignIn& r) override {
    print({{"server", r.server}, {"email", r.email}, {"team", r.team}});
  }

  void syncRound(const SyncRun& r) override {
    print({{"server", r.server},
           {"team", r.team},
           {"pushed", r.round.pushed},
           {"rejected", r.round.rejected},
           {"pulled", r.round.pulled},
           {"applied", r.round.applied.applied},
           {"conflicts", r.round.applied.conflicts},
           {"head", r.round.head},
           {"pending", r.pending},
           {"open_conflicts", r.open_conflicts},
           {"set_aside", r.set_aside},
           {"new_device", r.new_device ? json(*r.new_device) : json(nullptr)}});
  }

  void syncStatus(const sync::SyncStatus& st) override {
    json j{{"state", std::string(sync::nameOf(st.state))},
           {"rows_done", st.rows_done},
           {"rows_total", st.rows_total},
           {"pending", st.pending},
           {"set_aside", st.set_aside},
           {"error", st.error},
           {"last_synced", st.last_synced ? json(formatUtc(*st.last_synced)) : json(nullptr)}};
    out_ << j.dump() << std::endl;  // one object per line, flushed: --watch is read live
  }

  void conflicts(const std::vector<sync::ConflictEntry>& list) override {
    json items = json::array();
    for (const auto& c : list) {
      items.push_back({{"id", c.id},
                       {"record", std::string(specOf(c.type).name)},
                       {"record_id", c.record_id},
                       {"record_title", c.record_title},
                       {"field", c.key},
                       {"kind", c.kind},
                       {"kept", valueJson(c.kept_value)},
                       {"kept_by", c.kept_author},
                       {"kept_at", formatUtc(c.kept_at)},
                       {"lost", valueJson(c.lost_value)},
                       {"lost_by", c.lost_author},
                       {"lost_at", formatUtc(c.lost_at)},
                       {"detected_at", formatUtc(c.detected_at)},
                       {"resolution", c.resolution ? json(*c.resolution) : json(nullptr)}});
    }
    print({{"count", list.size()}, {"conflicts", items}});
  }

  void integrity(const Integrity& r) override {
    print({{"ok", true},
           {"path", r.path},
           {"schema_version", r.schema_version},
           {"pending_changes", r.pending_changes}});
  }

  void invitation(const InvitationOutput& o) override { print(invitationJson(o)); }
  void recap(const RecapOutput& o) override { print(recapJson(o)); }
  void imported(const data::ImportReport& r) override { print(importJson(r)); }
  void exported(const ExportOutput& o) override { print(exportJson(o)); }
  void backedUp(const data::BackupCheck& c) override { print(backupJson(c)); }
  void setAside(const std::vector<sync::SetAsideChange>& list) override {
    json out = json::array();
    for (const auto& c : list) {
      out.push_back({{"id", c.id},
                     {"record_type", std::string(specOf(c.type).name)},
                     {"record_id", c.record_id},
                     {"record_title", c.record_title},
                     {"kind", std::string(nameOf(c.kind))},
                     {"key", c.key},
                     {"value", valueJson(c.value)},
                     {"reason", c.reason},
                     {"set_aside_at", formatUtc(c.set_aside_at)}});
    }
    print(out);
  }

  void restored(const data::RestoreReport& r) override { print(restoreJson(r)); }
  void reminders(const ReminderRun& run) override { print(remindersJson(run)); }

 private:
  static json valueJson(const Value& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* t = std::get_if<std::string>(&v)) {
      // A register (a meeting's time and place) travels as a JSON object: show it as one.
      if (t->starts_with("{")) {
        json parsed = json::parse(*t, nullptr, false);
        if (!parsed.is_discarded()) return parsed;
      }
      return *t;
    }
    return nullptr;
  }

  void print(const json& j) {
    out_ << j.dump(2, ' ', false, json::error_handler_t::replace) << '\n';
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> makeJsonPrinter(std::ostream& out) {
  return std::make_unique<JsonPrinter>(out);
}

}  // namespace nextstep::cli
