// Everything the sync server keeps, behind one interface: the SQLite backend implements it today
// and a PostgreSQL backend can take its place without the service noticing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nextstep/model/result.h"
#include "nextstep/model/stamp.h"
#include "nextstep/storage/op.h"
#include "nextstep/sync/merge/conflict.h"
#include "nextstep/sync/v1/sync.pb.h"

namespace nextstep::server {

namespace pb = ::nextstep::sync::v1;

using TeamId = std::int64_t;
using UserId = std::int64_t;
using TokenId = std::int64_t;

struct TeamRecord {
  TeamId id = 0;
  std::string name;
};

struct UserRecord {
  UserId id = 0;
  TeamId team = 0;
  std::string team_name;
  std::string email;
  std::string password_hash;  // Argon2id, in libsodium's string form
};

struct TokenRecord {
  TokenId id = 0;
  UserId user = 0;
  TeamId team = 0;
  std::string team_name;
  std::string email;
  std::optional<DeviceId> device;  // empty until the first handshake binds it
  bool revoked = false;
  std::int64_t created_at_ms = 0;  // tokens expire and rotate by their age
};

enum class DeviceBinding {
  kBound,                // the token and the device belong together now
  kTokenRevoked,         // revoked between authentication and binding
  kTokenBoundElsewhere,  // the token already belongs to another device
  kDeviceOfOtherUser,    // the device id is registered to another user
};

// An operation as the team's log holds it.
struct LoggedOp {
  std::uint64_t version = 0;
  DeviceId device = 0;
  Op op;
  std::string author;
};

struct LogPage {
  std::vector<LoggedOp> ops;
  bool more = false;  // the log has operations after the last one returned
  std::uint64_t head = 0;
};

// One register of the server's merged state. A create's fields live under the key "".
struct RegisterKey {
  RecordType type = RecordType::kDeal;
  std::string record_id;
  std::string key;
  auto operator<=>(const RegisterKey&) const = default;
};

struct RegisterState {
  Value value;
  Stamp stamp;
  Stamp base;
  std::string author;
  std::uint64_t version = 0;  // the operation that wrote it
};

struct MemberKey {
  RecordType type = RecordType::kDeal;
  std::string record_id;
  std::string set;
  std::string member;
  auto operator<=>(const MemberKey&) const = default;
};

struct MemberState {
  Stamp add_stamp;
  Stamp removed_upto;
  std::string add_author;
};

// A write that lost to a concurrent one (the Merger's Conflict), kept for a team.
struct ConflictRecord : sync::Conflict {
  TeamId team = 0;
  std::uint64_t version = 0;  // the operation whose arrival found the conflict
  std::int64_t detected_at_ms = 0;
};

struct RejectionRecord {
  DeviceId device = 0;
  std::uint64_t device_seq = 0;
  std::string reason;
  pb::Operation operation;  // exactly as the device sent it
};

// One write transaction of pushes, as the service sees it (PushBatch is the one
// implementation). Its methods throw inside the store's layer; the store's writePushes() turns
// any failure into an Error and rolls everything back.
class PushTransaction {
 public:
  virtual ~PushTransaction() = default;

  // The records the pushes to come will touch: read in one pass instead of one at a time.
  virtual void expect(TeamId team, std::span<const RecordKey> records) = 0;
  virtual std::uint64_t lastSeq(DeviceId device) = 0;
  virtual void setLastSeq(DeviceId device, std::uint64_t seq) = 0;
  virtual std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) = 0;
  // The operationDigest of an operation that compactLog took out of the log.
  virtual std::optional<std::string> compactedDigest(TeamId team, DeviceId device,
                                                     std::uint64_t seq) = 0;
  virtual std::optional<RejectionRecord> storedRejection(DeviceId device, std::uint64_t seq) = 0;
  virtual void addRejection(TeamId team, const RejectionRecord& rejection, std::int64_t now_ms) = 0;
  // Appends to the team's log under its next version and returns that version.
  virtual std::uint64_t append(TeamId team, DeviceId device, const Op& op,
                               const std::string& author, std::int64_t now_ms) = 0;
  virtual std::uint64_t head(TeamId team) = 0;
  // The version the team's log is kept from (compactLog moves it): the log stores head - this.
  virtual std::uint64_t logStart(TeamId team) = 0;

  virtual std::optional<RegisterState> readRegister(TeamId team, const RegisterKey& key) = 0;
  virtual void writeRegister(TeamId team, const RegisterKey& key, const RegisterState& state) = 0;
  virtual std::optional<MemberState> readMember(TeamId team, const MemberKey& key) = 0;
  virtual void writeMember(TeamId team, const MemberKey& key, const MemberState& state) = 0;
  virtual void archiveConflict(const ConflictRecord& conflict) = 0;
};

// An operation as a push appends it, before it is written.
struct LogEntry {
  std::uint64_t version = 0;
  DeviceId device = 0;
  Op op;
  std::string author;
  std::int64_t accepted_ms = 0;
};

// A backend's rows under a push's transaction: reads as the merge needs them, and the push's
// writes handed over in bulk at its end (one statement per table, not one per operation).
// Throws what its database throws.
class PushRows {
 public:
  virtual ~PushRows() = default;

