#include "event_output.h"

#include "record_json.h"
#include "text_table.h"
#include "text_tables.h"
#include "text_words.h"

namespace nextstep::cli {

using namespace json_form;

void to_json(Json& j, const EventList& result) {
  const std::vector<Event>& events = result.events;
  j = {{"count", events.size()}, {"events", json(events)}};
}

void to_json(Json& j, const EventPage& page) {
  j = {{"event", json(page.event)},
       {"participants", list(page.participants, [](const ParticipantStatus& p) {
          return json{{"id", p.participant.id},
                      {"contact", json(p.contact)},
                      {"deal_id", text(p.participant.deal_id)},
                      {"interested", p.participant.interested},
                      {"next_step", orNull(p.next_step)}};
        })}};
}

void printText(std::ostream& out, const DayWords& words, const EventList& result) {
  const std::vector<Event>& events = result.events;
  if (events.empty()) {
    out << "No events.\n";
    return;
  }
  TextTable table({{"ID", kIdWidth}, {"KIND", 8}, {"TITLE", 40}, {"WHEN", 40}, {"PLACE", 30}});
  for (const Event& e : events) {
    table.add({e.id, name(e.kind), e.title, words.when(e.start), e.place});
  }
  table.print(out);
}

void printText(std::ostream& out, const DayWords& words, const EventPage& page) {
  const Event& e = page.event;
  out << e.title << '\n';
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"Id", e.id});
  facts.add({"Kind", name(e.kind)});
  facts.add({"When", words.when(e.start) + words.bookedZone(e.start, e.tz)});
  if (!e.place.empty()) facts.add({"Place", e.place});
  facts.print(out);
  out << "\nParticipants\n";
  if (page.participants.empty()) {
    out << "  none yet: nextstep event participant --event " << e.id << " --contact ID\n";
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
               p.next_step ? words.when(p.next_step->start)
               : needs     ? "NONE"
                           : "-"});
  }
  table.print(out);
  if (waiting > 0) {
    out << '\n'
        << plural(waiting, "interested participant has", "interested participants have")
        << " no next step. Book them all with:\n  nextstep event book " << e.id
        << " --at YYYY-MM-DDTHH:MM --duration 30m\nor say one is not interested:\n"
           "  nextstep event interest PARTICIPANT --not-interested\n";
  }
}

}  // namespace nextstep::cli
