// A device in the sync benchmarks: a store of its own, and a channel to the server under test.
#pragma once

#include <grpcpp/grpcpp.h>

#include <filesystem>
#include <memory>
#include <string>

#include "nextstep/storage/store.h"

namespace nextstep::bench {

// A new, empty store at the path (an earlier run's file removed first).
std::unique_ptr<Store> freshStore(const std::filesystem::path& path);

std::shared_ptr<grpc::Channel> channelTo(const std::string& address);

// A connection of its own, as another device would have: gRPC otherwise shares one connection
// between channels to the same address, and the server caps streams per connection.
std::shared_ptr<grpc::Channel> ownConnectionTo(const std::string& address, int device);

}  // namespace nextstep::bench
