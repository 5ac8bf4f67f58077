#include "booking_controller.h"

#include <algorithm>

#include "deal_person.h"
#include "display_text.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"

namespace {

using display::qs;

struct Defaults {
  nextstep::Result<nextstep::BookingDefaults> defaults;
  nextstep::Result<nextstep::Deal> deal;
};

}  // namespace

BookingController::BookingController(QObject* parent) : StoreController(parent) {}

void BookingController::setDealId(const QString& id) {
  if (deal_id_ == id) return;
  deal_id_ = id;
  booked_id_.clear();
  asked_zone_.clear();
  Q_EMIT dealIdChanged();
  restart();
}

void BookingController::reload(LocalStore& store) {
  const std::string id = deal_id_.toStdString();
  const nextstep::TimeZone zone = store.zone();
  store.read(
      this,
      [id, zone, asked = asked_zone_.toStdString()](nextstep::Store& s) {
        return Defaults{nextstep::bookingDefaults(s, id, zone, asked), nextstep::getDeal(s, id)};
      },
      [this, zone](const Defaults& d) {
        loadDone();
        if (!d.defaults || !d.deal) {
          showError(!d.defaults ? d.defaults.error() : d.deal.error());
          return;
        }
        clearError();
        const bool fresh = takeStartOver();
        const auto& b = *d.defaults;
        deal_title_ =
            qs(d.deal->account_name.empty() ? d.deal->title
                                            : d.deal->account_name + " · " + d.deal->title);
        zone_name_ = qs(b.tz);
        device_zone_ = qs(zone.name());
        zones_.clear();
        if (b.zones.size() > 1) {
          for (const auto& z : b.zones) {
            zones_.append(QVariantMap{{"label", display::zoneLabel(z)},
                                      {"tz", qs(z.tz)},
                                      {"city", display::zoneCity(qs(z.tz))}});
          }
        }
        slots_.clear();
        for (const auto& slot : b.slots) {
          slots_.append(QVariantMap{{"label", display::slotLabel(slot.label)},
                                    {"when", display::civilDateTime(slot.at)},
                                    {"yours", display::onYourClock(slot.at, slot.tz, zone)},
                                    {"at", qs(slot.at.iso())},
                                    {"tz", qs(slot.tz)}});
        }
        agenda_templates_.clear();
        for (const auto& t : b.agenda_templates) agenda_templates_ << display::agendaTemplate(t);
        // Who is chosen survives a reload; someone new to the list comes chosen when a decision
        // maker (or when the rep just added them here).
        std::vector<Person> people;
        for (const auto& p : b.people) {
          const QString contact = qs(p.id);
          auto known = std::find_if(people_.begin(), people_.end(),
                                    [&](const Person& q) { return q.id == contact; });
          const bool chosen =
              !fresh && known != people_.end()
                  ? known->selected
                  : p.role == nextstep::ContactRole::kDecisionMaker || added_.contains(contact);
          people.push_back({contact, qs(p.name), display::role(p.role), chosen});
        }
        people_ = std::move(people);
        planned_when_.clear();
        if (b.planned) {
          const auto its_zone = nextstep::TimeZone::find(b.planned->tz);
          planned_when_ = its_zone ? display::civilDateTime(its_zone->toLocal(b.planned->start))
                                   : qs(nextstep::formatUtc(b.planned->start));
        }
        if (fresh) {
          added_.clear();
          slot_index_ = slots_.isEmpty() ? -1 : 0;
          if (!b.slots.empty()) {
            custom_date_ = qs(b.slots.front().at.date.iso());
            custom_time_ = qs(b.slots.front().at.iso().substr(11));
          }
          duration_ = b.duration_min;
          place_ = qs(b.place);
          agenda_ = agenda_templates_.isEmpty() ? QString() : agenda_templates_.front();
          goal_.clear();
          add_another_ = false;
          if (b.planned) {
            // Moving is the usual intent: the sheet starts from the meeting's own details.
            duration_ = b.planned->duration_min;
            place_ = qs(b.planned->place);
            if (!b.planned->agenda.empty()) agenda_ = qs(b.planned->agenda);
            goal_ = qs(b.planned->goal);
          }
        } else {
          slot_index_ = std::min(slot_index_, static_cast<int>(slots_.size()) - 1);
        }
        Q_EMIT defaultsChanged();
        Q_EMIT choiceChanged();
      });
}

void BookingController::setZoneName(const QString& tz) {
  if (tz == zone_name_ && tz == asked_zone_) return;
  asked_zone_ = tz;
  refresh();
}

void BookingController::addPerson(const QString& name, const QString& email, const QString& role) {
  if (store() == nullptr || name.trimmed().isEmpty()) return;
  writeOrShowError(deal_person::addJob(deal_id_, name, email, role),
                   [this](const std::string& contact) {
                     // The store's change notice reloads the people; the new one comes chosen.
                     const QString id = qs(contact);
                     added_.insert(id);
                     for (auto& p : people_) {
                       if (p.id == id) p.selected = true;
                     }
                     Q_EMIT choiceChanged();
                     Q_EMIT personAdded(id);
                   });
}

