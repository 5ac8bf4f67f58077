// The parts of a --listen address that decide whether plaintext is allowed there.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nextstep::server {

struct ListenAddress {
  std::string host;  // as given, IPv6 in brackets: "127.0.0.1", "[::1]", "0.0.0.0"
  std::string port;
};

std::optional<ListenAddress> parseListenAddress(std::string_view address);
// 127.0.0.0/8, ::1 and "localhost": reachable from this machine only.
bool isLoopback(const ListenAddress& address);

}  // namespace nextstep::server
