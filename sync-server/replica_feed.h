// Another replica's write, brought into this replica's live feed: read from the log once, so the
// team's streams here take it from the feed's ring instead of each reading the store (199 streams
// on a second replica made 199 reads of one write, and 60 ms of waiting for the pool).
#pragma once

#include <cstdint>

#include "server_store.h"
#include "team_feed.h"

namespace nextstep::server {

// `head` is the team's head another replica committed. A team without streams here costs
// nothing; a feed that knows no position yet, a failed read or a long gap leaves the streams to
// read the store themselves (TeamFeed::advance).
void takeOtherReplicasWrite(TeamFeed& feed, TeamLog& log, TeamId team, std::uint64_t head);

}  // namespace nextstep::server
