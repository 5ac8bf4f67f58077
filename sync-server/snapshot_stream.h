// Sends one team snapshot file down a Snapshot call, a piece at a time: the next piece is read
// only when the last one is written, so a slow device holds one piece of memory, not the file.
#pragma once

#include <grpcpp/grpcpp.h>

#include <fstream>

#include "nextstep/sync/v1/sync.grpc.pb.h"
#include "stream_quota.h"
#include "team_snapshots.h"

namespace nextstep::server {

class SnapshotStream final : public grpc::ServerWriteReactor<pb::SnapshotChunk> {
 public:
  // Holds one of the user's streams (taken by the caller) until it ends.
  // `compressed`: sends the file's zstd frame (the device said it reads one, and there is one).
  SnapshotStream(SnapshotRef file, bool compressed, StreamQuota& quota, UserId user);
  void OnWriteDone(bool ok) override;
  void OnDone() override;

 private:
  void sendNext();

  SnapshotRef file_;  // kept while the download runs, even once a newer version replaced it
  StreamQuota& quota_;
  UserId user_;
  bool compressed_;
  std::uint64_t size_;  // of what is sent: the file or its frame
  std::ifstream in_;
  std::uint64_t sent_ = 0;
  bool first_ = true;
  pb::SnapshotChunk chunk_;
};

}  // namespace nextstep::server
