// A device's link to the server through the simulated network: each call may be lost on the
// way in or out, doubled, answered with an old page, or cut off midway through a round, as the
// world's seeded faults decide.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/sync/transport.h"
#include "sim_world.h"

namespace nextstep::sim {

class SimTransport : public sync::Transport {
 public:
  // fail_after: calls that get through before the connection breaks; -1: it never does.
  SimTransport(World& world, Device& device, int fail_after)
      : w_(world), d_(device), fail_after_(fail_after) {}

  Result<sync::ServerHello> handshake(DeviceId device, std::uint32_t catalog_version,
                                      std::uint64_t last_seq) override;
  Result<std::string> renewToken() override;
  Result<std::string> forkDevice(DeviceId new_device, std::string_view reason) override;
  Result<sync::PushReply> push(const std::vector<Op>& ops) override;
  Result<sync::PullReply> pull(std::uint64_t after, std::uint32_t limit) override;
  Result<void> subscribe(std::uint64_t,
                         const std::function<bool(const sync::PullReply&)>&) override;
  void cancel() override {}
  Result<sync::SnapshotHeader> snapshot(std::uint32_t database_schema, const std::string& file,
                                        const sync::SnapshotProgress& progress) override;

 private:
  bool fault(double p) { return w_.faultsOn() && w_.chance(p); }
  bool broken() { return fail_after_ >= 0 && calls_++ >= fail_after_; }

  World& w_;
  Device& d_;
  int fail_after_;
  int calls_ = 0;
};

}  // namespace nextstep::sim
