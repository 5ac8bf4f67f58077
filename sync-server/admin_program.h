// `nextstep-server admin --data DIR | --store URL ...`: opens the store, runs one admin command,
// prints its result on stdout or one error line on stderr.
#pragma once

#include <filesystem>
#include <string>

#include "store_choice.h"

namespace nextstep::server {

struct AdminRequest {
  enum class Command { kCreateTeam, kAddUser, kIssueToken, kRevokeTokens };
  Command command = Command::kCreateTeam;
  StoreChoice store;
  std::string team;
  std::string email;
};

// 0 on success, 1 when the command fails.
int runAdmin(const AdminRequest& request);

// `nextstep-server migrate-store --from DIR --to URL`: the rows moved and the digest on stdout;
// 0 on success, 1 (one line on stderr) when it refuses or fails, leaving the target untouched.
int runMigrateStore(const std::filesystem::path& from_dir, const std::string& to_url);

}  // namespace nextstep::server
