// Hand-written HTTP/2 for the abuse tests: what an attacker without a gRPC client sends. Frames
// are byte layouts (RFC 9113 section 4.1); header blocks are HPACK literals without indexing.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace nextstep::server::test::http2 {

enum FrameType : std::uint8_t { kData = 0, kHeaders = 1, kRstStream = 3, kSettings = 4 };
enum Flag : std::uint8_t { kEndStream = 0x1, kAck = 0x1, kEndHeaders = 0x4 };
constexpr std::uint32_t kCancel = 0x8;

// The client connection preface followed by an empty SETTINGS frame.
std::string preface();
std::string frame(std::uint8_t type, std::uint8_t flags, std::uint32_t stream,
                  const std::string& payload);
// HEADERS for a gRPC call to `path` (e.g. "/pkg.Service/Method"), with extra headers.
std::string headers(std::uint32_t stream, const std::string& path,
                    const std::vector<std::pair<std::string, std::string>>& extra = {},
                    bool end_stream = false);
std::string rstStream(std::uint32_t stream, std::uint32_t error_code = kCancel);

// A TCP connection to 127.0.0.1:port, or -1.
int connectLoopback(int port);
// Writes all of `bytes`; false when the peer has gone.
bool writeAll(int fd, const std::string& bytes);
// Reads and discards what the peer sent; false once it closed the connection (EOF or reset).
bool drain(int fd);
// Reads until the peer closes the connection or the deadline passes; true when it closed.
bool closedBy(int fd, std::chrono::steady_clock::time_point deadline);

}  // namespace nextstep::server::test::http2
