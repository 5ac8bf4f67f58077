#include "store_choice.h"

#include "postgres_server_store.h"
#include "sqlite_server_store.h"

namespace nextstep::server {

bool isStoreUrl(const std::string& text) { return isPostgresUrl(text); }

Result<StoreChoice> chooseStore(const std::string& data_dir, const std::string& url) {
  if (data_dir.empty() == url.empty()) {
    return Error::invalid(
        std::string("give --data DIR or --store postgresql://USER@HOST:PORT/DB, ") +
        (url.empty() ? "not neither" : "not both"));
  }
  if (!url.empty() && !isPostgresUrl(url)) {
    return Error::invalid("--store '" + url + "' is not a postgresql://USER@HOST:PORT/DB URL");
  }
  return StoreChoice{data_dir, url};
}

Result<std::unique_ptr<ServerStore>> openServerStore(const StoreChoice& choice) {
  if (!choice.url.empty()) {
    auto pg = PostgresServerStore::open(choice.url);
    if (!pg) return pg.error();
    return std::unique_ptr<ServerStore>(std::move(*pg));
  }
  auto sqlite = SqliteServerStore::openDirectory(choice.data_dir);
  if (!sqlite) return sqlite.error();
  return std::unique_ptr<ServerStore>(std::move(*sqlite));
}

std::string describe(const StoreChoice& choice) {
  if (choice.url.empty()) return "the store in " + choice.data_dir.string();
  std::string shown = choice.url;
  // postgresql://user:secret@host/db: the password stays out of logs and messages.
  const auto scheme = shown.find("://");
  const auto at = shown.find('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    const auto colon = shown.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) shown.replace(colon + 1, at - colon - 1, "***");
  }
  return "the PostgreSQL store at " + shown;
}

}  // namespace nextstep::server
