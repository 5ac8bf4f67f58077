#include "nextstep/data/file_bytes.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace nextstep {

Result<std::string> readFileBytes(const std::string& path) {
  // A directory opens as a stream and reads as nothing at all.
  if (std::error_code ec; std::filesystem::is_directory(path, ec)) {
    return Error{ErrorCode::kIo, "cannot read " + path + ": it is a directory"};
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  const auto cannot = [&] {
    return Error{ErrorCode::kIo, "cannot read " + path +
                                     (errno != 0 ? std::string(": ") + std::strerror(errno) : "")};
  };
  if (!in) return cannot();
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return cannot();
  return text.str();
}

}  // namespace nextstep
