// The team's shared settings: the touch cadence in days (rule 8) and the ladder of stages (rule
// 11). They sync to every device of the team.
#pragma once

#include <QStringList>

#include "nextstep/team_settings.h"
#include "store_controller.h"

class TeamSettingsController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(int cadenceDays READ cadenceDays NOTIFY settingsChanged)
  Q_PROPERTY(QStringList stages READ stages NOTIFY settingsChanged)
  Q_PROPERTY(qint64 pendingChanges READ pendingChanges NOTIFY settingsChanged)

 public:
  explicit TeamSettingsController(QObject* parent = nullptr);
  int cadenceDays() const { return cadence_; }
  QStringList stages() const { return stages_; }
  qint64 pendingChanges() const { return pending_; }

  Q_INVOKABLE void setCadenceDays(int days);
  // One stage per line, lowest rung first.
  Q_INVOKABLE void setStages(const QStringList& stages);

 Q_SIGNALS:
  void settingsChanged();
  void saved();

 protected:
  void reload(LocalStore& store) override;

 private:
  void change(const nextstep::TeamSettingsChange& change);
  int cadence_ = 30;
  QStringList stages_;
  qint64 pending_ = 0;
};
