// A team snapshot's download form: one zstd frame of the file, with its size and checksum.
#include "snapshot_compression.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "nextstep/storage/schema.h"
#include "sqlite_server_store.h"
#include "team_snapshots.h"

namespace nextstep::server::test {
namespace {

// A folder of the test's own, gone when it ends.
struct Folder {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("nextstep-compress-" + std::to_string(::getpid()));
  Folder() { std::filesystem::create_directories(path); }
  ~Folder() { std::filesystem::remove_all(path); }
  std::filesystem::path file(const std::string& name) const { return path / name; }
};

std::string contentsOf(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SnapshotCompressionTest, TheFrameHoldsTheFileItsSizeAndAChecksum) {
  Folder dir;
  const std::filesystem::path file = dir.file("team-1-v9-s7-r3.db");
  std::string plain;
  for (int i = 0; i < 200'000; ++i) plain += "row " + std::to_string(i % 977) + "\n";
  plain += std::string(3'000'000, '\0');  // more than one of the compressor's pieces
  std::ofstream(file, std::ios::binary) << plain;

  const auto packed = compressSnapshot(file, dir.file("team-1-v9-s7-r3.db.zst"));
  ASSERT_TRUE(packed.ok()) << packed.error().message;
  const std::string frame = contentsOf(dir.file("team-1-v9-s7-r3.db.zst"));
  EXPECT_EQ(*packed, frame.size());
  EXPECT_LT(frame.size(), plain.size() / 10);
  EXPECT_EQ(ZSTD_getFrameContentSize(frame.data(), frame.size()), plain.size());
  std::string back(plain.size(), '\0');
  EXPECT_EQ(ZSTD_decompress(back.data(), back.size(), frame.data(), frame.size()), plain.size());
  EXPECT_EQ(back, plain);
  // The checksum finds a flipped byte.
  std::string damaged = frame;
  damaged[damaged.size() - 2] = static_cast<char>(damaged[damaged.size() - 2] ^ 1);
  EXPECT_TRUE(
      ZSTD_isError(ZSTD_decompress(back.data(), back.size(), damaged.data(), damaged.size())));
}

// A server that stopped between removing a superseded file and its frame finds the frame alone
// at its next start; a file with its frame is served both ways.
TEST(SnapshotCompressionTest, AtStartAFrameWithoutItsFileGoesAndOneWithItIsServed) {
  Folder dir;
  const std::string kept = "team-1-v9-s" + std::to_string(latestLocalSchemaVersion()) + "-r3.db";
  std::ofstream(dir.file(kept), std::ios::binary) << std::string(100'000, 'x');
  ASSERT_TRUE(compressSnapshot(dir.file(kept), dir.file(kept + ".zst")).ok());
  std::ofstream(dir.file("team-1-v5-s7-r3.db.zst"), std::ios::binary) << "an orphan";

  auto store = SqliteServerStore::openDirectory(dir.file("store"));
  ASSERT_TRUE(store.ok()) << store.error().message;
  TeamSnapshots snapshots(**store, dir.path, SnapshotPolicy{});
  EXPECT_FALSE(std::filesystem::exists(dir.file("team-1-v5-s7-r3.db.zst")));
  const SnapshotRef ready = snapshots.ready(1, latestLocalSchemaVersion(), 9);
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->version, 9u);
  EXPECT_EQ(ready->compressed, dir.file(kept + ".zst"));
  EXPECT_EQ(ready->compressed_bytes, std::filesystem::file_size(dir.file(kept + ".zst")));
}

TEST(SnapshotCompressionTest, AFileThatIsNotThereIsAnErrorNotAnEmptyFrame) {
  Folder dir;
  const auto packed = compressSnapshot(dir.file("missing.db"), dir.file("missing.db.zst"));
  ASSERT_FALSE(packed.ok());
  EXPECT_EQ(packed.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace nextstep::server::test
