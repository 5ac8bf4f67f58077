// The form people read: aligned text, times in the --tz zone.
#include <cstdio>
#include <ostream>

#include "nextstep/field_text.h"
#include "printer.h"
#include "result_text.h"
#include "terminal_text.h"
#include "text_table.h"

namespace nextstep::cli {
namespace {

constexpr std::size_t kIdWidth = 36;

std::string name(auto e) { return std::string(nameOf(e)); }

// "decision_maker" -> "decision maker"
std::string spaced(std::string s) {
  for (char& c : s) {
    if (c == '_') c = ' ';
  }
  return s;
}

std::string money(const Money& m) { return formatMoney(m); }

std::string plural(std::int64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "67%", or "-" when there is nothing to count.
std::string percent(double rate, std::int64_t whole) {
  if (whole == 0) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%", rate * 100);
  return buf;
}

std::string joined(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, const TimeZone& zone, Instant now)
      : out_(out), zone_(zone), now_(now), today_(zone.toLocal(now).date) {}

  void newId(const std::string& id) override { out_ << id << '\n'; }

  void newIds(const std::vector<std::string>& ids) override {
    for (const std::string& id : ids) out_ << id << '\n';
  }

  void changed(const Change& change) override { out_ << change.summary << '\n'; }

  void dealList(const DealList& l) override {
    if (l.rows.empty()) {
      out_ << "No deals match.\n";
      return;
    }
    TextTable table({{"ID", kIdWidth},
                     {"TITLE", 32},
                     {"ACCOUNT", 24},
                     {"STAGE", 16},
                     {"STATUS", 6},
                     {"VALUE", 20},
                     {"NEXT STEP", 40},
                     {"", 20}});
    for (const DealRow& r : l.rows) {
      const Deal& d = r.deal;
      std::string next = r.next_step                     ? when(r.next_step->start)
                         : d.status == DealStatus::kOpen ? "NONE"
                                                         : "-";
      table.add({d.id, d.title, d.account_name, d.stage, name(d.status), money(d.value), next,
                 d.compliance_only ? "compliance only" : ""});
    }
    table.print(out_);
    if (l.total > static_cast<std::int64_t>(l.rows.size())) {
      out_ << "Showing " << l.rows.size() << " of " << l.total << " deals; --limit 0 shows all.\n";
    }
  }

  void deal(const DealPage& page) override {
    const DealView& v = page.view;
    const Deal& d = v.deal;
    out_ << d.title << '\n';
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Id", d.id});
    if (v.account) facts.add({"Account", v.account->name + "  (" + v.account->id + ")"});
    facts.add({"Stage", d.stage + " · " + name(d.status)});
    if (!d.lost_reason.empty()) facts.add({"Lost reason", d.lost_reason});
    facts.add({"Value", money(d.value)});
    if (!d.owner.empty()) facts.add({"Owner", d.owner});
    if (d.compliance_only) {
      facts.add({"At risk", "the customer's recent actions are compliance only (rule 4)"});
    }
    facts.print(out_);

    out_ << "\nNext step\n";
    if (v.next_step) {
      TextTable next = meetingFacts(*v.next_step, page.contacts);
      next.add({"Id", v.next_step->id});
      next.print(out_);
    } else if (d.status == DealStatus::kOpen) {
      out_ << "  NONE BOOKED. Every open deal needs one: nextstep meeting book --deal " << d.id
           << " --at YYYY-MM-DDTHH:MM\n";
    } else {
      out_ << "  none (the deal is " << name(d.status) << ")\n";
    }

    out_ << "\nPeople\n";
    if (v.people.empty()) {
      out_ << "  nobody yet: nextstep contact add --name NAME --account "
           << (d.account_id ? *d.account_id : std::string("ACCOUNT")) << '\n';
    } else {
      peopleTable(v.people).print(out_);
    }

    out_ << "\nWho does what\n";
    if (v.actions.empty()) {
      out_ << "  nothing agreed yet\n";
    } else {
      actionTable(v.actions).print(out_);
    }

    if (!v.temperature.empty()) {
      out_ << "\nTemperature\n";
      temperatureTable(v.temperature, page.contacts).print(out_);
    }

    out_ << "\nTimeline\n";
    if (v.timeline.empty()) {
      out_ << "  nothing yet\n";
    } else {
      TextTable timeline({{"", 40}, {"", 8}, {"", 40}, {"", 80}}, "  ");
      for (const TimelineEntry& e : v.timeline) {
        timeline.add({when(e.at), e.kind, e.title, e.detail});
      }
      timeline.print(out_);
    }
  }

  void accountList(const std::vector<Account>& accounts) override {
    if (accounts.empty()) {
      out_ << "No accounts.\n";
      return;
    }
    TextTable table({{"ID", kIdWidth},
                     {"NAME", 32},
                     {"INDUSTRY", 20},
                     {"CITY", 20},
                     {"OPEN DEALS", 10},
                     {"LAST TOUCH", 30}});
    for (const Account& a : accounts) {
      table.add({a.id, a.name, a.industry, a.city, std::to_string(a.open_deals),
                 a.last_touch_at ? dayOf(*a.last_touch_at) : "never"});
    }
    table.print(out_);
  }

  void account(const AccountPage& page) override {
    const Account& a = page.account;
    out_ << a.name << '\n';
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Id", a.id});
    if (!a.industry.empty()) facts.add({"Industry", a.industry});
    if (!a.city.empty()) facts.add({"City", a.city});
    if (!a.owner.empty()) facts.add({"Owner", a.owner});
    facts.add({"Cadence", a.cadence_days ? "a touch every " + plural(*a.cadence_days, "day", "days")
                                         : "the team's"});
    facts.add({"Last touch", a.last_touch_at ? dayOf(*a.last_touch_at) : "never"});
    facts.add({"Open deals", std::to_string(a.open_deals)});
    facts.print(out_);
    out_ << "\nContacts\n";
    if (page.contacts.empty()) {
      out_ << "  none\n";
    } else {
      peopleTable(page.contacts).print(out_);
    }
    out_ << "\nDeals\n";
    if (page.deals.empty()) {
      out_ << "  none\n";
    } else {
      TextTable table({{"", kIdWidth}, {"", 32}, {"", 16}, {"", 6}, {"", 20}, {"", 40}}, "  ");
      for (const DealRow& r : page.deals) {
        const Deal& d = r.deal;
        table.add({d.id, d.title, d.stage, name(d.status), money(d.value),
                   r.next_step                     ? "next: " + when(r.next_step->start)
                   : d.status == DealStatus::kOpen ? "NO NEXT STEP"
                                                   : ""});
      }
      table.print(out_);
    }
  }

  void contactList(const ContactList& l) override {
    if (l.contacts.empty()) {
      out_ << "No contacts.\n";
      return;
    }
    TextTable table({{"ID", kIdWidth},
                     {"NAME", 28},
                     {"ROLE", 14},
                     {"TITLE", 20},
                     {"ACCOUNT", 24},
                     {"EMAIL", 32},
                     {"PHONE", 20}});
    for (const Contact& c : l.contacts) {
      std::string account;
      if (c.account_id) {
        auto it = l.account_names.find(*c.account_id);
        account = it != l.account_names.end() ? it->second : *c.account_id;
      }
      table.add({c.id, c.name, spaced(name(c.role)), c.title, account, c.email, c.phone});
    }
    table.print(out_);
  }

  void contact(const ContactPage& page) override {
    const Contact& c = page.contact;
    out_ << c.name << '\n';
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Id", c.id});
    facts.add({"Role", spaced(name(c.role))});
    if (!c.title.empty()) facts.add({"Title", c.title});
    if (page.account) facts.add({"Account", page.account->name + "  (" + page.account->id + ")"});
    if (!c.email.empty()) facts.add({"Email", c.email});
    if (!c.phone.empty()) facts.add({"Phone", c.phone});
    facts.print(out_);
  }

  void meeting(const MeetingPage& page) override {
    const Meeting& m = page.meeting;
    out_ << "Meeting on '" << page.deal.title << "'"
         << (page.deal.account_name.empty() ? "" : " with " + page.deal.account_name) << '\n';
    TextTable facts = meetingFacts(m, page.contacts);
    facts.add({"Status", name(m.status)});
    facts.add(
        {"Booked", dayOf(m.booked_at) +
                       (m.booked_at_table
                            ? (*m.booked_at_table ? ", at the table" : ", later (not at the table)")
                            : ", the deal's first meeting")});
    if (m.objective_met) facts.add({"Objective", "met: " + name(*m.objective_met)});
    if (!m.recap.empty()) facts.add({"Recap", m.recap});
    if (page.outcome) facts.add({"Outcome", outcomeLine(*page.outcome)});
    if (page.outcome && !page.outcome->what_next.empty()) {
      facts.add({"What next", page.outcome->what_next});
    }
    if (page.outcome && !page.outcome->approvers.empty()) {
      facts.add(
          {"Approvers",
           page.outcome->approvers +
               (page.outcome->approve_by ? " (by " + page.outcome->approve_by->iso() + ")" : "")});
    }
    facts.add({"Deal", page.deal.id});
    facts.add({"Id", m.id});
    facts.print(out_);
    if (!page.temperature.empty()) {
      out_ << "\nTemperature\n";
      temperatureTable(page.temperature, page.contacts).print(out_);
    }
    if (!page.actions.empty()) {
      out_ << "\nWho does what\n";
      actionTable(page.actions).print(out_);
    }
  }

  void suggestions(const Suggestions& s) override {
    const BookingDefaults& d = s.defaults;
    out_ << "Booking the next step for '" << s.deal_title << "'\n";
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Zone", d.tz});
    facts.add({"Duration", std::to_string(d.duration_min) + " min"});
    facts.add({"Place", d.place.empty() ? "(none yet)" : d.place});
    facts.print(out_);
    out_ << "\nSlots\n";
    TextTable slots({{"", 30}, {"", 40}}, "  ");
    for (const SlotSuggestion& slot : d.slots) {
      auto zone = TimeZone::find(slot.tz);
      auto at = zone ? zone->toInstant(slot.at) : Result<Instant>(zone.error());
      slots.add({slot.label, at ? formatInZone(*at, *zone) : slot.at.iso()});
    }
    slots.print(out_);
    out_ << "\nAgenda templates\n";
    for (std::size_t i = 0; i < d.agenda_templates.size(); ++i) {
      out_ << "  " << i + 1 << ". " << d.agenda_templates[i] << '\n';
    }
    if (!d.people.empty()) {
      out_ << "\nPeople\n";
      peopleTable(d.people).print(out_);
    }
    if (!d.slots.empty()) {
      out_ << "\nBook the first slot with:\n  nextstep meeting book --deal " << s.deal_id
           << " --at " << d.slots.front().at.iso() << " --tz " << d.tz << " --duration "
           << d.duration_min << "m";
      if (!d.people.empty()) out_ << " --attendee " << d.people.front().id;
      out_ << '\n';
    }
  }

  void closedCall(const ClosedCall& c) override {
    out_ << "Outcome recorded: " << name(c.result) << ".\n";
    if (c.follow_up) {
      out_ << "Follow up on " << dayOf(*c.follow_up) << "; reminder "
           << c.close.follow_up_action_id.value_or("") << ".\n";
    }
    if (!c.close.action_ids.empty()) {
      out_ << "Who does what: "
           << plural(static_cast<std::int64_t>(c.close.action_ids.size()), "action", "actions")
           << " recorded.\n";
    }
    out_ << "Deal stage: " << c.close.deal_stage << ".\n";
    if (c.next_step) {
      out_ << "Next step: " << when(c.next_step->start) << ".\n";
    } else if (c.deal.status == DealStatus::kOpen) {
      out_ << "No next step booked (rule 1: have a meeting, book a meeting). Book it now:\n"
           << "  nextstep meeting suggest --deal " << c.deal.id << '\n';
    }
  }

  void action(const ActionItem& a) override {
    out_ << a.text << '\n';
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Id", a.id});
    facts.add({"Owner", name(a.owner)});
    facts.add({"Kind", name(a.kind) + (a.kind_overridden ? " (set by the rep)" : "")});
    facts.add({"Due", a.due ? dayOf(*a.due) : "no date"});
    facts.add({"Done", a.done ? "yes" : "no"});
    facts.add({"Deal", a.deal_id});
    if (a.meeting_id) facts.add({"Meeting", *a.meeting_id});
    facts.print(out_);
  }

  void eventList(const std::vector<Event>& events) override {
    if (events.empty()) {
      out_ << "No events.\n";
      return;
    }
    TextTable table({{"ID", kIdWidth}, {"KIND", 8}, {"TITLE", 40}, {"WHEN", 40}, {"PLACE", 30}});
    for (const Event& e : events) {
      table.add({e.id, name(e.kind), e.title, when(e.start), e.place});
    }
    table.print(out_);
  }

  void event(const EventPage& page) override {
    const Event& e = page.event;
    out_ << e.title << '\n';
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Id", e.id});
    facts.add({"Kind", name(e.kind)});
    facts.add({"When", when(e.start) + bookedZone(e.start, e.tz)});
    if (!e.place.empty()) facts.add({"Place", e.place});
    facts.print(out_);
    out_ << "\nParticipants\n";
    if (page.participants.empty()) {
      out_ << "  none yet: nextstep event participant --event " << e.id << " --contact ID\n";
      return;
    }
    TextTable table({{"PARTICIPANT", kIdWidth},
                     {"NAME", 28},
                     {"ROLE", 14},
                     {"INTERESTED", 10},
                     {"NEXT STEP", 40}},
                    "  ");
    int waiting = 0;
    for (const ParticipantStatus& p : page.participants) {
      const bool needs = p.participant.interested && !p.next_step;
      waiting += needs ? 1 : 0;
      table.add({p.participant.id, p.contact.name, spaced(name(p.contact.role)),
                 p.participant.interested ? "yes" : "no",
                 p.next_step ? when(p.next_step->start)
                 : needs     ? "NONE"
                             : "-"});
    }
    table.print(out_);
    if (waiting > 0) {
      out_ << '\n'
           << plural(waiting, "interested participant has", "interested participants have")
           << " no next step. Book them all with:\n  nextstep event book " << e.id
           << " --at YYYY-MM-DDTHH:MM --duration 30m\n";
    }
  }

  void settings(const TeamSettings& s) override {
    TextTable facts({{"", 14}, {"", 200}});
    facts.add({"Stages", joined(s.stages, " → ")});
    facts.add({"Touch cadence", "every " + plural(s.cadence_days, "day", "days")});
    facts.print(out_);
  }

  void today(const Today& t) override {
    out_ << "Today, " << plainDay(t.date) << " (" << t.zone << ")\n";

    out_ << "\nMeetings\n";
    if (t.meetings.empty()) {
      out_ << "  none today\n";
    } else {
      agendaTable(t.meetings, true).print(out_);
    }

    out_ << "\nFollow-ups due today\n";
    if (t.follow_ups_due.empty()) {
      out_ << "  none\n";
    } else {
      dueTable(t.follow_ups_due).print(out_);
    }

    if (t.follow_ups_overdue_total > 0) {
      out_ << "\nFollow-ups overdue (" << t.follow_ups_overdue_total << ")\n";
      dueTable(t.follow_ups_overdue).print(out_);
      more(t.follow_ups_overdue.size(), t.follow_ups_overdue_total);
    }

    if (t.outcomes_missing_total > 0) {
      out_ << "\nMeetings to close: log the outcome (" << t.outcomes_missing_total << ")\n";
      agendaTable(t.outcomes_missing, false).print(out_);
      more(t.outcomes_missing.size(), t.outcomes_missing_total);
      out_ << "  close one with: nextstep meeting close ID --outcome yes|no|maybe\n";
    }

    out_ << "\nOpen deals without a next step (" << t.need_next_step_total << " of " << t.open_deals
         << ")\n";
    if (t.need_next_step.empty()) {
      out_ << "  none: every open deal has its next step booked\n";
    } else {
      TextTable table({{"", kIdWidth}, {"", 32}, {"", 24}, {"", 16}}, "  ");
      for (const DealRow& r : t.need_next_step) {
        table.add({r.deal.id, r.deal.title, r.deal.account_name, r.deal.stage});
      }
      table.print(out_);
      more(t.need_next_step.size(), t.need_next_step_total);
      out_ << "  book one with: nextstep meeting suggest --deal ID\n";
    }
  }

  void health(const HealthReport& r) override {
    const PipelineHealth& h = r.health;
    out_ << "Pipeline health, " << plainDay(r.date) << " (" << r.zone << ")\n\n";
    TextTable rates({{"", 24}, {"", 40}, {"", 6}}, "  ");
    rates.add({"Next step booked",
               std::to_string(h.with_next_step) + " of " +
                   plural(h.open_deals, "open deal", "open deals"),
               percent(h.next_step_rate, h.open_deals)});
    rates.add({"Booked at the table",
               std::to_string(h.booked_at_table) + " of " +
                   plural(h.booked_total, "booking", "bookings") + " (last " +
                   std::to_string(r.rate_window_days) + " days)",
               percent(h.booked_at_table_rate, h.booked_total)});
    rates.add({"Commitment",
               std::to_string(h.commitment_deals) + " of " +
                   plural(h.open_deals, "open deal", "open deals"),
               percent(h.commitment_rate, h.open_deals)});
    rates.print(out_);

    problem("Without a next step", h.without_next_step_total);
    if (!h.without_next_step.empty()) {
      TextTable table({{"", kIdWidth}, {"", 32}, {"", 24}, {"", 16}}, "  ");
      for (const DealRow& row : h.without_next_step) {
        table.add({row.deal.id, row.deal.title, row.deal.account_name, row.deal.stage});
      }
      table.print(out_);
      more(h.without_next_step.size(), h.without_next_step_total);
    }

    problem("Overdue: the meeting is over, no outcome logged", h.overdue_total);
    if (!h.overdue.empty()) {
      agendaTable(h.overdue, false).print(out_);
      more(h.overdue.size(), h.overdue_total);
    }

    problem("Stale: past the touch cadence", h.stale_total);
    if (!h.stale.empty()) {
      TextTable table({{"", kIdWidth}, {"", 32}, {"", 40}}, "  ");
      for (const StaleAccount& s : h.stale) {
        table.add({s.account.id, s.account.name,
                   (s.days_since_touch < 0
                        ? std::string("never touched")
                        : "last touch " + plural(s.days_since_touch, "day", "days") + " ago") +
                       " (cadence " + std::to_string(s.cadence_days) + ")"});
      }
      table.print(out_);
      more(h.stale.size(), h.stale_total);
    }

    problem("Held, nothing booked after", h.held_without_next_total);
    dealsTable(h.held_without_next, h.held_without_next_total);

    problem("Compliance only", h.compliance_only_total);
    dealsTable(h.compliance_only, h.compliance_only_total);

    out_ << "\nFollow-ups: " << h.follow_ups_due_today << " due today, " << h.follow_ups_overdue
         << " overdue.\n";
    out_ << "Event participants without a next step: " << h.participants_without_next_step << ".\n";
  }

  void searchHits(std::string_view query, const std::vector<SearchHit>& hits) override {
    if (hits.empty()) {
      out_ << "Nothing found for '" << query << "'.\n";
      return;
    }
    TextTable table({{"", 8}, {"", kIdWidth}, {"", 40}, {"", 60}});
    for (const SearchHit& h : hits) table.add({h.kind, h.id, h.title, h.detail});
    table.print(out_);
  }

  void signedIn(const SignIn& r) override {
    out_ << "Signed in as " << r.email << " (team " << r.team << ") on " << r.server << ".\n";
  }

  void syncRound(const SyncRun& r) override {
    out_ << "Synced with " << r.server << " (team " << r.team << "): sent "
         << plural(r.round.pushed, "change", "changes") << ", received " << r.round.pulled
         << ", applied " << r.round.applied.applied << ".\n";
    if (r.new_device) {
      out_ << "  This database now syncs as a new device: " << *r.new_device << ".\n";
    }
    if (r.round.applied.conflicts > 0 || r.open_conflicts > 0) {
      out_ << "  " << plural(r.open_conflicts, "value", "values")
           << " lost to a concurrent edit: see 'nextstep conflicts'.\n";
    }
    if (r.set_aside > 0) {
      out_ << "  " << plural(r.set_aside, "change is", "changes are")
           << " set aside: the server refused them. See 'nextstep set-aside' to resend or "
              "drop them.\n";
    }
    if (r.pending > 0) {
      out_ << "  " << plural(r.pending, "change", "changes") << " still to send.\n";
    } else if (r.set_aside == 0) {
      out_ << "  Up to date.\n";
    }
  }

  void syncStatus(const sync::SyncStatus& st) override {
    out_ << formatInZone(nowInstant(), zone_) << "  " << sync::nameOf(st.state);
    if (st.state == sync::SyncState::kSyncing && st.rows_total > 0) {
      out_ << " " << st.rows_done << "/" << st.rows_total;
    }
    out_ << ", " << plural(st.pending, "change", "changes") << " to send";
    if (st.set_aside > 0) out_ << ", " << plural(st.set_aside, "change", "changes") << " set aside";
    if (!st.error.empty() && st.state != sync::SyncState::kUpToDate) out_ << ": " << st.error;
    out_ << std::endl;
  }

  void conflicts(const std::vector<sync::ConflictEntry>& list) override {
    if (list.empty()) {
      out_ << "No conflicts: every concurrent edit merged without losing a value.\n";
      return;
    }
    for (const auto& c : list) {
      const std::string what = c.record_title.empty() ? c.record_id : c.record_title;
      out_ << c.id << "\n  " << specOf(c.type).name << " '" << what << "', " << c.key;
      if (c.kind == "edited_while_deleted") {
        out_ << ": edited by " << c.lost_author << " while " << c.kept_author << " deleted it\n";
      } else if (c.kind == "removed_while_added") {
        out_ << ": " << c.lost_author << "'s removal lost to " << c.kept_author << "'s add\n";
      } else {
        out_ << "\n";
      }
      out_ << "  kept  " << describeFieldValue(c.type, c.key, c.kept_value, zone_) << "  ("
           << c.kept_author << ", " << formatInZone(c.kept_at, zone_) << ")\n  lost  "
           << describeFieldValue(c.type, c.key, c.lost_value, zone_) << "  (" << c.lost_author
           << ", " << formatInZone(c.lost_at, zone_) << ")";
      if (c.resolution) out_ << "\n  " << *c.resolution;
      out_ << "\n";
    }
  }

  void setAside(const std::vector<sync::SetAsideChange>& list) override {
    if (list.empty()) {
      out_ << "Nothing set aside: the server took every change of this device.\n";
      return;
    }
    for (const auto& c : list) {
      const std::string what = c.record_title.empty() ? c.record_id : c.record_title;
      out_ << c.id << "  " << specOf(c.type).name << " '" << what << "'";
      if (!c.key.empty()) out_ << ", " << c.key;
      if (c.kind != OpKind::kCreate) out_ << " = " << describe(c.value);
      out_ << "\n    set aside " << formatInZone(c.set_aside_at, zone_) << ": " << c.reason << "\n";
    }
    out_ << "Resend one with 'nextstep set-aside resend N', or drop it with 'nextstep set-aside "
            "drop N'.\n";
  }

  void integrity(const Integrity& r) override {
    out_ << "ok: " << r.path << " (schema version " << r.schema_version << ", "
         << plural(r.pending_changes, "change", "changes") << " not yet synced)\n";
  }

  void invitation(const InvitationOutput& o) override { printInvitation(out_, o); }
  void recap(const RecapOutput& o) override { printRecap(out_, o); }
  void imported(const data::ImportReport& r) override { printImport(out_, r); }
  void exported(const ExportOutput& o) override { printExport(out_, o); }
  void backedUp(const data::BackupCheck& c) override { printBackup(out_, c); }
  void restored(const data::RestoreReport& r) override { printRestore(out_, r); }
  void reminders(const ReminderRun& run) override { printReminders(out_, run, zone_); }

 private:
  // "Thu 3 Dec 2026 14:00 CET (in 7 days)" in the --tz zone.
  std::string when(Instant t) const {
    return formatInZone(t, zone_) + relative(zone_.toLocal(t).date);
  }

  std::string dayOf(Instant t) const { return dayOf(zone_.toLocal(t).date); }

  // "Thu 10 Dec 2026 (in 7 days)"
  std::string dayOf(const CivilDate& d) const { return plainDay(d) + relative(d); }

  // "Thu 10 Dec 2026"
  static std::string plainDay(const CivilDate& d) {
    static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %u %s %d", kDays[d.weekday()], d.day, kMonths[d.month - 1],
                  d.year);
    return buf;
  }

