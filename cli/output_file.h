// Files a command writes instead of printing (-o FILE): complete or not at all.
#pragma once

#include <string>

#include "nextstep/model/result.h"

namespace nextstep::cli {

// Writes the bytes to path.partial, then renames it to path.
Result<void> writeOutputFile(const std::string& path, const std::string& bytes);

}  // namespace nextstep::cli
