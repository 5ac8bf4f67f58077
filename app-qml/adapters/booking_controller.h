// Booking the next meeting (rules 1 and 2), the heart of the app: the core's suggested slots,
// default duration, last place, agenda templates and the deal's people, so the usual case is
// three taps (open, pick a slot, book). Works offline: it only writes the local store.
#pragma once

#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include "store_controller.h"

class BookingController : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString dealId READ dealId WRITE setDealId NOTIFY dealIdChanged)
  Q_PROPERTY(QString dealTitle READ dealTitle NOTIFY defaultsChanged)
  // [{label, when, at, tz}]: the core's suggestions
  Q_PROPERTY(QVariantList suggestions READ suggestions NOTIFY defaultsChanged)
  // The chosen suggestion, or -1 for the custom date and time below.
  Q_PROPERTY(int slotIndex READ slotIndex WRITE setSlotIndex NOTIFY choiceChanged)
  Q_PROPERTY(QString customDate READ customDate WRITE setCustomDate NOTIFY choiceChanged)
  Q_PROPERTY(QString customTime READ customTime WRITE setCustomTime NOTIFY choiceChanged)
  Q_PROPERTY(int durationMin READ durationMin WRITE setDurationMin NOTIFY choiceChanged)
  Q_PROPERTY(QString place READ place WRITE setPlace NOTIFY choiceChanged)
  Q_PROPERTY(QStringList agendaTemplates READ agendaTemplates NOTIFY defaultsChanged)
  Q_PROPERTY(QString agenda READ agenda WRITE setAgenda NOTIFY choiceChanged)
  Q_PROPERTY(QString goal READ goal WRITE setGoal NOTIFY choiceChanged)
  // [{id, name, role, selected}]
  Q_PROPERTY(QVariantList people READ people NOTIFY choiceChanged)
  // The zone the meeting is booked in; setting it re-suggests the slots in that zone.
  Q_PROPERTY(QString zoneName READ zoneName WRITE setZoneName NOTIFY defaultsChanged)
  // The zones on offer: [{label, tz, city}], the rep's own first, then the account's and the last
  // meeting's; empty when there is only the rep's.
  Q_PROPERTY(QVariantList zones READ zones NOTIFY defaultsChanged)
  Q_PROPERTY(QString whenText READ whenText NOTIFY choiceChanged)
  Q_PROPERTY(bool canBook READ canBook NOTIFY choiceChanged)
  // Why Book is disabled, in words, shown next to it; empty when it is not.
  Q_PROPERTY(QString whyNot READ whyNot NOTIFY choiceChanged)
  Q_PROPERTY(bool booking READ booking NOTIFY bookingChanged)
  Q_PROPERTY(QString bookedMeetingId READ bookedMeetingId NOTIFY booked)
  // Rule 1: the deal's current next meeting, which this booking moves unless the rep adds another.
  Q_PROPERTY(QString plannedWhen READ plannedWhen NOTIFY defaultsChanged)
  Q_PROPERTY(bool addAnother READ addAnother WRITE setAddAnother NOTIFY choiceChanged)

 public:
  explicit BookingController(QObject* parent = nullptr);

  QString dealId() const { return deal_id_; }
  void setDealId(const QString& id);
  QString dealTitle() const { return deal_title_; }
  QVariantList suggestions() const { return slots_; }
  int slotIndex() const { return slot_index_; }
  void setSlotIndex(int index);
  QString customDate() const { return custom_date_; }
  void setCustomDate(const QString& isoDate);
  QString customTime() const { return custom_time_; }
  void setCustomTime(const QString& hhmm);
  int durationMin() const { return duration_; }
  void setDurationMin(int minutes);
  QString place() const { return place_; }
  void setPlace(const QString& place);
  QStringList agendaTemplates() const { return agenda_templates_; }
  QString agenda() const { return agenda_; }
  void setAgenda(const QString& agenda);
  QString goal() const { return goal_; }
  void setGoal(const QString& goal);
  QVariantList people() const;
  QString zoneName() const { return zone_name_; }
  void setZoneName(const QString& tz);
  QVariantList zones() const { return zones_; }
  QString whenText() const;
  bool canBook() const;
  QString whyNot() const;
  bool booking() const { return booking_; }
  QString bookedMeetingId() const { return booked_id_; }
  QString plannedWhen() const { return planned_when_; }
  bool addAnother() const { return add_another_; }
  void setAddAnother(bool another);

  Q_INVOKABLE void toggleAttendee(const QString& contactId);
  // Someone met at the table: a new contact at the deal's account, chosen to come.
  Q_INVOKABLE void addPerson(const QString& name, const QString& email, const QString& role);
  Q_INVOKABLE void book();

 Q_SIGNALS:
  void personAdded(const QString& contactId);
  void dealIdChanged();
  void defaultsChanged();
  void choiceChanged();
  void bookingChanged();
  void booked(const QString& meetingId, const QString& whenText);

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !deal_id_.isEmpty(); }

 private:
  // "YYYY-MM-DDTHH:MM" of the chosen slot, empty when the custom one is incomplete.
  QString chosenIso() const;

  QString deal_id_, deal_title_, zone_name_;
  QString asked_zone_;
  QString device_zone_;  // the rep's  // chosen by the rep in this sheet; empty: the core's default
  QVariantList slots_, zones_;
  int slot_index_ = 0;
  QString custom_date_, custom_time_;
  int duration_ = 30;
  QString place_, agenda_, goal_;
  QStringList agenda_templates_;
  struct Person {
    QString id, name, role;
    bool selected = false;
  };
  std::vector<Person> people_;
  QSet<QString> added_;  // contacts the rep added in this sheet: they come
  bool booking_ = false;
  QString booked_id_;
  QString planned_when_;
  bool add_another_ = false;
};
