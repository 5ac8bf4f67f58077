#include "nextstep/sync/grpc_transport.h"

#include <optional>
#include <string_view>

#include "nextstep/data/durable_file.h"
#include "nextstep/data/file_bytes.h"
#include "nextstep/sync/loopback_target.h"
#include "nextstep/sync/wire.h"
#include "sync/zstd_frame_reader.h"

namespace nextstep::sync {
namespace {

// A whole pipeline arrives in seconds on a good link; a minute per ~100 MB on a slow one.
constexpr auto kSnapshotDeadline = std::chrono::minutes(15);
// What one call may have in flight towards the device.
constexpr int kStreamWindowBytes = 8 * 1024 * 1024;

// A server that cannot be reached (down, gone, or silent past the deadline): the next replica
// may answer. Any other status is the server's answer.
bool unreachable(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::UNAVAILABLE ||
         status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED;
}

// HOST:PORT, HOST a name or an address ([V6] in brackets), PORT 1 to 65535.
bool isHostPort(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) return false;
  const std::string_view host = text.substr(0, colon);
  const std::string_view port = text.substr(colon + 1);
  if (port.size() > 5) return false;
  int number = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + (c - '0');
  }
  if (number < 1 || number > 65535) return false;
  if (host.front() == '[') return host.size() > 2 && host.back() == ']';
  return host.find_first_of(":[] ") == std::string_view::npos;
}

}  // namespace

Result<std::vector<std::string>> serverTargets(std::string_view target) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = target.find(',', start);
    std::string_view one = target.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    // Spaces after a comma are how people write lists.
    const std::size_t first = one.find_first_not_of(' ');
    one = first == std::string_view::npos
              ? std::string_view()
              : one.substr(first, one.find_last_not_of(' ') - first + 1);
    if (!isHostPort(one)) {
      return Error::invalid("server address '" + std::string(one) + "' must be HOST:PORT" +
                            (comma == std::string_view::npos && out.empty()
                                 ? ""
                                 : " (several are separated by commas: a:7443,b:7443)"));
    }
    for (const std::string& seen : out) {
      if (seen == one) return Error::invalid("server address '" + seen + "' is given twice");
    }
    out.emplace_back(one);
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

Error errorFromStatus(const grpc::Status& status) {
  const std::string msg =
      status.error_message().empty() ? "sync server error" : status.error_message();
  switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::ABORTED:
      return {ErrorCode::kUnavailable, msg};
    case grpc::StatusCode::UNAUTHENTICATED:
      return {ErrorCode::kUnauthenticated, msg};
    case grpc::StatusCode::PERMISSION_DENIED:
      return {ErrorCode::kPermissionDenied, msg};
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return {ErrorCode::kResourceExhausted, msg};
    case grpc::StatusCode::FAILED_PRECONDITION:
      return {ErrorCode::kFailedPrecondition, msg};
    case grpc::StatusCode::OUT_OF_RANGE:
      if (status.error_details() == kLogCompacted) return {ErrorCode::kCompacted, msg};
      return {ErrorCode::kInvalidArgument, msg};
    case grpc::StatusCode::INVALID_ARGUMENT:
      return {ErrorCode::kInvalidArgument, msg};
    case grpc::StatusCode::NOT_FOUND:
      return {ErrorCode::kNotFound, msg};
    default:
      return {ErrorCode::kInternal, msg};
  }
}

namespace {

Result<std::shared_ptr<grpc::Channel>> channelTo(const std::string& target,
                                                 const ServerAddress& address,
                                                 bool allow_insecure_remote) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
  // Notice a dead connection within seconds while idle on the live stream.
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20'000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10'000);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  // A channel of its own connection: one opened after a stalled link was given up must not be
  // handed the same dead connection from gRPC's process-wide pool.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  // gRPC grows a fast stream's receive window with the link (its bandwidth-delay probe); a team
  // snapshot arrives faster than the disk takes it, and the window held 200 MB of it. A phone
  // has no room for that: a fixed window of a few pieces keeps the stream fast and small.
  args.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  args.SetInt(GRPC_ARG_HTTP2_STREAM_LOOKAHEAD_BYTES, kStreamWindowBytes);
  std::shared_ptr<grpc::ChannelCredentials> creds;
  if (address.ca_file || address.tls) {
    grpc::SslCredentialsOptions ssl;
    if (address.ca_file) {
      auto pem = readFileBytes(*address.ca_file);
      if (!pem) return Error{ErrorCode::kIo, "the CA file: " + pem.error().message};
      ssl.pem_root_certs = std::move(*pem);
    }
    creds = grpc::SslCredentials(ssl);
  } else {
    creds = grpc::InsecureChannelCredentials();
    if (auto local = loopbackTarget(target)) {
      return grpc::CreateCustomChannel(*local, creds, args);
    }
    if (!allow_insecure_remote) {
      return Error::invalid("refusing to send a token in plain text to " + target +
                            ", which is not on this machine; give the server's CA file (--ca) to "
                            "use TLS");
    }
  }
  return grpc::CreateCustomChannel(target, creds, args);
}

}  // namespace

