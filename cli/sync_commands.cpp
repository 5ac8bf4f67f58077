#include "sync_commands.h"

#include <atomic>
#include <csignal>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "change_output.h"
#include "command_tree.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/conflict_archive.h"
#include "nextstep/sync/device_session.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/set_aside.h"
#include "nextstep/sync/sync_account.h"
#include "nextstep/sync/sync_client.h"
#include "nextstep/sync/sync_round.h"
#include "session.h"
#include "sync_output.h"

namespace nextstep::cli {
namespace {

struct ServerFlags {
  // HOST:PORT, or several replicas as HOST:PORT,HOST:PORT; default: the one(s) signed in to
  std::optional<std::string> server;
  std::optional<std::string> ca;  // PEM file: TLS against it
  bool insecure = false;          // plain text to a server that is not on this machine
};

struct LoginFlags {
  ServerFlags server;
  std::string email;
};

struct SyncFlags {
  ServerFlags server;
  std::optional<std::string> token;
  bool watch = false;
  int timeout_seconds = 30;  // a call not answered within this fails: a stalled link, not a hang
};

struct ConflictFlags {
  bool all = false;  // also the restored and dismissed ones
  std::string id;
};

struct SetAsideFlags {
  std::int64_t id = 0;
};

// The password comes from standard input (its first line), never from the command line.
Result<void> loginCommand(Session& session, const LoginFlags& flags);
Result<void> syncCommand(Session& session, const SyncFlags& flags);
Result<void> conflictsCommand(Session& session, const ConflictFlags& flags);
Result<void> conflictRestoreCommand(Session& session, const ConflictFlags& flags);
Result<void> conflictDismissCommand(Session& session, const ConflictFlags& flags);
// Changes the server set aside: listed, sent again, or dropped.
Result<void> setAsideCommand(Session& session, const SetAsideFlags& flags);
Result<void> setAsideResendCommand(Session& session, const SetAsideFlags& flags);
Result<void> setAsideDropCommand(Session& session, const SetAsideFlags& flags);

using sync::Replica;

std::atomic<bool> g_interrupted{false};
extern "C" void onInterrupt(int) { g_interrupted = true; }

// The token this database syncs with: it changes when the database becomes a new device.
Result<std::string> storedToken(Replica& replica) {
  NEXTSTEP_TRY(auto stored, sync::SyncAccount(replica.store()).token());
  if (!stored) return Error::invalid("no sign-in: run 'nextstep login' first, or give --token");
  return *stored;
}

// The device the server knew this database as when the run began: the one its token was issued
// to, else the database's own.
DeviceId knownAs(Store& store) {
  auto issued = sync::SyncAccount(store).tokenDevice();
  return issued ? *issued : store.deviceId();
}

// Why the team sees this database as a new device since the run began, if it does.
std::optional<std::string> newDeviceReason(Store& store, DeviceId before) {
  if (store.deviceId() == before) return std::nullopt;
  auto reason = store.read(lastForkReason);
  return reason && *reason ? **reason : std::string("it became a new device");
}

// The server to talk to: the flag, else the one this database signed in to.
Result<sync::ServerAddress> serverAddress(Store& store, const ServerFlags& flags) {
  NEXTSTEP_TRY(auto account, sync::SyncAccount(store).read());
  sync::ServerAddress a;
  if (flags.server) {
    a.target = *flags.server;
  } else {
    if (!account.server) {
      return Error::invalid("no server: give --server HOST:PORT (or log in first)");
    }
    a.target = *account.server;
  }
  if (flags.ca) {
    a.ca_file = *flags.ca;
  } else if (account.ca_file && !flags.server) {
    a.ca_file = *account.ca_file;
  } else if (account.tls && !flags.server) {
    a.tls = *account.tls;  // signed in from the app, with the system's certificates
  }
  return a;
}

Result<sync::Channels> channelsTo(const sync::ServerAddress& a, const ServerFlags& flags) {
  return sync::openChannels(a, flags.insecure);
}

// The server speaks to us only after the handshake; a clear line for each way it can fail.
Error explain(const Error& e, const std::string& target) {
  switch (e.code) {
    case ErrorCode::kUnavailable:
      return Error{e.code,
                   std::string("offline: cannot reach ") +
                       (target.find(',') == std::string::npos ? "the sync server at "
                                                              : "any of the sync servers at ") +
                       target + " (" + e.message + ")"};
    case ErrorCode::kUnauthenticated:
      return Error{e.code, "signed out: the server did not accept this device's sign-in (" +
                               e.message + ")"};
    default:
      return Error{e.code, "sync server " + target + ": " + e.message};
  }
}

Result<void> loginCommand(Session& session, const LoginFlags& flags) {
  if (!flags.server.server) return Error::invalid("login needs --server HOST:PORT");
  std::string password;
  if (!std::getline(std::cin, password) || password.empty()) {
    return Error::invalid("login reads the password from standard input; none was given");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  sync::ServerAddress address{*flags.server.server, flags.server.ca, false};
  NEXTSTEP_TRY(auto channels, channelsTo(address, flags.server));
  auto result = sync::login(channels, flags.email, password, store->deviceId(), "nextstep-cli");
  if (!result) return explain(result.error(), address.target);
  // The CA, or plain text on loopback, as given here: no TLS choice of the app's.
  NEXTSTEP_CHECK(sync::SyncAccount(*store).update([&](sync::AccountFields& a) {
    a = sync::AccountFields{.server = address.target,
                            .email = flags.email,
                            .token = result->token,
                            .team = result->team,
                            .ca_file = flags.server.ca,
                            .token_device = store->deviceId()};
  }));
  emit(session, SignIn{address.target, flags.email, result->team});
  return {};
}

Result<void> syncCommand(Session& session, const SyncFlags& flags) {
  // A new device joins the team by syncing into a new database.
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  Replica replica(*store);
  NEXTSTEP_TRY(auto address, serverAddress(*store, flags.server));
  NEXTSTEP_TRY(auto channels, channelsTo(address, flags.server));
  if (flags.token) {
    // An admin's token is bound to this device by its first handshake.
    NEXTSTEP_CHECK(sync::SyncAccount(*store).update([&](sync::AccountFields& a) {
      a.token = *flags.token;
      a.token_device.reset();
      a.server = address.target;
    }));
  }
  NEXTSTEP_TRY(auto token, storedToken(replica));
  if (!flags.watch) {
    const DeviceId before = knownAs(*store);
    sync::GrpcTransport transport(channels, token, std::chrono::seconds(flags.timeout_seconds));
    auto hello = sync::beginSession(replica, transport);
    if (!hello) return explain(hello.error(), address.target);
    auto round = sync::syncRound(replica, transport, *hello);
    if (!round) return explain(round.error(), address.target);
    auto pending = replica.outbox().pending();
    auto conflicts = sync::ConflictArchive(*store).list();
    auto aside = sync::SetAsideChanges(*store).count();
    SyncRun run{address.target,
                hello->team,
                *round,
                pending ? *pending : 0,
                conflicts ? static_cast<std::int64_t>(conflicts->size()) : 0,
                aside ? *aside : 0,
                newDeviceReason(*store, before)};
    emit(session, run);
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
  std::mutex printing;
  auto preferred = std::make_shared<sync::PreferredServer>();
  sync::SyncClient client(
      *store,
      [address, &flags, &replica, preferred]() -> Result<std::unique_ptr<sync::Transport>> {
        // A new token after the database forks.
        NEXTSTEP_TRY(auto current, storedToken(replica));
        // A new connection each session: the last one may be a stalled link that gRPC has not
        // given up on yet.
        NEXTSTEP_TRY(auto fresh, channelsTo(address, flags.server));
        return std::unique_ptr<sync::Transport>(new sync::GrpcTransport(
            fresh, current, std::chrono::seconds(flags.timeout_seconds), preferred));
      },
      [&](const sync::SyncStatus& status) {
        std::lock_guard lock(printing);
        emit(session, SyncStatusLine{status});
      });
  store->setLocalChangeListener([&client] { client.syncNow(); });
  client.start();
  // Other processes (another `nextstep` command) write to the same file without telling this
  // one: look at the outbox now and then.
  std::int64_t seen = 0;
  for (int tick = 0; !g_interrupted; ++tick) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (tick % 10 != 9) continue;
    auto pending = replica.outbox().pending();
    if (pending && *pending > seen)
      client.syncNow();  // new changes; a down server keeps its back-off
    if (pending) seen = *pending;
  }
  client.stop();
  store->setLocalChangeListener({});
  return {};
}

Result<void> conflictsCommand(Session& session, const ConflictFlags& flags) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto list, sync::ConflictArchive(*store).list(flags.all, 500));
  emit(session, ConflictList{list});
  return {};
}

Result<void> conflictRestoreCommand(Session& session, const ConflictFlags& flags) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_CHECK(sync::ConflictArchive(*store).restore(flags.id));
  emit(session, Change{"conflict", flags.id, "restored",
                       "Restored the value that lost; it syncs as a new change."});
  return {};
}

