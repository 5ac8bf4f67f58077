// Sync as the rep sees it: signed in or not, offline, syncing with progress, pending changes, the
// last problem in plain words. The SyncClient runs on its own thread; its status callback is
// marshalled to the GUI thread here. Signing in talks to the network on a short-lived thread.
// The app works fully without ever signing in.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QVariantList>

#include <memory>

#include "local_store.h"
#include "mailbox.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/sync_client.h"

class SyncController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the app's main.cpp")
  Q_PROPERTY(bool signedIn READ signedIn NOTIFY accountChanged)
  Q_PROPERTY(QString email READ email NOTIFY accountChanged)
  Q_PROPERTY(QString server READ server NOTIFY accountChanged)
  Q_PROPERTY(bool tls READ tls NOTIFY accountChanged)
  Q_PROPERTY(QString team READ team NOTIFY accountChanged)
  // signed_out | offline | connecting | syncing | up_to_date | error
  Q_PROPERTY(QString state READ state NOTIFY statusChanged)
  Q_PROPERTY(QString stateText READ stateText NOTIFY statusChanged)
  Q_PROPERTY(bool offline READ offline NOTIFY statusChanged)
  Q_PROPERTY(qint64 rowsDone READ rowsDone NOTIFY statusChanged)
  Q_PROPERTY(qint64 rowsTotal READ rowsTotal NOTIFY statusChanged)
  Q_PROPERTY(qint64 pending READ pending NOTIFY statusChanged)
  // Changes the server refused, kept on this device until the rep resends or drops them: each
  // {id, record, field, value, reason, when}.
  Q_PROPERTY(qint64 setAsideCount READ setAsideCount NOTIFY setAsideChanged)
  Q_PROPERTY(QVariantList setAside READ setAside NOTIFY setAsideChanged)
  Q_PROPERTY(QString error READ error NOTIFY statusChanged)
  Q_PROPERTY(QString lastSyncedText READ lastSyncedText NOTIFY statusChanged)
  Q_PROPERTY(bool signingIn READ signingIn NOTIFY signingInChanged)
  Q_PROPERTY(QString signInError READ signInError NOTIFY signingInChanged)

 public:
  // The store outlives the controller.
  explicit SyncController(LocalStore& store, QObject* parent = nullptr);
  ~SyncController() override;

  bool signedIn() const { return !token_.isEmpty(); }
  QString email() const { return email_; }
  QString server() const { return server_; }
  bool tls() const { return tls_; }
  QString team() const { return team_; }
  QString state() const;
  QString stateText() const;
  bool offline() const;
  qint64 rowsDone() const { return static_cast<qint64>(status_.rows_done); }
  qint64 rowsTotal() const { return static_cast<qint64>(status_.rows_total); }
  qint64 pending() const { return status_.pending; }
  qint64 setAsideCount() const { return set_aside_.size(); }
  QVariantList setAside() const { return set_aside_; }
  QString error() const { return QString::fromStdString(status_.error); }
  QString lastSyncedText() const;
  bool signingIn() const { return signing_in_; }
  QString signInError() const { return sign_in_error_; }

  Q_INVOKABLE void signIn(const QString& server, bool tls, const QString& email,
                          const QString& password);
  Q_INVOKABLE void signOut();
  Q_INVOKABLE void syncNow();
  Q_INVOKABLE void resendSetAside(qint64 id);
  Q_INVOKABLE void dropSetAside(qint64 id);

  // For the screenshots and tests: show a status without a server.
  void showStatus(const nextstep::sync::SyncStatus& status);

 Q_SIGNALS:
  void accountChanged();
  void statusChanged();
  void signingInChanged();
  void signedInNow();
  void setAsideChanged();

 private:
  void loadAccount();
  void finishSignIn(const nextstep::Result<nextstep::sync::LoginResult>& login, bool tls,
                    const QString& server, const QString& email);
  void startClient();
  void stopClient();
  void refreshPending();
  void loadSetAside();

  LocalStore& store_;
  QString server_, email_, token_, team_;
  bool tls_ = true;
  QString ca_;  // a CA file given to `nextstep login --ca`
  nextstep::sync::SyncStatus status_;
  QVariantList set_aside_;
  Mailbox gui_;  // the sync thread's statuses, back on the GUI thread
  std::unique_ptr<nextstep::sync::SyncClient> client_;
  bool signing_in_ = false;
  QString sign_in_error_;
  QTimer refresh_views_;  // while a sync applies pages, views reload at most this often
};
