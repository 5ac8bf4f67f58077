// The whole of a file the user names (a CSV to import, a certificate, a template): read at once.
#pragma once

#include <string>

#include "nextstep/model/result.h"

namespace nextstep {

// The file's bytes, or kIo naming the file and the system's reason.
Result<std::string> readFileBytes(const std::string& path);

}  // namespace nextstep