Result<Channels> openChannels(const ServerAddress& address, bool allow_insecure_remote) {
  auto targets = serverTargets(address.target);
  if (!targets) return targets.error();
  Channels channels;
  for (const std::string& target : *targets) {
    auto channel = channelTo(target, address, allow_insecure_remote);
    if (!channel) return channel.error();
    channels.push_back(std::move(*channel));
  }
  return channels;
}

Result<std::shared_ptr<grpc::Channel>> openChannel(const ServerAddress& address,
                                                   bool allow_insecure_remote) {
  auto channels = openChannels(address, allow_insecure_remote);
  if (!channels) return channels.error();
  if (channels->size() != 1) {
    return Error::invalid("one server address is needed here, not '" + address.target + "'");
  }
  return channels->front();
}

GrpcTransport::GrpcTransport(std::shared_ptr<grpc::Channel> channel, std::string token,
                             std::chrono::milliseconds deadline)
    : GrpcTransport(Channels{std::move(channel)}, std::move(token), deadline) {}

GrpcTransport::GrpcTransport(const Channels& channels, std::string token,
                             std::chrono::milliseconds deadline,
                             std::shared_ptr<PreferredServer> preferred)
    : preferred_(preferred ? std::move(preferred) : std::make_shared<PreferredServer>()),
      deadline_(deadline),
      token_(std::move(token)) {
  for (const auto& channel : channels) stubs_.push_back(v1::Sync::NewStub(channel));
}

template <typename Call>
grpc::Status GrpcTransport::onServers(Call&& call) {
  const std::size_t count = stubs_.size();
  if (count == 0) return grpc::Status(grpc::StatusCode::UNAVAILABLE, "no server address");
  const std::size_t first = preferred_->index() % count;
  grpc::Status status;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t i = (first + k) % count;
    grpc::ClientContext ctx;
    prepare(ctx);
    status = call(*stubs_[i], ctx);
    if (!unreachable(status)) {
      preferred_->set(i);
      return status;
    }
  }
  return status;
}

