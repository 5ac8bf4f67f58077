// Sends one team snapshot file down a Snapshot call, a piece at a time: the next piece is read
// only when the last one is written, so a slow device holds one piece of memory, not the file.
#pragma once

#include <grpcpp/grpcpp.h>

#include <fstream>

#include "nextstep/sync/v1/sync.grpc.pb.h"
#include "team_snapshots.h"

namespace nextstep::server {

class SnapshotStream final : public grpc::ServerWriteReactor<pb::SnapshotChunk> {
 public:
  explicit SnapshotStream(SnapshotRef file);
  void OnWriteDone(bool ok) override;
  void OnDone() override { delete this; }

 private:
  void sendNext();

  SnapshotRef file_;  // kept while the download runs, even once a newer version replaced it
  std::ifstream in_;
  std::uint64_t sent_ = 0;
  bool first_ = true;
  pb::SnapshotChunk chunk_;
};

}  // namespace nextstep::server
