#include "sync_commands.h"

#include <atomic>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/device_session.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/sync_client.h"
#include "nextstep/sync/sync_round.h"

namespace nextstep::cli {
namespace {

using sync::Replica;

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted = true; }

// The token this database syncs with: it changes when the database becomes a new device.
Result<std::string> storedToken(Replica& replica) {
  auto stored = replica.setting("sync_token");
  if (!stored) return stored.error();
  if (!*stored) return Error::invalid("no sign-in: run 'nextstep login' first, or give --token");
  return **stored;
}

// The device the server knew this database as when the run began: the one its token was issued
// to, else the database's own.
DeviceId knownAs(Store& store, Replica& replica) {
  DeviceId id = 0;
  auto issued = replica.setting(identity_keys::kTokenDevice);
  if (issued && *issued && parseDeviceId(**issued, id)) return id;
  return store.deviceId();
}

// Why the team sees this database as a new device since the run began, if it does.
std::optional<std::string> newDeviceReason(Store& store, DeviceId before, Replica& replica) {
  if (store.deviceId() == before) return std::nullopt;
  auto reason = replica.setting(identity_keys::kForkReason);
  return reason && *reason ? **reason : std::string("it became a new device");
}

// The server to talk to: the flag, else the one this database signed in to.
Result<sync::ServerAddress> serverAddress(Replica& replica, const ServerFlags& flags) {
  sync::ServerAddress a;
  if (flags.server) {
    a.target = *flags.server;
  } else {
    auto stored = replica.setting("sync_server");
    if (!stored) return stored.error();
    if (!*stored) return Error::invalid("no server: give --server HOST:PORT (or log in first)");
    a.target = **stored;
  }
  if (flags.ca) {
    a.ca_file = *flags.ca;
  } else if (auto ca = replica.setting("sync_ca"); ca && *ca && !flags.server) {
    a.ca_file = **ca;
  } else if (auto tls = replica.setting("sync_tls"); tls && *tls && !flags.server) {
    a.tls = **tls == "1";  // signed in from the app, with the system's certificates
  }
  return a;
}

Result<std::shared_ptr<grpc::Channel>> channelTo(const sync::ServerAddress& a,
                                                 const ServerFlags& flags) {
  return sync::openChannel(a, flags.insecure);
}

// The server speaks to us only after the handshake; a clear line for each way it can fail.
Error explain(const Error& e, const std::string& target) {
  switch (e.code) {
    case ErrorCode::kUnavailable:
      return Error{e.code,
                   "offline: cannot reach the sync server at " + target + " (" + e.message + ")"};
    case ErrorCode::kUnauthenticated:
      return Error{e.code, "signed out: the server did not accept this device's sign-in (" +
                               e.message + ")"};
    default:
      return Error{e.code, "sync server " + target + ": " + e.message};
  }
}

}  // namespace

Result<void> loginCommand(Session& session, const LoginFlags& flags) {
  if (!flags.server.server) return Error::invalid("login needs --server HOST:PORT");
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    return Error::invalid("login reads the password from standard input; none was given");
  }
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  Replica replica(**store);
  sync::ServerAddress address{*flags.server.server, flags.server.ca, false};
  auto channel = channelTo(address, flags.server);
  if (!channel) return channel.error();
  auto result = sync::login(*channel, flags.email, password, (*store)->deviceId(), "nextstep-cli");
  if (!result) return explain(result.error(), address.target);
  for (auto [key, value] :
       {std::pair<std::string_view, std::optional<std::string>>{"sync_server", address.target},
        {"sync_token", result->token},
        {identity_keys::kTokenDevice, deviceIdToHex((*store)->deviceId())},
        {"sync_email", flags.email},
        {"sync_team", result->team},
        {"sync_ca", flags.server.ca},
        {"sync_tls", std::nullopt}}) {  // the CA, or plain text on loopback, as given here
    if (auto ok = replica.setSetting(key, value); !ok) return ok.error();
  }
  session.printer().signedIn(SignIn{address.target, flags.email, result->team});
  return {};
}

