// One zstd frame, decompressed as its pieces arrive: a snapshot download is written to disk as
// it comes, never held whole.
#pragma once

#include <functional>
#include <string>
#include <string_view>

struct ZSTD_DCtx_s;

namespace nextstep::sync {

class ZstdFrameReader {
 public:
  ZstdFrameReader();
  ~ZstdFrameReader();
  ZstdFrameReader(const ZstdFrameReader&) = delete;
  ZstdFrameReader& operator=(const ZstdFrameReader&) = delete;

  // Decompresses `in` and hands what it makes to `out` (false from `out` stops it). False when
  // the bytes are not zstd, or continue past the frame's end, or `out` refused; error() says
  // which.
  bool feed(std::string_view in, const std::function<bool(std::string_view)>& out);
  // The frame ended: everything it holds was handed out.
  bool finished() const { return finished_; }
  const std::string& error() const { return error_; }

 private:
  ZSTD_DCtx_s* ctx_;
  std::string buffer_;
  bool finished_ = false;
  std::string error_;
};

}  // namespace nextstep::sync
