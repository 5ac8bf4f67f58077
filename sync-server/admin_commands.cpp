#include "admin_commands.h"

#include "nextstep/model/result_try.h"
#include "password_hash.h"
#include "token_auth.h"

namespace nextstep::server {
namespace {

constexpr std::size_t kMaxTeamNameBytes = 64;
constexpr std::size_t kMaxEmailBytes = 254;

bool hasControl(std::string_view s) {
  for (const unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

Result<void> checkTeamName(std::string_view name) {
  if (name.empty() || name.size() > kMaxTeamNameBytes || hasControl(name) || name.front() == ' ' ||
      name.back() == ' ') {
    return Error::invalid("a team name has 1 to 64 printable characters and no surrounding spaces");
  }
  return {};
}

Result<void> checkEmail(std::string_view email) {
  const std::size_t at = email.find('@');
  if (email.size() > kMaxEmailBytes || hasControl(email) ||
      email.find(' ') != std::string_view::npos || at == std::string_view::npos || at == 0 ||
      at + 1 == email.size() || email.find('@', at + 1) != std::string_view::npos) {
    return Error::invalid("'" + std::string(email) + "' is not an email address");
  }
  return {};
}

}  // namespace

Result<std::string> adminCreateTeam(ServerStore& store, std::string_view name,
                                    std::int64_t now_ms) {
  NEXTSTEP_CHECK(checkTeamName(name));
  NEXTSTEP_CHECK(store.createTeam(name, now_ms));
  return "created team " + std::string(name);
}

Result<std::string> adminAddUser(ServerStore& store, std::string_view team, std::string_view email,
                                 std::string_view password, std::int64_t now_ms) {
  NEXTSTEP_CHECK(checkEmail(email));
  NEXTSTEP_TRY(auto found, store.findTeam(team));
  if (!found) return Error::notFound("no team '" + std::string(team) + "'");
  NEXTSTEP_TRY(auto hash, hashPassword(password));
  NEXTSTEP_CHECK(store.addUser(team, email, hash, now_ms));
  return "added " + std::string(email) + " to team " + std::string(team);
}

Result<std::string> adminIssueToken(ServerStore& store, std::string_view team,
                                    std::string_view email, std::int64_t now_ms) {
  NEXTSTEP_TRY(auto user, store.findUser(email));
  if (!user) return Error::notFound("no user with the email " + std::string(email));
  if (user->team_name != team) {
    return Error::invalid(std::string(email) + " is not in team '" + std::string(team) + "'");
  }
  std::string token = newBearerToken();
  NEXTSTEP_CHECK(store.addToken(user->id, tokenHash(token), now_ms));
  return token;
}

Result<std::string> adminRevokeTokens(ServerStore& store, std::string_view email) {
  NEXTSTEP_TRY(auto n, store.revokeTokens(email));
  return "revoked " + std::to_string(n) + (n == 1 ? " token of " : " tokens of ") +
         std::string(email);
}

}  // namespace nextstep::server
