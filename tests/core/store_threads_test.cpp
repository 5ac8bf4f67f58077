// One store used from several threads at once, as the app and the CLI use it: the app's store
// thread and its poll for other writers, the sync client's thread, another process's connection.
// The tsan preset runs these to check for data races; they also check what the threads see.
#include <atomic>
#include <string>
#include <thread>

#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class StoreThreadsTest : public StoreTest {
 protected:
  void addAccounts(Store& store, const std::string& prefix, int count) {
    for (int i = 0; i < count; ++i) {
      unwrap(addAccount(store, {.name = prefix + " " + std::to_string(i)}));
    }
  }
};

// The app's GUI thread sets and clears the listener while its store thread writes.
TEST_F(StoreThreadsTest, TheListenerIsReplacedWhileAnotherThreadWrites) {
  std::atomic<int> heard{0};
  std::atomic<bool> writing{true};
  std::thread writer([&] {
    addAccounts(*store_, "Account", 50);
    writing = false;
  });
  while (writing) {
    store_->setLocalChangeListener([&heard] { ++heard; });
    store_->setLocalChangeListener({});
  }
  writer.join();
  store_->setLocalChangeListener([&heard] { ++heard; });
  addAccounts(*store_, "Last", 1);
  EXPECT_GE(heard.load(), 1);
}

TEST_F(StoreThreadsTest, AClearedListenerIsNotCalledAgain) {
  int heard = 0;  // read by this thread only once the writer has finished
  store_->setLocalChangeListener([&heard] { ++heard; });
  addAccounts(*store_, "First", 1);
  store_->setLocalChangeListener({});
  std::thread writer([&] { addAccounts(*store_, "Second", 1); });
  writer.join();
  EXPECT_EQ(heard, 1);
}

// The app polls changedElsewhere() while this store writes and another connection (the CLI)
// writes to the same file.
TEST_F(StoreThreadsTest, PollingForOtherWritersWhileBothWrite) {
  auto other = unwrap(Store::open({path_, false, clock_.wall()}));
  ASSERT_TRUE(store_->changedElsewhere().ok());  // the first call notes where things stand
  std::atomic<int> done{0};
  std::thread here([&] {
    addAccounts(*store_, "Here", 20);
    ++done;
  });
  std::thread elsewhere([&] {
    addAccounts(*other, "Elsewhere", 20);
    ++done;
  });
  bool noticed = false;
  while (done < 2) noticed = unwrap(store_->changedElsewhere()) || noticed;
  here.join();
  elsewhere.join();
  noticed = unwrap(store_->changedElsewhere()) || noticed;
  EXPECT_TRUE(noticed);
  EXPECT_EQ(
      unwrap(store_->read([](Database& db) { return db.scalar("SELECT count(*) FROM accounts"); })),
      40);
}

}  // namespace
}  // namespace nextstep::testing
