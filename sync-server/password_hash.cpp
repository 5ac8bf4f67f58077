#include "password_hash.h"

#include <sodium.h>

#include <mutex>

namespace nextstep::server {

Result<std::string> hashPassword(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return Error::invalid("the password must have at least " + std::to_string(kMinPasswordBytes) +
                          " characters");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::invalid("the password must have at most " + std::to_string(kMaxPasswordBytes) +
                          " characters");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error{ErrorCode::kInternal, "not enough memory to hash the password"};
  }
  return std::string(out);
}

bool verifyPassword(const std::string& hash, std::string_view password) {
  if (password.size() > kMaxPasswordBytes) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verifyNobody(std::string_view password) {
  static std::once_flag once;
  static std::string dummy;
  std::call_once(once, [] {
    auto h = hashPassword("no user has this password");
    dummy = h ? *h : std::string();
  });
  if (!dummy.empty()) verifyPassword(dummy, password);
}

}  // namespace nextstep::server
