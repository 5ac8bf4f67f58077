// SyncService's push: a batch's checks, the retry and copied-device cases, and one writer
// transaction for the pushes of many devices (group commit).
#include <google/protobuf/util/field_comparator.h>
#include <google/protobuf/util/message_differencer.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "json_log.h"
#include "nextstep/sync/wire.h"
#include "operation_digest.h"
#include "push_merge_state.h"
#include "sync_service.h"

namespace nextstep::server {
namespace {

using grpc::StatusCode;

// Equal as protocol buffers, where an absent message equals an empty one (a zero base). A NaN
// resent is the same NaN: otherwise a retried batch holding one reads as a copied device (found
// by fuzzing).
bool sameOperation(const pb::Operation& a, const pb::Operation& b) {
  google::protobuf::util::DefaultFieldComparator values;
  values.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer same;
  same.set_message_field_comparison(google::protobuf::util::MessageDifferencer::EQUIVALENT);
  same.set_field_comparator(&values);
  return same.Compare(a, b);
}

// Stored, set aside or compacted away: the device's number was used.
bool seenBefore(PushTransaction& tx, TeamId team, DeviceId device, std::uint64_t seq) {
  return tx.storedOp(team, device, seq) || tx.storedRejection(device, seq) ||
         tx.compactedDigest(team, device, seq);
}

std::string seqText(std::uint64_t seq) { return "operation " + std::to_string(seq); }

}  // namespace

Reply<pb::PushResponse> SyncService::push(const Caller& caller, const pb::PushRequest& request) {
  const PushCall call{&caller, &request};
  return std::move(pushBatch(std::span(&call, 1)).front().reply);
}

std::optional<RpcError> SyncService::checkPush(const Caller& caller,
                                               const pb::PushRequest& request) const {
  if (!caller.device) {
    return rpcError(StatusCode::FAILED_PRECONDITION,
                    "handshake first: this token is not bound to a device yet");
  }
  if (static_cast<std::uint32_t>(request.operations_size()) > limits_.max_ops_per_push) {
    return rpcError(StatusCode::RESOURCE_EXHAUSTED, std::to_string(request.operations_size()) +
                                                        " operations in one push; at most " +
                                                        std::to_string(limits_.max_ops_per_push));
  }
  std::uint64_t previous = 0;
  for (const pb::Operation& op : request.operations()) {
    if (op.device_seq() == 0) {
      return rpcError(StatusCode::INVALID_ARGUMENT, "device_seq must be positive");
    }
    if (op.device_seq() <= previous) {
      return rpcError(StatusCode::INVALID_ARGUMENT,
                      "device_seq must increase strictly within a push: " +
                          std::to_string(op.device_seq()) + " follows " + std::to_string(previous));
    }
    previous = op.device_seq();
    // A stamp from another device is a forged author, not a mistake in one operation.
    if (op.stamp().device() != 0 && op.stamp().device() != *caller.device) {
      return rpcError(StatusCode::PERMISSION_DENIED,
                      seqText(op.device_seq()) + " is stamped by device " +
                          deviceIdToHex(op.stamp().device()) + ", not by this device " +
                          deviceIdToHex(*caller.device));
    }
  }
  return std::nullopt;
}

std::uint64_t SyncService::firstReusedSeq(PushTransaction& tx, TeamId team, DeviceId device,
                                          const pb::PushRequest& request) {
  const std::uint64_t last = tx.lastSeq(device);
  for (const pb::Operation& op : request.operations()) {
    if (op.device_seq() > last) break;  // increasing within a push: the rest are new
    if (auto stored = tx.storedOp(team, device, op.device_seq())) {
      pb::Operation wire;
      sync::toWire(stored->op, wire);
      if (!sameOperation(wire, op)) return op.device_seq();
    } else if (auto rejected = tx.storedRejection(device, op.device_seq())) {
      if (!sameOperation(rejected->operation, op)) return op.device_seq();
    } else if (auto digest = tx.compactedDigest(team, device, op.device_seq())) {
      if (*digest != operationDigest(op)) return op.device_seq();
    }
  }
  return 0;
}

std::uint64_t SyncService::newOps(PushTransaction& tx, TeamId team, DeviceId device,
                                  const pb::PushRequest& request) {
  const std::uint64_t last = tx.lastSeq(device);
  std::uint64_t n = 0;
  for (const pb::Operation& op : request.operations()) {
    // Below the device's last number only one that never arrived is new (see storePush).
    if (op.device_seq() > last || !seenBefore(tx, team, device, op.device_seq())) ++n;
  }
  return n;
}

namespace {

ParsedOperation parseOperation(const pb::Operation& op) {
  std::optional<Fields> fields;
  Result<Op> checked = sync::fromWire(op, &fields);
  return ParsedOperation{std::move(checked), std::move(fields)};
}

}  // namespace

ParsedOperations parseOperations(const pb::PushRequest& request) {
  ParsedOperations parsed;
  parsed.reserve(static_cast<std::size_t>(request.operations_size()));
  for (const pb::Operation& op : request.operations()) parsed.push_back(parseOperation(op));
  return parsed;
}

void SyncService::storePush(PushTransaction& tx, const PushCall& call, std::int64_t now_ms,
                            PushOutcome& out) const {
  const Caller& caller = *call.caller;
  const pb::PushRequest& request = *call.request;
  const DeviceId device = *caller.device;
  const TeamId team = caller.team_id;
  // Two databases speaking as one device (a restored backup, a copied file): storing either's
  // operation under the other's number would lose one. The operations before the first reused
  // number are the same ones again; from it on nothing is stored, and the device forks.
  const std::uint64_t reused = firstReusedSeq(tx, team, device, request);
  if (reused != 0) {
    LogLine("device_reused")
        .caller(caller)
        .rpc("Push")
        .number("device_seq", static_cast<std::int64_t>(reused))
        .warn();
    pb::PushResponse response;
    response.set_device_reused(true);
    response.set_acked_through_seq(reused - 1);
    response.set_head(tx.head(team));
    out.reply = std::move(response);
    return;
  }
  const std::uint64_t last = tx.lastSeq(device);
  // An acknowledgement means every number up to it arrived: a push that skips numbers is refused
  // whole, before anything of it is stored.
  for (std::uint64_t expected = last + 1; const pb::Operation& op : request.operations()) {
    if (op.device_seq() <= last) continue;
    if (op.device_seq() != expected) {
      out.reply = rpcError(StatusCode::FAILED_PRECONDITION,
                           seqText(op.device_seq()) + " follows " + seqText(expected - 1) + ": " +
                               seqText(expected) + " onwards never arrived; send from there");
      return;
    }
    ++expected;
  }
  // Checked before anything is stored: a push over the quota leaves no part of itself behind.
  // What the log holds counts, not every operation ever: compaction frees quota.
  const std::uint64_t stored = tx.head(team) - tx.logStart(team);
  const std::uint64_t adding = newOps(tx, team, device, request);
  if (adding > 0 && stored + adding > limits_.max_team_ops) {
    LogLine("team_quota")
        .caller(caller)
        .number("stored_ops", static_cast<std::int64_t>(stored))
        .number("push_ops", static_cast<std::int64_t>(adding))
        .warn();
    out.reply = rpcError(StatusCode::RESOURCE_EXHAUSTED,
                         "team '" + caller.team_name + "' stores " + std::to_string(stored) +
                             " operations; " + std::to_string(adding) +
                             " more would pass the server's limit of " +
                             std::to_string(limits_.max_team_ops) +
                             " operations per team; nothing of this push was stored");
    return;
  }
  std::uint64_t newest = last;
  pb::PushResponse response;
  auto reject = [&](const pb::Operation& op, const std::string& reason, bool store) {
    if (store) tx.addRejection(team, RejectionRecord{device, op.device_seq(), reason, op}, now_ms);
    pb::Rejection* r = response.add_rejected();
    r->set_device_seq(op.device_seq());
    r->set_reason(reason);
  };

  for (int i = 0; i < request.operations_size(); ++i) {
    const pb::Operation& op = request.operations(i);
    const std::uint64_t seq = op.device_seq();
    newest = std::max(newest, seq);
    if (seq <= last) {
      // Seen before (firstReusedSeq ruled out a different operation under the number): the
      // same operation again is acknowledged once more and not applied.
      if (tx.storedOp(team, device, seq) || tx.compactedDigest(team, device, seq)) continue;
      if (auto rejected = tx.storedRejection(device, seq)) {
        reject(op, rejected->reason, /*store=*/false);
        continue;
      }
      // Never stored (it arrived after a later one): the merge does not depend on order.
    }
    std::optional<ParsedOperation> here;
    if (!call.parsed) here = parseOperation(op);
    const ParsedOperation& checked =
        call.parsed ? (*call.parsed)[static_cast<std::size_t>(i)] : *here;
    // A copy, not a move: the same call is stored again alone when its group fails.
    Result<Op> parsed = checked.op;
    const std::optional<Fields>& fields = checked.fields;
    if (!parsed) {
      reject(op, parsed.error().message, /*store=*/true);
      continue;
    }
    const std::int64_t ahead_ms = parsed->stamp.millis() - now_ms;
    if (ahead_ms > limits_.max_clock_ahead_ms) {
      reject(op,
             seqText(seq) + ": stamp is " + std::to_string(ahead_ms) +
                 " ms ahead of the server's clock; at most " +
                 std::to_string(limits_.max_clock_ahead_ms) + " ms are accepted",
             /*store=*/true);
      continue;
    }
    const std::uint64_t version = tx.append(team, device, *parsed, caller.email, now_ms);
    mergeAccepted(
        tx, AcceptedOp{team, *parsed, version, caller.email, now_ms, fields ? &*fields : nullptr});
    LoggedOp logged{version, device, std::move(*parsed), caller.email};
    out.accepted.push_back(toWire(logged));
  }
  if (newest > last) tx.setLastSeq(device, newest);
  response.set_acked_through_seq(newest);
  response.set_head(tx.head(team));
  out.reply = std::move(response);
}

Result<std::vector<PushOutcome>> SyncService::commitTogether(std::span<const PushCall> calls,
                                                             std::span<const std::size_t> which,
                                                             std::int64_t now_ms) {
  std::vector<PushOutcome> outcomes(which.size());
  // The records every push of the group touches, read together (in team order, which is also
  // the order the teams' heads are locked in, so two replicas never wait on each other).
  std::map<TeamId, std::vector<RecordKey>> touched;
  for (const std::size_t i : which) {
    std::vector<RecordKey>& records = touched[calls[i].caller->team_id];
    for (const pb::Operation& op : calls[i].request->operations()) {
      records.push_back(RecordKey{static_cast<RecordType>(op.record_type()), op.record_id()});
    }
  }
  auto written = store_.writePushes([&](PushTransaction& tx) {
    for (const auto& [team, records] : touched) tx.expect(team, records);
    for (std::size_t k = 0; k < which.size(); ++k) {
      const PushCall& call = calls[which[k]];
      outcomes[k] = PushOutcome{};
      outcomes[k].team = call.caller->team_id;
      storePush(tx, call, now_ms, outcomes[k]);
    }
  });
  if (!written) return written.error();
  return outcomes;
}

std::vector<PushOutcome> SyncService::pushBatch(std::span<const PushCall> calls) {
  std::vector<PushOutcome> out(calls.size());
  std::vector<std::size_t> valid;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    out[i].team = calls[i].caller->team_id;
    if (auto error = checkPush(*calls[i].caller, *calls[i].request)) {
      out[i].reply = *error;
    } else {
      valid.push_back(i);
    }
  }
  if (valid.empty()) return out;
  const std::int64_t now_ms = now();
  auto together = commitTogether(calls, valid, now_ms);
  if (together) {
    for (std::size_t k = 0; k < valid.size(); ++k) out[valid[k]] = std::move((*together)[k]);
    return out;
  }
  if (valid.size() == 1) {
    out[valid[0]].reply = storeFailure(together.error());
    return out;
  }
  // One push that the store refuses must not sink the others of its group.
  for (const std::size_t i : valid) {
    const std::size_t one[] = {i};
    auto alone = commitTogether(calls, one, now_ms);
    if (alone) {
      out[i] = std::move(alone->front());
    } else {
      out[i].reply = storeFailure(alone.error());
    }
  }
  return out;
}

}  // namespace nextstep::server
