// migrate-store on a server database the simulator made (dropped, duplicated and replayed pushes,
// concurrent edits, restored devices): PostgreSQL ends up holding the same log and merged state,
// and a second copy into the now non-empty database is refused without touching it.
#include <gtest/gtest.h>

#include <map>
#include <pqxx/pqxx>
#include <string>

#include "nextstep/storage/database.h"
#include "postgres_cluster.h"
#include "sim_world.h"
#include "sqlite_server_store.h"
#include "store_digest.h"
#include "store_migration.h"

namespace nextstep::sim {
namespace {

// The tables whose rows make up a team's history; each must arrive whole.
constexpr const char* kHistory[] = {"ops", "registers", "members", "conflicts", "rejected"};

struct Snapshot {
  std::string digest;
  std::map<std::string, std::int64_t> rows;
};

Snapshot ofEmbedded(const std::filesystem::path& dir) {
  auto db =
      Database::open((dir / server::SqliteServerStore::kFileName).string(), OpenMode::kReadOnly);
  Snapshot s{server::storeDigest(*db), {}};
  for (const char* table : kHistory)
    s.rows[table] = db->scalar(std::string("SELECT count(*) FROM ") + table);
  return s;
}

Snapshot ofPostgres(const std::string& url) {
  pqxx::connection conn(url);
  pqxx::read_transaction tx(conn);
  Snapshot s{server::storeDigest(tx), {}};
  for (const char* table : kHistory)
    s.rows[table] = tx.exec1(std::string("SELECT count(*) FROM ") + table)[0].as<std::int64_t>();
  return s;
}

// With the PostgreSQL tests (one cluster for the program): SimulatorOnPostgres.*.
TEST(SimulatorOnPostgres, MigrateStoreKeepsASimulatedServersMergedState) {
  testing::PostgresCluster* cluster = testing::sharedPostgres();
  if (cluster == nullptr) GTEST_SKIP() << testing::PostgresCluster::missingReason();
  for (std::uint32_t seed = 1; seed <= 3; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    SimOptions options;
    options.seed = seed;
    options.devices = 3 + static_cast<int>(seed % 3);
    World world(options);
    world.run();
    ASSERT_TRUE(world.failures().empty()) << world.summary();
    const std::filesystem::path dir = world.closeServerStore();
    const Snapshot before = ofEmbedded(dir);
    ASSERT_GT(before.rows.at("ops"), 0);
    ASSERT_GT(before.rows.at("registers"), 0);

    const std::string target = cluster->freshDatabase();
    auto moved = server::migrateStore(dir, target);
    ASSERT_TRUE(moved.ok()) << moved.error().message;
    EXPECT_EQ(moved->digest, before.digest);
    const Snapshot after = ofPostgres(target);
    EXPECT_EQ(after.digest, before.digest);
    EXPECT_EQ(after.rows, before.rows);
    EXPECT_EQ(ofEmbedded(dir).digest, before.digest) << "the source was changed";

    auto again = server::migrateStore(dir, target);
    ASSERT_FALSE(again.ok()) << "a non-empty target was overwritten";
    EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition);
    const Snapshot untouched = ofPostgres(target);
    EXPECT_EQ(untouched.digest, before.digest);
    EXPECT_EQ(untouched.rows, before.rows);
  }
}

}  // namespace
}  // namespace nextstep::sim
