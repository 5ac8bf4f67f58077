// The server's log is read by machines (jq, a log shipper): every line must stay one valid JSON
// object whatever a client put in a name it sent.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "json_log.h"

namespace nextstep::server {
namespace {

class JsonLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    saved_ = spdlog::default_logger();
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines_);
    auto logger = std::make_shared<spdlog::logger>("json-log-test", sink);
    logger->set_pattern("{%v}");
    spdlog::set_default_logger(logger);
  }
  void TearDown() override { spdlog::set_default_logger(saved_); }

  std::ostringstream lines_;
  std::shared_ptr<spdlog::logger> saved_;
};

TEST_F(JsonLogTest, QuotesControlCharactersAndBackslashesSurviveAsTheyWere) {
  const std::string name = "Jo \"the closer\"\\\n\t\x01 Ünal";
  LogLine("login").text("device_name", name).number("seq", -7).ms(1.5).info();
  std::istringstream in(lines_.str());
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["event"], "login");
  EXPECT_EQ(json["device_name"], name);
  EXPECT_EQ(json["seq"], -7);
  EXPECT_DOUBLE_EQ(json["ms"].get<double>(), 1.5);
}

TEST_F(JsonLogTest, BytesThatAreNotUtf8StillGiveAValidLine) {
  LogLine("push").text("device_name", std::string("bad \xff\xfe end")).warn();
  const auto json = nlohmann::json::parse(lines_.str());
  EXPECT_EQ(json["device_name"], "bad \xEF\xBF\xBD\xEF\xBF\xBD end");  // two U+FFFD
}

}  // namespace
}  // namespace nextstep::server
