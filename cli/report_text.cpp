#include "report_text.h"

#include "text_tables.h"
#include "text_words.h"

namespace nextstep::cli {

void printToday(std::ostream& out, const Today& t, const DayWords& words) {
  out << "Today, " << DayWords::plainDay(t.date) << " (" << t.zone << ")\n";

  out << "\nMeetings\n";
  if (t.meetings.empty()) {
    out << "  none today\n";
  } else {
    agendaTable(words, t.meetings, true).print(out);
  }

  out << "\nFollow-ups due today\n";
  if (t.follow_ups_due.empty()) {
    out << "  none\n";
  } else {
    dueTable(words, t.follow_ups_due).print(out);
  }

  if (t.follow_ups_overdue_total > 0) {
    out << "\nFollow-ups overdue (" << t.follow_ups_overdue_total << ")\n";
    dueTable(words, t.follow_ups_overdue).print(out);
    printMore(out, t.follow_ups_overdue.size(), t.follow_ups_overdue_total);
  }

  if (t.outcomes_missing_total > 0) {
    out << "\nMeetings to close: log the outcome (" << t.outcomes_missing_total << ")\n";
    agendaTable(words, t.outcomes_missing, false).print(out);
    printMore(out, t.outcomes_missing.size(), t.outcomes_missing_total);
    out << "  close one with: nextstep meeting close ID --outcome yes|no|maybe\n";
  }

  out << "\nOpen deals without a next step (" << t.need_next_step_total << " of " << t.open_deals
      << ")\n";
  if (t.need_next_step.empty()) {
    out << "  none: every open deal has its next step booked\n";
  } else {
    dealsTable(t.need_next_step).print(out);
    printMore(out, t.need_next_step.size(), t.need_next_step_total);
    out << "  book one with: nextstep meeting suggest --deal ID\n";
  }
}

void printHealth(std::ostream& out, const HealthReport& r, const DayWords& words) {
  const PipelineHealth& h = r.health;
  out << "Pipeline health, " << DayWords::plainDay(r.date) << " (" << r.zone << ")\n\n";
  TextTable rates({{"", 24}, {"", 40}, {"", 6}}, "  ");
  rates.add(
      {"Next step booked",
       std::to_string(h.with_next_step) + " of " + plural(h.open_deals, "open deal", "open deals"),
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
  rates.print(out);

  printProblem(out, "Without a next step", h.without_next_step_total);
  if (!h.without_next_step.empty()) {
    dealsTable(h.without_next_step).print(out);
    printMore(out, h.without_next_step.size(), h.without_next_step_total);
  }

  printProblem(out, "Overdue: the meeting is over, no outcome logged", h.overdue_total);
  if (!h.overdue.empty()) {
    agendaTable(words, h.overdue, false).print(out);
    printMore(out, h.overdue.size(), h.overdue_total);
  }

  printProblem(out, "Stale: past the touch cadence", h.stale_total);
  if (!h.stale.empty()) {
    TextTable table({{"", kIdWidth}, {"", 32}, {"", 40}}, "  ");
    for (const StaleAccount& s : h.stale) {
      table.add({s.account.id, s.account.name,
                 (s.days_since_touch < 0
                      ? std::string("never touched")
                      : "last touch " + plural(s.days_since_touch, "day", "days") + " ago") +
                     " (cadence " + std::to_string(s.cadence_days) + ")"});
    }
    table.print(out);
    printMore(out, h.stale.size(), h.stale_total);
  }

  printProblem(out, "Held, nothing booked after", h.held_without_next_total);
  if (!h.held_without_next.empty()) {
    dealsTable(h.held_without_next).print(out);
    printMore(out, h.held_without_next.size(), h.held_without_next_total);
  }

  printProblem(out, "Compliance only", h.compliance_only_total);
  if (!h.compliance_only.empty()) {
    dealsTable(h.compliance_only).print(out);
    printMore(out, h.compliance_only.size(), h.compliance_only_total);
  }

  out << "\nFollow-ups: " << h.follow_ups_due_today << " due today, " << h.follow_ups_overdue
      << " overdue.\n";
  out << "Event participants without a next step: " << h.participants_without_next_step << ".\n";
}

}  // namespace nextstep::cli
