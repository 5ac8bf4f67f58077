#include "nextstep/meetings/events.h"

#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/model/ids.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {
namespace {

Event readEvent(const Statement& s, int c = 0) {
  Event e;
  e.id = s.text(c);
  e.kind = enumOr(s.textView(c + 1), EventKind::kDemo);
  e.title = s.text(c + 2);
  e.start = instantFromUnix(s.integer(c + 3));
  e.tz = s.text(c + 4);
  e.place = s.text(c + 5);
  return e;
}

constexpr const char* kEventColumns = "e.id, e.kind, e.title, e.start_at, e.tz, e.place";

Event eventOrFail(Database& db, std::string_view event) {
  auto s = db.prepare(std::string("SELECT ") + kEventColumns + " FROM events e WHERE e.id = ?1");
  s->bind(1, resolveId(db, RecordType::kEvent, event));
  s->step();
  return readEvent(*s);
}

// The participant's next step: a planned meeting after the event that they attend.
std::optional<Meeting> nextStepOf(Database& db, const std::string& contact_id, Instant after) {
  auto s = db.prepare("SELECT " + meetingColumns("m") +
                      " FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id "
                      "WHERE a.contact_id = ?1 AND a.present AND m.status = 'planned' "
                      "AND m.deleted = 0 AND m.start_at >= ?2 ORDER BY m.start_at LIMIT 1");
  s->bindAll(contact_id, toUnix(after));
  if (!s->step()) return std::nullopt;
  return readMeeting(*s);
}

std::vector<ParticipantStatus> statusesOf(Database& db, const Event& event) {
  auto s = db.prepare("SELECT p.id, p.contact_id, p.deal_id, p.interested, " + contactColumns("c") +
                      " FROM participants p JOIN contacts c ON c.id = p.contact_id "
                      "WHERE p.event_id = ?1 AND p.deleted = 0 ORDER BY c.name COLLATE NOCASE");
  s->bind(1, event.id);
  std::vector<ParticipantStatus> out;
  while (s->step()) {
    ParticipantStatus st;
    st.participant =
        Participant{s->text(0), event.id, s->text(1), s->optText(2), s->integer(3) != 0};
    st.contact = readContact(*s, 4);
    out.push_back(std::move(st));
  }
  for (ParticipantStatus& st : out) st.next_step = nextStepOf(db, st.contact.id, event.start);
  return out;
}

}  // namespace

Result<std::string> addEvent(Store& store, const NewEvent& e) {
  const Instant now = store.now();
  return store.write([&](Mutation& m) {
    if (e.title.find_first_not_of(" \t") == std::string::npos) {
      fail(ErrorCode::kInvalidArgument, "an event needs a title");
    }
    auto zone = TimeZone::find(e.tz);
    if (!zone) throw DomainError{zone.error()};
    auto start = zone->toInstant(e.at);
    if (!start) throw DomainError{start.error()};
    const std::string id = newRecordId(toUnix(now) * 1000);
    m.create(RecordType::kEvent, id,
             {{"kind", Value(std::string(nameOf(e.kind)))},
              {"title", Value(e.title)},
              {"start_at", Value(toUnix(*start))},
              {"tz", Value(zone->name())},
              {"place", Value(e.place)}});
    return id;
  });
}

Result<std::string> addParticipant(Store& store, const NewParticipant& p) {
  const Instant now = store.now();
  return store.write([&](Mutation& m) {
    Database& db = m.db();
    const Event event = eventOrFail(db, p.event);
    const std::string contact = resolveId(db, RecordType::kContact, p.contact);
    {
      auto s = db.prepare(
          "SELECT 1 FROM participants WHERE event_id = ?1 AND contact_id = ?2 AND deleted = 0");
      s->bindAll(event.id, contact);
      if (s->step()) fail(ErrorCode::kInvalidArgument, "that contact is already a participant");
    }
    Value deal;
    if (p.deal) deal = Value(resolveId(db, RecordType::kDeal, *p.deal));
    const std::string id = newRecordId(toUnix(now) * 1000);
    m.create(RecordType::kParticipant, id,
             {{"event_id", Value(event.id)},
              {"contact_id", Value(contact)},
              {"deal_id", deal},
              {"interested", toValue(p.interested)}});
    // Taking part is a touch (rule 8) once the event has happened.
    if (event.start <= now) {
      logTouchIn(m, now,
                 NewTouch{std::nullopt, std::nullopt, contact, TouchKind::kEventInvite, event.start,
                          event.title});
    }
    return id;
  });
}

