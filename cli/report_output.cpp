#include "report_output.h"

#include "record_json.h"
#include "text_table.h"
#include "text_tables.h"
#include "text_words.h"

namespace nextstep::cli {

using namespace json_form;

void to_json(Json& j, const TodayPage& result) {
  const Today& t = result.today;
  j = {{"date", t.date.iso()},
       {"tz", t.zone},
       {"open_deals", t.open_deals},
       {"meetings", counted(static_cast<std::int64_t>(t.meetings.size()), "meetings", t.meetings)},
       {"follow_ups_due",
        counted(static_cast<std::int64_t>(t.follow_ups_due.size()), "actions", t.follow_ups_due)},
       {"follow_ups_overdue", counted(t.follow_ups_overdue_total, "actions", t.follow_ups_overdue)},
       {"outcomes_missing", counted(t.outcomes_missing_total, "meetings", t.outcomes_missing)},
       {"need_next_step", counted(t.need_next_step_total, "deals", t.need_next_step,
                                  [](const DealRow& r) { return json(r.deal); })}};
}

void to_json(Json& j, const HealthReport& r) {
  const PipelineHealth& h = r.health;
  j = {{"date", r.date.iso()},
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
                                     [](const DealRow& row) { return json(row.deal); })},
       {"overdue", counted(h.overdue_total, "meetings", h.overdue)},
       {"stale",
        {{"count", h.stale_total},
         {"cadence_days", r.cadence_days},
         {"accounts", list(h.stale,
                           [](const StaleAccount& s) {
                             json a = json(s.account);
                             a["days_since_touch"] =
                                 s.days_since_touch < 0 ? json(nullptr) : json(s.days_since_touch);
                             a["effective_cadence_days"] = s.cadence_days;
                             return a;
                           })}}},
       {"held_without_next_step", counted(h.held_without_next_total, "deals", h.held_without_next,
                                          [](const Deal& d) { return json(d); })},
       {"compliance_only", counted(h.compliance_only_total, "deals", h.compliance_only,
                                   [](const Deal& d) { return json(d); })},
       {"follow_ups", {{"due_today", h.follow_ups_due_today}, {"overdue", h.follow_ups_overdue}}},
       {"participants_without_next_step", {{"count", h.participants_without_next_step}}}};
}

void printText(std::ostream& out, const DayWords& words, const TodayPage& result) {
  const Today& t = result.today;
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

void printText(std::ostream& out, const DayWords& words, const HealthReport& r) {
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

void to_json(Json& j, const SettingsPage& result) {
  const TeamSettings& s = result.settings;
  j = {{"stages", s.stages},
       {"cadence_days", s.cadence_days},
       {"working_days", s.working_days.text()},
       {"working_days_bits", s.working_days.bits()}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const SettingsPage& result) {
  const TeamSettings& s = result.settings;
  TextTable facts({{"", 14}, {"", 200}});
  facts.add({"Stages", joined(s.stages, " → ")});
  facts.add({"Touch cadence", "every " + plural(s.cadence_days, "day", "days")});
  facts.add({"Working days", s.working_days.text()});
  facts.print(out);
}

void to_json(Json& j, const SearchResults& result) {
  const std::string& query = result.query;
  const std::vector<SearchHit>& hits = result.hits;
  j = {{"query", std::string(query)},
       {"count", hits.size()},
       {"hits", list(hits, [](const SearchHit& h) {
          return json{{"kind", h.kind},
                      {"id", h.id},
                      {"title", h.title},
                      {"detail", h.detail},
                      {"deal_id", text(h.deal_id)}};
        })}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const SearchResults& result) {
  const std::string& query = result.query;
  const std::vector<SearchHit>& hits = result.hits;
  if (hits.empty()) {
    out << "Nothing found for '" << query << "'.\n";
    return;
  }
  TextTable table({{"", 8}, {"", kIdWidth}, {"", 40}, {"", 60}});
  for (const SearchHit& h : hits) table.add({h.kind, h.id, h.title, h.detail});
  table.print(out);
}

void to_json(Json& j, const Integrity& r) {
  j = {{"ok", true},
       {"path", r.path},
       {"schema_version", r.schema_version},
       {"pending_changes", r.pending_changes}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const Integrity& r) {
  out << "ok: " << r.path << " (schema version " << r.schema_version << ", "
      << plural(r.pending_changes, "change", "changes") << " not yet synced)\n";
}

}  // namespace nextstep::cli
