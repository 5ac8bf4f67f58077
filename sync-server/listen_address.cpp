#include "listen_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>

namespace nextstep::server {

std::optional<ListenAddress> parseListenAddress(std::string_view address) {
  const std::size_t colon = address.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == address.size()) {
    return std::nullopt;
  }
  ListenAddress out{std::string(address.substr(0, colon)), std::string(address.substr(colon + 1))};
  if (!std::all_of(out.port.begin(), out.port.end(),
                   [](unsigned char c) { return std::isdigit(c) != 0; }) ||
      out.port.size() > 5 || std::stoi(out.port) > 65535) {
    return std::nullopt;
  }
  // An IPv6 host needs brackets, or its colons would be read as the port's.
  if (out.host.find(':') != std::string::npos &&
      (out.host.front() != '[' || out.host.back() != ']')) {
    return std::nullopt;
  }
  return out;
}

bool isLoopback(const ListenAddress& address) {
  std::string host = address.host;
  if (host == "localhost") return true;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
    in6_addr v6{};
    return inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
  }
  in_addr v4{};
  if (inet_pton(AF_INET, host.c_str(), &v4) != 1) return false;
  return (ntohl(v4.s_addr) >> 24) == 127;
}

}  // namespace nextstep::server
