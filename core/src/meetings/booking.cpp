#include "nextstep/meetings/booking.h"

#include "nextstep/model/ids.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep {
namespace {

constexpr int kMaxDurationMin = 24 * 60;

void checkDuration(int minutes) {
  if (minutes < 5 || minutes > kMaxDurationMin) {
    fail(ErrorCode::kInvalidArgument, "a meeting lasts between 5 minutes and 24 hours");
  }
}

TimeZone zoneOrFail(std::string_view tz) {
  auto z = TimeZone::find(tz);
  if (!z) throw DomainError{z.error()};
  return *z;
}

Instant instantOrFail(const TimeZone& zone, const CivilDateTime& at) {
  auto t = zone.toInstant(at);
  if (!t) throw DomainError{t.error()};
  return *t;
}

// The deal's latest meeting that started before `t`, ignoring cancelled ones.
std::optional<Meeting> previousMeeting(Database& db, std::string_view deal_id, Instant t) {
  return meetingOfDeal(db, deal_id, "m.status != 'cancelled' AND m.start_at <= ?2",
                       "m.start_at DESC", t);
}

// No bound in time: ?2 is compared with itself.
std::optional<Meeting> latestMeeting(Database& db, std::string_view deal_id) {
  return meetingOfDeal(db, deal_id, "m.status != 'cancelled' AND ?2 = ?2", "m.start_at DESC",
                       Instant{});
}

// The deal's current next step: a planned meeting still ahead, the soonest first. One that has
// started is the meeting the rep is in, during which the next one is booked (rule 2).
std::optional<Meeting> plannedMeeting(Database& db, std::string_view deal_id, Instant now) {
  return meetingOfDeal(db, deal_id, "m.status = 'planned' AND m.start_at > ?2", "m.start_at", now);
}

Meeting meetingOrFail(Database& db, std::string_view id) {
  const std::string full = resolveId(db, RecordType::kMeeting, id);
  auto s = db.prepare("SELECT " + meetingColumns("m") + " FROM meetings m WHERE m.id = ?1");
  s->bind(1, full);
  s->step();
  return readMeeting(*s);
}

Fields rescheduledFields(const Meeting& current, const Reschedule& c) {
  Fields f;
  if (c.at || c.tz) {
    // A new zone alone keeps the wall-clock time: the hour was right, the zone was wrong.
    const TimeZone zone = zoneOrFail(c.tz.value_or(current.tz));
    const CivilDateTime at = c.at.value_or(zoneOrFail(current.tz).toLocal(current.start));
    f.push_back({"start_at", Value(toUnix(instantOrFail(zone, at)))});
    f.push_back({"tz", Value(zone.name())});
  }
  if (c.duration_min) {
    checkDuration(*c.duration_min);
    f.push_back({"duration_min", Value(std::int64_t{*c.duration_min})});
  }
  if (c.place) f.push_back({"place", Value(*c.place)});
  if (c.agenda) f.push_back({"agenda", Value(*c.agenda)});
  if (c.goal) f.push_back({"goal", Value(*c.goal)});
  return f;
}

// Rule 1 for a booking on a deal that already has its next meeting: refused unless the rep
// chose. Moving keeps the meeting (and its invitation, sent again as an update) and takes what
// the booking gives; an empty agenda or goal keeps the meeting's own.
std::optional<std::string> applyWhenPlanned(Mutation& m, Instant now, const BookingRequest& r,
                                            const std::string& deal_id, const TimeZone& zone,
                                            const std::vector<std::string>& attendees) {
  if (r.when_planned == WhenPlanned::kAddAnother) return std::nullopt;
  const std::optional<Meeting> planned = plannedMeeting(m.db(), deal_id, now);
  if (!planned) return std::nullopt;
  if (r.when_planned == WhenPlanned::kRefuse) {
    const TimeZone its_zone = zoneOrFail(planned->tz);
    fail(ErrorCode::kFailedPrecondition,
         "this deal already has its next meeting, " + formatInZone(planned->start, its_zone) +
             " (" + planned->tz +
             "): move it to the new time, or add another meeting deliberately");
  }
  Reschedule c;
  c.at = r.at;
  c.tz = zone.name();
  c.duration_min = r.duration_min;
  c.place = r.place;
  if (!r.agenda.empty()) c.agenda = r.agenda;
  if (!r.goal.empty()) c.goal = r.goal;
  m.update(RecordType::kMeeting, planned->id, rescheduledFields(*planned, c));
  for (const std::string& a : attendees) m.addMember(RecordType::kMeeting, planned->id, a);
  return planned->id;
}

constexpr int kFirstMeetingHour = 9;
constexpr int kLastMeetingHour = 18;

// A suggested time a customer would accept: on the quarter hour, and when it comes from the
// clock rather than a meeting, within office hours (a rep booking at 20:40 means the morning).
CivilDateTime slotTime(CivilDateTime t, bool from_clock) {
  const int minutes = t.hour * 60 + t.minute;
  const int rounded = (minutes + 14) / 15 * 15;
  t.hour = rounded / 60;
  t.minute = rounded % 60;
  if (from_clock && (t.hour < kFirstMeetingHour || t.hour >= kLastMeetingHour)) {
    t.hour = kFirstMeetingHour;
    t.minute = 0;
  }
  if (t.hour >= 24) {  // 23:50 rounds to midnight: the next morning
    t.date = t.date.plusDays(1);
    t.hour = kFirstMeetingHour;
    t.minute = 0;
  }
  return t;
}

}  // namespace

