// Structured logs: one JSON object per line on stderr, with ts and level first and then the
// event's fields (event, team, user, device, rpc, code, ms, ...).
#pragma once

#include <grpcpp/support/status_code_enum.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "caller.h"

namespace nextstep::server {

// Routes spdlog's default logger to stderr in this format. Call once, before other threads.
void initJsonLog();

const char* statusCodeName(grpc::StatusCode code);

class LogLine {
 public:
  explicit LogLine(std::string_view event);
  LogLine& caller(const Caller& caller);
  LogLine& rpc(std::string_view name) { return text("rpc", name); }
  LogLine& code(grpc::StatusCode code) { return text("code", statusCodeName(code)); }
  LogLine& ms(double millis);
  LogLine& text(std::string_view key, std::string_view value);
  LogLine& number(std::string_view key, std::int64_t value);

  void info() const;
  void warn() const;
  void error() const;

 private:
  std::string body_;  // "key":value pairs, comma-separated
};

}  // namespace nextstep::server
