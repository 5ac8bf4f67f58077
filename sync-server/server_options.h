// Everything `nextstep-server` is started with.
#pragma once

#include <filesystem>
#include <string>

#include "sync_service.h"

namespace nextstep::server {

struct ServerOptions {
  std::filesystem::path data_dir;
  std::string listen = "127.0.0.1:7443";
  std::string tls_cert;  // PEM files; both or neither
  std::string tls_key;
  bool insecure = false;  // plaintext on a non-loopback address
  SyncLimits limits;
  int max_streams_per_user = 8;
  double rate_limit = 200;  // requests per second per token; bursts of twice that
  int heartbeat_seconds = 15;
};

}  // namespace nextstep::server
