// A nextstep-server process on a free loopback port, stopped with SIGTERM at the end.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "child_process.h"

namespace nextstep::bench {

class ServerUnderTest {
 public:
  // Starts it on the data folder and waits for its address in the log; throws when it does not
  // come up.
  ServerUnderTest(const std::filesystem::path& data, const std::filesystem::path& log);
  ~ServerUnderTest();
  ServerUnderTest(const ServerUnderTest&) = delete;
  ServerUnderTest& operator=(const ServerUnderTest&) = delete;

  const std::string& address() const { return address_; }

 private:
  std::unique_ptr<testing::BackgroundProgram> program_;
  std::string address_;
};

}  // namespace nextstep::bench
