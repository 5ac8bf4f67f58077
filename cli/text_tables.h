// The tables and lines that several text pages share: a meeting's facts, people, actions,
// agendas, deals, and the "… and 3 more" under a list cut at --limit.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "contacts_by_id.h"
#include "day_words.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/meetings/events.h"
#include "nextstep/model/model.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "text_table.h"

namespace nextstep::cli {

inline constexpr std::size_t kIdWidth = 36;

TextTable meetingFacts(const DayWords& words, const Meeting& m, const ContactsById& contacts);
// "Dana Berg (decision maker)", or the id of a contact not at hand.
std::string personName(const ContactsById& contacts, const std::string& id);
TextTable peopleTable(const std::vector<Contact>& people);
// "[ ] customer  Introduce us to the CFO  due Thu 10 Dec 2026  commitment"
TextTable actionTable(const DayWords& words, const std::vector<ActionItem>& actions);
TextTable temperatureTable(const std::vector<TemperatureCheck>& checks,
                           const ContactsById& contacts);
// Meetings by start: the full time, or "14:00–14:45" on a page about one day.
TextTable agendaTable(const DayWords& words, const std::vector<AgendaMeeting>& meetings,
                      bool times_only);
TextTable dueTable(const DayWords& words, const std::vector<DueAction>& actions);
TextTable dealsTable(const std::vector<Deal>& deals);
TextTable dealsTable(const std::vector<DealRow>& rows);
// "maybe · follow up Thu 10 Dec 2026 (in 7 days)"
std::string outcomeLine(const DayWords& words, const Outcome& o);

// "  … and 3 more (--limit)" when a list shows fewer than it holds.
void printMore(std::ostream& out, std::size_t shown, std::int64_t total);
// "\nStale: past the touch cadence (2)", ": none" when there are none.
void printProblem(std::ostream& out, const std::string& title, std::int64_t count);

}  // namespace nextstep::cli
