// After booking: the invitation (.ics) for the customer's calendar and the recap for their mail
// (rule 7). The iCalendar export is not in the core yet, so both report themselves unavailable
// and the screens hide their buttons; when the export lands, saveInvitation() writes the file
// and invitationSaved() carries its real path.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QString>

class MeetingMessages : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(bool invitationAvailable READ invitationAvailable CONSTANT)
  Q_PROPERTY(bool recapAvailable READ recapAvailable CONSTANT)

 public:
  explicit MeetingMessages(QObject* parent = nullptr) : QObject(parent) {}
  bool invitationAvailable() const { return false; }
  bool recapAvailable() const { return false; }

 public Q_SLOTS:
  void saveInvitation(const QString& meetingId);
  void openRecap(const QString& meetingId);

 Q_SIGNALS:
  void invitationSaved(const QString& path);
  void recapOpened();
  void failed(const QString& message);
};
