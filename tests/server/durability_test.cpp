// No acknowledged push is lost: not on SIGTERM with pushes in flight, not on kill -9 in the
// middle of a stream of pushes, restart after restart.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <map>
#include <random>
#include <thread>

#include "server_process.h"

namespace nextstep::server::test {
namespace {

constexpr std::uint64_t kBatch = 10;

struct Device {
  std::string token;
  std::uint64_t id = 0;
  std::atomic<std::uint64_t> acked{0};  // everything up to here was acknowledged
};

class DurabilityTest : public ProcessTest {
 protected:
  void addDevices(int n) {
    for (int i = 0; i < n; ++i) {
      auto d = std::make_unique<Device>();
      d->token = userToken("north", "rep" + std::to_string(i) + "@example.com");
      d->id = 0xd00 + static_cast<std::uint64_t>(i);
      devices_.push_back(std::move(d));
    }
  }

  // Pushes like a device's outbox: the batch after the last acknowledgement, until a push fails.
  void pushUntilFailure(Device& d, const std::atomic<bool>& stop) {
    auto s = stub();
    pb::HandshakeRequest hello;
    hello.set_protocol_version(1);
    hello.set_schema_version(1);
    hello.set_device_id(d.id);
    pb::HandshakeResponse welcome;
    if (!s->Handshake(context(d.token).get(), hello, &welcome).ok()) return;
    while (!stop) {
      pb::PushRequest push;
      const std::uint64_t first = d.acked + 1;
      for (std::uint64_t seq = first; seq < first + kBatch; ++seq) {
        // The same operation every time it is sent, as an outbox resends it.
        *push.add_operations() =
            createDeal(seq, d.id, std::to_string(d.id) + "-" + std::to_string(seq), start_ms_,
                       static_cast<std::uint16_t>(seq % 65536));
      }
      pb::PushResponse pushed;
      if (!s->Push(context(d.token).get(), push, &pushed).ok()) return;
      EXPECT_EQ(pushed.acked_through_seq(), first + kBatch - 1);
      EXPECT_EQ(pushed.rejected_size(), 0);
      d.acked = pushed.acked_through_seq();
    }
  }

  void runPushers(const std::function<void()>& interrupt) {
    std::atomic<bool> stop{false};
    std::vector<std::thread> pushers;
    for (auto& d : devices_)
      pushers.emplace_back([&, dev = d.get()] { pushUntilFailure(*dev, stop); });
    interrupt();
    stop = true;
    for (std::thread& t : pushers) t.join();
  }

  // Every acknowledged operation is in the log exactly once, and nothing is in it twice.
  void expectEveryAcknowledgedOpOnce() {
    auto s = stub();
    std::map<std::pair<std::uint64_t, std::uint64_t>, int> count;
    std::uint64_t cursor = 0;
    for (bool more = true; more;) {
      pb::PullRequest request;
      request.set_after_version(cursor);
      request.set_limit(5000);
      pb::PullResponse page;
      const grpc::Status status = s->Pull(context(devices_[0]->token).get(), request, &page);
      ASSERT_TRUE(status.ok()) << status.error_message();
      for (const auto& op : page.operations()) {
        ++count[{op.operation().stamp().device(), op.operation().device_seq()}];
      }
      cursor = page.next_cursor();
      more = page.more();
    }
    for (const auto& [key, n] : count) {
      EXPECT_EQ(n, 1) << "device " << key.first << " seq " << key.second;
    }
    std::uint64_t total_acked = 0;
    for (const auto& d : devices_) {
      total_acked += d->acked;
      for (std::uint64_t seq = 1; seq <= d->acked; ++seq) {
        ASSERT_EQ((count[{d->id, seq}]), 1) << "acknowledged seq " << seq << " of " << d->id;
      }
    }
    EXPECT_GT(total_acked, 0u);
  }

  std::vector<std::unique_ptr<Device>> devices_;
  const std::int64_t start_ms_ = nowMillis();
};

TEST_F(DurabilityTest, SigtermWithPushesInFlightLosesNoAcknowledgedOperation) {
  addDevices(3);
  startServer();
  // A live stream is ended by the shutdown, not left hanging.
  auto s = stub();
  auto listen = context(devices_[0]->token, 30);
  auto reader = s->Subscribe(listen.get(), pb::SubscribeRequest{});
  pb::SubscribeEvent event;
  ASSERT_TRUE(reader->Read(&event));
  int exit_code = -1;
  auto stopped_in = std::chrono::steady_clock::duration::max();
  runPushers([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    const auto signalled = std::chrono::steady_clock::now();
    server_->signal(SIGTERM);
    exit_code = server_->wait();
    stopped_in = std::chrono::steady_clock::now() - signalled;
  });
  EXPECT_EQ(exit_code, 0);
  EXPECT_LT(stopped_in, std::chrono::seconds(5));
  while (reader->Read(&event)) {
  }
  EXPECT_EQ(reader->Finish().error_code(), grpc::StatusCode::UNAVAILABLE);
  startServer();
  expectEveryAcknowledgedOpOnce();
}

TEST_F(DurabilityTest, KillNineMidStreamRepeatedlyLosesNothingAndDuplicatesNothing) {
  addDevices(2);
  std::mt19937 random(20261126);
  std::uniform_int_distribution<int> after_ms(100, 350);
  for (int round = 0; round < 4; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    startServer();
    if (round > 0) expectEveryAcknowledgedOpOnce();
    runPushers([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(after_ms(random)));
      server_->kill9();
    });
  }
  startServer();
  expectEveryAcknowledgedOpOnce();
}

}  // namespace
}  // namespace nextstep::server::test