std::string bookMeetingIn(Mutation& m, Instant now, const BookingRequest& r) {
  Database& db = m.db();
  const std::string dealId = resolveId(db, RecordType::kDeal, r.deal);
  {
    auto s = db.prepare("SELECT status FROM deals WHERE id = ?1");
    s->bind(1, dealId);
    s->step();
    if (s->textView(0) != nameOf(DealStatus::kOpen)) {
      fail(ErrorCode::kFailedPrecondition,
           "the deal is " + s->text(0) + "; reopen it before booking a next step");
    }
  }
  const TimeZone zone = zoneOrFail(r.tz);
  const Instant start = instantOrFail(zone, r.at);
  const std::optional<Meeting> last = latestMeeting(db, dealId);
  const int duration = r.duration_min.value_or(last ? last->duration_min : 30);
  checkDuration(duration);
  if (start + std::chrono::minutes(duration) <= now) {
    fail(ErrorCode::kInvalidArgument,
         "that time (" + formatInZone(start, zone) + ") is over; a next step is in the future");
  }
  const std::string place = r.place.value_or(last ? last->place : std::string());

  std::vector<std::string> attendees;
  for (const std::string& a : r.attendees)
    attendees.push_back(resolveId(db, RecordType::kContact, a));
  std::optional<std::string> eventId;
  if (r.event_id) eventId = resolveId(db, RecordType::kEvent, *r.event_id);
  if (auto moved = applyWhenPlanned(m, now, r, dealId, zone, attendees)) return *moved;

  // Rule 2: at the table means during the previous meeting or within minutes of its end.
  Value atTable;
  if (const auto prev = previousMeeting(db, dealId, now)) {
    atTable = toValue(now <= prev->end() + kAtTableGrace);
  }

  const std::string id = newRecordId(toUnix(now) * 1000);
  m.create(RecordType::kMeeting, id,
           {{"deal_id", Value(dealId)},
            {"start_at", Value(toUnix(start))},
            {"tz", Value(zone.name())},
            {"duration_min", Value(std::int64_t{duration})},
            {"place", Value(place)},
            {"agenda", Value(r.agenda)},
            {"goal", Value(r.goal)},
            {"status", Value(std::string(nameOf(MeetingStatus::kPlanned)))},
            {"booked_at", Value(toUnix(now))},
            {"booked_at_table", atTable},
            {"event_id", toValue(eventId)}});
  for (const std::string& a : attendees) m.addMember(RecordType::kMeeting, id, a);
  return id;
}

Result<std::string> bookMeeting(Store& store, const BookingRequest& request) {
  return store.write([&](Mutation& m) { return bookMeetingIn(m, store.now(), request); });
}

Result<void> rescheduleMeeting(Store& store, std::string_view meeting, const Reschedule& c) {
  return store.write([&](Mutation& m) {
    const Meeting current = meetingOrFail(m.db(), meeting);
    if (current.status != MeetingStatus::kPlanned) {
      fail(ErrorCode::kFailedPrecondition, "the meeting is " + std::string(nameOf(current.status)) +
                                               "; only planned meetings move");
    }
    Fields f = rescheduledFields(current, c);
    if (f.empty()) fail(ErrorCode::kInvalidArgument, "nothing to change");
    m.update(RecordType::kMeeting, current.id, f);
  });
}

Result<void> cancelMeeting(Store& store, std::string_view meeting) {
  return store.write([&](Mutation& m) {
    const Meeting current = meetingOrFail(m.db(), meeting);
    if (current.status == MeetingStatus::kHeld) {
      fail(ErrorCode::kFailedPrecondition, "the meeting was held; it cannot be cancelled");
    }
    m.update(RecordType::kMeeting, current.id,
             {{"status", Value(std::string(nameOf(MeetingStatus::kCancelled)))}});
  });
}

Result<void> addAttendee(Store& store, std::string_view meeting, std::string_view contact) {
  return store.write([&](Mutation& m) {
    const std::string mid = resolveId(m.db(), RecordType::kMeeting, meeting);
    m.addMember(RecordType::kMeeting, mid, resolveId(m.db(), RecordType::kContact, contact));
  });
}

Result<void> removeAttendee(Store& store, std::string_view meeting, std::string_view contact) {
  return store.write([&](Mutation& m) {
    const std::string mid = resolveId(m.db(), RecordType::kMeeting, meeting);
    m.removeMember(RecordType::kMeeting, mid,
                   resolveId(m.db(), RecordType::kContact, contact, true));
  });
}

