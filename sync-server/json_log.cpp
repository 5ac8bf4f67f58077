#include "json_log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include <cstdio>

namespace nextstep::server {
namespace {

// Bytes that are not UTF-8 (a client's device name, say) become U+FFFD instead of throwing.
void appendQuoted(std::string& out, std::string_view s) {
  out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void initJsonLog() {
  auto logger = spdlog::stderr_logger_mt("nextstep-server");
  // Time and level come from spdlog; %v is the event's own "key":value list.
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                      spdlog::pattern_time_type::utc);
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(std::move(logger));
}

const char* statusCodeName(grpc::StatusCode code) {
  switch (code) {
    case grpc::StatusCode::OK:
      return "OK";
    case grpc::StatusCode::CANCELLED:
      return "CANCELLED";
    case grpc::StatusCode::UNKNOWN:
      return "UNKNOWN";
    case grpc::StatusCode::INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case grpc::StatusCode::DEADLINE_EXCEEDED:
      return "DEADLINE_EXCEEDED";
    case grpc::StatusCode::NOT_FOUND:
      return "NOT_FOUND";
    case grpc::StatusCode::ALREADY_EXISTS:
      return "ALREADY_EXISTS";
    case grpc::StatusCode::PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    case grpc::StatusCode::UNAUTHENTICATED:
      return "UNAUTHENTICATED";
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
      return "RESOURCE_EXHAUSTED";
    case grpc::StatusCode::FAILED_PRECONDITION:
      return "FAILED_PRECONDITION";
    case grpc::StatusCode::ABORTED:
      return "ABORTED";
    case grpc::StatusCode::OUT_OF_RANGE:
      return "OUT_OF_RANGE";
    case grpc::StatusCode::UNIMPLEMENTED:
      return "UNIMPLEMENTED";
    case grpc::StatusCode::INTERNAL:
      return "INTERNAL";
    case grpc::StatusCode::UNAVAILABLE:
      return "UNAVAILABLE";
    case grpc::StatusCode::DATA_LOSS:
      return "DATA_LOSS";
    default:
      return "UNKNOWN";
  }
}

LogLine::LogLine(std::string_view event) { text("event", event); }

LogLine& LogLine::caller(const Caller& c) {
  text("team", c.team_name);
  text("user", c.email);
  if (c.device) text("device", deviceIdToHex(*c.device));
  return *this;
}

LogLine& LogLine::ms(double millis) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", millis);
  if (!body_.empty()) body_ += ',';
  appendQuoted(body_, "ms");
  body_ += ':';
  body_ += buf;
  return *this;
}

LogLine& LogLine::text(std::string_view key, std::string_view value) {
  if (!body_.empty()) body_ += ',';
  appendQuoted(body_, key);
  body_ += ':';
  appendQuoted(body_, value);
  return *this;
}

LogLine& LogLine::number(std::string_view key, std::int64_t value) {
  if (!body_.empty()) body_ += ',';
  appendQuoted(body_, key);
  body_ += ':';
  body_ += std::to_string(value);
  return *this;
}

void LogLine::info() const { spdlog::info("{}", body_); }
void LogLine::warn() const { spdlog::warn("{}", body_); }
void LogLine::error() const { spdlog::error("{}", body_); }

}  // namespace nextstep::server
