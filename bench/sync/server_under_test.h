// A nextstep-server process on a free loopback port, stopped with SIGTERM at the end.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "child_process.h"

namespace nextstep::bench {

class ServerUnderTest {
 public:
  // Starts it on the store (--data DIR or --store URL) and waits for its address in the log;
  // throws when it does not come up.
  ServerUnderTest(const std::vector<std::string>& store_args, const std::filesystem::path& log);
  ~ServerUnderTest();
  ServerUnderTest(const ServerUnderTest&) = delete;
  ServerUnderTest& operator=(const ServerUnderTest&) = delete;

  const std::string& address() const { return address_; }
  pid_t pid() const { return program_->pid(); }

 private:
  std::unique_ptr<testing::BackgroundProgram> program_;
  std::string address_;
};

}  // namespace nextstep::bench
