// replicas: two nextstep-server processes on one PostgreSQL, as a company deployment runs them.
// A write accepted by the first reaches a live device on the second through PostgreSQL's
// notice (docs/server.md, "Live streams across replicas"); 20 writers spread over both.
#include <stdexcept>

#include "postgres_cluster.h"
#include "seeded_server.h"
#include "server_under_test.h"
#include "sync_scenarios.h"

namespace nextstep::bench {

std::vector<Figure> replicaFigures(const BenchOptions& o) {
  if (const std::string why = testing::PostgresCluster::missingReason(); !why.empty()) {
    throw std::runtime_error("replicas need PostgreSQL: " + why);
  }
  const auto cluster = testing::PostgresCluster::start();
  std::vector<Figure> figures;

  const server::StoreChoice live{{}, cluster->freshDatabase()};
  const std::vector<std::string> listeners = freshTeamTokens(live, "live", "rep", 200);
  {
    ServerUnderTest first(storeArgs(live), o.dir / "sync-replica-1.log");
    ServerUnderTest second(storeArgs(live), o.dir / "sync-replica-2.log");
    const auto got =
        aToBLatencyFigures(o, listeners, first.address(), second.address(), "replica_a_to_b");
    figures.insert(figures.end(), got.begin(), got.end());
  }

  const server::StoreChoice busy{{}, cluster->freshDatabase()};
  const std::vector<std::string> writers = freshTeamTokens(busy, "busy", "writer", kIngestWriters);
  {
    ServerUnderTest first(storeArgs(busy), o.dir / "sync-replica-ingest-1.log");
    ServerUnderTest second(storeArgs(busy), o.dir / "sync-replica-ingest-2.log");
    const auto got =
        ingestFiguresAt(writers, {first.address(), second.address()}, "replica_ingest_20_writers");
    figures.insert(figures.end(), got.begin(), got.end());
  }
  return figures;
}

}  // namespace nextstep::bench