Result<void> planMeeting(Store& store, std::string_view meeting, const PreCallPlan& plan) {
  return store.write([&](Mutation& m) {
    const Meeting current = meetingOrFail(m.db(), meeting);
    if (plan.primary.empty() && !plan.backup.empty()) {
      fail(ErrorCode::kInvalidArgument, "a backup objective needs a primary objective first");
    }
    m.update(RecordType::kMeeting, current.id,
             {{"plan_primary", Value(plan.primary)},
              {"plan_backup", Value(plan.backup)},
              {"plan_asks", Value(plan.asks)}});
  });
}

Result<Meeting> getMeeting(Store& store, std::string_view meeting) {
  return store.read([&](Database& db) {
    Meeting m = meetingOrFail(db, meeting);
    m.attendee_ids = attendeesOf(db, m.id);
    return m;
  });
}

Result<std::optional<Meeting>> lastHeldMeeting(Store& store, std::string_view deal_id) {
  return store.read([&](Database& db) {
    return meetingOfDeal(db, deal_id, "m.status = 'held' AND ?2 = ?2", "m.start_at DESC",
                         Instant{});
  });
}

Result<BookingDefaults> bookingDefaults(Store& store, std::string_view deal,
                                        const TimeZone& device_zone, std::string_view zone_name) {
  const Instant now = store.now();
  std::optional<TimeZone> asked;
  if (!zone_name.empty()) {
    auto z = TimeZone::find(zone_name);
    if (!z) return z.error();
    asked = *z;
  }
  return store.read([&](Database& db) {
    const std::string dealId = resolveId(db, RecordType::kDeal, deal);
    BookingDefaults out;
    const std::optional<Meeting> last = latestMeeting(db, dealId);
    using Source = ZoneChoice::Source;
    const auto offer = [&](Source source, std::string label, std::string_view tz) {
      auto z = TimeZone::find(tz);
      if (!z) return;
      for (const ZoneChoice& c : out.zones) {
        if (c.tz == z->name()) return;
      }
      out.zones.push_back({source, std::move(label), z->name()});
    };
    offer(Source::kRep, "Yours", device_zone.name());
    auto account = db.prepare(
        "SELECT a.name, a.tz FROM accounts a JOIN deals d ON d.account_id = a.id "
        "WHERE d.id = ?1 AND a.tz IS NOT NULL AND a.tz != ''");
    account->bind(1, dealId);
    if (account->step()) offer(Source::kAccount, account->text(0) + "'s", account->textView(1));
    TimeZone zone = device_zone;
    if (last) {
      out.duration_min = last->duration_min;
      out.place = last->place;
      if (auto z = TimeZone::find(last->tz)) zone = *z;
      offer(Source::kLastMeeting, "The last meeting's", last->tz);
    }
    if (asked) {
      zone = *asked;
      offer(Source::kAsked, "Another zone", zone.name());
    }
    out.tz = zone.name();
    const WorkingDays workingDays = loadTeamSettings(db).working_days;

    // Same weekday and hour as the last meeting (or as now), one and two weeks on, on the
    // quarter hour and on a working day.
    const CivilDateTime anchor = slotTime(zone.toLocal(last ? last->start : now), !last);
    // A week on from the anchor, and never today or before: when the deal's latest meeting is
    // its next one, still ahead, a booking moves it, so its own slot is no suggestion.
    CivilDate base = anchor.date.plusDays(7);
    const CivilDate today = zone.toLocal(now).date;
    while (base <= today) base = base.plusDays(7);
    out.slots.push_back(
        {"Same time next week", {workingDays.onOrAfter(base), anchor.hour, anchor.minute}, out.tz});
    out.slots.push_back({"Same time in two weeks",
                         {workingDays.onOrAfter(base.plusDays(7)), anchor.hour, anchor.minute},
                         out.tz});

    // The date the customer named (rule 7), when it is still ahead.
    auto s = db.prepare(
        "SELECT follow_up_on FROM outcomes WHERE deal_id = ?1 AND deleted = 0 "
        "AND follow_up_on IS NOT NULL ORDER BY recorded_at DESC LIMIT 1");
    s->bind(1, dealId);
    if (s->step()) {
      if (auto named = CivilDate::parse(s->textView(0)); named && *named > today) {
        out.slots.push_back({"The customer's date", {*named, anchor.hour, anchor.minute}, out.tz});
      }
    }
    out.agenda_templates = {
        "Recap of our last meeting; your questions; agree the next step and who does what",
        "Go through the proposal together; open points; decision process and timeline",
        "Meet the decision maker: goals, priorities, how we can help",
        "Workshop: requirements, success criteria, pilot scope",
    };
    auto p = db.prepare("SELECT " + contactColumns("c") +
                        " FROM contacts c JOIN deals d ON d.account_id = c.account_id "
                        "WHERE d.id = ?1 AND c.deleted = 0 "
                        "ORDER BY c.role = 'decision_maker' DESC, c.name COLLATE NOCASE LIMIT 50");
    p->bind(1, dealId);
    while (p->step()) out.people.push_back(readContact(*p));
    out.planned = plannedMeeting(db, dealId, now);
    return out;
  });
}

}  // namespace nextstep
