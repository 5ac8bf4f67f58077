#include "server_runner.h"

#include <grpc/support/log.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/resource_quota.h>
#include <grpcpp/security/server_credentials.h>
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>

#include "grpc_sync_service.h"
#include "json_log.h"
#include "listen_address.h"
#include "login_workers.h"
#include "nextstep/data/file_bytes.h"
#include "nextstep/model/stamp.h"
#include "push_writer.h"
#include "rate_limit.h"
#include "replica_feed.h"
#include "store_choice.h"
#include "store_watch.h"
#include "stream_quota.h"
#include "team_feed.h"
#include "token_auth.h"

namespace nextstep::server {
namespace {

constexpr int kRefused = 2;
constexpr int kFailed = 1;
// Logins per second per peer address (Argon2id is expensive), with bursts of this many.
constexpr double kLoginsPerSecond = 5;
constexpr double kLoginBurst = 20;
constexpr int kLoginThreads = 2;
constexpr std::size_t kMaxQueuedLogins = 64;
constexpr int kMaxStreamsPerConnection = 100;
// Memory gRPC accounts for connections and calls; under pressure it frees buffers and cancels
// streams (it does not bound HTTP/2 rapid reset in gRPC 1.51: docs/server.md, Public deployment).
constexpr std::size_t kGrpcMemoryBytes = 128u << 20;
// Threads gRPC may start for calls: a flood of calls queues rather than spawning threads.
constexpr int kGrpcMaxThreads = 32;
// A connection must finish its TLS handshake and HTTP/2 preface within this (gRPC's is 2 min).
constexpr int kHandshakeTimeoutMs = 10'000;
// Calls in flight when a connection reaches its maximum age get this long to finish.
constexpr int kConnectionAgeGraceMs = 30'000;
constexpr auto kShutdownGrace = std::chrono::seconds(10);
// Calls in flight when the listener is restarted get this long to finish.
constexpr auto kRestartGrace = std::chrono::seconds(2);
// With replicas on one PostgreSQL, every team's head is read this often besides the notices, in
// case one was lost with its connection: the longest a live stream waits for another's write.
constexpr auto kReplicaCatchUp = std::chrono::seconds(2);
// How often the main thread, waiting for a stop signal, checks whether the listener was lost.
constexpr timespec kWatchInterval{1, 0};
// How often the store is asked whether it answers, for the health check.
constexpr std::chrono::milliseconds kStoreCheckInterval{500};

// gRPC 1.51 stops accepting for good after one failed accept4() (EMFILE when out of file
// descriptors): it logs "Failed accept4" and drops the listening socket. Later gRPC retries; here
// the runner restarts the gRPC server when it sees that line.
std::atomic<bool> g_listener_lost{false};

void logGrpc(gpr_log_func_args* args) {
  if (std::strstr(args->message, "Failed accept4") != nullptr) g_listener_lost = true;
  std::fprintf(stderr, "%s %s:%d] %s\n", gpr_log_severity_string(args->severity), args->file,
               args->line, args->message);
}

int refuse(const std::string& message) {
  std::fprintf(stderr, "nextstep-server: %s\n", message.c_str());
  return kRefused;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "nextstep-server: %s\n", message.c_str());
  return kFailed;
}

// A PEM file's text; an empty file is refused here rather than by TLS later, with less to say.
Result<std::string> readPem(const std::string& path) {
  auto text = readFileBytes(path);
  if (text && text->empty()) return Error{ErrorCode::kIo, path + " is empty"};
  return text;
}

// Every connection is a file descriptor: take all the hard limit allows, so idle attackers run out
// of patience (the idle limit) before the server runs out of descriptors.
void raiseFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

rlim_t fileLimit() {
  rlimit limit{};
  return getrlimit(RLIMIT_NOFILE, &limit) == 0 ? limit.rlim_cur : 0;
}

}  // namespace

