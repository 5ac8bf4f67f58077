// The server's store on PostgreSQL, for teams that outgrow the embedded SQLite file or run
// several server replicas: same behaviour, errors and limits as SqliteServerStore.
#pragma once

#include <memory>
#include <string>

#include "postgres_session.h"
#include "server_store.h"

namespace nextstep::server {

struct PostgresStoreOptions {
  int connections = 8;  // concurrent calls; more wait for a free connection
};

class PostgresServerStore final : public ServerStore {
 public:
  // Connects to postgresql://USER@HOST:PORT/DB and creates or migrates the schema. kTooNew when
  // a newer nextstep-server has migrated it; kUnavailable when the database cannot be reached.
  static Result<std::unique_ptr<PostgresServerStore>> open(const std::string& url,
                                                           PostgresStoreOptions options = {});

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
  std::unique_ptr<HeadWatch> watchHeads(HeadListener listener,
                                        std::chrono::milliseconds catch_up) override;

  Result<std::vector<ConflictRecord>> conflicts(TeamId team) override;
  Result<std::vector<RejectionRecord>> rejections(DeviceId device) override;
  Result<std::optional<RegisterState>> readRegister(TeamId team, const RegisterKey& key) override;

 private:
  explicit PostgresServerStore(std::unique_ptr<PostgresSessions> sessions)
      : sessions_(std::move(sessions)) {}

  std::unique_ptr<PostgresSessions> sessions_;
};

}  // namespace nextstep::server
