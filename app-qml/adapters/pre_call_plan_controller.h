// Rule 5, plan and have a backup: the primary and backup objective of an upcoming meeting and the
// commitments to ask for.
#pragma once

#include <QString>

#include "store_controller.h"

class PreCallPlanController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
  Q_PROPERTY(QString title READ title NOTIFY planChanged)
  Q_PROPERTY(QString whenText READ whenText NOTIFY planChanged)
  Q_PROPERTY(QString goal READ goal NOTIFY planChanged)
  Q_PROPERTY(QString primary READ primary WRITE setPrimary NOTIFY planChanged)
  Q_PROPERTY(QString backup READ backup WRITE setBackup NOTIFY planChanged)
  Q_PROPERTY(QString asks READ asks WRITE setAsks NOTIFY planChanged)
  Q_PROPERTY(bool saving READ saving NOTIFY savingChanged)

 public:
  explicit PreCallPlanController(QObject* parent = nullptr);
  QString meetingId() const { return meeting_id_; }
  void setMeetingId(const QString& id);
  QString title() const { return title_; }
  QString whenText() const { return when_text_; }
  QString goal() const { return goal_; }
  QString primary() const { return primary_; }
  void setPrimary(const QString& v);
  QString backup() const { return backup_; }
  void setBackup(const QString& v);
  QString asks() const { return asks_; }
  void setAsks(const QString& v);
  bool saving() const { return saving_; }

  Q_INVOKABLE void save();

 Q_SIGNALS:
  void meetingIdChanged();
  void planChanged();
  void savingChanged();
  void saved();

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !meeting_id_.isEmpty(); }

 private:
  QString meeting_id_, title_, when_text_, goal_, primary_, backup_, asks_;
  bool saving_ = false;
};
