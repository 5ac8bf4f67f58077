#include "postgres_server_store.h"

#include <limits>
#include <utility>

#include "nextstep/sync/wire.h"
#include "operation_digest.h"
#include "postgres_head_watch.h"
#include "postgres_push_transaction.h"
#include "postgres_rows.h"
#include "postgres_schema.h"

namespace nextstep::server {

using pg::bytes;
using pg::sql;
using pg::unsql;

namespace {

// One snapshot for a read that must agree with itself (a page and its head).
using SnapshotRead = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

std::optional<UserId> userByEmail(pqxx::transaction_base& tx, std::string_view email) {
  const auto r = tx.exec_params("SELECT user_id FROM users WHERE lower(email) = lower($1)",
                                std::string(email));
  if (r.empty()) return std::nullopt;
  return r[0][0].as<UserId>();
}

}  // namespace

Result<std::unique_ptr<PostgresServerStore>> PostgresServerStore::open(
    const std::string& url, PostgresStoreOptions options) {
  auto sessions = PostgresSessions::open(url, options.connections, [](pqxx::connection& conn) {
    pg::prepareRowStatements(conn);
    preparePushStatements(conn);
  });
  if (!sessions) return sessions.error();
  auto migrated = (*sessions)->call([](pqxx::connection& conn) -> Result<bool> {
    if (auto done = migratePostgresStore(conn); !done) return done.error();
    return true;
  });
  if (!migrated) return migrated.error();
  return std::unique_ptr<PostgresServerStore>(new PostgresServerStore(std::move(*sessions)));
}

Result<TeamId> PostgresServerStore::createTeam(std::string_view name, std::int64_t now_ms) {
  return sessions_->call([&](pqxx::connection& conn) -> Result<TeamId> {
    pqxx::work tx(conn);
    const std::string team(name);
    if (!tx.exec_params("SELECT 1 FROM teams WHERE name = $1", team).empty()) {
      return Error::invalid("team '" + team + "' already exists");
    }
    const auto id =
        tx.exec_params1("INSERT INTO teams(name, created_at) VALUES ($1, $2) RETURNING team_id",
                        team, now_ms)[0]
            .as<TeamId>();
    tx.exec_params("INSERT INTO team_heads(team_id, head) VALUES ($1, 0)", id);
    tx.commit();
    return id;
  });
}

Result<UserId> PostgresServerStore::addUser(std::string_view team, std::string_view email,
                                            std::string_view password_hash, std::int64_t now_ms) {
  return sessions_->call([&](pqxx::connection& conn) -> Result<UserId> {
    pqxx::work tx(conn);
    const auto t = tx.exec_params("SELECT team_id FROM teams WHERE name = $1", std::string(team));
    if (t.empty()) return Error::notFound("no team '" + std::string(team) + "'");
    if (userByEmail(tx, email)) {
      return Error::invalid("a user with the email " + std::string(email) + " already exists");
    }
    const auto id =
        tx.exec_params1(
              "INSERT INTO users(team_id, email, password_hash, created_at) "
              "VALUES ($1, $2, $3, $4) RETURNING user_id",
              t[0][0].as<TeamId>(), std::string(email), std::string(password_hash), now_ms)[0]
            .as<UserId>();
    tx.commit();
    return id;
  });
}

Result<TokenId> PostgresServerStore::addToken(UserId user, std::string_view token_hash,
                                              std::int64_t now_ms) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto id = tx.exec_params1(
                          "INSERT INTO tokens(user_id, token_hash, device_id, revoked, "
                          "created_at) VALUES ($1, $2, NULL, false, $3) RETURNING token_id",
                          user, bytes(token_hash), now_ms)[0]
                        .as<TokenId>();
    tx.commit();
    return id;
  });
}

Result<int> PostgresServerStore::revokeTokens(std::string_view email) {
  return sessions_->call([&](pqxx::connection& conn) -> Result<int> {
    pqxx::work tx(conn);
    const auto user = userByEmail(tx, email);
    if (!user) return Error::notFound("no user with the email " + std::string(email));
    const auto r = tx.exec_params(
        "UPDATE tokens SET revoked = true WHERE user_id = $1 AND NOT revoked", *user);
    tx.commit();
    return static_cast<int>(r.affected_rows());
  });
}

