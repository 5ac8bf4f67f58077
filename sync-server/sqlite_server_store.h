// The embedded default backend: one SQLite file, no set-up. Every SQL statement of the server
// lives in sqlite_server_store.cpp.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "nextstep/storage/database.h"
#include "nextstep/storage/wal_checkpointer.h"
#include "server_store.h"

namespace nextstep::server {

struct SqliteStoreOptions {
  // synchronous=FULL: an acknowledged push survives a power cut. Off only for simulations that
  // never lose power and want speed.
  bool durable = true;
  int readers = 4;  // connections for concurrent reads next to the one writer
  // The SQLite VFS of every connection, by its registered name; empty for the platform's own.
  // Tests name one that fails writes like a full disk.
  std::string vfs;
};

class SqliteServerStore final : public ServerStore {
 public:
  static constexpr const char* kFileName = "nextstep-server.db";

  // Opens DIR/nextstep-server.db, creating the folder and the database on first use.
  static Result<std::unique_ptr<SqliteServerStore>> openDirectory(const std::filesystem::path& dir,
                                                                  SqliteStoreOptions options = {});
  static Result<std::unique_ptr<SqliteServerStore>> open(const std::filesystem::path& file,
                                                         SqliteStoreOptions options = {});
  ~SqliteServerStore() override;

  Result<TeamId> createTeam(std::string_view name, std::int64_t now_ms) override;
  Result<UserId> addUser(std::string_view team, std::string_view email,
                         std::string_view password_hash, std::int64_t now_ms) override;
  Result<TokenId> addToken(UserId user, std::string_view token_hash, std::int64_t now_ms) override;
  Result<int> revokeTokens(std::string_view email) override;
  Result<std::optional<TeamRecord>> findTeam(std::string_view name) override;
  Result<std::optional<UserRecord>> findUser(std::string_view email) override;
  Result<std::optional<TokenRecord>> findToken(std::string_view token_hash) override;
  Result<bool> tokenActive(TokenId token) override;
  Result<std::uint64_t> deviceLastSeq(DeviceId device) override;

  Result<DeviceBinding> bindDevice(TokenId token, UserId user, DeviceId device,
                                   std::int64_t now_ms) override;
  Result<DeviceBinding> addDeviceToken(UserId user, DeviceId device, std::string_view token_hash,
                                       std::int64_t now_ms) override;
  Result<DeviceBinding> renewToken(TokenId old_token, UserId user, std::string_view new_token_hash,
                                   std::int64_t now_ms) override;

  Result<void> ping() override;
  Result<std::uint64_t> head(TeamId team) override;
  Result<LogPage> readLog(TeamId team, std::uint64_t after_version, std::size_t limit) override;
  Result<void> writePushes(const std::function<void(PushTransaction&)>& work) override;
  Result<std::uint64_t> compactLog(TeamId team, std::uint64_t through_version) override;

  Result<std::vector<ConflictRecord>> conflicts(TeamId team) override;
  Result<std::vector<RejectionRecord>> rejections(DeviceId device) override;
  Result<std::optional<RegisterState>> readRegister(TeamId team, const RegisterKey& key) override;

 private:
  class ReaderLease;
  SqliteServerStore(std::string path, std::unique_ptr<Database> writer, SqliteStoreOptions options);
  ReaderLease reader();

  std::string path_;
  SqliteStoreOptions options_;
  std::mutex writer_mu_;  // one writer: SQLite allows no more, and it keeps versions gap-free
  std::unique_ptr<Database> writer_;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // the writer's, after it: stopped first
  std::mutex readers_mu_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<Database>> idle_readers_;
  int open_readers_ = 0;
};

}  // namespace nextstep::server
