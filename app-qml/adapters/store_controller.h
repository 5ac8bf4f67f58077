// The common part of every controller that shows what the local store holds: it reloads when the
// store opens or changes, and reports loading and errors in words for the screen.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>

#include <utility>

#include "local_store.h"
#include "nextstep/model/result.h"

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
  // Loads again and starts the form over from what is stored (a sheet opening). The reloads
  // that follow writes by sync or another process refresh what is shown but keep what the rep
  // has chosen and typed.
  Q_INVOKABLE void restart();

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
  // True once after restart() (and on the first load): the load that may fill the form.
  bool takeStartOver() { return std::exchange(start_over_, false); }
  void setError(const QString& error);
  void showError(const nextstep::Error& error);
  void clearError() { setError({}); }
  // Runs the write on the store's thread (a store must be set); then, on the GUI thread, a
  // failure is shown, or the error cleared and `written` handed the value.
  template <typename Job, typename Written>
  void writeOrShowError(Job job, Written written) {
    store_->write(this, std::move(job), [this, written = std::move(written)](const auto& result) {
      if (!result) {
        showError(result.error());
        return;
      }
      clearError();
      written(*result);
    });
  }

 private:
  void scheduleReload();

  QPointer<LocalStore> store_;
  bool loading_ = false;
  bool loaded_ = false;
  bool again_ = false;  // a change arrived while loading: load once more afterwards
  bool scheduled_ = false;
  bool start_over_ = true;
  QString error_;
};