void BookingController::setAddAnother(bool another) {
  if (add_another_ == another) return;
  add_another_ = another;
  Q_EMIT choiceChanged();
}

void BookingController::setSlotIndex(int index) {
  index = std::clamp(index, -1, static_cast<int>(slots_.size()) - 1);
  if (slot_index_ == index) return;
  slot_index_ = index;
  Q_EMIT choiceChanged();
}

void BookingController::setCustomDate(const QString& isoDate) {
  if (custom_date_ == isoDate) return;
  custom_date_ = isoDate;
  slot_index_ = -1;
  Q_EMIT choiceChanged();
}

void BookingController::setCustomTime(const QString& hhmm) {
  if (custom_time_ == hhmm) return;
  custom_time_ = hhmm;
  slot_index_ = -1;
  Q_EMIT choiceChanged();
}

void BookingController::setDurationMin(int minutes) {
  if (duration_ == minutes) return;
  duration_ = minutes;
  Q_EMIT choiceChanged();
}

void BookingController::setPlace(const QString& place) {
  if (place_ == place) return;
  place_ = place;
  Q_EMIT choiceChanged();
}

void BookingController::setAgenda(const QString& agenda) {
  if (agenda_ == agenda) return;
  agenda_ = agenda;
  Q_EMIT choiceChanged();
}

void BookingController::setGoal(const QString& goal) {
  if (goal_ == goal) return;
  goal_ = goal;
  Q_EMIT choiceChanged();
}

QVariantList BookingController::people() const {
  QVariantList out;
  for (const auto& p : people_) {
    out.append(
        QVariantMap{{"id", p.id}, {"name", p.name}, {"role", p.role}, {"selected", p.selected}});
  }
  return out;
}

void BookingController::toggleAttendee(const QString& contactId) {
  for (auto& p : people_) {
    if (p.id == contactId) p.selected = !p.selected;
  }
  Q_EMIT choiceChanged();
}

QString BookingController::chosenIso() const {
  if (slot_index_ >= 0 && slot_index_ < slots_.size()) {
    return slots_[slot_index_].toMap().value(QStringLiteral("at")).toString();
  }
  if (custom_date_.isEmpty() || custom_time_.isEmpty()) return {};
  return custom_date_ + QLatin1Char('T') + custom_time_;
}

QString BookingController::whenText() const {
  const auto at = nextstep::CivilDateTime::parse(chosenIso().toStdString());
  if (!at) return {};
  const QString when = display::civilDateTime(*at);
  // On another clock than the rep's, say whose: "Wed 9 Dec, 14:00 (Dublin)".
  if (zone_name_.isEmpty() || zone_name_ == device_zone_) return when;
  return tr("%1 (%2)").arg(when, display::zoneCity(zone_name_));
}

bool BookingController::canBook() const {
  return loaded() && !booking_ && !deal_id_.isEmpty() &&
         nextstep::CivilDateTime::parse(chosenIso().toStdString()).ok() && duration_ >= 5;
}

QString BookingController::whyNot() const {
  if (booking_ || !loaded() || deal_id_.isEmpty()) return {};
  if (slot_index_ < 0 && !nextstep::CivilDateTime::parse(chosenIso().toStdString()).ok()) {
    return tr("Enter the date as YYYY-MM-DD and the time as HH:MM");
  }
  if (duration_ < 5) return tr("A meeting lasts at least 5 minutes");
  return {};
}

void BookingController::book() {
  LocalStore* local = store();
  if (!canBook() || local == nullptr) return;
  const auto at = nextstep::CivilDateTime::parse(chosenIso().toStdString());
  nextstep::BookingRequest r;
  r.deal = deal_id_.toStdString();
  r.at = *at;
  r.tz = zone_name_.toStdString();
  r.duration_min = duration_;
  r.place = place_.toStdString();
  r.agenda = agenda_.toStdString();
  r.goal = goal_.toStdString();
  for (const auto& p : people_) {
    if (p.selected) r.attendees.push_back(p.id.toStdString());
  }
  if (!planned_when_.isEmpty()) {
    r.when_planned =
        add_another_ ? nextstep::WhenPlanned::kAddAnother : nextstep::WhenPlanned::kMove;
  }
  booking_ = true;
  Q_EMIT bookingChanged();
  Q_EMIT choiceChanged();
  const QString when = whenText();
  local->write(
      this, [r](nextstep::Store& s) { return nextstep::bookMeeting(s, r); },
      [this, when](const nextstep::Result<std::string>& id) {
        booking_ = false;
        Q_EMIT bookingChanged();
        Q_EMIT choiceChanged();
        if (!id) {
          showError(id.error());
          return;
        }
        clearError();
        booked_id_ = qs(*id);
        Q_EMIT booked(booked_id_, when);
      });
}