Result<void> conflictDismissCommand(Session& session, const ConflictFlags& flags) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_CHECK(sync::ConflictArchive(*store).dismiss(flags.id));
  emit(session,
       Change{"conflict", flags.id, "dismissed",
              "Kept the value that won; it syncs as a new change, and the other devices close "
              "this conflict when they sync."});
  return {};
}

Result<void> setAsideCommand(Session& session, const SetAsideFlags&) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto list, sync::SetAsideChanges(*store).list(500));
  emit(session, SetAsideList{list});
  return {};
}

Result<void> setAsideResendCommand(Session& session, const SetAsideFlags& flags) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_CHECK(sync::SetAsideChanges(*store).resend(flags.id));
  emit(session, Change{"set-aside change", std::to_string(flags.id), "resent",
                       "Sent again as a new change at the next sync."});
  return {};
}

Result<void> setAsideDropCommand(Session& session, const SetAsideFlags& flags) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_CHECK(sync::SetAsideChanges(*store).drop(flags.id));
  emit(session, Change{"set-aside change", std::to_string(flags.id), "dropped",
                       "Forgotten; the next sync reads the team's log again, so the "
                       "record takes the team's value."});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct SyncCommandFlags {
  LoginFlags login;
  SyncFlags sync;
  ConflictFlags conflict;
  SetAsideFlags set_aside;
};

