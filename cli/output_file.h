// Files a command writes instead of printing (-o FILE): complete or not at all.
#pragma once

#include <string>

#include "nextstep/result.h"

namespace nextstep::cli {

// Writes the bytes to path.partial, then renames it to path.
Result<void> writeOutputFile(const std::string& path, const std::string& bytes);
// The file's bytes; kIo naming the file when it cannot be read.
Result<std::string> readInputFile(const std::string& path);

}  // namespace nextstep::cli
