#include "fsync_probe.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <vector>

namespace nextstep::bench {

LatencySummary probeFsync(const std::filesystem::path& file, int samples) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error("cannot create " + file.string());
  const std::vector<char> block(4096, 'x');
  std::vector<double> millis;
  bool ok = true;
  for (int i = 0; i < samples && ok; ++i) {
    const auto start = std::chrono::steady_clock::now();
    ok = ::pwrite(fd, block.data(), block.size(), static_cast<off_t>(i) * 4096) ==
             static_cast<ssize_t>(block.size()) &&
         ::fdatasync(fd) == 0;
    millis.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  ::close(fd);
  std::filesystem::remove(file);
  if (!ok) throw std::runtime_error("writing " + file.string() + " failed");
  return summarize(std::move(millis));
}

}  // namespace nextstep::bench