void addServerFlags(CLI::App* cmd, ServerFlags& f) {
  flag(cmd, "--server", f.server,
       "The sync server; replicas as HOST:PORT,HOST:PORT, tried in turn (default: the one "
       "signed in to)",
       "HOST:PORT");
  flag(cmd, "--ca", f.ca, "The server's CA certificate: use TLS", "FILE");
  cmd->add_flag("--insecure", f.insecure,
                "Allow plain text to a server that is not on this machine");
}

}  // namespace

void registerSyncCommands(CommandTree& tree) {
  SyncCommandFlags& f = tree.keep<SyncCommandFlags>();
  CLI::App* login =
      tree.leaf("login", "Sign this device in to the team's sync server (password on stdin)",
                [&f](Session& s) { return loginCommand(s, f.login); });
  addServerFlags(login, f.login.server);
  flag(login, "--email", f.login.email, "Your email at the team's server", "EMAIL")->required();

  CLI::App* sync = tree.leaf("sync", "Push local changes and pull the team's; --watch stays live",
                             [&f](Session& s) { return syncCommand(s, f.sync); });
  addServerFlags(sync, f.sync.server);
  flag(sync, "--token", f.sync.token, "A bearer token from the server's admin (kept for next time)",
       "TOKEN");
  sync->add_flag("--watch", f.sync.watch, "Stay connected and sync live until interrupted");
  flag(sync, "--timeout", f.sync.timeout_seconds,
       "Give up on a call the server has not answered within this many seconds (default 30)",
       "SECONDS")
      ->check(CLI::Range(1, 3600));

  CLI::App* conflicts =
      tree.app().add_subcommand("conflicts", "Values that lost a merge, and what won");
  conflicts->callback([&f, &tree, conflicts] {
    if (conflicts->get_subcommands().empty())
      tree.choose([&f](Session& s) { return conflictsCommand(s, f.conflict); });
  });
  conflicts->add_flag(
      "--all", f.conflict.all,
      "Also those closed: restored, kept (dismissed) or superseded by a later edit");
  CLI::App* restore =
      tree.leaf(conflicts, "restore", "Write the lost value back (it syncs as a new change)",
                [&f](Session& s) { return conflictRestoreCommand(s, f.conflict); });
  flag(restore, "id", f.conflict.id, "Conflict id", "ID")->required();
  CLI::App* dismiss = tree.leaf(conflicts, "dismiss", "Keep the value that won",
                                [&f](Session& s) { return conflictDismissCommand(s, f.conflict); });
  flag(dismiss, "id", f.conflict.id, "Conflict id", "ID")->required();

  CLI::App* aside = tree.app().add_subcommand(
      "set-aside", "Changes the sync server refused, kept on this device");
  aside->callback([&f, &tree, aside] {
    if (aside->get_subcommands().empty())
      tree.choose([&f](Session& s) { return setAsideCommand(s, f.set_aside); });
  });
  CLI::App* resend = tree.leaf(aside, "resend", "Send a set-aside change again, as a new change",
                               [&f](Session& s) { return setAsideResendCommand(s, f.set_aside); });
  flag(resend, "id", f.set_aside.id, "The change's number (from 'nextstep set-aside')", "N")
      ->required();
  CLI::App* drop =
      tree.leaf(aside, "drop", "Forget a set-aside change; the record takes the team's value again",
                [&f](Session& s) { return setAsideDropCommand(s, f.set_aside); });
  flag(drop, "id", f.set_aside.id, "The change's number (from 'nextstep set-aside')", "N")
      ->required();
}

}  // namespace nextstep::cli
