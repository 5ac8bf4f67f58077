#include "store_controller.h"

#include <QTimer>

StoreController::StoreController(QObject* parent) : QObject(parent) {}

void StoreController::setStore(LocalStore* store) {
  if (store_ == store) return;
  if (store_) disconnect(store_, nullptr, this, nullptr);
  store_ = store;
  if (store_) {
    connect(store_, &LocalStore::opened, this, &StoreController::scheduleReload);
    connect(store_, &LocalStore::changed, this, &StoreController::scheduleReload);
  }
  Q_EMIT storeChanged();
  scheduleReload();
}

void StoreController::refresh() { scheduleReload(); }

void StoreController::restart() {
  start_over_ = true;
  scheduleReload();
}

void StoreController::scheduleReload() {
  if (scheduled_) return;
  scheduled_ = true;
  // Coalesces the changes of one event-loop turn (a store set, then a deal id) into one query.
  QTimer::singleShot(0, this, [this]() {
    scheduled_ = false;
    LocalStore* local = store_.data();
    if (local == nullptr || !local->isOpen() || !ready()) return;
    if (loading_) {
      again_ = true;
      return;
    }
    loading_ = true;
    Q_EMIT loadingChanged();
    reload(*local);
  });
}

void StoreController::loadDone() {
  loading_ = false;
  loaded_ = true;
  Q_EMIT loadingChanged();
  if (again_) {
    again_ = false;
    scheduleReload();
  }
}

void StoreController::setError(const QString& error) {
  if (error_ == error) return;
  error_ = error;
  Q_EMIT errorChanged();
}

void StoreController::showError(const nextstep::Error& error) {
  setError(QString::fromStdString(error.message));
}
