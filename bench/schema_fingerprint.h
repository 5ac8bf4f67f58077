// A fingerprint of the local schema this build creates, so a cached database loaded by an older
// build (whose tables, indexes or triggers differ) is loaded again instead of measured.
#pragma once

#include <filesystem>
#include <string>

namespace nextstep::bench {

// sha256 (hex) of user_version and every CREATE statement of a fresh store made in `scratch_dir`.
std::string schemaFingerprint(const std::filesystem::path& scratch_dir);

}  // namespace nextstep::bench
