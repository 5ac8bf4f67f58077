#include "nextstep/sync/grpc_transport.h"

#include "nextstep/data/file_bytes.h"
#include "nextstep/sync/loopback_target.h"
#include "nextstep/sync/wire.h"

namespace nextstep::sync {

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
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::OUT_OF_RANGE:
      return {ErrorCode::kInvalidArgument, msg};
    case grpc::StatusCode::NOT_FOUND:
      return {ErrorCode::kNotFound, msg};
    default:
      return {ErrorCode::kInternal, msg};
  }
}

Result<std::shared_ptr<grpc::Channel>> openChannel(const ServerAddress& address,
                                                   bool allow_insecure_remote) {
  if (address.target.empty() || address.target.find(':') == std::string::npos) {
    return Error::invalid("server address '" + address.target + "' must be HOST:PORT");
  }
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
  // Notice a dead connection within seconds while idle on the live stream.
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20'000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10'000);
  args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
  // A channel of its own connection: one opened after a stalled link was given up must not be
  // handed the same dead connection from gRPC's process-wide pool.
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
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
    if (auto local = loopbackTarget(address.target)) {
      return grpc::CreateCustomChannel(*local, creds, args);
    }
    if (!allow_insecure_remote) {
      return Error::invalid("refusing to send a token in plain text to " + address.target +
                            ", which is not on this machine; give the server's CA file (--ca) to "
                            "use TLS");
    }
  }
  return grpc::CreateCustomChannel(address.target, creds, args);
}

GrpcTransport::GrpcTransport(std::shared_ptr<grpc::Channel> channel, std::string token,
                             std::chrono::milliseconds deadline)
    : channel_(std::move(channel)),
      stub_(v1::Sync::NewStub(channel_)),
      deadline_(deadline),
      token_(std::move(token)) {}

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
  grpc::ClientContext ctx;
  prepare(ctx);
  ctx.set_wait_for_ready(false);
  v1::HandshakeRequest req;
  req.set_protocol_version(v1::PROTOCOL_VERSION_CURRENT);
  req.set_schema_version(catalog_version);
  req.set_device_id(device);
  req.set_client_name("nextstep-core 0.1");
  req.set_last_seq(last_seq);
  v1::HandshakeResponse resp;
  const grpc::Status st = stub_->Handshake(&ctx, req, &resp);
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
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::ForkDeviceRequest req;
  req.set_new_device_id(new_device);
  req.set_reason(std::string(reason));
  v1::ForkDeviceResponse resp;
  const grpc::Status st = stub_->ForkDevice(&ctx, req, &resp);
  if (!st.ok()) return failure(st);
  std::lock_guard lock(mu_);
  token_ = resp.token();
  return resp.token();
}

Result<std::string> GrpcTransport::renewToken() {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::RenewTokenResponse resp;
  const grpc::Status st = stub_->RenewToken(&ctx, v1::RenewTokenRequest(), &resp);
  if (!st.ok()) return failure(st);
  std::lock_guard lock(mu_);
  token_ = resp.token();
  return resp.token();
}

Result<PushReply> GrpcTransport::push(const std::vector<Op>& ops) {
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::PushRequest req;
  for (const Op& op : ops) toWire(op, *req.add_operations());
  v1::PushResponse resp;
  const grpc::Status st = stub_->Push(&ctx, req, &resp);
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
  grpc::ClientContext ctx;
  prepare(ctx);
  v1::PullRequest req;
  req.set_after_version(after_version);
  req.set_limit(limit);
  v1::PullResponse resp;
  const grpc::Status st = stub_->Pull(&ctx, req, &resp);
  if (!st.ok()) return failure(st);
  bytes_received_ += resp.ByteSizeLong();
  return fromWire(resp);
}

Result<void> GrpcTransport::subscribe(std::uint64_t after_version,
                                      const std::function<bool(const PullReply&)>& on_page) {
  grpc::ClientContext ctx;
  prepare(ctx, /*streaming=*/true);
  {
    std::lock_guard lock(mu_);
    if (cancelled_) return Error{ErrorCode::kUnavailable, "cancelled"};
    stream_ = &ctx;
  }
  v1::SubscribeRequest req;
  req.set_after_version(after_version);
  auto reader = stub_->Subscribe(&ctx, req);
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
  if (!st.ok()) return failure(st);
  return Error{ErrorCode::kUnavailable, "the server ended the live stream"};
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

}  // namespace nextstep::sync
