#include "snapshot_compression.h"

#include <zstd.h>

#include <fstream>
#include <memory>
#include <string>

#include "nextstep/data/durable_file.h"

namespace nextstep::server {
namespace {

constexpr int kLevel = 1;

struct FreeContext {
  void operator()(ZSTD_CCtx* ctx) const { ZSTD_freeCCtx(ctx); }
};

}  // namespace

Result<std::uint64_t> compressSnapshot(const std::filesystem::path& from,
                                       const std::filesystem::path& to) {
  std::unique_ptr<ZSTD_CCtx, FreeContext> ctx(ZSTD_createCCtx());
  if (!ctx) return Error{ErrorCode::kInternal, "no memory for the compressor"};
  ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_compressionLevel, kLevel);
  // A checksum of the file ends the frame: a device finds a damaged download.
  ZSTD_CCtx_setParameter(ctx.get(), ZSTD_c_checksumFlag, 1);
  std::error_code ec;
  const auto size = std::filesystem::file_size(from, ec);
  if (ec) return Error{ErrorCode::kIo, "cannot read " + from.string() + ": " + ec.message()};
  // The frame says how long the file is, as the stream's header does.
  ZSTD_CCtx_setPledgedSrcSize(ctx.get(), size);

  std::ifstream in(from, std::ios::binary);
  DurableFile out(to.string());
  if (!in || !out.opened()) return Error{ErrorCode::kIo, "cannot write " + to.string()};
  std::string input(ZSTD_CStreamInSize(), '\0');
  std::string output(ZSTD_CStreamOutSize(), '\0');
  std::uint64_t written = 0;
  for (bool last = false; !last;) {
    in.read(input.data(), static_cast<std::streamsize>(input.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got < input.size()) {
      if (!in.eof()) return Error{ErrorCode::kIo, "cannot read " + from.string()};
      last = true;
    }
    ZSTD_inBuffer chunk{input.data(), got, 0};
    const ZSTD_EndDirective mode = last ? ZSTD_e_end : ZSTD_e_continue;
    for (bool done = false; !done;) {
      ZSTD_outBuffer piece{output.data(), output.size(), 0};
      const std::size_t left = ZSTD_compressStream2(ctx.get(), &piece, &chunk, mode);
      if (ZSTD_isError(left) != 0) {
        return Error{ErrorCode::kInternal,
                     std::string("compressing the snapshot: ") + ZSTD_getErrorName(left)};
      }
      if (!out.append(std::string_view(output.data(), piece.pos))) {
        return Error{ErrorCode::kIo, "cannot write " + to.string() + " (is the disk full?)"};
      }
      written += piece.pos;
      done = last ? left == 0 : chunk.pos == chunk.size;
    }
  }
  if (!out.finish()) return Error{ErrorCode::kIo, "cannot save " + to.string()};
  return written;
}

}  // namespace nextstep::server
