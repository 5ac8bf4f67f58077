#include "output_file.h"

#include <filesystem>
#include <fstream>

namespace nextstep::cli {

Result<void> writeOutputFile(const std::string& path, const std::string& bytes) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << bytes;
    out.close();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(partial, ec);
      return Error{ErrorCode::kIo, "cannot write " + path};
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot write " + path + ": " + ec.message()};
  return {};
}

}  // namespace nextstep::cli
