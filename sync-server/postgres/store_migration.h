// `nextstep-server migrate-store --from DIR --to postgresql://...`: moves a whole embedded store
// into an empty PostgreSQL one, then proves the copy by counts and a digest of what both hold.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "nextstep/model/result.h"

namespace nextstep::server {

struct StoreMigration {
  std::vector<std::pair<std::string, std::int64_t>> rows;  // per table, equal on both sides
  std::string digest;  // BLAKE2b of the log and the merged state, equal on both sides (hex)
};

// Copies every table in one transaction, ids kept, so tokens, devices and cursors carry over.
// kFailedPrecondition, copying nothing, when the PostgreSQL store already has a team.
Result<StoreMigration> migrateStore(const std::filesystem::path& from_dir,
                                    const std::string& to_url);

}  // namespace nextstep::server
