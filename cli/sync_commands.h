// login, sync, conflicts: this device and the team's sync server.
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct ServerFlags {
  std::optional<std::string> server;  // HOST:PORT; default: the one signed in to
  std::optional<std::string> ca;      // PEM file: TLS against it
  bool insecure = false;              // plain text to a server that is not on this machine
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

}  // namespace nextstep::cli
