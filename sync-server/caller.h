// Who is calling: everything the server derives from a bearer token, never from a message.
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/stamp.h"
#include "server_store.h"

namespace nextstep::server {

struct Caller {
  TeamId team_id = 0;
  std::string team_name;
  UserId user_id = 0;
  std::string email;
  TokenId token_id = 0;
  std::int64_t token_issued_ms = 0;  // the token's age decides its rotation and expiry
  std::optional<DeviceId> device;    // set once a handshake has bound the token
};

}  // namespace nextstep::server
