// A file written front to back and then made durable: a download that must be whole on the disk
// before anything trusts it.
#pragma once

#include <string>
#include <string_view>

namespace nextstep {

class DurableFile {
 public:
  // Creates the file, or empties it.
  explicit DurableFile(const std::string& path);
  ~DurableFile();
  DurableFile(const DurableFile&) = delete;
  DurableFile& operator=(const DurableFile&) = delete;

  bool opened() const { return fd_ >= 0; }
  // False when the disk refused (full, failing): what was written stays, the caller decides.
  bool append(std::string_view bytes);
  // Waits until the bytes are on the disk and closes the file.
  bool finish();

 private:
  int fd_ = -1;
};

// Makes a rename or a new file in the folder of `path` durable: without it a power cut may bring
// back the old directory entry.
void syncDirectoryOf(const std::string& path);

}  // namespace nextstep
