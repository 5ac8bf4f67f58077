#include "replica_feed.h"

#include <vector>

#include "sync_service.h"

namespace nextstep::server {
namespace {

// More than this behind, the streams page through the store as they would after a restart.
constexpr std::size_t kMostOpsRead = 1000;

}  // namespace

void takeOtherReplicasWrite(TeamFeed& feed, TeamLog& log, TeamId team, std::uint64_t head) {
  const std::optional<std::uint64_t> known = feed.knownHead(team);
  if (!known || head <= *known) return;
  if (*known == 0) {
    feed.advance(team, head);
    return;
  }
  auto page = log.readLog(team, *known, kMostOpsRead);
  if (!page || page->ops.empty()) {
    feed.advance(team, head);
    return;
  }
  std::vector<pb::LoggedOperation> ops;
  ops.reserve(page->ops.size());
  for (const LoggedOp& op : page->ops) ops.push_back(toWire(op));
  feed.publish(team, ops);
  if (page->more || ops.back().version() < head) feed.advance(team, head);
}

}  // namespace nextstep::server
