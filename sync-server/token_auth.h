// Bearer tokens: 256 random bits, shown once to whoever issued them. The server keeps only a
// BLAKE2b hash, so a copy of its database lets nobody in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nextstep::server {

// libsodium's one-time set-up; false when the system offers no randomness.
bool initCrypto();

std::string newBearerToken();
// The 32-byte hash stored and looked up in place of the token.
std::string tokenHash(std::string_view token);
// The token of an "authorization: Bearer <token>" header; empty when it is not one.
std::optional<std::string_view> bearerToken(std::string_view authorization);

}  // namespace nextstep::server