Result<std::optional<TeamRecord>> PostgresServerStore::findTeam(std::string_view name) {
  return sessions_->call([&](pqxx::connection& conn) -> std::optional<TeamRecord> {
    pqxx::read_transaction tx(conn);
    const auto r =
        tx.exec_params("SELECT team_id, name FROM teams WHERE name = $1", std::string(name));
    if (r.empty()) return std::nullopt;
    return TeamRecord{r[0][0].as<TeamId>(), r[0][1].as<std::string>()};
  });
}

Result<std::optional<UserRecord>> PostgresServerStore::findUser(std::string_view email) {
  return sessions_->call([&](pqxx::connection& conn) -> std::optional<UserRecord> {
    pqxx::read_transaction tx(conn);
    const auto r = tx.exec_params(
        "SELECT users.user_id, users.team_id, teams.name, users.email, users.password_hash "
        "FROM users JOIN teams USING (team_id) WHERE lower(users.email) = lower($1)",
        std::string(email));
    if (r.empty()) return std::nullopt;
    const pqxx::row u = r[0];
    return UserRecord{u[0].as<UserId>(), u[1].as<TeamId>(), u[2].as<std::string>(),
                      u[3].as<std::string>(), u[4].as<std::string>()};
  });
}

Result<std::optional<TokenRecord>> PostgresServerStore::findToken(std::string_view token_hash) {
  return sessions_->call([&](pqxx::connection& conn) -> std::optional<TokenRecord> {
    pqxx::read_transaction tx(conn);
    const auto r = tx.exec_params(
        "SELECT tokens.token_id, users.user_id, teams.team_id, teams.name, users.email, "
        "tokens.device_id, tokens.revoked, tokens.created_at FROM tokens "
        "JOIN users USING (user_id) JOIN teams ON teams.team_id = users.team_id "
        "WHERE tokens.token_hash = $1",
        bytes(token_hash));
    if (r.empty()) return std::nullopt;
    const pqxx::row row = r[0];
    TokenRecord t;
    t.id = row[0].as<TokenId>();
    t.user = row[1].as<UserId>();
    t.team = row[2].as<TeamId>();
    t.team_name = row[3].as<std::string>();
    t.email = row[4].as<std::string>();
    if (!row[5].is_null()) t.device = unsql(row[5].as<std::int64_t>());
    t.revoked = row[6].as<bool>();
    t.created_at_ms = row[7].as<std::int64_t>();
    return t;
  });
}

Result<bool> PostgresServerStore::tokenActive(TokenId token) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    const auto r = tx.exec_params("SELECT revoked FROM tokens WHERE token_id = $1", token);
    return !r.empty() && !r[0][0].as<bool>();
  });
}

Result<std::uint64_t> PostgresServerStore::deviceLastSeq(DeviceId device) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    return pg::lastSeqOf(tx, device);
  });
}

Result<DeviceBinding> PostgresServerStore::bindDevice(TokenId token, UserId user, DeviceId device,
                                                      std::int64_t now_ms) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto t = tx.exec_params(
        "SELECT device_id, revoked FROM tokens WHERE token_id = $1 AND user_id = $2 FOR UPDATE",
        token, user);
    if (t.empty() || t[0][1].as<bool>()) return DeviceBinding::kTokenRevoked;
    if (!t[0][0].is_null() && unsql(t[0][0].as<std::int64_t>()) != device) {
      return DeviceBinding::kTokenBoundElsewhere;
    }
    const DeviceBinding claim = pg::claimDevice(tx, user, device, now_ms);
    if (claim != DeviceBinding::kBound) return claim;
    tx.exec_params("UPDATE tokens SET device_id = $2 WHERE token_id = $1 AND device_id IS NULL",
                   token, sql(device));
    tx.commit();
    return DeviceBinding::kBound;
  });
}

