// The common part of every controller that shows what the local store holds: it reloads when the
// store opens or changes, and reports loading and errors in words for the screen.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>

#include "local_store.h"
#include "nextstep/result.h"

class StoreController : public QObject {
  Q_OBJECT
  QML_ANONYMOUS
  Q_PROPERTY(LocalStore* store READ store WRITE setStore NOTIFY storeChanged)
  Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
  Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
  Q_PROPERTY(QString error READ error NOTIFY errorChanged)

 public:
  explicit StoreController(QObject* parent = nullptr);

  LocalStore* store() const { return store_; }
  void setStore(LocalStore* store);
  bool loading() const { return loading_; }
  bool loaded() const { return loaded_; }
  QString error() const { return error_; }

  // Loads again now (the views call it when they are shown; tests when they change the clock).
  Q_INVOKABLE void refresh();

 Q_SIGNALS:
  void storeChanged();
  void loadingChanged();
  void errorChanged();

 protected:
  // Starts the query; it ends by calling loadDone(). Only called with an open store.
  virtual void reload(LocalStore& store) = 0;
  // Whether there is anything to load (a deal page without a deal has nothing).
  virtual bool ready() const { return true; }
  void loadDone();
  void setError(const QString& error);
  void showError(const nextstep::Error& error);
  void clearError() { setError({}); }

 private:
  void scheduleReload();

  QPointer<LocalStore> store_;
  bool loading_ = false;
  bool loaded_ = false;
  bool again_ = false;  // a change arrived while loading: load once more afterwards
  bool scheduled_ = false;
  QString error_;
};
