// Who came to an event (rule 10): the team's contacts to pick from, found by name as the rep
// types, each added in one tap. Those already taking part are not offered again.
#pragma once

#include <QString>

#include "card_list_model.h"
#include "store_controller.h"

class ParticipantPicker : public StoreController {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString eventId READ eventId WRITE setEventId NOTIFY eventIdChanged)
  Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
  Q_PROPERTY(CardListModel* candidates READ candidates CONSTANT)
  // Added since the picker opened, for the sheet's "3 added" line.
  Q_PROPERTY(int added READ added NOTIFY addedChanged)

 public:
  explicit ParticipantPicker(QObject* parent = nullptr);

  QString eventId() const { return event_id_; }
  void setEventId(const QString& id);
  QString query() const { return query_; }
  void setQuery(const QString& q);
  CardListModel* candidates() { return &candidates_; }
  int added() const { return added_; }

  // Adds the contact as an interested participant.
  Q_INVOKABLE void add(const QString& contactId);

 Q_SIGNALS:
  void eventIdChanged();
  void queryChanged();
  void addedChanged();
  void participantAdded(const QString& contactId);

 protected:
  void reload(LocalStore& store) override;
  bool ready() const override { return !event_id_.isEmpty(); }

 private:
  QString event_id_, query_;
  CardListModel candidates_;
  int added_ = 0;
};
