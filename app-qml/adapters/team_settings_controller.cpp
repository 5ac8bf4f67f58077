#include "team_settings_controller.h"

#include "display_text.h"

namespace {

struct SettingsRead {
  nextstep::Result<nextstep::TeamSettings> settings;
  nextstep::Result<std::int64_t> pending;
};

}  // namespace

TeamSettingsController::TeamSettingsController(QObject* parent) : StoreController(parent) {}

void TeamSettingsController::reload(LocalStore& store) {
  store.read(
      this,
      [](nextstep::Store& s) {
        return SettingsRead{nextstep::teamSettings(s), s.pendingChanges()};
      },
      [this](const SettingsRead& r) {
        loadDone();
        if (!r.settings) {
          showError(r.settings.error());
          return;
        }
        clearError();
        cadence_ = r.settings->cadence_days;
        working_days_ = r.settings->working_days;
        stages_.clear();
        for (const auto& s : r.settings->stages) stages_ << display::qs(s);
        pending_ = r.pending ? *r.pending : 0;
        Q_EMIT settingsChanged();
      });
}

void TeamSettingsController::setCadenceDays(int days) {
  nextstep::TeamSettingsChange c;
  c.cadence_days = days;
  change(c);
}

QString TeamSettingsController::workingDaysText() const {
  return display::qs(working_days_.text());
}

void TeamSettingsController::setWorkingDay(int weekday, bool working) {
  if (weekday < 0 || weekday > 6) return;
  const int bit = 1 << weekday;
  auto days = nextstep::WorkingDays::fromBits(working ? working_days_.bits() | bit
                                                      : working_days_.bits() & ~bit);
  if (!days) {
    showError(days.error());
    return;
  }
  // Shown at once, so a second tap before the write lands builds on the first.
  working_days_ = *days;
  Q_EMIT settingsChanged();
  nextstep::TeamSettingsChange c;
  c.working_days = *days;
  change(c);
}

void TeamSettingsController::setStages(const QStringList& stages) {
  nextstep::TeamSettingsChange c;
  std::vector<std::string> list;
  for (const auto& s : stages) {
    const QString name = s.trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
    if (!name.isEmpty()) list.push_back(name.toStdString());
  }
  c.stages = list;
  change(c);
}

void TeamSettingsController::change(const nextstep::TeamSettingsChange& change) {
  LocalStore* local = store();
  if (local == nullptr) return;
  local->write(
      this, [change](nextstep::Store& s) { return nextstep::changeTeamSettings(s, change); },
      [this](const nextstep::Result<nextstep::TeamSettings>& r) {
        if (!r) {
          showError(r.error());
          return;
        }
        clearError();
        Q_EMIT saved();
      });
}