int runServer(const ServerOptions& options) {
  const auto address = parseListenAddress(options.listen);
  if (!address) {
    return refuse("--listen " + options.listen + " is not HOST:PORT (IPv6 as [::1]:PORT)");
  }
  const bool tls = !options.tls_cert.empty() || !options.tls_key.empty();
  if (tls && (options.tls_cert.empty() || options.tls_key.empty())) {
    return refuse("--tls-cert and --tls-key go together");
  }
  if (!tls && !options.insecure && !isLoopback(*address)) {
    return refuse("refusing plaintext on " + options.listen +
                  ", which is not a loopback address: give --tls-cert and --tls-key, or "
                  "--insecure behind a TLS-terminating proxy");
  }
  std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
  if (tls) {
    grpc::SslServerCredentialsOptions ssl;
    grpc::SslServerCredentialsOptions::PemKeyCertPair pair;
    auto cert = readPem(options.tls_cert);
    if (!cert) return refuse("the TLS certificate: " + cert.error().message);
    auto key = readPem(options.tls_key);
    if (!key) return refuse("the TLS key: " + key.error().message);
    pair.cert_chain = std::move(*cert);
    pair.private_key = std::move(*key);
    ssl.pem_key_cert_pairs.push_back(std::move(pair));
    credentials = grpc::SslServerCredentials(ssl);
  }
  if (options.snapshots.keep_log_ops > 0 && options.snapshot_dir.empty() &&
      !options.store.url.empty()) {
    return refuse(
        "--keep-log-ops drops the log a snapshot covers: with --store it needs --snapshots DIR");
  }
  if (!initCrypto()) return fail("libsodium cannot start: no source of randomness");

  // Blocked here, before any thread starts, so that every thread inherits the mask and the
  // signals wait for sigwait() below instead of killing the process mid-commit.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  initJsonLog();
  gpr_set_log_function(logGrpc);
  raiseFileLimit();
  auto store = openServerStore(options.store);
  if (!store) return fail("cannot open " + describe(options.store) + ": " + store.error().message);

  SyncService service(**store, options.limits, HybridClock::systemWallClock());
  TeamFeed feed;
  PushWriter writer(service, feed);
  LoginWorkers logins(kLoginThreads, kMaxQueuedLogins);
  RateLimiter call_rate(options.rate_limit, 2 * options.rate_limit);
  RateLimiter login_rate(options.rate_limit > 0 ? kLoginsPerSecond : 0, kLoginBurst);
  StreamQuota streams(options.max_streams_per_user);
  feed.start();
  writer.start();
  // Replicas on one PostgreSQL database: another's writes reach this one's live streams.
  const std::unique_ptr<HeadWatch> other_replicas = (*store)->watchHeads(
      [&feed, &log = **store](TeamId team, std::uint64_t head) {
        takeOtherReplicasWrite(feed, log, team, head);
      },
      kReplicaCatchUp);
  const std::chrono::seconds heartbeat(options.heartbeat_seconds);
  std::filesystem::path snapshot_dir = options.snapshot_dir;
  if (snapshot_dir.empty() && options.store.url.empty()) {
    snapshot_dir = options.store.data_dir / "snapshots";
  }
  std::unique_ptr<TeamSnapshots> snapshots;
  if (!snapshot_dir.empty()) {
    snapshots = std::make_unique<TeamSnapshots>(**store, snapshot_dir, options.snapshots);
  }
  const GrpcSyncParts parts{service,    writer,  feed,      logins,         call_rate,
                            login_rate, streams, heartbeat, snapshots.get()};

  grpc::EnableDefaultHealthCheckService(true);
  // Health follows the store: NOT_SERVING while its database cannot be reached. The watch sets
  // it on whichever gRPC server is running (the listener may be restarted).
  // The watch's lock is held while it calls back, so the runner keeps its own copy of the answer
  // (under health_mu only) instead of asking the watch.
  std::mutex health_mu;
  grpc::Server* health_of = nullptr;  // guarded by health_mu
  bool store_reachable = true;        // guarded by health_mu
  auto showHealth = [&] {
    if (health_of == nullptr) return;
    if (auto* health = health_of->GetHealthCheckService()) {
      health->SetServingStatus(store_reachable);
    }
  };
  StoreWatch store_watch(**store, kStoreCheckInterval, [&](bool reachable) {
    std::lock_guard lock(health_mu);
    store_reachable = reachable;
    showHealth();
  });
  auto followHealth = [&](grpc::Server* running) {
    std::lock_guard lock(health_mu);
    health_of = running;
    showHealth();
  };
  grpc::ResourceQuota quota("nextstep-server");
  quota.Resize(kGrpcMemoryBytes).SetMaxThreads(kGrpcMaxThreads);
  // One gRPC server on `listen`, serving a Sync service of its own; null when it cannot listen.
  std::unique_ptr<GrpcSyncService> sync;
  int port = 0;
  auto startGrpc = [&](const std::string& listen) -> std::unique_ptr<grpc::Server> {
    sync = std::make_unique<GrpcSyncService>(parts);
    grpc::ServerBuilder builder;
    port = 0;
    builder.AddListeningPort(listen, credentials, &port);
    builder.SetMaxReceiveMessageSize(static_cast<int>(options.limits.max_message_bytes));
    builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, kMaxStreamsPerConnection);
    builder.SetResourceQuota(quota);
    builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS, kHandshakeTimeoutMs);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS,
                               options.max_connection_idle_seconds * 1000);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_MS,
                               options.max_connection_age_minutes * 60'000);
    builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_AGE_GRACE_MS, kConnectionAgeGraceMs);
    // No client of ours compresses, and an inflated message is only measured after inflating (a
    // 0.4 MB gzip bomb becomes 400 MiB): compressed calls are refused and nothing is inflated.
    builder.SetCompressionAlgorithmSupportStatus(GRPC_COMPRESS_DEFLATE, false);
    builder.SetCompressionAlgorithmSupportStatus(GRPC_COMPRESS_GZIP, false);
    builder.AddChannelArgument(GRPC_ARG_ENABLE_PER_MESSAGE_DECOMPRESSION, 0);
    builder.RegisterService(sync.get());
    std::unique_ptr<grpc::Server> built = builder.BuildAndStart();
    if (port == 0) built.reset();
    return built;
  };
  std::unique_ptr<grpc::Server> server = startGrpc(options.listen);
  if (server == nullptr) {
    writer.stop();
    logins.stop();
    feed.stop();
    return fail("cannot listen on " + options.listen);
  }
  followHealth(server.get());
  store_watch.start();
  std::printf("listening on %s:%d\n", address->host.c_str(), port);
  std::fflush(stdout);
  LogLine("listening")
      .text("address", address->host + ":" + std::to_string(port))
      .text("tls", tls ? "on" : "off")
      .text("store", describe(options.store))
      .number("file_limit", static_cast<std::int64_t>(fileLimit()))
      .info();

  // The port chosen, so that a restarted listener is found where clients were told.
  const std::string bound = address->host + ":" + std::to_string(port);
  int signal_number = 0;
  while (signal_number != SIGTERM && signal_number != SIGINT) {
    signal_number = sigtimedwait(&stop_signals, nullptr, &kWatchInterval);
    if (!g_listener_lost.exchange(false)) continue;
    // Ending every connection gives their descriptors back; the clients reconnect.
    LogLine("listener-lost").text("address", bound).warn();
    if (server != nullptr) {
      followHealth(nullptr);
      server->Shutdown(std::chrono::system_clock::now() + kRestartGrace);
      server->Wait();
      server.reset();
    }
    server = startGrpc(bound);
    if (server == nullptr) {
      g_listener_lost = true;  // still out of descriptors: try again on the next tick
      continue;
    }
    followHealth(server.get());
    LogLine("listener-restarted").text("address", bound).info();
  }
  LogLine("shutdown").text("signal", signal_number == SIGTERM ? "SIGTERM" : "SIGINT").info();

  // Stop being chosen, end the streams, refuse new calls and let the ones in flight finish:
  // queued pushes are committed and answered before the writer stops.
  store_watch.stop();
  followHealth(nullptr);
  if (server != nullptr) {
    if (auto* health = server->GetHealthCheckService()) health->SetServingStatus(false);
  }
  feed.closeAll();
  if (server != nullptr) server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
  writer.stop();
  logins.stop();
  feed.stop();
  if (server != nullptr) server->Wait();
  server.reset();
  LogLine("stopped").info();
  return 0;
}

}  // namespace nextstep::server