Result<DeviceBinding> PostgresServerStore::addDeviceToken(UserId user, DeviceId device,
                                                          std::string_view token_hash,
                                                          std::int64_t now_ms) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    const DeviceBinding claim = pg::claimDevice(tx, user, device, now_ms);
    if (claim != DeviceBinding::kBound) return claim;
    tx.exec_params(
        "INSERT INTO tokens(user_id, token_hash, device_id, revoked, created_at) "
        "VALUES ($1, $2, $3, false, $4)",
        user, bytes(token_hash), sql(device), now_ms);
    tx.commit();
    return DeviceBinding::kBound;
  });
}

Result<DeviceBinding> PostgresServerStore::renewToken(TokenId old_token, UserId user,
                                                      std::string_view new_token_hash,
                                                      std::int64_t now_ms) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    const auto revoked = tx.exec_params(
        "UPDATE tokens SET revoked = true WHERE token_id = $1 AND user_id = $2 AND NOT revoked",
        old_token, user);
    if (revoked.affected_rows() == 0) return DeviceBinding::kTokenRevoked;
    tx.exec_params(
        "INSERT INTO tokens(user_id, token_hash, device_id, revoked, created_at) "
        "SELECT user_id, $2, device_id, false, $3 FROM tokens WHERE token_id = $1",
        old_token, bytes(new_token_hash), now_ms);
    tx.commit();
    return DeviceBinding::kBound;
  });
}

Result<void> PostgresServerStore::ping() {
  return sessions_->call([](pqxx::connection& conn) -> Result<void> {
    pqxx::nontransaction tx(conn);
    tx.exec("SELECT 1");
    return {};
  });
}

Result<std::uint64_t> PostgresServerStore::head(TeamId team) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    return pg::headOf(tx, team);
  });
}

Result<LogPage> PostgresServerStore::readLog(TeamId team, std::uint64_t after_version,
                                             std::size_t limit) {
  return sessions_->call([&](pqxx::connection& conn) -> Result<LogPage> {
    SnapshotRead tx(conn);
    if (const std::uint64_t start = pg::logStartOf(tx, team); after_version < start) {
      return compactedError(after_version, start);
    }
    const std::int64_t rows =
        limit >= static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max())
            ? std::numeric_limits<std::int64_t>::max()
            : static_cast<std::int64_t>(limit) + 1;
    const auto r = tx.exec_params(std::string("SELECT ") + std::string(pg::kOpColumns) +
                                      " FROM ops WHERE team_id = $1 AND version > $2 "
                                      "ORDER BY version LIMIT $3",
                                  team, sql(after_version), rows);
    LogPage page;
    page.ops.reserve(r.size());
    for (const pqxx::row& row : r) page.ops.push_back(pg::loggedOpOf(row));
    if (page.ops.size() > limit) {
      page.ops.pop_back();
      page.more = true;
    }
    page.head = pg::headOf(tx, team);
    tx.commit();
    return page;
  });
}

Result<std::uint64_t> PostgresServerStore::compactLog(TeamId team, std::uint64_t through_version) {
  // In slices, each its own transaction: pushes wait for the head's row lock between them only.
  constexpr std::int64_t kSlice = 20'000;
  std::uint64_t dropped = 0;
  for (;;) {
    auto slice = sessions_->call([&](pqxx::connection& conn) -> std::uint64_t {
      pqxx::work tx(conn);
      const auto locked = tx.exec_params(
          "SELECT head, log_start FROM team_heads WHERE team_id = $1 FOR UPDATE", team);
      if (locked.empty()) return 0;
      const std::uint64_t head = unsql(locked[0][0].as<std::int64_t>());
      const std::uint64_t start = unsql(locked[0][1].as<std::int64_t>());
      const std::uint64_t until = std::min(through_version, head);
      if (until <= start) return 0;
      const auto r = tx.exec_params(std::string("SELECT ") + std::string(pg::kOpColumns) +
                                        " FROM ops WHERE team_id = $1 AND version > $2 AND "
                                        "version <= $3 ORDER BY version LIMIT $4",
                                    team, sql(start), sql(until), kSlice);
      std::uint64_t last = start;
      for (const pqxx::row& row : r) {
        const LoggedOp logged = pg::loggedOpOf(row);
        pb::Operation wire;
        sync::toWire(logged.op, wire);
        tx.exec_params(
            "INSERT INTO compacted_ops(team_id, device_id, device_seq, digest) "
            "VALUES ($1, $2, $3, $4) ON CONFLICT (team_id, device_id, device_seq) "
            "DO UPDATE SET digest = EXCLUDED.digest",
            team, sql(logged.device), static_cast<std::int64_t>(logged.op.seq),
            bytes(operationDigest(wire)));
        last = logged.version;
      }
      if (r.size() < static_cast<std::size_t>(kSlice)) last = until;
      tx.exec_params("DELETE FROM ops WHERE team_id = $1 AND version <= $2", team, sql(last));
      tx.exec_params("UPDATE team_heads SET log_start = $2 WHERE team_id = $1", team, sql(last));
      tx.commit();
      return r.size();
    });
    if (!slice) return slice.error();
    if (*slice == 0) return dropped;
    dropped += *slice;
  }
}

