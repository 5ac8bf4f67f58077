// The device's database as the app sees it: the nextstep::Store lives on its own thread, jobs are
// posted to it, and their results come back to the GUI thread by queued calls. Nothing here ever
// blocks the GUI thread on disk.
#pragma once

#include <QtQml/qqmlregistration.h>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

#include "mailbox.h"
#include "nextstep/storage/store.h"
#include "nextstep/time/civil_time.h"

class LocalStore : public QObject {
  Q_OBJECT
  QML_ELEMENT
  QML_UNCREATABLE("Created by the app's main.cpp")
  Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)
  Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
  Q_PROPERTY(QString path READ path NOTIFY openChanged)
  Q_PROPERTY(QString openError READ openError NOTIFY openChanged)
  Q_PROPERTY(int revision READ revision NOTIFY changed)

 public:
  explicit LocalStore(QObject* parent = nullptr);
  ~LocalStore() override;

  // Opens (or creates) the database on the store's thread; `opened` follows on the GUI thread.
  void openDatabase(nextstep::StoreOptions options);

  bool isOpen() const { return open_; }
  bool busy() const { return in_flight_ > 0; }
  QString path() const { return path_; }
  QString openError() const { return open_error_; }
  int revision() const { return revision_; }
  const nextstep::TimeZone& zone() const { return zone_; }
  void setZone(const nextstep::TimeZone& zone) { zone_ = zone; }

  // Runs job(store) on the store's thread; then done(result) on the GUI thread, unless `receiver`
  // is gone by then.
  template <typename Job, typename Done>
  void read(QObject* receiver, Job job, Done done) {
    post(receiver, std::move(job), std::move(done), false);
  }
  // The same, and afterwards every model hears changed().
  template <typename Job, typename Done>
  void write(QObject* receiver, Job job, Done done) {
    post(receiver, std::move(job), std::move(done), true);
  }

  // For work that keeps the store for longer (the sync client): valid once open. What it asks
  // of the store from its own thread runs on the store's thread (Store::setOwner).
  nextstep::Store* store() const { return store_.get(); }

  // Something outside the app's own writes changed the data (a sync pulled remote changes).
  void notifyChanged();
  // How often the store looks for commits by other processes (the CLI): the screens follow
  // them within about this long.
  static constexpr int kOtherWritersPollMs = 500;

 Q_SIGNALS:
  void opened();
  void openChanged();
  void busyChanged();
  void changed();
  void failed(const QString& message);

 private:
  template <typename Job, typename Done>
  void post(QObject* receiver, Job job, Done done, bool writes) {
    QPointer<QObject> target(receiver);
    begin();
    auto task = [this, target, job = std::make_shared<Job>(std::move(job)),
                 done = std::make_shared<Done>(std::move(done)), writes]() {
      if (!store_) {  // the database did not open: nothing to run, nothing to report
        gui_.post([this]() { finish(false); });
        return;
      }
      auto result = std::make_shared<decltype((*job)(*store_))>((*job)(*store_));
      gui_.post([this, target, done, result, writes]() {
        if (target) (*done)(*result);
        finish(writes);
      });
    };
    enqueue(std::move(task));
  }
  void enqueue(std::function<void()> task);
  // Store::Owner's run: the job runs on the store's thread, and this returns when it has; false,
  // having run nothing, once the store is closing.
  bool runOnStoreThread(const std::function<void()>& job);
  // Asks the store's thread whether another process wrote; changed() follows if so. Not a job:
  // it leaves `busy` alone.
  void pollOtherWriters();
  void begin();
  void finish(bool writes);

  QThread thread_;
  Mailbox* executor_ = nullptr;  // lives on thread_
  std::mutex closing_mu_;
  bool closing_ = false;  // no more jobs from other threads: the store is about to close
  Mailbox gui_;           // results, back on the GUI thread
  std::unique_ptr<nextstep::Store> store_;
  nextstep::TimeZone zone_ = nextstep::TimeZone::local();
  bool open_ = false;
  QString path_;
  QString open_error_;
  int in_flight_ = 0;
  int revision_ = 0;
  QTimer poll_;
  bool polling_ = false;
};
