// The schema steps written as SQL files (core/schema/<version>.sql), embedded at build time.
#pragma once

#include <string_view>

namespace nextstep {

// The SQL of one version step; empty for a version that has no file.
std::string_view schemaSql(int version);

}  // namespace nextstep