Result<void> PostgresServerStore::writePushes(const std::function<void(PushTransaction&)>& work) {
  auto written = sessions_->call([&](pqxx::connection& conn) {
    pqxx::work tx(conn);
    withPostgresPushTransaction(tx, work);
    tx.commit();
    return true;
  });
  if (!written) return written.error();
  return {};
}

std::unique_ptr<HeadWatch> PostgresServerStore::watchHeads(HeadListener listener,
                                                           std::chrono::milliseconds catch_up) {
  return std::make_unique<PostgresHeadWatch>(sessions_->url(), std::move(listener), catch_up);
}

Result<std::vector<ConflictRecord>> PostgresServerStore::conflicts(TeamId team) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    const auto r = tx.exec_params(
        "SELECT record_type, record_id, key, kind, kept_value_type, kept_value, kept_stamp, "
        "kept_author, lost_value_type, lost_value, lost_stamp, lost_author, version, "
        "detected_at FROM conflicts WHERE team_id = $1 ORDER BY conflict_id",
        team);
    std::vector<ConflictRecord> out;
    for (const pqxx::row& row : r) {
      ConflictRecord c;
      c.team = team;
      c.type = static_cast<RecordType>(row[0].as<int>());
      c.record_id = row[1].as<std::string>();
      c.key = row[2].as<std::string>();
      pg::setKind(c, row[3]);
      c.kept_value = pg::valueOf(row[4], row[5]);
      c.kept_stamp = pg::stampOf(row[6]);
      c.kept_author = row[7].as<std::string>();
      c.lost_value = pg::valueOf(row[8], row[9]);
      c.lost_stamp = pg::stampOf(row[10]);
      c.lost_author = row[11].as<std::string>();
      c.version = unsql(row[12].as<std::int64_t>());
      c.detected_at_ms = row[13].as<std::int64_t>();
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<std::vector<RejectionRecord>> PostgresServerStore::rejections(DeviceId device) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    const auto r = tx.exec_params(
        "SELECT device_seq, reason, operation FROM rejected WHERE team_id = "
        "(SELECT team_id FROM devices WHERE device_id = $1) AND device_id = $1 "
        "ORDER BY rejection_id",
        sql(device));
    std::vector<RejectionRecord> out;
    for (const pqxx::row& row : r) {
      RejectionRecord rejection{
          device, unsql(row[0].as<std::int64_t>()), row[1].as<std::string>(), {}};
      const pqxx::binarystring op(row[2]);
      rejection.operation.ParseFromArray(op.data(), static_cast<int>(op.size()));
      out.push_back(std::move(rejection));
    }
    return out;
  });
}

Result<std::optional<RegisterState>> PostgresServerStore::readRegister(TeamId team,
                                                                       const RegisterKey& key) {
  return sessions_->call([&](pqxx::connection& conn) {
    pqxx::read_transaction tx(conn);
    return pg::registerIn(tx, team, key);
  });
}

}  // namespace nextstep::server
