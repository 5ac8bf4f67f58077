#include "admin_program.h"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "admin_commands.h"
#include "nextstep/model/stamp.h"
#include "store_migration.h"
#include "token_auth.h"

namespace nextstep::server {
namespace {

// One line from stdin, without echo when a person types it.
std::string readPassword() {
  const bool terminal = isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::fprintf(stderr, "password: ");
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

int runAdmin(const AdminRequest& request) {
  if (!initCrypto()) {
    std::fprintf(stderr, "nextstep-server: libsodium cannot start\n");
    return 1;
  }
  auto store = openServerStore(request.store);
  if (!store) {
    std::fprintf(stderr, "nextstep-server: cannot open %s: %s\n", describe(request.store).c_str(),
                 store.error().message.c_str());
    return 1;
  }
  ServerStore& s = **store;
  const std::int64_t now = HybridClock::systemWallClock()();
  Result<std::string> result = Error::invalid("no command");
  switch (request.command) {
    case AdminRequest::Command::kCreateTeam:
      result = adminCreateTeam(s, request.team, now);
      break;
    case AdminRequest::Command::kAddUser:
      result = adminAddUser(s, request.team, request.email, readPassword(), now);
      break;
    case AdminRequest::Command::kIssueToken:
      result = adminIssueToken(s, request.team, request.email, now);
      break;
    case AdminRequest::Command::kRevokeTokens:
      result = adminRevokeTokens(s, request.email);
      break;
  }
  if (!result) {
    std::fprintf(stderr, "nextstep-server: %s\n", result.error().message.c_str());
    return 1;
  }
  std::printf("%s\n", result->c_str());
  return 0;
}

int runMigrateStore(const std::filesystem::path& from_dir, const std::string& to_url) {
  if (!initCrypto()) {
    std::fprintf(stderr, "nextstep-server: libsodium cannot start\n");
    return 1;
  }
  const StoreChoice to{{}, to_url};
  auto moved = migrateStore(from_dir, to_url);
  if (!moved) {
    std::fprintf(stderr, "nextstep-server: cannot move the store in %s to %s: %s\n",
                 from_dir.c_str(), describe(to).c_str(), moved.error().message.c_str());
    return 1;
  }
  std::printf("moved the store in %s to %s\n", from_dir.c_str(), describe(to).c_str());
  for (const auto& [table, rows] : moved->rows) {
    std::printf("%-10s %lld rows\n", table.c_str(), static_cast<long long>(rows));
  }
  std::printf("digest     %s (log and merged state, the same on both)\n", moved->digest.c_str());
  return 0;
}

}  // namespace nextstep::server