  std::string relative(const CivilDate& d) const {
    const std::int64_t days = d.daysSinceEpoch() - today_.daysSinceEpoch();
    if (days == 0) return " (today)";
    if (days == 1) return " (tomorrow)";
    if (days == -1) return " (yesterday)";
    if (days > 0) return " (in " + std::to_string(days) + " days)";
    return " (" + std::to_string(-days) + " days ago)";
  }

  // ", booked as Thu 3 Dec 2026 14:00 CET in Europe/Berlin" when that zone is not the --tz one.
  std::string bookedZone(Instant t, const std::string& tz) const {
    auto zone = TimeZone::find(tz);
    if (!zone || zone->name() == zone_.name()) return {};
    return "; " + formatInZone(t, *zone) + " in " + tz;
  }

  TextTable meetingFacts(const Meeting& m, const ContactsById& contacts) const {
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"When", when(m.start) + ", " + std::to_string(m.duration_min) + " min"});
    if (const std::string other = bookedZone(m.start, m.tz); !other.empty()) {
      facts.add({"Booked in", other.substr(2)});
    }
    if (!m.place.empty()) facts.add({"Place", m.place});
    if (!m.goal.empty()) facts.add({"Goal", m.goal});
    if (!m.agenda.empty()) facts.add({"Agenda", m.agenda});
    std::vector<std::string> names;
    for (const std::string& id : m.attendee_ids) names.push_back(personName(contacts, id));
    if (!names.empty()) facts.add({"With", joined(names, ", ")});
    if (!m.plan_primary.empty()) facts.add({"Primary", m.plan_primary});
    if (!m.plan_backup.empty()) facts.add({"Backup", m.plan_backup});
    if (!m.plan_asks.empty()) facts.add({"Ask for", m.plan_asks});
    return facts;
  }

  static std::string personName(const ContactsById& contacts, const std::string& id) {
    auto it = contacts.find(id);
    if (it == contacts.end()) return id;
    const Contact& c = it->second;
    return c.name + " (" + spaced(name(c.role)) + ")";
  }

  static TextTable peopleTable(const std::vector<Contact>& people) {
    TextTable table({{"", 28}, {"", 14}, {"", 20}, {"", 32}, {"", 20}, {"", kIdWidth}}, "  ");
    for (const Contact& c : people) {
      table.add({c.name, spaced(name(c.role)), c.title, c.email, c.phone, c.id});
    }
    return table;
  }

  // "[ ] customer  Introduce us to the CFO  due Thu 10 Dec 2026  commitment"
  TextTable actionTable(const std::vector<ActionItem>& actions) const {
    TextTable table({{"", 3}, {"", 8}, {"", 80}, {"", 36}, {"", 12}, {"", kIdWidth}}, "  ");
    for (const ActionItem& a : actions) {
      std::string kind = name(a.kind);
      if (a.kind == ActionKind::kCommitment) kind = "+ commitment";
      if (a.kind == ActionKind::kCompliance) kind = "! compliance";
      table.add({a.done ? "[x]" : "[ ]", name(a.owner), a.text, a.due ? "due " + dayOf(*a.due) : "",
                 kind, a.id});
    }
    return table;
  }

  static TextTable temperatureTable(const std::vector<TemperatureCheck>& checks,
                                    const ContactsById& contacts) {
    TextTable table({{"", 40}, {"", 14}, {"", 40}, {"", 40}}, "  ");
    for (const TemperatureCheck& t : checks) {
      table.add({personName(contacts, t.contact_id), "ready: " + name(t.ready),
                 t.most_interesting.empty() ? "" : "likes: " + t.most_interesting,
                 t.to_clarify.empty() ? "" : "to clarify: " + t.to_clarify});
    }
    return table;
  }

  TextTable agendaTable(const std::vector<AgendaMeeting>& meetings, bool times_only) const {
    TextTable table({{"", 40}, {"", 32}, {"", 24}, {"", 24}, {"", kIdWidth}}, "  ");
    for (const AgendaMeeting& a : meetings) {
      const Meeting& m = a.meeting;
      std::string at = when(m.start);
      if (times_only) {
        const CivilDateTime start = zone_.toLocal(m.start);
        const CivilDateTime end = zone_.toLocal(m.end());
        char buf[32];
        std::snprintf(buf, sizeof buf, "%02d:%02d–%02d:%02d", start.hour, start.minute, end.hour,
                      end.minute);
        at = buf;
      }
      table.add({at, a.deal_title, a.account_name, m.place, m.id});
    }
    return table;
  }

  TextTable dueTable(const std::vector<DueAction>& actions) const {
    TextTable table({{"", 60}, {"", 32}, {"", 24}, {"", 36}, {"", kIdWidth}}, "  ");
    for (const DueAction& d : actions) {
      table.add({d.action.text, d.deal_title, d.account_name,
                 d.action.due ? "due " + dayOf(*d.action.due) : "", d.action.id});
    }
    return table;
  }

  void dealsTable(const std::vector<Deal>& deals, std::int64_t total) {
    if (deals.empty()) return;
    TextTable table({{"", kIdWidth}, {"", 32}, {"", 24}, {"", 16}}, "  ");
    for (const Deal& d : deals) table.add({d.id, d.title, d.account_name, d.stage});
    table.print(out_);
    more(deals.size(), total);
  }

  void problem(const std::string& title, std::int64_t count) {
    out_ << '\n' << title << " (" << count << ")" << (count == 0 ? ": none" : "") << '\n';
  }

  void more(std::size_t shown, std::int64_t total) {
    if (total > static_cast<std::int64_t>(shown)) {
      out_ << "  … and " << total - static_cast<std::int64_t>(shown) << " more (--limit)\n";
    }
  }

  std::string outcomeLine(const Outcome& o) const {
    std::vector<std::string> parts{name(o.result)};
    if (o.no_reason) parts.push_back("reason: " + spaced(name(*o.no_reason)));
    if (!o.reason_text.empty()) parts.push_back(o.reason_text);
    if (!o.probe_answers.empty()) parts.push_back(o.probe_answers);
    if (o.follow_up_on) parts.push_back("follow up " + dayOf(*o.follow_up_on));
    return joined(parts, " · ");
  }

  TerminalStream out_;  // what teammates typed is shown, never obeyed by the terminal
  TimeZone zone_;
  Instant now_;
  CivilDate today_;
};

}  // namespace

std::unique_ptr<Printer> makeTextPrinter(std::ostream& out, const TimeZone& zone, Instant now) {
  return std::make_unique<TextPrinter>(out, zone, now);
}

}  // namespace nextstep::cli
