#include "nextstep/pipeline/deal_view.h"

#include <algorithm>

#include "nextstep/pipeline/pipeline.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {

Result<DealView> dealView(Store& store, std::string_view deal) {
  const Instant now = store.now();
  return store.read([&](Database& db) {
    DealView v;
    const std::string id = resolveId(db, RecordType::kDeal, deal);
    {
      auto s = db.prepare("SELECT " + dealColumns("d") + " FROM deals d WHERE d.id = ?1");
      s->bind(1, id);
      s->step();
      v.deal = readDeal(*s);
    }
    if (v.deal.account_id) {
      auto s = db.prepare("SELECT " + accountColumns("a") + " FROM accounts a WHERE a.id = ?1");
      s->bind(1, *v.deal.account_id);
      if (s->step()) v.account = readAccount(*s);
      auto p = db.prepare("SELECT " + contactColumns("c") +
                          " FROM contacts c WHERE c.account_id = ?1 AND c.deleted = 0 "
                          "ORDER BY c.role = 'decision_maker' DESC, c.name COLLATE NOCASE");
      p->bind(1, *v.deal.account_id);
      while (p->step()) v.people.push_back(readContact(*p));
    }
    v.next_step = currentNextStep(db, id, now);
    if (v.next_step) v.next_step->attendee_ids = attendeesOf(db, v.next_step->id);
    {
      auto s = db.prepare("SELECT " + actionColumns("a") +
                          " FROM actions a WHERE a.deal_id = ?1 AND a.deleted = 0 "
                          "ORDER BY a.done, a.due IS NULL, a.due, a.created_at");
      s->bind(1, id);
      while (s->step()) v.actions.push_back(readAction(*s));
    }
    {
      auto s = db.prepare(
          "SELECT " + meetingColumns("m") +
          " FROM meetings m WHERE m.deal_id = ?1 AND m.deleted = 0 ORDER BY m.start_at DESC");
      s->bind(1, id);
      while (s->step()) v.meetings.push_back(readMeeting(*s));
      for (Meeting& m : v.meetings) m.attendee_ids = attendeesOf(db, m.id);
    }
    {
      auto s = db.prepare("SELECT " + outcomeColumns("o") +
                          " FROM outcomes o WHERE o.deal_id = ?1 AND o.deleted = 0 ORDER BY "
                          "o.recorded_at DESC");
      s->bind(1, id);
      while (s->step()) v.outcomes.push_back(readOutcome(*s));
    }
    {
      auto s = db.prepare(
          "SELECT t.id, t.meeting_id, t.contact_id, t.most_interesting, t.to_clarify, t.ready, "
          "t.created_at "
          "FROM temperature_checks t JOIN meetings m ON m.id = t.meeting_id "
          "WHERE m.deal_id = ?1 AND t.deleted = 0 ORDER BY t.created_at DESC");
      s->bind(1, id);
      while (s->step()) {
        v.temperature.push_back({s->text(0), s->text(1), s->text(2), s->text(3), s->text(4),
                                 enumOr(s->textView(5), Readiness::kUnsure),
                                 instantFromUnix(s->integer(6))});
      }
    }
    {
      auto s = db.prepare(
          "SELECT id, deal_id, account_id, contact_id, text, author, created_at FROM notes "
          "WHERE deal_id = ?1 AND deleted = 0 ORDER BY created_at DESC");
      s->bind(1, id);
      while (s->step()) {
        v.notes.push_back({s->text(0), s->optText(1), s->optText(2), s->optText(3), s->text(4),
                           s->text(5), instantFromUnix(s->integer(6))});
      }
    }
    {
      auto s = db.prepare(
          "SELECT id, account_id, contact_id, deal_id, kind, at, note FROM touches "
          "WHERE (deal_id = ?1 OR (deal_id IS NULL AND account_id = ?2)) AND deleted = 0 ORDER BY "
          "at DESC");
      s->bindAll(id, v.deal.account_id.value_or(""));
      while (s->step()) {
        v.touches.push_back({s->text(0), s->text(1), s->optText(2), s->optText(3),
                             enumOr(s->textView(4), TouchKind::kOther),
                             instantFromUnix(s->integer(5)), s->text(6)});
      }
    }

    for (const Meeting& m : v.meetings) {
      v.timeline.push_back(
          {m.start, "meeting", m.id,
           std::string(nameOf(m.status)) + " meeting" + (m.place.empty() ? "" : " · " + m.place),
           m.goal.empty() ? m.agenda : m.goal});
    }
    for (const Outcome& o : v.outcomes) {
      std::string detail = o.reason_text.empty() ? o.probe_answers : o.reason_text;
      if (o.no_reason)
        detail = std::string(nameOf(*o.no_reason)) + (detail.empty() ? "" : ": " + detail);
      if (o.follow_up_on)
        detail += (detail.empty() ? "" : " · ") + std::string("follow up ") + o.follow_up_on->iso();
      v.timeline.push_back({o.recorded_at, "outcome", o.meeting_id,
                            "Outcome: " + std::string(nameOf(o.result)), detail});
    }
    for (const Note& n : v.notes)
      v.timeline.push_back({n.created_at, "note", n.id, "Note", n.text});
    for (const Touch& t : v.touches) {
      v.timeline.push_back({t.at, "touch", t.id, "Touch: " + std::string(nameOf(t.kind)), t.note});
    }
    std::stable_sort(v.timeline.begin(), v.timeline.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.at > b.at; });
    return v;
  });
}

}  // namespace nextstep
