// The sign-in this database syncs with: kept in the database (local_meta, never synced), so the
// app and the CLI beside it share one. Typed here, in the one place that knows its keys.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "nextstep/model/stamp.h"
#include "nextstep/storage/store.h"

namespace nextstep::sync {

struct AccountFields {
  std::optional<std::string> server;  // HOST:PORT, or several, comma-separated
  std::optional<std::string> email;
  std::optional<std::string> token;  // absent: signed out
  std::optional<std::string> team;
  std::optional<std::string> ca_file;
  // Whether to use TLS with the system's certificates (the app's choice); absent: decided by the
  // address, as the CLI does.
  std::optional<bool> tls;
  // The identity the token was issued to: after a fork it is the former one until the server
  // gives the new identity a token of its own; absent until a handshake binds it.
  std::optional<DeviceId> token_device;
};

class SyncAccount {
 public:
  explicit SyncAccount(Store& store) : store_(store) {}

  Result<AccountFields> read();
  // Reads, lets `change` edit, and writes back what changed, in one transaction.
  Result<void> update(const std::function<void(AccountFields&)>& change);
  Result<std::optional<std::string>> token();
  // The device the server knows the token's holder as: the one it was issued to, else this
  // database's own identity.
  Result<DeviceId> tokenDevice();

 private:
  Store& store_;
};

}  // namespace nextstep::sync
