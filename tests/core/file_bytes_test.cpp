#include "nextstep/data/file_bytes.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace nextstep {
namespace {

namespace fs = std::filesystem;

class FileBytesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("nextstep-file-bytes-" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FileBytesTest, ReadsEveryByteOfABinaryFile) {
  using namespace std::string_literals;
  const std::string bytes = "first line\r\n\0second\xff\xfe last"s;  // a NUL, no UTF-8
  const std::string path = (dir_ / "mixed.bin").string();
  std::ofstream(path, std::ios::binary) << bytes;
  const auto read = readFileBytes(path);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, bytes);
}

TEST_F(FileBytesTest, AnEmptyFileIsEmptyNotAnError) {
  const std::string path = (dir_ / "empty.csv").string();
  std::ofstream(path, std::ios::binary).flush();
  const auto read = readFileBytes(path);
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_TRUE(read->empty());
}

TEST_F(FileBytesTest, AMissingFileNamesThePathAndTheReason) {
  const std::string path = (dir_ / "nowhere.pem").string();
  const auto read = readFileBytes(path);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kIo);
  EXPECT_EQ(read.error().message, "cannot read " + path + ": No such file or directory");
}

TEST_F(FileBytesTest, ADirectoryIsAnErrorNotAnEmptyFile) {
  const auto read = readFileBytes(dir_.string());
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kIo);
  EXPECT_NE(read.error().message.find(dir_.string()), std::string::npos);
}

}  // namespace
}  // namespace nextstep
