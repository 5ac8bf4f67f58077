// Rule 10, after the big event: the demos, webinars and seminars, each participant with or
// without a next step, and booking all who need one in one go.
#pragma once

#include <QString>

#include "card_list_model.h"
#include "store_controller.h"

class EventController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(CardListModel* events READ events CONSTANT)
  Q_PROPERTY(QString eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
  Q_PROPERTY(QString title READ title NOTIFY participantsChanged)
  Q_PROPERTY(QString subtitle READ subtitle NOTIFY participantsChanged)
  Q_PROPERTY(CardListModel* participants READ participants CONSTANT)
  Q_PROPERTY(int withoutNextStep READ withoutNextStep NOTIFY participantsChanged)
  // The first slot for bulk booking: YYYY-MM-DD and HH:MM in the device's zone.
  Q_PROPERTY(QString firstDate READ firstDate WRITE setFirstDate NOTIFY choiceChanged)
  Q_PROPERTY(QString firstTime READ firstTime WRITE setFirstTime NOTIFY choiceChanged)
  Q_PROPERTY(int durationMin READ durationMin WRITE setDurationMin NOTIFY choiceChanged)
  Q_PROPERTY(QString firstSlotText READ firstSlotText NOTIFY choiceChanged)
  Q_PROPERTY(bool booking READ booking NOTIFY bookingChanged)

 public:
  explicit EventController(QObject* parent = nullptr);
  CardListModel* events() { return &events_; }
  QString eventId() const { return event_id_; }
  void setEventId(const QString& id);
  QString title() const { return title_; }
  QString subtitle() const { return subtitle_; }
  CardListModel* participants() { return &participants_; }
  int withoutNextStep() const { return without_; }
  QString firstDate() const { return first_date_; }
  void setFirstDate(const QString& v);
  QString firstTime() const { return first_time_; }
  void setFirstTime(const QString& v);
  int durationMin() const { return duration_; }
  void setDurationMin(int v);
  QString firstSlotText() const;
  bool booking() const { return booking_; }

  // The participant does not want to go on (or does again): no next step is asked for them.
  Q_INVOKABLE void setInterested(const QString& participantId, bool interested);
  // Books every interested participant without a next step, back to back from the first slot.
  Q_INVOKABLE void bookAll();

 Q_SIGNALS:
  void eventIdChanged();
  void participantsChanged();
  void choiceChanged();
  void bookingChanged();
  void bookedAll(int meetings);

 protected:
  void reload(LocalStore& store) override;

 private:
  CardListModel events_, participants_;
  QString event_id_, title_, subtitle_, first_date_, first_time_;
  int without_ = 0;
  int duration_ = 30;
  bool booking_ = false;
};
