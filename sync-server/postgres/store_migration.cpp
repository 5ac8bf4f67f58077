#include "store_migration.h"

#include "nextstep/storage/record_rows.h"
#include "postgres_rows.h"
#include "postgres_server_store.h"
#include "sqlite_server_store.h"
#include "store_digest.h"

namespace nextstep::server {
namespace {

using pg::bytes;
using pg::stampBytes;
using pg::valueColumns;
using records::columnStamp;

// Each copied table: its rows are counted on both sides after the copy.
struct Table {
  const char* sqlite;
  const char* postgres;
};
constexpr Table kTables[] = {
    {"teams", "teams"},       {"users", "users"},
    {"tokens", "tokens"},     {"devices", "devices"},
    {"ops", "ops"},           {"registers", "registers"},
    {"members", "members"},   {"conflicts", "conflicts"},
    {"rejected", "rejected"}, {"compacted_ops", "compacted_ops"},
};

void copyDirectory(Database& from, pqxx::transaction_base& to) {
  for (auto s = from.prepare("SELECT id, name, head, created_at, log_start FROM teams");
       s->step();) {
    to.exec_params("INSERT INTO teams(team_id, name, created_at) VALUES ($1, $2, $3)",
                   s->integer(0), s->text(1), s->integer(3));
    to.exec_params("INSERT INTO team_heads(team_id, head, log_start) VALUES ($1, $2, $3)",
                   s->integer(0), s->integer(2), s->integer(4));
  }
  for (auto s = from.prepare("SELECT id, team, email, password_hash, created_at FROM users");
       s->step();) {
    to.exec_params(
        "INSERT INTO users(user_id, team_id, email, password_hash, created_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        s->integer(0), s->integer(1), s->text(2), s->text(3), s->integer(4));
  }
  for (auto s =
           from.prepare("SELECT id, user, token_hash, device, revoked, created_at FROM tokens");
       s->step();) {
    // Device 0 is never valid: it stands for "not bound yet" on the way in. The cast, because
    // NULLIF would otherwise take its type from the 0 (integer), too small for a device id.
    to.exec_params(
        "INSERT INTO tokens(token_id, user_id, token_hash, device_id, revoked, created_at) "
        "VALUES ($1, $2, $3, NULLIF($4::bigint, 0), $5, $6)",
        s->integer(0), s->integer(1), bytes(s->blob(2)), s->isNull(3) ? 0 : s->integer(3),
        s->integer(4) != 0, s->integer(5));
  }
  for (auto s = from.prepare("SELECT id, user, last_seq, created_at FROM devices"); s->step();) {
    to.exec_params(
        "INSERT INTO devices(device_id, user_id, team_id, created_at) "
        "SELECT $1, user_id, team_id, $3 FROM users WHERE user_id = $2",
        s->integer(0), s->integer(1), s->integer(3));
    to.exec_params(
        "INSERT INTO device_seqs(team_id, device_id, last_seq) "
        "SELECT team_id, device_id, $2 FROM devices WHERE device_id = $1",
        s->integer(0), s->integer(2));
  }
}

void copyLog(Database& from, pqxx::transaction_base& to) {
  for (auto s = from.prepare(
           "SELECT team, version, device, device_seq, record_type, record_id, kind, key, value, "
           "stamp, base, author, accepted_at FROM ops ORDER BY team, version");
       s->step();) {
    const pg::ValueColumns v = valueColumns(s->value(8));
    to.exec_prepared("copy_op", s->integer(0), s->integer(1), s->integer(2), s->integer(3),
                     s->integer(4), s->text(5), s->integer(6), s->text(7), v.type, v.bytes,
                     stampBytes(columnStamp(*s, 9)), stampBytes(columnStamp(*s, 10)), s->text(11),
                     s->integer(12));
  }
  for (auto s = from.prepare(
           "SELECT team, device, device_seq, digest FROM compacted_ops ORDER BY team, device");
       s->step();) {
    to.exec_params(
        "INSERT INTO compacted_ops(team_id, device_id, device_seq, digest) "
        "VALUES ($1, $2, $3, $4)",
        s->integer(0), s->integer(1), s->integer(2), bytes(s->blob(3)));
  }
  for (auto s = from.prepare(
           "SELECT team, record_type, record_id, key, value, stamp, base, author, version "
           "FROM registers");
       s->step();) {
    const pg::ValueColumns v = valueColumns(s->value(4));
    to.exec_params(
        "INSERT INTO registers(team_id, record_type, record_id, key, value_type, value, stamp, "
        "base, author, version) VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, ''::bytea), "
        "NULLIF($8, ''::bytea), $9, $10)",
        s->integer(0), s->integer(1), s->text(2), s->text(3), v.type, v.bytes,
        stampBytes(columnStamp(*s, 5)), stampBytes(columnStamp(*s, 6)), s->text(7), s->integer(8));
  }
  for (auto s = from.prepare(
           "SELECT team, record_type, record_id, set_name, member, add_stamp, removed_upto, "
           "add_author FROM members");
       s->step();) {
    to.exec_params(
        "INSERT INTO members(team_id, record_type, record_id, set_name, member, add_stamp, "
        "removed_upto, add_author) VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''::bytea), "
        "NULLIF($7, ''::bytea), $8)",
        s->integer(0), s->integer(1), s->text(2), s->text(3), s->text(4),
        stampBytes(columnStamp(*s, 5)), stampBytes(columnStamp(*s, 6)), s->text(7));
  }
}

void copyReview(Database& from, pqxx::transaction_base& to) {
  for (auto s = from.prepare(
           "SELECT id, team, record_type, record_id, key, kind, kept_value, kept_stamp, "
           "kept_author, lost_value, lost_stamp, lost_author, version, detected_at "
           "FROM conflicts ORDER BY id");
       s->step();) {
    const pg::ValueColumns kept = valueColumns(s->value(6));
    const pg::ValueColumns lost = valueColumns(s->value(9));
    to.exec_params(
        "INSERT INTO conflicts(conflict_id, team_id, record_type, record_id, key, kind, "
        "kept_value_type, kept_value, kept_stamp, kept_author, lost_value_type, lost_value, "
        "lost_stamp, lost_author, version, detected_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "NULLIF($9, ''::bytea), $10, $11, $12, NULLIF($13, ''::bytea), $14, $15, $16)",
        s->integer(0), s->integer(1), s->integer(2), s->text(3), s->text(4), s->text(5), kept.type,
        kept.bytes, stampBytes(columnStamp(*s, 7)), s->text(8), lost.type, lost.bytes,
        stampBytes(columnStamp(*s, 10)), s->text(11), s->integer(12), s->integer(13));
  }
  for (auto s = from.prepare(
           "SELECT id, team, device, device_seq, reason, operation, rejected_at FROM rejected "
           "ORDER BY id");
       s->step();) {
    to.exec_params(
        "INSERT INTO rejected(rejection_id, team_id, device_id, device_seq, reason, operation, "
        "rejected_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        s->integer(0), s->integer(1), s->integer(2), s->integer(3), s->text(4), bytes(s->blob(5)),
        s->integer(6));
  }
}

// Ids were copied as they were: the identities continue after the largest.
void continueIdentities(pqxx::transaction_base& to) {
  for (const auto& [table, column] :
       {std::pair{"teams", "team_id"}, std::pair{"users", "user_id"},
        std::pair{"tokens", "token_id"}, std::pair{"conflicts", "conflict_id"},
        std::pair{"rejected", "rejection_id"}}) {
    to.exec(std::string("SELECT setval(pg_get_serial_sequence('") + table + "', '" + column +
            "'), coalesce(max(" + column + "), 0) + 1, false) FROM " + table);
  }
}

}  // namespace

Result<StoreMigration> migrateStore(const std::filesystem::path& from_dir,
                                    const std::string& to_url) {
  const std::filesystem::path file = from_dir / SqliteServerStore::kFileName;
  if (!std::filesystem::exists(file)) {
    return Error::notFound("no embedded store in " + from_dir.string() + " (no " +
                           std::string(SqliteServerStore::kFileName) + ")");
  }
  // Opening it brings an older schema up to date first, as a server start would.
  if (auto current = SqliteServerStore::open(file); !current) return current.error();
  if (auto target = PostgresServerStore::open(to_url); !target) return target.error();
  try {
    auto from = Database::open(file.string(), OpenMode::kReadOnly);
    Transaction snapshot(*from, Transaction::Kind::kRead);
    pqxx::connection conn(to_url);
    conn.prepare("copy_op",
                 "INSERT INTO ops(team_id, version, device_id, device_seq, record_type, "
                 "record_id, kind, key, value_type, value, stamp, base, author, accepted_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULLIF($11, ''::bytea), "
                 "NULLIF($12, ''::bytea), $13, $14)");
    pqxx::work to(conn);
    to.exec("LOCK TABLE teams IN EXCLUSIVE MODE");  // no server may add a team meanwhile
    if (const auto teams = to.exec1("SELECT count(*) FROM teams")[0].as<std::int64_t>();
        teams > 0) {
      return Error::precondition("the PostgreSQL store already holds " + std::to_string(teams) +
                                 " team(s); migrate-store fills only an empty one");
    }
    copyDirectory(*from, to);
    copyLog(*from, to);
    copyReview(*from, to);
    continueIdentities(to);

    StoreMigration done;
    for (const Table& t : kTables) {
      const std::int64_t here = from->scalar(std::string("SELECT count(*) FROM ") + t.sqlite);
      const auto there =
          to.exec1(std::string("SELECT count(*) FROM ") + t.postgres)[0].as<std::int64_t>();
      if (here != there) {
        return Error{ErrorCode::kInternal, std::string(t.sqlite) + ": " + std::to_string(here) +
                                               " rows in the embedded store but " +
                                               std::to_string(there) + " copied; nothing kept"};
      }
      done.rows.emplace_back(t.sqlite, here);
    }
    done.digest = storeDigest(*from);
    if (const std::string copied = storeDigest(to); copied != done.digest) {
      return Error{ErrorCode::kInternal, "the copy's digest " + copied + " differs from " +
                                             done.digest + "; nothing kept"};
    }
    to.commit();
    return done;
  } catch (const DbError& e) {
    return Error{e.errorCode(), e.what()};
  } catch (const DomainError& e) {
    return e.error;
  } catch (const std::exception& e) {
    return errorOfPostgres(e);
  }
}

}  // namespace nextstep::server
