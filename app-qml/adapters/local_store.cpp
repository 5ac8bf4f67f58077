#include "local_store.h"

#include <future>
#include <thread>

LocalStore::LocalStore(QObject* parent) : QObject(parent) {
  thread_.setObjectName(QStringLiteral("nextstep-store"));
  executor_ = new Mailbox;
  executor_->moveToThread(&thread_);
  connect(&thread_, &QThread::finished, executor_, &QObject::deleteLater);
  thread_.start();
  poll_.setInterval(kOtherWritersPollMs);
  connect(&poll_, &QTimer::timeout, this, &LocalStore::pollOtherWriters);
}

LocalStore::~LocalStore() {
  poll_.stop();
  {
    std::lock_guard lock(closing_mu_);
    closing_ = true;
  }
  // The store is closed on its own thread, after every job posted before.
  std::promise<void> closed;
  executor_->post([this, &closed]() {
    store_.reset();
    closed.set_value();
  });
  closed.get_future().wait();
  thread_.quit();
  thread_.wait();
}

void LocalStore::openDatabase(nextstep::StoreOptions options) {
  begin();
  enqueue([this, options = std::move(options)]() mutable {
    auto result = nextstep::Store::open(std::move(options));
    QString error;
    if (result) {
      store_ = std::move(*result);
      store_->setOwner({std::this_thread::get_id(), [this](const std::function<void()>& job) {
                          return runOnStoreThread(job);
                        }});
    } else {
      error = QString::fromStdString(result.error().message);
    }
    const QString path = store_ ? QString::fromStdString(store_->path()) : QString();
    gui_.post([this, error, path]() {
      open_ = error.isEmpty();
      open_error_ = error;
      path_ = path;
      Q_EMIT openChanged();
      if (open_) {
        poll_.start();
        Q_EMIT opened();
      } else {
        Q_EMIT failed(error);
      }
      finish(false);
    });
  });
}

void LocalStore::notifyChanged() {
  ++revision_;
  Q_EMIT changed();
}

void LocalStore::pollOtherWriters() {
  if (!open_ || polling_) return;
  polling_ = true;
  enqueue([this]() {
    bool changed = false;
    if (store_) {
      auto r = store_->changedElsewhere();
      changed = r.ok() && *r;
    }
    gui_.post([this, changed]() {
      polling_ = false;
      if (changed) notifyChanged();
    });
  });
}

void LocalStore::enqueue(std::function<void()> task) { executor_->post(std::move(task)); }

bool LocalStore::runOnStoreThread(const std::function<void()>& job) {
  std::promise<void> ran;
  {
    std::lock_guard lock(closing_mu_);
    if (closing_) return false;
    executor_->post([&job, &ran]() {
      job();
      ran.set_value();
    });
  }
  ran.get_future().wait();
  return true;
}

void LocalStore::begin() {
  if (in_flight_++ == 0) Q_EMIT busyChanged();
}

void LocalStore::finish(bool writes) {
  if (writes) notifyChanged();
  if (--in_flight_ == 0) Q_EMIT busyChanged();
}
