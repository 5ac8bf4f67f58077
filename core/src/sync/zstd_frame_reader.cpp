#include "zstd_frame_reader.h"

#include <zstd.h>

namespace nextstep::sync {

ZstdFrameReader::ZstdFrameReader()
    : ctx_(ZSTD_createDCtx()), buffer_(ZSTD_DStreamOutSize(), '\0') {}

ZstdFrameReader::~ZstdFrameReader() { ZSTD_freeDCtx(ctx_); }

bool ZstdFrameReader::feed(std::string_view in, const std::function<bool(std::string_view)>& out) {
  if (ctx_ == nullptr) {
    error_ = "no memory for the decompressor";
    return false;
  }
  ZSTD_inBuffer input{in.data(), in.size(), 0};
  for (;;) {
    if (finished_ && input.pos < input.size) {
      error_ = "bytes after the end of the compressed snapshot";
      return false;
    }
    ZSTD_outBuffer output{buffer_.data(), buffer_.size(), 0};
    const std::size_t left = ZSTD_decompressStream(ctx_, &output, &input);
    if (ZSTD_isError(left) != 0) {
      error_ = std::string("the compressed snapshot is damaged: ") + ZSTD_getErrorName(left);
      return false;
    }
    if (output.pos > 0 && !out(std::string_view(buffer_.data(), output.pos))) {
      error_ = "the snapshot could not be written";
      return false;
    }
    if (left == 0) finished_ = true;
    // An output buffer left with room means all of the input so far is decoded and handed out.
    if (input.pos == input.size && output.pos < output.size) return true;
  }
}

}  // namespace nextstep::sync
