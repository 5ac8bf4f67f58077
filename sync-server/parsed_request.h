// A request message that gRPC's callback API always "deserializes": when the bytes are not a
// valid message, gRPC 1.51's callback handlers answer UNIMPLEMENTED before any code of ours runs
// (server_callback_handlers.h), which tells a client with a bug the wrong thing. Registered in
// place of the plain message, the parse failure reaches the service, which answers
// INVALID_ARGUMENT.
#pragma once

#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/byte_buffer.h>

#include <string>

namespace nextstep::server {

template <typename Message>
struct ParsedRequest {
  Message message;
  bool valid = true;
  std::string problem;  // why it is not valid
};

}  // namespace nextstep::server

template <typename Message>
class grpc::SerializationTraits<nextstep::server::ParsedRequest<Message>, void> {
 public:
  static grpc::Status Serialize(const nextstep::server::ParsedRequest<Message>& request,
                                grpc::ByteBuffer* buffer, bool* own_buffer) {
    return grpc::SerializationTraits<Message>::Serialize(request.message, buffer, own_buffer);
  }
  static grpc::Status Deserialize(grpc::ByteBuffer* buffer,
                                  nextstep::server::ParsedRequest<Message>* request) {
    const grpc::Status parsed =
        grpc::SerializationTraits<Message>::Deserialize(buffer, &request->message);
    request->valid = parsed.ok();
    if (!parsed.ok()) {
      request->message.Clear();
      request->problem = parsed.error_message();
    }
    return grpc::Status::OK;
  }
};
