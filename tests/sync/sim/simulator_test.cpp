// Thousands of seeded worlds: after the network calms down every device equals the server, no
// acknowledged change is missing, and every value lost to a concurrent write is in the archive.
// A failing seed replays exactly: NEXTSTEP_SIM_SEED=<seed> sync_simulator_tests (on SQLite).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "postgres_cluster.h"
#include "sim_world.h"

namespace nextstep::sim {
namespace {

std::uint32_t envNumber(const char* name, std::uint32_t fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? static_cast<std::uint32_t>(std::stoul(v)) : fallback;
}

void runSeed(std::uint32_t seed, bool verbose, const std::string& server_store_url = "") {
  SimOptions options;
  options.seed = seed;
  options.server_store_url = server_store_url;
  options.devices = 3 + static_cast<int>(seed % 3);
  World world(options);
  world.run();
  if (verbose) std::printf("%s\n", world.summary().c_str());
  if (world.failures().empty()) return;
  std::string all;
  for (const std::string& f : world.failures()) all += "\n  " + f;
  ADD_FAILURE() << world.summary() << all << "\nreplay with: NEXTSTEP_SIM_SEED=" << seed << " "
                << ::testing::internal::GetArgvs()[0];
}

class Simulator : public ::testing::TestWithParam<int> {};

TEST_P(Simulator, ConvergesAndLosesNothing) {
  if (const char* one = std::getenv("NEXTSTEP_SIM_SEED"); one != nullptr && *one != '\0') {
    if (GetParam() != 0) GTEST_SKIP() << "replaying one seed";
    runSeed(static_cast<std::uint32_t>(std::stoul(one)), true);
    return;
  }
  // Each shard runs its own range of seeds, so ctest can run the shards in parallel.
  const std::uint32_t perShard = envNumber("NEXTSTEP_SIM_SEEDS_PER_SHARD", 250);
  const std::uint32_t first = 1 + static_cast<std::uint32_t>(GetParam()) * perShard;
  for (std::uint32_t seed = first; seed < first + perShard; ++seed) {
    runSeed(seed, false);
    if (HasFailure()) return;
  }
}

INSTANTIATE_TEST_SUITE_P(Shards, Simulator, ::testing::Range(0, 8));

// The same worlds and checks with the server's store on PostgreSQL, for a subset of seeds
// (NEXTSTEP_SIM_POSTGRES_SEEDS), each on a fresh database of the program's one cluster.
TEST(SimulatorOnPostgres, ConvergesAndLosesNothing) {
  nextstep::testing::PostgresCluster* cluster = nextstep::testing::sharedPostgres();
  if (cluster == nullptr) GTEST_SKIP() << nextstep::testing::PostgresCluster::missingReason();
  const std::uint32_t seeds = envNumber("NEXTSTEP_SIM_POSTGRES_SEEDS", 10);
  for (std::uint32_t seed = 1; seed <= seeds; ++seed) {
    runSeed(seed, false, cluster->freshDatabase());
    if (HasFailure()) return;
  }
}

}  // namespace
}  // namespace nextstep::sim
