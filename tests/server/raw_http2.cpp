#include "raw_http2.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace nextstep::server::test::http2 {
namespace {

// HPACK integer with an N-bit prefix (RFC 7541 section 5.1); `first` holds the prefix's flags.
void appendInteger(std::string& out, std::uint8_t first, int prefix_bits, std::size_t value) {
  const std::size_t max = (1u << prefix_bits) - 1;
  if (value < max) {
    out.push_back(static_cast<char>(first | value));
    return;
  }
  out.push_back(static_cast<char>(first | max));
  value -= max;
  while (value >= 128) {
    out.push_back(static_cast<char>(0x80 | (value & 0x7f)));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// Literal header field without indexing, new name (RFC 7541 section 6.2.2), no Huffman coding.
void appendLiteral(std::string& out, const std::string& name, const std::string& value) {
  out.push_back('\0');
  appendInteger(out, 0, 7, name.size());
  out += name;
  appendInteger(out, 0, 7, value.size());
  out += value;
}

std::string bigEndian32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

}  // namespace

std::string frame(std::uint8_t type, std::uint8_t flags, std::uint32_t stream,
                  const std::string& payload) {
  const auto length = static_cast<std::uint32_t>(payload.size());
  std::string out = {static_cast<char>(length >> 16), static_cast<char>(length >> 8),
                     static_cast<char>(length), static_cast<char>(type), static_cast<char>(flags)};
  out += bigEndian32(stream & 0x7fffffffu);
  out += payload;
  return out;
}

std::string preface() {
  return std::string("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") + frame(kSettings, 0, 0, "");
}

std::string headers(std::uint32_t stream, const std::string& path,
                    const std::vector<std::pair<std::string, std::string>>& extra,
                    bool end_stream) {
  std::string block;
  appendLiteral(block, ":method", "POST");
  appendLiteral(block, ":scheme", "http");
  appendLiteral(block, ":path", path);
  appendLiteral(block, ":authority", "127.0.0.1");
  appendLiteral(block, "content-type", "application/grpc");
  appendLiteral(block, "te", "trailers");
  for (const auto& [name, value] : extra) appendLiteral(block, name, value);
  const std::uint8_t flags = kEndHeaders | (end_stream ? kEndStream : 0);
  return frame(kHeaders, flags, stream, block);
}

std::string rstStream(std::uint32_t stream, std::uint32_t error_code) {
  return frame(kRstStream, 0, stream, bigEndian32(error_code));
}

int connectLoopback(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

bool writeAll(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool drain(int fd) {
  char buf[16384];
  for (;;) {
    const ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) continue;
    if (n == 0) return false;
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
  }
}

bool closedBy(int fd, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) > 0 && !drain(fd)) return true;
  }
}

}  // namespace nextstep::server::test::http2
