// A demo, webinar or seminar logged from the app (rule 10): what it was, when and where, so its
// participants can be added and each given a next step afterwards.
#pragma once

#include <QString>
#include <QStringList>

#include "form_controller.h"

class NewEventController : public FormController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QStringList kinds READ kinds CONSTANT)
  Q_PROPERTY(int kindIndex READ kindIndex WRITE setKindIndex NOTIFY formChanged)
  Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY formChanged)
  // YYYY-MM-DD and HH:MM in the rep's zone.
  Q_PROPERTY(QString date READ date WRITE setDate NOTIFY formChanged)
  Q_PROPERTY(QString time READ time WRITE setTime NOTIFY formChanged)
  Q_PROPERTY(QString zoneName READ zoneName NOTIFY formChanged)
  Q_PROPERTY(QString place READ place WRITE setPlace NOTIFY formChanged)
  // Why Create is disabled, next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY formChanged)

 public:
  using FormController::FormController;

  QStringList kinds() const;
  int kindIndex() const { return kind_index_; }
  void setKindIndex(int i);
  QString title() const { return title_; }
  void setTitle(const QString& v);
  QString date() const { return date_; }
  void setDate(const QString& v);
  QString time() const { return time_; }
  void setTime(const QString& v);
  QString zoneName() const { return zone_name_; }
  QString place() const { return place_; }
  void setPlace(const QString& v);
  QString whyNot() const;

  Q_INVOKABLE void create();

 protected:
  void reload(LocalStore& store) override;

 private:
  void set(QString& field, const QString& v);

  int kind_index_ = 0;
  QString title_, date_, time_, zone_name_, place_;
};