Error GrpcTransport::failure(const grpc::Status& status) const {
  if (status.error_code() != grpc::StatusCode::DEADLINE_EXCEEDED) return errorFromStatus(status);
  // Said with the time waited: a stalled link or a hung server, not a refusal.
  const auto ms = deadline_.count();
  return {ErrorCode::kUnavailable,
          "the server did not answer within " +
              (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms")};
}

void GrpcTransport::prepare(grpc::ClientContext& ctx, bool streaming) {
  {
    std::lock_guard lock(mu_);
    ctx.AddMetadata("authorization", "Bearer " + token_);
  }
  if (!streaming) ctx.set_deadline(std::chrono::system_clock::now() + deadline_);
}

Result<ServerHello> GrpcTransport::handshake(DeviceId device, std::uint32_t catalog_version,
                                             std::uint64_t last_seq) {
  v1::HandshakeRequest req;
  req.set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  req.set_schema_version(catalog_version);
  req.set_device_id(device);
  req.set_client_name("nextstep-core 0.1");
  req.set_last_seq(last_seq);
  v1::HandshakeResponse resp;
  const grpc::Status st = onServers([&](v1::Sync::Stub& stub, grpc::ClientContext& ctx) {
    ctx.set_wait_for_ready(false);
    return stub.Handshake(&ctx, req, &resp);
  });
  if (!st.ok()) return failure(st);
  ServerHello h;
  h.server_time_ms = resp.server_time_ms();
  h.team = resp.team();
  h.email = resp.user_email();
  h.head = resp.head();
  if (resp.max_ops_per_push() > 0) h.max_ops_per_push = resp.max_ops_per_push();
  if (resp.max_clock_ahead_ms() > 0) h.max_clock_ahead_ms = resp.max_clock_ahead_ms();
  h.device_reused = resp.device_reused();
  h.rotate_token = resp.rotate_token();
  h.heartbeat = std::chrono::milliseconds(resp.heartbeat_ms());
  return h;
}

Result<std::string> GrpcTransport::forkDevice(DeviceId new_device, std::string_view reason) {
  v1::ForkDeviceRequest req;
  req.set_new_device_id(new_device);
  req.set_reason(std::string(reason));
  v1::ForkDeviceResponse resp;
  const grpc::Status st = onServers([&](v1::Sync::Stub& stub, grpc::ClientContext& ctx) {
    return stub.ForkDevice(&ctx, req, &resp);
  });
  if (!st.ok()) return failure(st);
  std::lock_guard lock(mu_);
  token_ = resp.token();
  return resp.token();
}

Result<std::string> GrpcTransport::renewToken() {
  v1::RenewTokenResponse resp;
  const grpc::Status st = onServers([&](v1::Sync::Stub& stub, grpc::ClientContext& ctx) {
    return stub.RenewToken(&ctx, v1::RenewTokenRequest(), &resp);
  });
  if (!st.ok()) return failure(st);
  std::lock_guard lock(mu_);
  token_ = resp.token();
  return resp.token();
}

Result<PushReply> GrpcTransport::push(const std::vector<Op>& ops) {
  v1::PushRequest req;
  for (const Op& op : ops) toWire(op, *req.add_operations());
  v1::PushResponse resp;
  const grpc::Status st = onServers(
      [&](v1::Sync::Stub& stub, grpc::ClientContext& ctx) { return stub.Push(&ctx, req, &resp); });
  if (!st.ok()) return failure(st);
  PushReply r;
  r.acked_through_seq = static_cast<std::int64_t>(resp.acked_through_seq());
  r.head = resp.head();
  r.device_reused = resp.device_reused();
  for (const auto& rej : resp.rejected()) {
    r.rejected.push_back({static_cast<std::int64_t>(rej.device_seq()), rej.reason()});
  }
  return r;
}

PullReply fromWire(const v1::PullResponse& resp) {
  PullReply r;
  r.next_cursor = resp.next_cursor();
  r.more = resp.more();
  r.head = resp.head();
  r.ops.reserve(static_cast<std::size_t>(resp.operations_size()));
  for (const auto& logged : resp.operations()) {
    RemoteOp op;
    op.version = logged.version();
    op.author = logged.author();
    const auto& w = logged.operation();
    op.op.seq = static_cast<std::int64_t>(w.device_seq());
    op.op.type = static_cast<RecordType>(w.record_type());
    op.op.record_id = w.record_id();
    op.op.kind = static_cast<OpKind>(w.kind());
    op.op.key = w.key();
    op.op.value = fromWire(w.value());
    op.op.stamp = fromWire(w.stamp());
    if (w.has_base()) op.op.base = fromWire(w.base());
    r.ops.push_back(std::move(op));
  }
  return r;
}

Result<PullReply> GrpcTransport::pull(std::uint64_t after_version, std::uint32_t limit) {
  v1::PullRequest req;
  req.set_after_version(after_version);
  req.set_limit(limit);
  v1::PullResponse resp;
  const grpc::Status st = onServers(
      [&](v1::Sync::Stub& stub, grpc::ClientContext& ctx) { return stub.Pull(&ctx, req, &resp); });
  if (!st.ok()) return failure(st);
  bytes_received_ += resp.ByteSizeLong();
  return fromWire(resp);
}

Result<void> GrpcTransport::subscribe(std::uint64_t after_version,
                                      const std::function<bool(const PullReply&)>& on_page) {
  if (stubs_.empty()) return Error{ErrorCode::kUnavailable, "no server address"};
  grpc::ClientContext ctx;
  prepare(ctx, /*streaming=*/true);
  {
    std::lock_guard lock(mu_);
    if (cancelled_) return Error{ErrorCode::kUnavailable, "cancelled"};
    stream_ = &ctx;
  }
  v1::SubscribeRequest req;
  req.set_after_version(after_version);
  const std::size_t server = preferred_->index() % stubs_.size();
  auto reader = stubs_[server]->Subscribe(&ctx, req);
  v1::SubscribeEvent event;
  std::uint64_t cursor = after_version;
  bool keepGoing = true;
  while (keepGoing && reader->Read(&event)) {
    bytes_received_ += event.ByteSizeLong();
    if (event.has_operations()) {
      PullReply page = fromWire(event.operations());
      cursor = page.next_cursor;
      keepGoing = on_page(page);
    } else {
      PullReply beat;
      beat.next_cursor = cursor;
      beat.head = event.heartbeat().head();
      keepGoing = on_page(beat);
    }
  }
  if (!keepGoing) ctx.TryCancel();
  const grpc::Status st = reader->Finish();
  {
    std::lock_guard lock(mu_);
    stream_ = nullptr;
  }
  if (!keepGoing || st.error_code() == grpc::StatusCode::CANCELLED) return {};
  // Not repeated here: the next session subscribes on the next server.
  if (unreachable(st)) preferred_->moveOn(server, stubs_.size());
  if (!st.ok()) return failure(st);
  return Error{ErrorCode::kUnavailable, "the server ended the live stream"};
}

Result<SnapshotHeader> GrpcTransport::snapshot(std::uint32_t database_schema,
                                               const std::string& file,
                                               const SnapshotProgress& progress) {
  if (stubs_.empty()) return Error{ErrorCode::kUnavailable, "no server address"};
  DurableFile out(file);
  if (!out.opened()) return Error{ErrorCode::kIo, "cannot write " + file};
  grpc::ClientContext ctx;
  prepare(ctx, /*streaming=*/true);
  // A whole pipeline takes seconds; a stalled stream must still end.
  ctx.set_deadline(std::chrono::system_clock::now() + kSnapshotDeadline);
  v1::SnapshotRequest req;
  req.set_database_schema(database_schema);
  req.set_accepts_zstd(true);
  const std::size_t server = preferred_->index() % stubs_.size();
  auto reader = stubs_[server]->Snapshot(&ctx, req);
  v1::SnapshotChunk chunk;
  SnapshotHeader header;
  std::uint64_t written = 0;
  bool first = true;
  bool compressed = false;
  ZstdFrameReader frame;
  std::optional<Error> failed;
  // The file's bytes, as they come or as the frame gives them: never more than the file holds.
  auto keep = [&](std::string_view bytes) {
    if (written + bytes.size() > header.total_bytes) {
      failed = Error{ErrorCode::kCorrupt, "the team's snapshot is longer than announced"};
      return false;
    }
    if (!out.append(bytes)) {
      failed = Error{ErrorCode::kIo, "the team's snapshot could not be written to " + file};
      return false;
    }
    written += bytes.size();
    return true;
  };
  while (!failed && reader->Read(&chunk)) {
    if (first) {
      header = SnapshotHeader{chunk.version(), chunk.total_bytes(), chunk.rows()};
      compressed = chunk.compressed_bytes() > 0;
      first = false;
    }
    bytes_received_ += chunk.ByteSizeLong();
    if (!compressed) {
      keep(chunk.data());
    } else if (!frame.feed(chunk.data(), keep) && !failed) {
      failed = Error{ErrorCode::kCorrupt, frame.error()};
    }
    if (progress) progress(header, written);
  }
  if (failed) ctx.TryCancel();
  const grpc::Status st = reader->Finish();
  if (failed) return *failed;
  if (!st.ok()) return failure(st);
  if (first || written != header.total_bytes || header.version == 0 ||
      (compressed && !frame.finished())) {
    return Error{ErrorCode::kUnavailable, "the team's snapshot arrived incomplete"};
  }
  if (!out.finish()) return Error{ErrorCode::kIo, "the team's snapshot could not be saved"};
  return header;
}

void GrpcTransport::cancel() {
  std::lock_guard lock(mu_);
  cancelled_ = true;
  if (stream_ != nullptr) stream_->TryCancel();
}

Result<LoginResult> login(const std::shared_ptr<grpc::Channel>& channel, std::string_view email,
                          std::string_view password, DeviceId device,
                          std::string_view device_name) {
  auto stub = v1::Sync::NewStub(channel);
  grpc::ClientContext ctx;
  ctx.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  v1::LoginRequest req;
  req.set_email(std::string(email));
  req.set_password(std::string(password));
  req.set_device_id(device);
  req.set_device_name(std::string(device_name));
  v1::LoginResponse resp;
  const grpc::Status st = stub->Login(&ctx, req, &resp);
  if (!st.ok()) return errorFromStatus(st);
  return LoginResult{resp.token(), resp.team()};
}

Result<LoginResult> login(const Channels& channels, std::string_view email,
                          std::string_view password, DeviceId device,
                          std::string_view device_name) {
  Result<LoginResult> result = Error{ErrorCode::kUnavailable, "no server address"};
  for (const auto& channel : channels) {
    result = login(channel, email, password, device, device_name);
    if (result || result.error().code != ErrorCode::kUnavailable) return result;
  }
  return result;
}

}  // namespace nextstep::sync
