#include "event_controller.h"

#include "display_text.h"
#include "nextstep/meetings/events.h"

namespace {

using display::qs;

struct EventsRead {
  nextstep::Result<std::vector<nextstep::Event>> events;
  std::string chosen;
  nextstep::Result<std::vector<nextstep::ParticipantStatus>> participants = nextstep::Error{};
  nextstep::Instant now;
};

}  // namespace

EventController::EventController(QObject* parent) : StoreController(parent) {}

void EventController::setEventId(const QString& id) {
  if (event_id_ == id) return;
  event_id_ = id;
  Q_EMIT eventIdChanged();
  refresh();
}

void EventController::reload(LocalStore& store) {
  const std::string wanted = event_id_.toStdString();
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this,
      [wanted](nextstep::Store& s) {
        EventsRead out{nextstep::listEvents(s, 100), wanted, nextstep::Error{}, s.now()};
        if (out.events && out.chosen.empty() && !out.events->empty()) {
          out.chosen = out.events->front().id;
        }
        if (!out.chosen.empty()) out.participants = nextstep::participantsOf(s, out.chosen);
        return out;
      },
      [this, zone](const EventsRead& r) {
        loadDone();
        if (!r.events) {
          showError(r.events.error());
          return;
        }
        clearError();
        std::vector<Card> events;
        for (const auto& e : *r.events) {
          Card c;
          c.id = qs(e.id);
          c.kind = QStringLiteral("event");
          c.title = qs(e.title);
          c.badge = display::eventKind(e.kind);
          c.when = display::relativeDay(e.start, r.now, zone);
          c.subtitle = qs(e.place);
          c.flag = e.id == r.chosen;
          if (e.id == r.chosen) {
            title_ = c.title;
            subtitle_ = c.badge + QStringLiteral(" · ") + c.when +
                        (e.place.empty() ? QString() : QStringLiteral(" · ") + qs(e.place));
          }
          events.push_back(c);
        }
        events_.setCards(std::move(events));
        if (event_id_.isEmpty() && !r.chosen.empty()) {
          event_id_ = qs(r.chosen);
          Q_EMIT eventIdChanged();
        }
        std::vector<Card> people;
        without_ = 0;
        if (r.participants) {
          for (const auto& p : *r.participants) {
            Card c;
            c.id = qs(p.participant.id);
            c.kind = QStringLiteral("participant");
            c.title = qs(p.contact.name);
            c.subtitle = p.contact.title.empty() ? display::role(p.contact.role)
                                                 : qs(p.contact.title) + QStringLiteral(" · ") +
                                                       display::role(p.contact.role);
            c.dealId = p.participant.deal_id ? qs(*p.participant.deal_id) : QString();
            c.secondaryId = qs(p.contact.id);
            c.flag = p.next_step.has_value();
            if (p.next_step) {
              c.when = display::relativeDay(p.next_step->start, r.now, zone);
              c.tone = QStringLiteral("good");
              c.badge = tr("Next step booked");
            } else if (!p.participant.interested) {
              c.kind = QStringLiteral("uninterested-participant");
              c.tone = QStringLiteral("neutral");
              c.badge = tr("Not interested");
            } else {
              c.tone = QStringLiteral("danger");
              c.badge = tr("No next step yet");
              ++without_;
            }
            people.push_back(c);
          }
        }
        participants_.setCards(std::move(people));
        if (first_date_.isEmpty()) {
          const auto tomorrow = zone.toLocal(r.now).date.plusDays(1);
          first_date_ = qs(tomorrow.iso());
          first_time_ = QStringLiteral("10:00");
          Q_EMIT choiceChanged();
        }
        Q_EMIT participantsChanged();
      });
}

void EventController::setFirstDate(const QString& v) {
  if (first_date_ == v) return;
  first_date_ = v;
  Q_EMIT choiceChanged();
}

void EventController::setFirstTime(const QString& v) {
  if (first_time_ == v) return;
  first_time_ = v;
  Q_EMIT choiceChanged();
}

void EventController::setDurationMin(int v) {
  if (duration_ == v) return;
  duration_ = v;
  Q_EMIT choiceChanged();
}

QString EventController::firstSlotText() const {
  auto at =
      nextstep::CivilDateTime::parse((first_date_ + QLatin1Char('T') + first_time_).toStdString());
  return at ? display::civilDateTime(*at) : QString();
}

void EventController::setInterested(const QString& participantId, bool interested) {
  LocalStore* local = store();
  if (local == nullptr) return;
  local->write(
      this,
      [id = participantId.toStdString(), interested](nextstep::Store& s) {
        return nextstep::setParticipantInterest(s, id, interested);
      },
      [this](const nextstep::Result<void>& r) {
        if (!r) showError(r.error());
      });
}

void EventController::bookAll() {
  LocalStore* local = store();
  if (local == nullptr || booking_ || event_id_.isEmpty()) return;
  auto at =
      nextstep::CivilDateTime::parse((first_date_ + QLatin1Char('T') + first_time_).toStdString());
  if (!at) {
    setError(tr("Choose the first slot's date and time."));
    return;
  }
  nextstep::BulkBooking b;
  b.event = event_id_.toStdString();
  b.first = *at;
  b.tz = local->zone().name();
  b.duration_min = duration_;
  b.agenda =
      tr("Step 2 after the event: your questions, your priorities, the next step").toStdString();
  b.goal = tr("Agree a tailored next step").toStdString();
  booking_ = true;
  Q_EMIT bookingChanged();
  local->write(
      this, [b](nextstep::Store& s) { return nextstep::bookParticipants(s, b); },
      [this](const nextstep::Result<std::vector<std::string>>& r) {
        booking_ = false;
        Q_EMIT bookingChanged();
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        Q_EMIT bookedAll(static_cast<int>(r->size()));
      });
}
