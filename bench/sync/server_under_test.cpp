#include "server_under_test.h"

#include <signal.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

namespace nextstep::bench {

namespace fs = std::filesystem;

ServerUnderTest::ServerUnderTest(const std::vector<std::string>& store_args, const fs::path& log) {
  fs::remove(log);  // the address is read from it
  std::vector<std::string> args = store_args;
  args.insert(args.end(), {"--listen", "127.0.0.1:0", "--rate-limit", "100000",
                           "--max-streams-per-user", "1000"});
  program_ = std::make_unique<testing::BackgroundProgram>(NEXTSTEP_SERVER_BINARY, args, log);
  for (int i = 0; i < 200 && address_.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
      if (line.starts_with("listening on ")) address_ = line.substr(13);
    }
  }
  if (address_.empty()) throw std::runtime_error("the server did not start; see " + log.string());
}

ServerUnderTest::~ServerUnderTest() {
  program_->signal(SIGTERM);
  program_->wait();
}

}  // namespace nextstep::bench
