// How a device talks to a sync server, whatever carries it: gRPC in the product, an in-process
// faulty network in the simulator.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "nextstep/model/result.h"
#include "nextstep/storage/op.h"
#include "nextstep/sync/outbox.h"
#include "nextstep/sync/remote_op.h"

namespace nextstep::sync {

struct ServerHello {
  std::int64_t server_time_ms = 0;
  std::string team;
  std::string email;
  std::uint64_t head = 0;
  std::uint32_t max_ops_per_push = 500;
  std::int64_t max_clock_ahead_ms = 5 * 60 * 1000;
  // The server holds operations of this device id beyond the sequence the device gave: this
  // database is an older copy of the device (a restored backup) and must fork before pushing.
  bool device_reused = false;
  // The token is old enough to be replaced (renewToken) before the server lets it expire.
  bool rotate_token = false;
  // The server's longest quiet time on a live stream; 0 when it does not say.
  std::chrono::milliseconds heartbeat{0};
};

struct PushReply {
  std::int64_t acked_through_seq = 0;
  std::uint64_t head = 0;
  std::vector<Rejection> rejected;
  // A sequence number of the push was used by another copy of this device; nothing was stored.
  bool device_reused = false;
};

struct PullReply {
  std::vector<RemoteOp> ops;
  std::uint64_t next_cursor = 0;
  bool more = false;
  std::uint64_t head = 0;
};

// What a team snapshot is, from its first piece.
struct SnapshotHeader {
  std::uint64_t version = 0;  // the team's log is merged up to here
  std::uint64_t total_bytes = 0;
  std::uint64_t rows = 0;
};
using SnapshotProgress = std::function<void(const SnapshotHeader&, std::uint64_t bytes_done)>;

class Transport {
 public:
  virtual ~Transport() = default;
  // last_seq: the highest device_seq this device has given an operation.
  virtual Result<ServerHello> handshake(DeviceId device, std::uint32_t catalog_version,
                                        std::uint64_t last_seq) = 0;
  // Registers new_device for the signed-in user and returns its token; the transport uses that
  // token from then on.
  virtual Result<std::string> forkDevice(DeviceId new_device, std::string_view reason) = 0;
  // A fresh token for the same device; the server revokes the old one. The transport uses the
  // new token from then on.
  virtual Result<std::string> renewToken() = 0;
  virtual Result<PushReply> push(const std::vector<Op>& ops) = 0;
  virtual Result<PullReply> pull(std::uint64_t after_version, std::uint32_t limit) = 0;
  // Delivers the team's operations after `after_version` as they arrive, until the stream
  // breaks, on_page returns false, or cancel() is called from another thread. Heartbeats
  // arrive as empty pages.
  virtual Result<void> subscribe(std::uint64_t after_version,
                                 const std::function<bool(const PullReply&)>& on_page) = 0;
  virtual void cancel() = 0;
  // Writes the team's merged pipeline, as a database of schema `database_schema`, to `file`
  // (replaced), durably. kNotFound when the server has none ready: the device reads the log.
  virtual Result<SnapshotHeader> snapshot(std::uint32_t /*database_schema*/,
                                          const std::string& /*file*/,
                                          const SnapshotProgress& /*progress*/) {
    return Error::notFound("this connection serves no snapshots");
  }
};

}  // namespace nextstep::sync
