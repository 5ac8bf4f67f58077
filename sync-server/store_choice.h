// Which store a nextstep-server process runs on: PostgreSQL when --store names a database,
// otherwise the embedded SQLite file in --data, as before.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "server_store.h"

namespace nextstep::server {

struct StoreChoice {
  std::filesystem::path data_dir;  // the embedded store's folder
  std::string url;                 // postgresql://USER@HOST:PORT/DB; empty for the embedded one
};

// From --data and --store: exactly one of them, and --store a postgresql:// URL.
// Whether --store's text names a PostgreSQL database (postgresql:// or postgres://).
bool isStoreUrl(const std::string& text);
Result<StoreChoice> chooseStore(const std::string& data_dir, const std::string& url);
Result<std::unique_ptr<ServerStore>> openServerStore(const StoreChoice& choice);
// "the store in DIR" or "the PostgreSQL store at URL" (without a password), for messages.
std::string describe(const StoreChoice& choice);

}  // namespace nextstep::server
