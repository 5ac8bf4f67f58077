// `nextstep-server admin --data DIR ...`: opens the store, runs one admin command, prints its
// result on stdout or one error line on stderr.
#pragma once

#include <filesystem>
#include <string>

namespace nextstep::server {

struct AdminRequest {
  enum class Command { kCreateTeam, kAddUser, kIssueToken, kRevokeTokens };
  Command command = Command::kCreateTeam;
  std::filesystem::path data_dir;
  std::string team;
  std::string email;
};

// 0 on success, 1 when the command fails.
int runAdmin(const AdminRequest& request);

}  // namespace nextstep::server
