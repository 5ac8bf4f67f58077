// Passwords as Argon2id hashes (libsodium, interactive limits): slow and memory-hard on purpose,
// so verifying one takes tens of milliseconds and 64 MiB.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"

namespace nextstep::server {

inline constexpr std::size_t kMinPasswordBytes = 8;
// Longer passwords are refused before hashing: nobody types them, and they cost time.
inline constexpr std::size_t kMaxPasswordBytes = 1024;

Result<std::string> hashPassword(std::string_view password);
bool verifyPassword(const std::string& hash, std::string_view password);
// The same work as a real verification, for an unknown email: the answer's timing must not tell
// which emails exist.
void verifyNobody(std::string_view password);

}  // namespace nextstep::server