Result<void> syncCommand(Session& session, const SyncFlags& flags) {
  // A new device joins the team by syncing into a new database.
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  Replica replica(**store);
  auto address = serverAddress(replica, flags.server);
  if (!address) return address.error();
  auto channel = channelTo(*address, flags.server);
  if (!channel) return channel.error();
  if (flags.token) {
    // An admin's token is bound to this device by its first handshake.
    if (auto ok = replica.setSetting("sync_token", *flags.token); !ok) return ok.error();
    if (auto ok = replica.setSetting(identity_keys::kTokenDevice, std::nullopt); !ok)
      return ok.error();
    if (auto ok = replica.setSetting("sync_server", address->target); !ok) return ok.error();
  }
  auto token = storedToken(replica);
  if (!token) return token.error();
  if (!flags.watch) {
    const DeviceId before = knownAs(**store, replica);
    sync::GrpcTransport transport(*channel, *token, std::chrono::seconds(flags.timeout_seconds));
    auto hello = sync::beginSession(replica, transport);
    if (!hello) return explain(hello.error(), address->target);
    auto round = sync::syncRound(replica, transport, *hello);
    if (!round) return explain(round.error(), address->target);
    auto pending = replica.pending();
    auto conflicts = replica.conflicts();
    auto aside = replica.setAsideCount();
    SyncRun run{address->target,
                hello->team,
                *round,
                pending ? *pending : 0,
                conflicts ? static_cast<std::int64_t>(conflicts->size()) : 0,
                aside ? *aside : 0,
                newDeviceReason(**store, before, replica)};
    session.printer().syncRound(run);
    if (run.set_aside > 0) {
      session.needsAttention(std::to_string(run.set_aside) +
                             (run.set_aside == 1 ? " change is" : " changes are") +
                             " set aside by the server: see 'nextstep set-aside'");
    }
    return {};
  }

  // --watch: live until interrupted, one line per change of state.
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  Printer& printer = session.printer();
  std::mutex printing;
  sync::SyncClient client(
      **store,
      [address = *address, &flags, &replica]() -> Result<std::unique_ptr<sync::Transport>> {
        auto current = storedToken(replica);  // a new one after the database forks
        if (!current) return current.error();
        // A new connection each session: the last one may be a stalled link that gRPC has not
        // given up on yet.
        auto fresh = channelTo(address, flags.server);
        if (!fresh) return fresh.error();
        return std::unique_ptr<sync::Transport>(
            new sync::GrpcTransport(*fresh, *current, std::chrono::seconds(flags.timeout_seconds)));
      },
      [&](const sync::SyncStatus& status) {
        std::lock_guard lock(printing);
        printer.syncStatus(status);
      });
  (*store)->setLocalChangeListener([&client] { client.syncNow(); });
  client.start();
  // Other processes (another `nextstep` command) write to the same file without telling this
  // one: look at the outbox now and then.
  std::int64_t seen = 0;
  for (int tick = 0; !g_interrupted; ++tick) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (tick % 10 != 9) continue;
    auto pending = replica.pending();
    if (pending && *pending > seen)
      client.syncNow();  // new changes; a down server keeps its back-off
    if (pending) seen = *pending;
  }
  client.stop();
  (*store)->setLocalChangeListener({});
  return {};
}

Result<void> conflictsCommand(Session& session, const ConflictFlags& flags) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto list = Replica(**store).conflicts(flags.all, 500);
  if (!list) return list.error();
  session.printer().conflicts(*list);
  return {};
}

Result<void> conflictRestoreCommand(Session& session, const ConflictFlags& flags) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (auto ok = Replica(**store).restoreConflict(flags.id); !ok) return ok.error();
  session.printer().changed(Change{"conflict", flags.id, "restored",
                                   "Restored the value that lost; it syncs as a new change."});
  return {};
}

Result<void> conflictDismissCommand(Session& session, const ConflictFlags& flags) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (auto ok = Replica(**store).dismissConflict(flags.id); !ok) return ok.error();
  session.printer().changed(
      Change{"conflict", flags.id, "dismissed",
             "Kept the value that won; it syncs as a new change, and the other devices close "
             "this conflict when they sync."});
  return {};
}

Result<void> setAsideCommand(Session& session, const SetAsideFlags&) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto list = Replica(**store).setAside(500);
  if (!list) return list.error();
  session.printer().setAside(*list);
  return {};
}

Result<void> setAsideResendCommand(Session& session, const SetAsideFlags& flags) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (auto ok = Replica(**store).resendSetAside(flags.id); !ok) return ok.error();
  session.printer().changed(Change{"set-aside change", std::to_string(flags.id), "resent",
                                   "Sent again as a new change at the next sync."});
  return {};
}

Result<void> setAsideDropCommand(Session& session, const SetAsideFlags& flags) {
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  if (auto ok = Replica(**store).dropSetAside(flags.id); !ok) return ok.error();
  session.printer().changed(Change{"set-aside change", std::to_string(flags.id), "dropped",
                                   "Forgotten; the next sync reads the team's log again, so the "
                                   "record takes the team's value."});
  return {};
}

}  // namespace nextstep::cli
