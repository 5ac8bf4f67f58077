// The administrator's commands as functions over a store: `nextstep-server admin ...` and the
// tests run the same code. Each returns the line to print, or an error to show.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"
#include "server_store.h"

namespace nextstep::server {

Result<std::string> adminCreateTeam(ServerStore& store, std::string_view name, std::int64_t now_ms);
// Stores the password as an Argon2id hash; at least kMinPasswordBytes long.
Result<std::string> adminAddUser(ServerStore& store, std::string_view team, std::string_view email,
                                 std::string_view password, std::int64_t now_ms);
// A new bearer token for the user (returned once, stored as its hash only).
Result<std::string> adminIssueToken(ServerStore& store, std::string_view team,
                                    std::string_view email, std::int64_t now_ms);
Result<std::string> adminRevokeTokens(ServerStore& store, std::string_view email);

}  // namespace nextstep::server
