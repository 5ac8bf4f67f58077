// The app's thread handoffs (the store's jobs and their results, the sync client's statuses) go
// through Mailbox: every call posted from any thread runs on the mailbox's thread, in each
// poster's order, none lost; a mailbox that goes runs nothing more.
#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <map>
#include <thread>
#include <vector>

#include "mailbox.h"

class MailboxTests : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void callsFromManyThreadsRunOnItsThreadInOrder() {
    Mailbox box;
    constexpr int kThreads = 4;
    constexpr int kCalls = 2000;
    std::map<int, std::vector<int>> seen;  // touched on this thread only
    bool all_here = true;
    std::vector<std::thread> posters;
    for (int t = 0; t < kThreads; ++t) {
      posters.emplace_back([&box, &seen, &all_here, t]() {
        for (int i = 0; i < kCalls; ++i) {
          box.post([&seen, &all_here, t, i]() {
            all_here =
                all_here && QThread::currentThread() == QCoreApplication::instance()->thread();
            seen[t].push_back(i);
          });
        }
      });
    }
    for (auto& poster : posters) poster.join();
    QTRY_COMPARE(static_cast<int>(seen.size()), kThreads);
    QTRY_VERIFY(seen[kThreads - 1].size() == kCalls && seen[0].size() == kCalls);
    QVERIFY(all_here);
    for (const auto& [thread, calls] : seen) {
      QCOMPARE(static_cast<int>(calls.size()), kCalls);
      for (int i = 0; i < kCalls; ++i) QCOMPARE(calls[static_cast<std::size_t>(i)], i);
    }
  }

  void aCallPostedWhileDrainingRunsToo() {
    Mailbox box;
    int ran = 0;
    box.post([&]() {
      ++ran;
      box.post([&]() { ++ran; });
    });
    QTRY_COMPARE(ran, 2);
  }

  void aMailboxThatIsGoneRunsNothing() {
    bool ran = false;
    {
      Mailbox box;
      box.post([&ran]() { ran = true; });
    }
    QCoreApplication::processEvents();
    QTest::qWait(20);
    QVERIFY(!ran);
  }
};

QTEST_GUILESS_MAIN(MailboxTests)
#include "mailbox_tests.moc"