  // The team's head and where its log starts, its row locked until the commit: a team's
  // versions commit in order.
  struct LogBounds {
    std::uint64_t head = 0;
    std::uint64_t log_start = 0;
  };
  virtual LogBounds lockHead(TeamId team) = 0;
  virtual std::uint64_t lastSeq(DeviceId device) = 0;
  virtual std::optional<LoggedOp> storedOp(TeamId team, DeviceId device, std::uint64_t seq) = 0;
  // The operationDigest of an operation that compactLog took out of the log.
  virtual std::optional<std::string> compactedDigest(TeamId team, DeviceId device,
                                                     std::uint64_t seq) = 0;
  virtual std::optional<RejectionRecord> storedRejection(DeviceId device, std::uint64_t seq) = 0;
  virtual void addRejection(TeamId team, const RejectionRecord& rejection, std::int64_t now_ms) = 0;
  virtual void archiveConflict(const ConflictRecord& conflict) = 0;
  // Every register the records hold.
  virtual std::vector<std::pair<RegisterKey, RegisterState>> registersOf(
      TeamId team, std::span<const RecordKey> records) = 0;
  virtual std::optional<MemberState> readMember(TeamId team, const MemberKey& key) = 0;

  // Appends the entries (versions head_before + 1 onwards, in order) and moves the head.
  virtual void writeLog(TeamId team, std::span<const LogEntry> entries) = 0;
  virtual void writeRegisters(TeamId team,
                              std::span<const std::pair<RegisterKey, RegisterState>> rows) = 0;
  virtual void writeMembers(TeamId team,
                            std::span<const std::pair<MemberKey, MemberState>> rows) = 0;
  virtual void setLastSeqs(std::span<const std::pair<DeviceId, std::uint64_t>> seqs) = 0;
};

// Who may sync what: teams, users, their tokens and the devices the tokens are bound to.
class TeamDirectory {
 public:
  virtual ~TeamDirectory() = default;

  virtual Result<TeamId> createTeam(std::string_view name, std::int64_t now_ms) = 0;
  virtual Result<UserId> addUser(std::string_view team, std::string_view email,
                                 std::string_view password_hash, std::int64_t now_ms) = 0;
  // An unbound token for the user; its device is bound by the first handshake.
  virtual Result<TokenId> addToken(UserId user, std::string_view token_hash,
                                   std::int64_t now_ms) = 0;
  virtual Result<int> revokeTokens(std::string_view email) = 0;
  virtual Result<std::optional<TeamRecord>> findTeam(std::string_view name) = 0;
  virtual Result<std::optional<UserRecord>> findUser(std::string_view email) = 0;
  virtual Result<std::optional<TokenRecord>> findToken(std::string_view token_hash) = 0;
  // False once the token is revoked (or gone): long streams check it now and then.
  virtual Result<bool> tokenActive(TokenId token) = 0;

  // Devices: a device id belongs to one user, and a token to one device.
  virtual Result<DeviceBinding> bindDevice(TokenId token, UserId user, DeviceId device,
                                           std::int64_t now_ms) = 0;
  // A new token already bound to the device (login), under the same rules as bindDevice.
  virtual Result<DeviceBinding> addDeviceToken(UserId user, DeviceId device,
                                               std::string_view token_hash,
                                               std::int64_t now_ms) = 0;
  // A new token with the old one's user and device, the old one revoked, in one transaction:
  // kTokenRevoked (and nothing changed) when the old one is revoked already.
  virtual Result<DeviceBinding> renewToken(TokenId old_token, UserId user,
                                           std::string_view new_token_hash,
                                           std::int64_t now_ms) = 0;
  // The highest device_seq stored for the device (0 for a device never seen).
  virtual Result<std::uint64_t> deviceLastSeq(DeviceId device) = 0;
};

// Each team's log of accepted operations, the merged state it leaves, and what it set aside.
class TeamLog {
 public:
  virtual ~TeamLog() = default;

  virtual Result<std::uint64_t> head(TeamId team) = 0;
  // ErrorCode::kCompacted when the log no longer holds the operations after `after_version`.
  virtual Result<LogPage> readLog(TeamId team, std::uint64_t after_version, std::size_t limit) = 0;
  // Drops the operations up to `through_version` from the log, keeping what a push's duplicate
  // check needs of each (operationDigest); from then on the log is read from through_version
  // on. Returns how many it dropped. The caller keeps what they built (a team snapshot) first.
  virtual Result<std::uint64_t> compactLog(TeamId team, std::uint64_t through_version) = 0;
  // Runs the work in one durable transaction: all of it is stored, or none of it.
  virtual Result<void> writePushes(const std::function<void(PushTransaction&)>& work) = 0;

  // For review and tests.
  virtual Result<std::vector<ConflictRecord>> conflicts(TeamId team) = 0;
  virtual Result<std::vector<RejectionRecord>> rejections(DeviceId device) = 0;
  virtual Result<std::optional<RegisterState>> readRegister(TeamId team,
                                                            const RegisterKey& key) = 0;
};

// Running while it lives: reports the team heads that other processes move (see watchHeads).
class HeadWatch {
 public:
  virtual ~HeadWatch() = default;
};
using HeadListener = std::function<void(TeamId team, std::uint64_t head)>;

// A backend keeps both in one database (SQLite embedded, or PostgreSQL), so a push can check
// its device's numbers and append to the log in one transaction.
class ServerStore : public TeamDirectory, public TeamLog {
 public:
  // Where several server replicas share the store: calls `listener`, on a thread of the watch's
  // own, with a team's head as soon as any replica commits to its log, and with every team's
  // head at least once per `catch_up` (a notice lost with a connection is made up for then).
  // Null where this process is the store's only writer (the embedded store).
  virtual std::unique_ptr<HeadWatch> watchHeads(HeadListener /*listener*/,
                                                std::chrono::milliseconds /*catch_up*/) {
    return nullptr;
  }
  // A trivial read: whether the store answers now. The health check asks it now and then.
  virtual Result<void> ping() = 0;
};

}  // namespace nextstep::server
