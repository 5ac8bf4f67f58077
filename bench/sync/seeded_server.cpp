#include "seeded_server.h"

#include <chrono>
#include <fstream>
#include <memory>
#include <stdexcept>

#include "bench_now.h"
#include "child_process.h"
#include "nextstep/sync/wire.h"
#include "sqlite_server_store.h"
#include "sync_service.h"
#include "team_snapshots.h"
#include "token_auth.h"
#include "workload_records.h"

namespace nextstep::bench {
namespace {

namespace fs = std::filesystem;
namespace pb = ::nextstep::sync::v1;

constexpr DeviceId kSeedDevice = 0x5EED000000000001;

template <typename T>
T orThrow(Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(r).value();
}

}  // namespace

std::vector<std::string> storeArgs(const server::StoreChoice& store) {
  if (!store.url.empty()) return {"--store", store.url};
  return {"--data", store.data_dir.string()};
}

namespace {

std::string tokenFor(server::ServerStore& store, const std::string& team,
                     const std::string& email) {
  const auto user =
      orThrow(store.addUser(team, email, "not-a-password-hash", kNowMillis), "add a user");
  const std::string token = server::newBearerToken();
  orThrow(store.addToken(user, server::tokenHash(token), kNowMillis), "add a token");
  return token;
}

std::unique_ptr<server::ServerStore> openStore(const server::StoreChoice& choice) {
  server::initCrypto();
  return orThrow(server::openServerStore(choice), "open the server store");
}

}  // namespace

std::string issueToken(const server::StoreChoice& choice, const std::string& team,
                       const std::string& email) {
  return tokenFor(*openStore(choice), team, email);
}

std::vector<std::string> freshTeamTokens(const server::StoreChoice& store, const std::string& team,
                                         const std::string& member, int members) {
  if (store.url.empty()) fs::remove_all(store.data_dir);
  return addTeamTokens(store, team, member, members);
}

std::vector<std::string> addTeamTokens(const server::StoreChoice& store, const std::string& team,
                                       const std::string& member, int members) {
  std::vector<std::string> args = {"admin"};
  for (const std::string& a : storeArgs(store)) args.push_back(a);
  args.insert(args.end(), {"create-team", team});
  const testing::ProgramRun r = testing::runProgram(NEXTSTEP_SERVER_BINARY, args);
  if (r.exit_code != 0) throw std::runtime_error(r.err);
  // One open store for all of them (a PostgreSQL store opened per token was 200 connections).
  const auto opened = openStore(store);
  std::vector<std::string> tokens;
  for (int i = 0; i < members; ++i)
    tokens.push_back(tokenFor(*opened, team, member + std::to_string(i) + "@bench.example"));
  return tokens;
}

double ensureTeamSnapshot(const SeededServer& seeded) {
  const auto store = openStore({seeded.data_dir, ""});
  const auto team = orThrow(store->findTeam(seeded.team), "find the team");
  if (!team) throw std::runtime_error("the seeded store has no team " + seeded.team);
  const auto start = std::chrono::steady_clock::now();
  // The server's default folder for them, where a server on this data folder finds them.
  server::TeamSnapshots snapshots(*store, seeded.data_dir / "snapshots", {});
  const auto head = orThrow(store->head(team->id), "read the team's head");
  const auto built = orThrow(snapshots.build(team->id), "build the team's snapshot");
  if (!built || built->version != head) throw std::runtime_error("the snapshot is not current");
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double migrateSeededServer(const SeededServer& seeded, const std::string& url) {
  const auto start = std::chrono::steady_clock::now();
  const testing::ProgramRun r = testing::runProgram(
      NEXTSTEP_SERVER_BINARY, {"migrate-store", "--from", seeded.data_dir.string(), "--to", url});
  if (r.exit_code != 0) throw std::runtime_error("migrate-store failed: " + r.err + r.out);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

SeededServer ensureSeededServer(const WorkloadFiles& files) {
  SeededServer s;
  s.data_dir = files.dir() / ("server-" + std::to_string(files.deals()));
  const fs::path done = s.data_dir / "seeded.txt";
  if (fs::exists(done)) {
    std::ifstream(done) >> s.operations;
    return s;
  }
  fs::remove_all(s.data_dir);
  files.generateIfMissing();
  const Workload w = readWorkload(files.jsonl());
  const auto start = std::chrono::steady_clock::now();
  server::initCrypto();
  auto store =
      orThrow(server::SqliteServerStore::openDirectory(s.data_dir), "open the server store");
  orThrow(store->createTeam(s.team, kNowMillis), "create the team");
  server::SyncService service(*store, server::SyncLimits{}, [] { return kNowMillis; });
  const auto user =
      orThrow(store->addUser(s.team, "seed@bench.example", "x", kNowMillis), "add the seed user");
  const std::string token = server::newBearerToken();
  orThrow(store->addToken(user, server::tokenHash(token), kNowMillis), "add the seed token");
  auto caller = service.authenticate(token);
  if (!caller) throw std::runtime_error("authenticate: " + caller.error().message);
  pb::HandshakeRequest hello;
  hello.set_protocol_version(1);
  hello.set_schema_version(1);
  hello.set_device_id(kSeedDevice);
  if (auto h = service.handshake(*caller, hello); !h)
    throw std::runtime_error("handshake: " + h.error().message);

  // The team's devices wrote these over the day before now, one op per millisecond.
  std::uint64_t seq = 0;
  Stamp last;
  pb::PushRequest push;
  auto flush = [&] {
    if (push.operations_size() == 0) return;
    auto r = service.push(*caller, push);
    if (!r) throw std::runtime_error("seeding push: " + r.error().message);
    push.Clear();
  };
  auto add = [&](Op op) {
    op.seq = static_cast<std::int64_t>(++seq);
    op.stamp =
        Stamp{packHlc(kNowMillis - 86'400'000 + static_cast<std::int64_t>(seq), 0), kSeedDevice};
    last = op.stamp;
    sync::toWire(op, *push.add_operations());
    if (push.operations_size() == 1000) flush();
  };
  visitWorkload(w, kNowUnix,
                {[&](RecordType type, const std::string& id, const Fields& fields) {
                   Op op;
                   op.type = type;
                   op.record_id = id;
                   op.kind = OpKind::kCreate;
                   op.value = Value(encodeFields(specOf(type), fields));
                   add(std::move(op));
                 },
                 [&](const std::string& meeting, const std::string& contact) {
                   Op op;
                   op.type = RecordType::kMeeting;
                   op.record_id = meeting;
                   op.kind = OpKind::kAdd;
                   op.key = "attendees";
                   op.value = Value(contact);
                   add(std::move(op));
                 }});
  flush();
  s.operations = seq;
  s.seed_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  store.reset();
  std::ofstream(done) << s.operations << "\n";
  return s;
}

}  // namespace nextstep::bench
