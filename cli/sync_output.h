// The results of login, sync, conflicts and set-aside, each with its JSON form (to_json) and its
// text form (printText), for emit().
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "day_words.h"
#include "emit.h"
#include "nextstep/sync/conflict_archive.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/set_aside.h"
#include "nextstep/sync/sync_client.h"
#include "nextstep/sync/sync_round.h"

namespace nextstep::cli {

struct SignIn {
  std::string server;
  std::string email;
  std::string team;
};

struct SyncRun {
  std::string server;
  std::string team;
  sync::RoundReport round;
  std::int64_t pending = 0;         // local changes still not on the server
  std::int64_t open_conflicts = 0;  // values that lost a merge and wait for a look
  std::int64_t set_aside = 0;       // changes the server refused, kept on this device
  // Set when this database became a new device in this run (a copy, a restored backup).
  std::optional<std::string> new_device;
};

// sync --watch: one line per change of state; under --json one compact object per line.
struct SyncStatusLine {
  static constexpr bool kJsonLines = true;
  sync::SyncStatus status;
};

struct ConflictList {
  std::vector<sync::ConflictEntry> conflicts;
};

struct SetAsideList {
  std::vector<sync::SetAsideChange> changes;
};

NEXTSTEP_RESULT_FORMS(SignIn);
NEXTSTEP_RESULT_FORMS(SyncRun);
NEXTSTEP_RESULT_FORMS(SyncStatusLine);
NEXTSTEP_RESULT_FORMS(ConflictList);
NEXTSTEP_RESULT_FORMS(SetAsideList);

}  // namespace nextstep::cli
