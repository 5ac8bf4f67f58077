// After booking and after a call: the invitation (.ics) for the customer's calendar (its
// cancellation once the meeting is cancelled) and the recap for their mail (rules 1 and 7), made
// by the core's calendar library on the store's thread. The invitation is saved as a file and,
// where the desktop allows, handed to the mail client as an attachment (xdg-email) or else
// opened with the calendar; the recap opens the mail client on a mailto: link, and its
// customer's date becomes the rep's reminder.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>

#include "local_store.h"

class MeetingMessages : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(LocalStore* store READ store WRITE setStore NOTIFY storeChanged)
  // The deal whose last held meeting the recap is about.
  Q_PROPERTY(QString dealId READ dealId WRITE setDealId NOTIFY dealIdChanged)
  Q_PROPERTY(bool invitationAvailable READ invitationAvailable CONSTANT)
  Q_PROPERTY(bool recapAvailable READ recapAvailable NOTIFY recapAvailableChanged)
  // Where invitations are saved (default: the Downloads folder).
  Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
  // Hand the files to the desktop's mail client or calendar; tests and screenshots turn it off.
  Q_PROPERTY(bool launch READ launch WRITE setLaunch NOTIFY launchChanged)

 public:
  explicit MeetingMessages(QObject* parent = nullptr);

  LocalStore* store() const { return store_; }
  void setStore(LocalStore* store);
  QString dealId() const { return deal_id_; }
  void setDealId(const QString& id);
  bool invitationAvailable() const { return true; }
  bool recapAvailable() const { return !recap_meeting_.isEmpty(); }
  QString folder() const { return folder_; }
  void setFolder(const QString& folder);
  bool launch() const { return launch_; }
  void setLaunch(bool launch);

 public Q_SLOTS:
  void saveInvitation(const QString& meetingId);
  void openRecap();

 Q_SIGNALS:
  void storeChanged();
  void dealIdChanged();
  void recapAvailableChanged();
  void folderChanged();
  void launchChanged();
  // `handedOver`: the mail client or calendar was asked to open it.
  void invitationSaved(const QString& path, bool handedOver);
  // The mailto: link the mail client was given, and the reminder date ("" when none).
  void recapOpened(const QString& mailto, const QString& reminderDate);
  void failed(const QString& message);

 private:
  void findRecapMeeting();

  QPointer<LocalStore> store_;
  QString deal_id_;
  QString recap_meeting_;
  QString folder_;
  bool launch_ = true;
};
