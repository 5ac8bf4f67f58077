// What the service answers: a response, or a gRPC status code with a message for the client.
#pragma once

#include <grpcpp/support/status.h>
#include <grpcpp/support/status_code_enum.h>

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace nextstep::server {

struct RpcError {
  grpc::StatusCode code = grpc::StatusCode::INTERNAL;
  std::string message;
};

template <typename T>
class [[nodiscard]] Reply {
 public:
  Reply(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Reply(RpcError error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const RpcError& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  grpc::StatusCode code() const { return ok() ? grpc::StatusCode::OK : error().code; }

 private:
  std::variant<T, RpcError> v_;
};

inline RpcError rpcError(grpc::StatusCode code, std::string message) {
  return RpcError{code, std::move(message)};
}

inline grpc::Status statusOf(const RpcError& e) { return grpc::Status(e.code, e.message); }

}  // namespace nextstep::server
