#include "text_tables.h"

#include <cstdio>

#include "text_words.h"

namespace nextstep::cli {

TextTable meetingFacts(const DayWords& words, const Meeting& m, const ContactsById& contacts) {
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"When", words.when(m.start) + ", " + std::to_string(m.duration_min) + " min"});
  if (const std::string other = words.bookedZone(m.start, m.tz); !other.empty()) {
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

std::string personName(const ContactsById& contacts, const std::string& id) {
  auto it = contacts.find(id);
  if (it == contacts.end()) return id;
  const Contact& c = it->second;
  return c.name + " (" + spaced(name(c.role)) + ")";
}

TextTable peopleTable(const std::vector<Contact>& people) {
  TextTable table({{"", 28}, {"", 14}, {"", 20}, {"", 32}, {"", 20}, {"", kIdWidth}}, "  ");
  for (const Contact& c : people) {
    table.add({c.name, spaced(name(c.role)), c.title, c.email, c.phone, c.id});
  }
  return table;
}

TextTable actionTable(const DayWords& words, const std::vector<ActionItem>& actions) {
  TextTable table({{"", 3}, {"", 8}, {"", 80}, {"", 36}, {"", 12}, {"", kIdWidth}}, "  ");
  for (const ActionItem& a : actions) {
    std::string kind = name(a.kind);
    if (a.kind == ActionKind::kCommitment) kind = "+ commitment";
    if (a.kind == ActionKind::kCompliance) kind = "! compliance";
    table.add({a.done ? "[x]" : "[ ]", name(a.owner), a.text,
               a.due ? "due " + words.dayOf(*a.due) : "", kind, a.id});
  }
  return table;
}

TextTable temperatureTable(const std::vector<TemperatureCheck>& checks,
                           const ContactsById& contacts) {
  TextTable table({{"", 40}, {"", 14}, {"", 40}, {"", 40}}, "  ");
  for (const TemperatureCheck& t : checks) {
    table.add({personName(contacts, t.contact_id), "ready: " + name(t.ready),
               t.most_interesting.empty() ? "" : "likes: " + t.most_interesting,
               t.to_clarify.empty() ? "" : "to clarify: " + t.to_clarify});
  }
  return table;
}

TextTable agendaTable(const DayWords& words, const std::vector<AgendaMeeting>& meetings,
                      bool times_only) {
  TextTable table({{"", 40}, {"", 32}, {"", 24}, {"", 24}, {"", kIdWidth}}, "  ");
  for (const AgendaMeeting& a : meetings) {
    const Meeting& m = a.meeting;
    std::string at = words.when(m.start);
    if (times_only) {
      const CivilDateTime start = words.zone().toLocal(m.start);
      const CivilDateTime end = words.zone().toLocal(m.end());
      char buf[32];
      std::snprintf(buf, sizeof buf, "%02d:%02d–%02d:%02d", start.hour, start.minute, end.hour,
                    end.minute);
      at = buf;
    }
    table.add({at, a.deal_title, a.account_name, m.place, m.id});
  }
  return table;
}

TextTable dueTable(const DayWords& words, const std::vector<DueAction>& actions) {
  TextTable table({{"", 60}, {"", 32}, {"", 24}, {"", 36}, {"", kIdWidth}}, "  ");
  for (const DueAction& d : actions) {
    table.add({d.action.text, d.deal_title, d.account_name,
               d.action.due ? "due " + words.dayOf(*d.action.due) : "", d.action.id});
  }
  return table;
}

TextTable dealsTable(const std::vector<Deal>& deals) {
  TextTable table({{"", kIdWidth}, {"", 32}, {"", 24}, {"", 16}}, "  ");
  for (const Deal& d : deals) table.add({d.id, d.title, d.account_name, d.stage});
  return table;
}

TextTable dealsTable(const std::vector<DealRow>& rows) {
  std::vector<Deal> deals;
  deals.reserve(rows.size());
  for (const DealRow& r : rows) deals.push_back(r.deal);
  return dealsTable(deals);
}

std::string outcomeLine(const DayWords& words, const Outcome& o) {
  std::vector<std::string> parts{name(o.result)};
  if (o.no_reason) parts.push_back("reason: " + spaced(name(*o.no_reason)));
  if (!o.reason_text.empty()) parts.push_back(o.reason_text);
  if (!o.probe_answers.empty()) parts.push_back(o.probe_answers);
  if (o.follow_up_on) parts.push_back("follow up " + words.dayOf(*o.follow_up_on));
  return joined(parts, " · ");
}

void printMore(std::ostream& out, std::size_t shown, std::int64_t total) {
  if (total > static_cast<std::int64_t>(shown)) {
    out << "  … and " << total - static_cast<std::int64_t>(shown) << " more (--limit)\n";
  }
}

void printProblem(std::ostream& out, const std::string& title, std::int64_t count) {
  out << '\n' << title << " (" << count << ")" << (count == 0 ? ": none" : "") << '\n';
}

}  // namespace nextstep::cli
