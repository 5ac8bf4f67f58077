// A command on a disk that is full or failing: one line that says so, a failing exit code, and
// the database as it was. The real program runs on the faulty disk through LD_PRELOAD.
#include <filesystem>
#include <map>

#include "cli_process.h"

namespace nextstep::cli_test {
namespace {

std::map<std::string, std::string> faultyDisk(const std::string& spec) {
  return {{"LD_PRELOAD", NEXTSTEP_FAULTY_DISK_PRELOAD},
          {"NEXTSTEP_FAULTY_DISK", spec},
          // Under AddressSanitizer its runtime must load first; the preloaded library comes before.
          {"ASAN_OPTIONS", "verify_asan_link_order=0"}};
}

class DiskFullTest : public CliTest {
 protected:
  CliRun runOn(const std::string& spec, std::vector<std::string> args) {
    std::vector<std::string> all{"--db", db_, "--now", now_};
    all.insert(all.end(), args.begin(), args.end());
    return runBare(all, faultyDisk(spec));
  }
};

TEST_F(DiskFullTest, AWriteOnAFullDiskSaysSoInOneLineAndKeepsTheData) {
  seedPipeline();
  const std::string before = snapshotOf(db_);
  const CliRun r = runOn("full-from:1", {"deal", "add", "--title", "Second pilot"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "nextstep: the disk is full; nothing was saved\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(snapshotOf(db_), before);
  ok({"deal", "add", "--title", "Second pilot"});  // space freed: the same command works
  EXPECT_EQ(okJson({"deal", "list"})["deals"].size(), 2u);
}

TEST_F(DiskFullTest, AWriteOnAFailingDiskSaysNothingWasSaved) {
  seedPipeline();
  const std::string before = snapshotOf(db_);
  const CliRun r = runOn("io-from:1", {"meeting", "cancel", meeting_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "nextstep: the disk could not be written (disk I/O error); nothing was saved\n");
  EXPECT_EQ(snapshotOf(db_), before);
}

TEST_F(DiskFullTest, ANewDatabaseOnAFullDiskIsNotLeftHalfMade) {
  const CliRun r = runOn("full-from:1", {"deal", "add", "--title", "Pilot"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(lineCount(r.err), 1) << r.err;
  EXPECT_THAT(r.err, ::testing::HasSubstr("the disk is full")) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db_)) << "a database that could not be made is removed";
  ok({"deal", "add", "--title", "Pilot"});
}

}  // namespace
}  // namespace nextstep::cli_test
