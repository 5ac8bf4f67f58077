// What the service answers: a response, or a gRPC status code with a message for the client.
#pragma once

#include <grpcpp/support/status.h>
#include <grpcpp/support/status_code_enum.h>

#include <string>
#include <utility>

#include "nextstep/model/result.h"

namespace nextstep::server {

struct RpcError {
  grpc::StatusCode code = grpc::StatusCode::INTERNAL;
  std::string message;
  std::string details;  // for the client's code, not for people (e.g. sync::kLogCompacted)
};

// The core's Result with a gRPC status code for its error; code() is what the handler answers.
template <typename T>
class [[nodiscard]] Reply : public Result<T, RpcError> {
 public:
  using Result<T, RpcError>::Result;
  grpc::StatusCode code() const { return this->ok() ? grpc::StatusCode::OK : this->error().code; }
};

inline RpcError rpcError(grpc::StatusCode code, std::string message) {
  return RpcError{code, std::move(message)};
}

inline grpc::Status statusOf(const RpcError& e) {
  return grpc::Status(e.code, e.message, e.details);
}

}  // namespace nextstep::server
