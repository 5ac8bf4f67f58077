#include "new_event_controller.h"

#include <algorithm>
#include <array>

#include "display_text.h"
#include "nextstep/meetings/events.h"

namespace {

constexpr std::array kKinds = {nextstep::EventKind::kDemo, nextstep::EventKind::kWebinar,
                               nextstep::EventKind::kSeminar};

}  // namespace

QStringList NewEventController::kinds() const {
  QStringList out;
  for (auto k : kKinds) out << display::eventKind(k);
  return out;
}

void NewEventController::reload(LocalStore& store) {
  const nextstep::TimeZone zone = store.zone();
  const bool start_over = takeStartOver();
  store.read(
      this, [](nextstep::Store& s) { return s.now(); },
      [this, zone, start_over](const nextstep::Instant& now) {
        loadDone();
        zone_name_ = display::qs(zone.name());
        // A new form starts on today's date at the next full hour: events are mostly logged
        // the day they happen.
        if (start_over) {
          const auto local = zone.toLocal(now);
          kind_index_ = 0;
          title_.clear();
          place_.clear();
          date_ = display::qs(local.date.iso());
          time_ =
              QStringLiteral("%1:00").arg(std::min(local.hour + 1, 23), 2, 10, QLatin1Char('0'));
        }
        Q_EMIT formChanged();
      });
}

void NewEventController::set(QString& field, const QString& v) {
  if (field == v) return;
  field = v;
  Q_EMIT formChanged();
}

void NewEventController::setKindIndex(int i) {
  if (i < 0 || i >= static_cast<int>(kKinds.size()) || kind_index_ == i) return;
  kind_index_ = i;
  Q_EMIT formChanged();
}

void NewEventController::setTitle(const QString& v) { set(title_, v); }
void NewEventController::setDate(const QString& v) { set(date_, v); }
void NewEventController::setTime(const QString& v) { set(time_, v.trimmed()); }
void NewEventController::setPlace(const QString& v) { set(place_, v); }

QString NewEventController::whyNot() const {
  if (saving() || !loaded()) return {};
  if (title_.trimmed().isEmpty()) return tr("Give the event a title");
  if (date_.isEmpty()) return tr("Pick the day it takes place");
  if (!nextstep::CivilDateTime::parse((date_ + QLatin1Char('T') + time_).toStdString()))
    return tr("The time is hours and minutes, like 14:30");
  return {};
}

void NewEventController::create() {
  LocalStore* local = store();
  if (local == nullptr || saving() || !loaded() || !whyNot().isEmpty()) return;
  nextstep::NewEvent e;
  e.kind = kKinds[static_cast<std::size_t>(kind_index_)];
  e.title = title_.trimmed().toStdString();
  e.at = *nextstep::CivilDateTime::parse((date_ + QLatin1Char('T') + time_).toStdString());
  e.tz = local->zone().name();
  e.place = place_.trimmed().toStdString();
  beginSave();
  local->write(
      this, [e](nextstep::Store& s) { return nextstep::addEvent(s, e); },
      [this](const nextstep::Result<std::string>& id) { endSave(id); });
}
