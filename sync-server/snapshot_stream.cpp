#include "snapshot_stream.h"

#include <string>

namespace nextstep::server {
namespace {
// Under the client's 4 MiB message limit, large enough that framing costs nothing.
constexpr std::size_t kChunkBytes = 1 << 20;
}  // namespace

SnapshotStream::SnapshotStream(SnapshotRef file, bool compressed, StreamQuota& quota, UserId user)
    : file_(std::move(file)),
      quota_(quota),
      user_(user),
      compressed_(compressed),
      size_(compressed ? file_->compressed_bytes : file_->bytes),
      in_(compressed ? file_->compressed : file_->path, std::ios::binary) {
  sendNext();
}

void SnapshotStream::OnDone() {
  quota_.release(user_);
  delete this;
}

void SnapshotStream::OnWriteDone(bool ok) {
  if (!ok) {
    Finish(grpc::Status(grpc::StatusCode::CANCELLED, "the device stopped reading the snapshot"));
    return;
  }
  sendNext();
}

void SnapshotStream::sendNext() {
  if (!first_ && sent_ >= size_) {
    Finish(grpc::Status::OK);
    return;
  }
  chunk_.Clear();
  if (first_) {
    chunk_.set_version(file_->version);
    chunk_.set_total_bytes(file_->bytes);
    chunk_.set_rows(file_->rows);
    if (compressed_) chunk_.set_compressed_bytes(size_);
    first_ = false;
  }
  const std::size_t want =
      static_cast<std::size_t>(std::min<std::uint64_t>(kChunkBytes, size_ - sent_));
  std::string* data = chunk_.mutable_data();
  data->resize(want);
  in_.read(data->data(), static_cast<std::streamsize>(want));
  if (static_cast<std::size_t>(in_.gcount()) != want) {
    Finish(grpc::Status(grpc::StatusCode::INTERNAL, "the team's snapshot could not be read"));
    return;
  }
  sent_ += want;
  StartWrite(&chunk_);
}

}  // namespace nextstep::server
