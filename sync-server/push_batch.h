// A push transaction as the service uses it, over a backend's PushRows: what it reads is read
// once and remembered, and what it writes is kept and handed to the backend in bulk when the
// group's pushes are done. A group commit of 64 pushes of 200 operations then costs a few
// statements, not three per operation (a round trip each on PostgreSQL).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "server_store.h"

namespace nextstep::server {

class PushBatch final : public PushTransaction {
 public:
  explicit PushBatch(PushRows& rows) : rows_(rows) {}

  void expect(TeamId team, std::span<const RecordKey> records) override;
  std::uint64_t lastSeq(DeviceId device) override;
  void setLastSeq(DeviceId device, std::uint64_t seq) override;
  std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) override;
  std::optional<std::string> compactedDigest(TeamId team, DeviceId device,
                                             std::uint64_t seq) override;
  std::optional<RejectionRecord> storedRejection(DeviceId device, std::uint64_t seq) override;
  void addRejection(TeamId team, const RejectionRecord& rejection, std::int64_t now_ms) override;
  std::uint64_t append(TeamId team, DeviceId device, const Op& op, const std::string& author,
                       std::int64_t now_ms) override;
  std::uint64_t head(TeamId team) override;
  std::uint64_t logStart(TeamId team) override;
  std::optional<RegisterState> readRegister(TeamId team, const RegisterKey& key) override;
  void writeRegister(TeamId team, const RegisterKey& key, const RegisterState& state) override;
  std::optional<MemberState> readMember(TeamId team, const MemberKey& key) override;
  void writeMember(TeamId team, const MemberKey& key, const MemberState& state) override;
  void archiveConflict(const ConflictRecord& conflict) override;

  // Hands every kept write to the backend; returns the heads the batch moved.
  std::map<TeamId, std::uint64_t> flush();

 private:
  template <typename State>
  struct Kept {
    std::optional<State> state;  // empty: known to be absent
    bool dirty = false;
  };
  struct Team {
    std::uint64_t head = 0;
    std::uint64_t log_start = 0;
    std::vector<LogEntry> log;
    std::map<std::pair<DeviceId, std::uint64_t>, std::size_t> logged;  // into log
    std::set<RecordKey> loaded;
    std::map<RegisterKey, Kept<RegisterState>> registers;
    std::map<MemberKey, Kept<MemberState>> members;
  };
  // The team's state, its head locked on first use.
  Team& team(TeamId id);
  void load(Team& t, TeamId id, std::span<const RecordKey> records);

  PushRows& rows_;
  std::map<TeamId, Team> teams_;
  std::map<DeviceId, Kept<std::uint64_t>> seqs_;
};

// Runs `work` over a PushBatch on the rows and flushes it; the caller commits. Throws.
std::map<TeamId, std::uint64_t> writeBatched(PushRows& rows,
                                             const std::function<void(PushTransaction&)>& work);

}  // namespace nextstep::server