Result<void> setParticipantInterest(Store& store, std::string_view participant, bool interested) {
  return store.write([&](Mutation& m) {
    const std::string id = resolveId(m.db(), RecordType::kParticipant, participant);
    m.update(RecordType::kParticipant, id, {{"interested", toValue(interested)}});
  });
}

Result<std::vector<ParticipantStatus>> participantsOf(Store& store, std::string_view event) {
  return store.read([&](Database& db) { return statusesOf(db, eventOrFail(db, event)); });
}

Result<std::vector<std::string>> bookParticipants(Store& store, const BulkBooking& b) {
  const Instant now = store.now();
  return store.write([&](Mutation& m) {
    Database& db = m.db();
    const Event event = eventOrFail(db, b.event);
    std::vector<ParticipantStatus> all = statusesOf(db, event);
    std::vector<ParticipantStatus> chosen;
    if (b.participants.empty()) {
      for (auto& st : all) {
        if (st.participant.interested && !st.next_step) chosen.push_back(st);
      }
    } else {
      for (const std::string& wanted : b.participants) {
        const std::string id = resolveId(db, RecordType::kParticipant, wanted);
        bool found = false;
        for (auto& st : all) {
          if (st.participant.id == id) {
            chosen.push_back(st);
            found = true;
          }
        }
        if (!found)
          fail(ErrorCode::kInvalidArgument, "participant " + id + " is not at this event");
      }
    }
    if (chosen.empty())
      fail(ErrorCode::kFailedPrecondition, "every interested participant has a next step");

    auto zone = TimeZone::find(b.tz);
    if (!zone) throw DomainError{zone.error()};
    auto first = zone->toInstant(b.first);
    if (!first) throw DomainError{first.error()};
    const TeamSettings settings = loadTeamSettings(db);

    std::vector<std::string> ids;
    Instant slot = *first;
    for (const ParticipantStatus& st : chosen) {
      std::string deal = st.participant.deal_id.value_or("");
      if (deal.empty()) {
        if (!st.contact.account_id) {
          fail(ErrorCode::kFailedPrecondition,
               st.contact.name + " has no account; give the participant a deal first");
        }
        deal = newRecordId(toUnix(now) * 1000);
        m.create(RecordType::kDeal, deal,
                 {{"account_id", Value(*st.contact.account_id)},
                  {"title", Value(event.title + ": next step with " + st.contact.name)},
                  {"value_minor", Value(std::int64_t{0})},
                  {"currency", Value(std::string("EUR"))},
                  {"stage", Value(settings.stages.front())},
                  {"status", Value(std::string("open"))},
                  {"owner", Value(std::string())},
                  {"created_at", Value(toUnix(now))}});
        m.update(RecordType::kParticipant, st.participant.id, {{"deal_id", Value(deal)}});
      }
      BookingRequest r;
      r.deal = deal;
      r.at = zone->toLocal(slot);
      r.tz = zone->name();
      r.duration_min = b.duration_min;
      r.place = b.place;
      r.agenda = b.agenda;
      r.goal = b.goal;
      r.attendees = {st.contact.id};
      r.event_id = event.id;
      // Named one by one, a participant whose deal has a next meeting gets another, deliberately.
      if (!b.participants.empty()) r.when_planned = WhenPlanned::kAddAnother;
      ids.push_back(bookMeetingIn(m, now, r));
      slot += std::chrono::minutes(b.duration_min + b.gap_min);
    }
    return ids;
  });
}

Result<std::vector<Event>> listEvents(Store& store, int limit) {
  return store.read([&](Database& db) {
    auto s = db.prepare(std::string("SELECT ") + kEventColumns +
                        " FROM events e WHERE e.deleted = 0 ORDER BY e.start_at DESC LIMIT " +
                        std::to_string(limit));
    std::vector<Event> out;
    while (s->step()) out.push_back(readEvent(*s));
    return out;
  });
}

}  // namespace nextstep
