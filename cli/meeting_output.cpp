#include "meeting_output.h"

#include "nextstep/time/civil_time.h"
#include "record_json.h"
#include "text_table.h"
#include "text_tables.h"
#include "text_words.h"

namespace nextstep::cli {

using namespace json_form;

void to_json(Json& j, const MeetingPage& page) {
  j = {{"meeting", json(page.meeting)},         {"deal", json(page.deal)},
       {"attendees", json(page.attendees)},     {"outcome", orNull(page.outcome)},
       {"temperature", json(page.temperature)}, {"actions", json(page.actions)}};
}

void printText(std::ostream& out, const DayWords& words, const MeetingPage& page) {
  const Meeting& m = page.meeting;
  out << "Meeting on '" << page.deal.title << "'"
      << (page.deal.account_name.empty() ? "" : " with " + page.deal.account_name) << '\n';
  TextTable facts = meetingFacts(words, m, page.contacts);
  facts.add({"Status", name(m.status)});
  facts.add({"Booked", words.dayOf(m.booked_at) +
                           (m.booked_at_table ? (*m.booked_at_table ? ", at the table"
                                                                    : ", later (not at the table)")
                                              : ", the deal's first meeting")});
  if (m.objective_met) facts.add({"Objective", "met: " + name(*m.objective_met)});
  if (!m.recap.empty()) facts.add({"Recap", m.recap});
  if (page.outcome) facts.add({"Outcome", outcomeLine(words, *page.outcome)});
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
  facts.print(out);
  if (!page.temperature.empty()) {
    out << "\nTemperature\n";
    temperatureTable(page.temperature, page.contacts).print(out);
  }
  if (!page.actions.empty()) {
    out << "\nWho does what\n";
    actionTable(words, page.actions).print(out);
  }
}

void to_json(Json& j, const Suggestions& s) {
  const BookingDefaults& d = s.defaults;
  j = {{"deal_id", s.deal_id},
       {"deal_title", s.deal_title},
       {"tz", d.tz},
       {"zones", list(d.zones,
                      [](const ZoneChoice& z) {
                        return json{{"label", z.label}, {"tz", z.tz}};
                      })},
       {"duration_min", d.duration_min},
       {"place", d.place},
       {"slots", list(d.slots,
                      [](const SlotSuggestion& slot) {
                        return json{{"label", slot.label}, {"at", slot.at.iso()}, {"tz", slot.tz}};
                      })},
       {"agenda_templates", d.agenda_templates},
       {"people", json(d.people)}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const Suggestions& s) {
  const BookingDefaults& d = s.defaults;
  out << "Booking the next step for '" << s.deal_title << "'\n";
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"Zone", d.tz});
  if (d.zones.size() > 1) {
    std::vector<std::string> offered;
    for (const ZoneChoice& z : d.zones) offered.push_back(z.label + " (" + z.tz + ")");
    facts.add({"Zones", joined(offered, ", ")});
  }
  facts.add({"Duration", std::to_string(d.duration_min) + " min"});
  facts.add({"Place", d.place.empty() ? "(none yet)" : d.place});
  facts.print(out);
  out << "\nSlots\n";
  TextTable slots({{"", 30}, {"", 40}}, "  ");
  for (const SlotSuggestion& slot : d.slots) {
    auto zone = TimeZone::find(slot.tz);
    auto at = zone ? zone->toInstant(slot.at) : Result<Instant>(zone.error());
    slots.add({slot.label, at ? formatInZone(*at, *zone) : slot.at.iso()});
  }
  slots.print(out);
  out << "\nAgenda templates\n";
  for (std::size_t i = 0; i < d.agenda_templates.size(); ++i) {
    out << "  " << i + 1 << ". " << d.agenda_templates[i] << '\n';
  }
  if (!d.people.empty()) {
    out << "\nPeople\n";
    peopleTable(d.people).print(out);
  }
  if (!d.slots.empty()) {
    out << "\nBook the first slot with:\n  nextstep meeting book --deal " << s.deal_id << " --at "
        << d.slots.front().at.iso() << " --tz " << d.tz << " --duration " << d.duration_min << "m";
    if (!d.people.empty()) out << " --attendee " << d.people.front().id;
    out << '\n';
  }
}

void to_json(Json& j, const ClosedCall& c) {
  j = {{"meeting_id", c.meeting_id},
       {"deal_id", c.deal.id},
       {"outcome_id", c.close.outcome_id},
       {"result", name(c.result)},
       {"follow_up_on", date(c.follow_up)},
       {"follow_up_action_id", text(c.close.follow_up_action_id)},
       {"action_ids", c.close.action_ids},
       {"deal_stage", c.close.deal_stage},
       {"deal_status", name(c.deal.status)},
       {"next_step", orNull(c.next_step)}};
}

void printText(std::ostream& out, const DayWords& words, const ClosedCall& c) {
  out << "Outcome recorded: " << name(c.result) << ".\n";
  if (c.follow_up) {
    out << "Follow up on " << words.dayOf(*c.follow_up) << "; reminder "
        << c.close.follow_up_action_id.value_or("") << ".\n";
  }
  if (!c.close.action_ids.empty()) {
    out << "Who does what: "
        << plural(static_cast<std::int64_t>(c.close.action_ids.size()), "action", "actions")
        << " recorded.\n";
  }
  out << "Deal stage: " << c.close.deal_stage << ".\n";
  if (c.next_step) {
    out << "Next step: " << words.when(c.next_step->start) << ".\n";
  } else if (c.deal.status == DealStatus::kOpen) {
    out << "No next step booked (rule 1: have a meeting, book a meeting). Book it now:\n"
        << "  nextstep meeting suggest --deal " << c.deal.id << '\n';
  }
}

void to_json(Json& j, const ActionPage& result) {
  const ActionItem& a = result.action;
  j = {{"action", json(a)}};
}

void printText(std::ostream& out, const DayWords& words, const ActionPage& result) {
  const ActionItem& a = result.action;
  out << a.text << '\n';
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"Id", a.id});
  facts.add({"Owner", name(a.owner)});
  facts.add({"Kind", name(a.kind) + (a.kind_overridden ? " (set by the rep)" : "")});
  facts.add({"Due", a.due ? words.dayOf(*a.due) : "no date"});
  facts.add({"Done", a.done ? "yes" : "no"});
  facts.add({"Deal", a.deal_id});
  if (a.meeting_id) facts.add({"Meeting", *a.meeting_id});
  facts.print(out);
}

}  // namespace nextstep::cli
