#include "push_batch.h"

#include <algorithm>

namespace nextstep::server {

PushBatch::Team& PushBatch::team(TeamId id) {
  auto found = teams_.find(id);
  if (found != teams_.end()) return found->second;
  Team& t = teams_[id];
  const PushRows::LogBounds bounds = rows_.lockHead(id);
  t.head = bounds.head;
  t.log_start = bounds.log_start;
  return t;
}

void PushBatch::load(Team& t, TeamId id, std::span<const RecordKey> records) {
  std::vector<RecordKey> missing;
  for (const RecordKey& r : records) {
    if (t.loaded.insert(r).second) missing.push_back(r);
  }
  if (missing.empty()) return;
  for (auto& [key, state] : rows_.registersOf(id, missing)) {
    // A register written before its record was read keeps the newer, written state.
    t.registers.try_emplace(std::move(key), Kept<RegisterState>{std::move(state), false});
  }
}

void PushBatch::expect(TeamId id, std::span<const RecordKey> records) {
  load(team(id), id, records);
}

std::uint64_t PushBatch::lastSeq(DeviceId device) {
  auto found = seqs_.find(device);
  if (found == seqs_.end()) {
    found = seqs_.emplace(device, Kept<std::uint64_t>{rows_.lastSeq(device), false}).first;
  }
  return *found->second.state;
}

void PushBatch::setLastSeq(DeviceId device, std::uint64_t seq) {
  seqs_[device] = Kept<std::uint64_t>{seq, true};
}

std::optional<LoggedOp> PushBatch::storedOp(TeamId id, DeviceId device, std::uint64_t seq) {
  const Team& t = team(id);
  if (auto kept = t.logged.find({device, seq}); kept != t.logged.end()) {
    const LogEntry& e = t.log[kept->second];
    return LoggedOp{e.version, e.device, e.op, e.author};
  }
  return rows_.storedOp(id, device, seq);
}

std::optional<std::string> PushBatch::compactedDigest(TeamId id, DeviceId device,
                                                      std::uint64_t seq) {
  return rows_.compactedDigest(id, device, seq);
}

std::optional<RejectionRecord> PushBatch::storedRejection(DeviceId device, std::uint64_t seq) {
  return rows_.storedRejection(device, seq);
}

void PushBatch::addRejection(TeamId id, const RejectionRecord& rejection, std::int64_t now_ms) {
  rows_.addRejection(id, rejection, now_ms);
}

std::uint64_t PushBatch::append(TeamId id, DeviceId device, const Op& op, const std::string& author,
                                std::int64_t now_ms) {
  Team& t = team(id);
  const std::uint64_t version = ++t.head;
  t.logged[{device, op.seq}] = t.log.size();
  t.log.push_back(LogEntry{version, device, op, author, now_ms});
  return version;
}

std::uint64_t PushBatch::head(TeamId id) { return team(id).head; }

std::uint64_t PushBatch::logStart(TeamId id) { return team(id).log_start; }

std::optional<RegisterState> PushBatch::readRegister(TeamId id, const RegisterKey& key) {
  Team& t = team(id);
  const RecordKey record{key.type, key.record_id};
  load(t, id, std::span(&record, 1));
  const auto found = t.registers.find(key);
  if (found == t.registers.end()) return std::nullopt;
  return found->second.state;
}

void PushBatch::writeRegister(TeamId id, const RegisterKey& key, const RegisterState& state) {
  team(id).registers[key] = Kept<RegisterState>{state, true};
}

std::optional<MemberState> PushBatch::readMember(TeamId id, const MemberKey& key) {
  Team& t = team(id);
  auto found = t.members.find(key);
  if (found == t.members.end()) {
    found = t.members.emplace(key, Kept<MemberState>{rows_.readMember(id, key), false}).first;
  }
  return found->second.state;
}

void PushBatch::writeMember(TeamId id, const MemberKey& key, const MemberState& state) {
  team(id).members[key] = Kept<MemberState>{state, true};
}

void PushBatch::archiveConflict(const ConflictRecord& conflict) { rows_.archiveConflict(conflict); }

// Moves the kept states out: the batch is spent once flushed.
std::map<TeamId, std::uint64_t> PushBatch::flush() {
  std::map<TeamId, std::uint64_t> moved;
  for (auto& [id, t] : teams_) {
    if (!t.log.empty()) {
      rows_.writeLog(id, t.log);
      moved[id] = t.head;
    }
    std::vector<std::pair<RegisterKey, RegisterState>> registers;
    for (auto& [key, kept] : t.registers) {
      if (kept.dirty) registers.emplace_back(key, std::move(*kept.state));
    }
    if (!registers.empty()) rows_.writeRegisters(id, registers);
    std::vector<std::pair<MemberKey, MemberState>> members;
    for (auto& [key, kept] : t.members) {
      if (kept.dirty) members.emplace_back(key, std::move(*kept.state));
    }
    if (!members.empty()) rows_.writeMembers(id, members);
  }
  std::vector<std::pair<DeviceId, std::uint64_t>> seqs;
  for (const auto& [device, kept] : seqs_) {
    if (kept.dirty) seqs.emplace_back(device, *kept.state);
  }
  if (!seqs.empty()) rows_.setLastSeqs(seqs);
  teams_.clear();
  seqs_.clear();
  return moved;
}

std::map<TeamId, std::uint64_t> writeBatched(PushRows& rows,
                                             const std::function<void(PushTransaction&)>& work) {
  PushBatch batch(rows);
  work(batch);
  return batch.flush();
}

}  // namespace nextstep::server
