// The team's shared settings: the touch cadence in days (rule 8), the ladder of stages (rule 11)
// and the working days suggested slots fall on. They sync to every device of the team.
#pragma once

#include <QStringList>

#include "nextstep/pipeline/team_settings.h"
#include "store_controller.h"

class TeamSettingsController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(int cadenceDays READ cadenceDays NOTIFY settingsChanged)
  Q_PROPERTY(QStringList stages READ stages NOTIFY settingsChanged)
  // Bits by weekday, Sunday = 1 ... Saturday = 64 (as QML's Locale.dayName counts from Sunday).
  Q_PROPERTY(int workingDays READ workingDays NOTIFY settingsChanged)
  Q_PROPERTY(QString workingDaysText READ workingDaysText NOTIFY settingsChanged)
  Q_PROPERTY(qint64 pendingChanges READ pendingChanges NOTIFY settingsChanged)

 public:
  explicit TeamSettingsController(QObject* parent = nullptr);
  int cadenceDays() const { return cadence_; }
  QStringList stages() const { return stages_; }
  qint64 pendingChanges() const { return pending_; }
  int workingDays() const { return working_days_.bits(); }
  QString workingDaysText() const;

  Q_INVOKABLE void setCadenceDays(int days);
  // One stage per line, lowest rung first.
  Q_INVOKABLE void setStages(const QStringList& stages);
  // On or off; the last working day cannot be taken off (the core refuses, and says so).
  Q_INVOKABLE void setWorkingDay(int weekday, bool working);

 Q_SIGNALS:
  void settingsChanged();
  void saved();

 protected:
  void reload(LocalStore& store) override;

 private:
  void change(const nextstep::TeamSettingsChange& change);
  int cadence_ = 30;
  nextstep::WorkingDays working_days_;
  QStringList stages_;
  qint64 pending_ = 0;
};
