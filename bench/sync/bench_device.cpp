#include "bench_device.h"

#include "nextstep/sync/grpc_transport.h"

namespace nextstep::bench {

namespace fs = std::filesystem;

std::unique_ptr<Store> freshStore(const fs::path& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  return std::move(Store::open({path.string(), true}).value());
}

std::shared_ptr<grpc::Channel> channelTo(const std::string& address) {
  return sync::openChannel({address, std::nullopt, false}).value();
}

std::shared_ptr<grpc::Channel> ownConnectionTo(const std::string& address, int device) {
  grpc::ChannelArguments args;
  args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  args.SetInt("nextstep.bench.device", device);
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

}  // namespace nextstep::bench
