// A snapshot's zstd frame, decompressed piece by piece as a download hands it over.
#include "sync/zstd_frame_reader.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <string>

namespace nextstep::sync {
namespace {

// As the server writes a snapshot's frame: level 1, with a checksum of the file.
std::string compressed(const std::string& plain) {
  ZSTD_CCtx* ctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, 1);
  ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 1);
  std::string out(ZSTD_compressBound(plain.size()), '\0');
  const std::size_t n = ZSTD_compress2(ctx, out.data(), out.size(), plain.data(), plain.size());
  ZSTD_freeCCtx(ctx);
  out.resize(n);
  return out;
}

// A database file's shape: long runs of the same bytes, and text.
std::string aFile() {
  std::string plain;
  for (int i = 0; i < 40'000; ++i) plain += "deal " + std::to_string(i) + " Fleet pilot\n";
  plain += std::string(300'000, '\0');
  return plain;
}

std::string readInPieces(ZstdFrameReader& reader, const std::string& frame, std::size_t piece,
                         bool& ok) {
  std::string out;
  ok = true;
  for (std::size_t at = 0; ok && at < frame.size(); at += piece) {
    ok = reader.feed(frame.substr(at, piece), [&](std::string_view bytes) {
      out.append(bytes);
      return true;
    });
  }
  return out;
}

TEST(ZstdFrameReaderTest, GivesBackTheFileWhateverSizeThePiecesAre) {
  const std::string plain = aFile();
  const std::string frame = compressed(plain);
  ASSERT_LT(frame.size(), plain.size() / 4);
  for (const std::size_t piece : {std::size_t{1} << 20, std::size_t{4096}, std::size_t{7}}) {
    ZstdFrameReader reader;
    bool ok = false;
    EXPECT_EQ(readInPieces(reader, frame, piece, ok), plain) << piece;
    EXPECT_TRUE(ok) << reader.error();
    EXPECT_TRUE(reader.finished());
  }
}

TEST(ZstdFrameReaderTest, AFrameCutShortIsNotFinished) {
  const std::string frame = compressed(aFile());
  ZstdFrameReader reader;
  bool ok = false;
  readInPieces(reader, frame.substr(0, frame.size() / 2), 4096, ok);
  EXPECT_TRUE(ok);
  EXPECT_FALSE(reader.finished());
}

TEST(ZstdFrameReaderTest, DamagedOrTrailingBytesAreRefusedWithAReason) {
  std::string frame = compressed(aFile());
  std::string damaged = frame;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x5a);
  damaged[damaged.size() / 3] = static_cast<char>(damaged[damaged.size() / 3] ^ 0x5a);
  ZstdFrameReader reader;
  bool ok = true;
  readInPieces(reader, damaged, 4096, ok);
  EXPECT_FALSE(ok && reader.finished());

  ZstdFrameReader trailing;
  readInPieces(trailing, frame + "more", 1 << 20, ok);
  EXPECT_FALSE(ok);
  EXPECT_NE(trailing.error().find("after the end"), std::string::npos) << trailing.error();

  ZstdFrameReader text;
  readInPieces(text, "this is not zstd at all, just text", 64, ok);
  EXPECT_FALSE(ok);
  EXPECT_NE(text.error().find("damaged"), std::string::npos) << text.error();
}

TEST(ZstdFrameReaderTest, AWriterThatRefusesStopsIt) {
  const std::string frame = compressed(aFile());
  ZstdFrameReader reader;
  EXPECT_FALSE(reader.feed(frame, [](std::string_view) { return false; }));
  EXPECT_NE(reader.error().find("could not be written"), std::string::npos);
}

}  // namespace
}  // namespace nextstep::sync
