// A pushed batch as the server receives it: bytes -> the request gRPC hands to the service ->
// the service's checks and per-operation validation -> its store. Nothing may crash; an operation
// the server accepts must survive the wire (what it logs reads back as the same operation), and
// the same batch pushed again must be acknowledged the same way, never taken for another copy of
// the device (the server compares a resent operation with the one it logged).
#include <grpcpp/impl/grpc_library.h>
#include <spdlog/spdlog.h>

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_check.h"
#include "nextstep/model/value.h"
#include "nextstep/sync/wire.h"
#include "parsed_request.h"
#include "scratch_dir.h"
#include "sqlite_server_store.h"
#include "sync_service.h"

namespace nextstep::fuzz {
namespace {

namespace pb = ::nextstep::sync::v1;
using server::Caller;
using server::ParsedRequest;

// Seeds stamp the pushing device as 1; each input pushes as a device of its own.
constexpr DeviceId kSeedDevice = 1;

struct Server {
  ScratchDir dir;
  std::unique_ptr<server::SqliteServerStore> store;
  std::unique_ptr<server::SyncService> service;
  std::uint64_t inputs = 0;

  Server() {
    auto opened = server::SqliteServerStore::openDirectory(dir.path(), {.durable = false});
    check(opened.ok(), "the server's store does not open");
    store = std::move(*opened);
    service =
        std::make_unique<server::SyncService>(*store, server::SyncLimits{}, [] { return kNowMs; });
  }
};

Server& sharedServer() {
  static Server s;
  return s;
}

ParsedRequest<pb::PushRequest> receive(const std::uint8_t* data, std::size_t size) {
  grpc::Slice slice(data, size);
  grpc::ByteBuffer buffer(&slice, 1);
  ParsedRequest<pb::PushRequest> request;
  const grpc::Status status =
      grpc::SerializationTraits<ParsedRequest<pb::PushRequest>>::Deserialize(&buffer, &request);
  check(status.ok(), "a request that does not parse must still reach the service");
  return request;
}

// The device of this input in place of the seeds' device 1, so inputs do not share a history.
void speakAs(pb::PushRequest& request, DeviceId device) {
  for (pb::Operation& op : *request.mutable_operations()) {
    if (op.has_stamp() && op.stamp().device() == kSeedDevice)
      op.mutable_stamp()->set_device(device);
    if (op.has_base() && op.base().device() == kSeedDevice) op.mutable_base()->set_device(device);
  }
}

// An operation the validator accepts reads back the same after a trip over the wire.
// Whether it is valid.
bool checkRoundTrip(const pb::Operation& sent) {
  Result<Op> op = sync::fromWire(sent);
  if (!op) return false;
  pb::Operation wire;
  sync::toWire(*op, wire);
  pb::Operation reread;
  check(reread.ParseFromString(wire.SerializeAsString()), "a validated operation does not reparse");
  Result<Op> again = sync::fromWire(reread);
  check(again.ok(), "a validated operation fails validation after the wire");
  if (!(again->value == op->value)) {
    std::fprintf(stderr, "value before: %s\nvalue after:  %s\n", describe(op->value).c_str(),
                 describe(again->value).c_str());
  }
  check(again->seq == op->seq && again->type == op->type && again->record_id == op->record_id &&
            again->kind == op->kind && again->key == op->key && again->value == op->value &&
            again->stamp == op->stamp && again->base == op->base,
        "a validated operation changes over the wire");
  return true;
}

void checkSameReply(const pb::PushResponse& first, const pb::PushResponse& second) {
  check(!second.device_reused(), "the same batch again is taken for another copy of the device");
  check(second.acked_through_seq() == first.acked_through_seq(),
        "the same batch again is acknowledged differently");
  check(second.rejected_size() == first.rejected_size(),
        "the same batch again is rejected differently");
  for (int i = 0; i < first.rejected_size(); ++i) {
    check(second.rejected(i).device_seq() == first.rejected(i).device_seq() &&
              second.rejected(i).reason() == first.rejected(i).reason(),
          "the same batch again is rejected for other reasons");
  }
}

}  // namespace
}  // namespace nextstep::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static grpc::internal::GrpcLibraryInitializer grpc_library;
  grpc_library.summon();
  // A log line per rejected push or per string that is not UTF-8 is noise here.
  // NEXTSTEP_FUZZ_LOG=1 keeps the server's log, to see why a failing input fails.
  if (std::getenv("NEXTSTEP_FUZZ_LOG") == nullptr) spdlog::set_level(spdlog::level::off);
  google::protobuf::SetLogHandler(nullptr);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nextstep;
  using namespace nextstep::fuzz;
  ParsedRequest<pb::PushRequest> request = receive(data, size);
  if (!request.valid) return 0;
  bool any_valid = false;
  for (const pb::Operation& op : request.message.operations()) {
    any_valid = checkRoundTrip(op) || any_valid;
  }
  // The store's part costs a few transactions; a batch with nothing to log only gets
  // rejections, which the seeds' mixed batches reach anyway.
  if (!any_valid) return 0;

  // A team, a rep and a device of their own per input: the outcome depends on the input alone.
  // The device binds through the handshake, as a real one does before it pushes.
  Server& s = sharedServer();
  const std::uint64_t n = ++s.inputs;
  const std::string team_name = "team-" + std::to_string(n);
  const std::string email = "rep-" + std::to_string(n) + "@team.example";
  auto team = s.store->createTeam(team_name, kNowMs);
  check(team.ok(), "a team cannot be created");
  auto user = s.store->addUser(team_name, email, "not a hash", kNowMs);
  check(user.ok(), "a rep cannot be added");
  auto token = s.store->addToken(*user, "token-" + std::to_string(n), kNowMs);
  check(token.ok(), "a token cannot be added");
  Caller caller{*team, team_name, *user, email, *token, kNowMs, std::nullopt};
  const DeviceId device = 0x1000 + n;
  pb::HandshakeRequest hello;
  hello.set_protocol_version(server::kProtocolVersion);
  hello.set_schema_version(server::kMaxSchemaVersion);
  hello.set_device_id(device);
  check(s.service->handshake(caller, hello).ok(), "the handshake fails");
  speakAs(request.message, device);

  auto first = s.service->push(caller, request.message);
  if (!first) return 0;
  auto second = s.service->push(caller, request.message);
  if (!second) std::fprintf(stderr, "push_batch: %s\n", second.error().message.c_str());
  check(second.ok(), "the same batch again is refused");
  checkSameReply(*first, *second);

  // What the server logged is what a device will merge: it must pass the same validation.
  pb::PullRequest pull;
  pull.set_limit(5000);
  auto page = s.service->pull(caller, pull);
  check(page.ok(), "the team's log does not read");
  for (const pb::LoggedOperation& logged : page->operations()) {
    check(sync::fromWire(logged.operation()).ok(), "the server logged an invalid operation");
  }
  return 0;
}
