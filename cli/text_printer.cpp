// The form people read: aligned text, times in the --tz zone.
#include <ostream>

#include "event_text.h"
#include "nextstep/text/money_text.h"
#include "printer.h"
#include "report_text.h"
#include "result_text.h"
#include "sync_text.h"
#include "terminal_text.h"
#include "text_table.h"
#include "text_tables.h"
#include "text_words.h"

namespace nextstep::cli {
namespace {

class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, const TimeZone& zone, Instant now)
      : out_(out), words_(zone, now) {}

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
      std::string next = r.next_step                     ? words_.when(r.next_step->start)
                         : d.status == DealStatus::kOpen ? "NONE"
                                                         : "-";
      table.add({d.id, d.title, d.account_name, d.stage, name(d.status), formatMoney(d.value), next,
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
    facts.add({"Value", formatMoney(d.value)});
    if (!d.owner.empty()) facts.add({"Owner", d.owner});
    if (d.compliance_only) {
      facts.add({"At risk", "the customer's recent actions are compliance only (rule 4)"});
    }
    facts.print(out_);

    out_ << "\nNext step\n";
    if (v.next_step) {
      TextTable next = meetingFacts(words_, *v.next_step, page.contacts);
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
      actionTable(words_, v.actions).print(out_);
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
        timeline.add({words_.when(e.at), e.kind, e.title, e.detail});
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
                 a.last_touch_at ? words_.dayOf(*a.last_touch_at) : "never"});
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
    if (!a.tz.empty()) facts.add({"Zone", a.tz});
    facts.add({"Last touch", a.last_touch_at ? words_.dayOf(*a.last_touch_at) : "never"});
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
        table.add({d.id, d.title, d.stage, name(d.status), formatMoney(d.value),
                   r.next_step                     ? "next: " + words_.when(r.next_step->start)
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
    TextTable facts = meetingFacts(words_, m, page.contacts);
    facts.add({"Status", name(m.status)});
    facts.add(
        {"Booked", words_.dayOf(m.booked_at) +
                       (m.booked_at_table
                            ? (*m.booked_at_table ? ", at the table" : ", later (not at the table)")
                            : ", the deal's first meeting")});
    if (m.objective_met) facts.add({"Objective", "met: " + name(*m.objective_met)});
    if (!m.recap.empty()) facts.add({"Recap", m.recap});
    if (page.outcome) facts.add({"Outcome", outcomeLine(words_, *page.outcome)});
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
      actionTable(words_, page.actions).print(out_);
    }
  }

  void suggestions(const Suggestions& s) override {
    const BookingDefaults& d = s.defaults;
    out_ << "Booking the next step for '" << s.deal_title << "'\n";
    TextTable facts({{"", 12}, {"", 200}}, "  ");
    facts.add({"Zone", d.tz});
    if (d.zones.size() > 1) {
      std::vector<std::string> offered;
      for (const ZoneChoice& z : d.zones) offered.push_back(z.label + " (" + z.tz + ")");
      facts.add({"Zones", joined(offered, ", ")});
    }
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
      out_ << "Follow up on " << words_.dayOf(*c.follow_up) << "; reminder "
           << c.close.follow_up_action_id.value_or("") << ".\n";
    }
    if (!c.close.action_ids.empty()) {
      out_ << "Who does what: "
           << plural(static_cast<std::int64_t>(c.close.action_ids.size()), "action", "actions")
           << " recorded.\n";
    }
    out_ << "Deal stage: " << c.close.deal_stage << ".\n";
    if (c.next_step) {
      out_ << "Next step: " << words_.when(c.next_step->start) << ".\n";
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
    facts.add({"Due", a.due ? words_.dayOf(*a.due) : "no date"});
    facts.add({"Done", a.done ? "yes" : "no"});
    facts.add({"Deal", a.deal_id});
    if (a.meeting_id) facts.add({"Meeting", *a.meeting_id});
    facts.print(out_);
  }

  void eventList(const std::vector<Event>& events) override {
    printEventList(out_, events, words_);
  }
  void event(const EventPage& page) override { printEvent(out_, page, words_); }

  void settings(const TeamSettings& s) override {
    TextTable facts({{"", 14}, {"", 200}});
    facts.add({"Stages", joined(s.stages, " → ")});
    facts.add({"Touch cadence", "every " + plural(s.cadence_days, "day", "days")});
    facts.add({"Working days", s.working_days.text()});
    facts.print(out_);
  }

  void today(const Today& t) override { printToday(out_, t, words_); }
  void health(const HealthReport& r) override { printHealth(out_, r, words_); }

  void searchHits(std::string_view query, const std::vector<SearchHit>& hits) override {
    if (hits.empty()) {
      out_ << "Nothing found for '" << query << "'.\n";
      return;
    }
    TextTable table({{"", 8}, {"", kIdWidth}, {"", 40}, {"", 60}});
    for (const SearchHit& h : hits) table.add({h.kind, h.id, h.title, h.detail});
    table.print(out_);
  }

  void signedIn(const SignIn& r) override { printSignedIn(out_, r); }
  void syncRound(const SyncRun& r) override { printSyncRound(out_, r); }
  void syncStatus(const sync::SyncStatus& st) override { printSyncStatus(out_, st, words_.zone()); }
  void conflicts(const std::vector<sync::ConflictEntry>& list) override {
    printConflicts(out_, list, words_.zone());
  }
  void setAside(const std::vector<sync::SetAsideChange>& list) override {
    printSetAside(out_, list, words_.zone());
  }
  void integrity(const Integrity& r) override { printIntegrity(out_, r); }
  void invitation(const InvitationOutput& o) override { printInvitation(out_, o); }
  void recap(const RecapOutput& o) override { printRecap(out_, o); }
  void imported(const data::ImportReport& r) override { printImport(out_, r); }
  void exported(const ExportOutput& o) override { printExport(out_, o); }
  void backedUp(const data::BackupCheck& c) override { printBackup(out_, c); }
  void restored(const data::RestoreReport& r) override { printRestore(out_, r); }
  void reminders(const ReminderRun& run) override { printReminders(out_, run, words_.zone()); }

 private:
  TerminalStream out_;  // what teammates typed is shown, never obeyed by the terminal
  DayWords words_;
};

}  // namespace

std::unique_ptr<Printer> makeTextPrinter(std::ostream& out, const TimeZone& zone, Instant now) {
  return std::make_unique<TextPrinter>(out, zone, now);
}

}  // namespace nextstep::cli
