// Everything `nextstep-server` is started with.
#pragma once

#include <filesystem>
#include <string>

#include "store_choice.h"
#include "sync_service.h"
#include "team_snapshots.h"

namespace nextstep::server {

struct ServerOptions {
  StoreChoice store;  // --data DIR, or --store postgresql://...
  std::string listen = "127.0.0.1:7443";
  std::string tls_cert;  // PEM files; both or neither
  std::string tls_key;
  bool insecure = false;  // plaintext on a non-loopback address
  SyncLimits limits;
  int max_streams_per_user = 8;
  double rate_limit = 200;  // requests per second per token; bursts of twice that
  int heartbeat_seconds = 15;
  // A connection with no call in flight is closed after this long (an open Subscribe is a call),
  // so idle or abandoned connections give their file descriptor back.
  int max_connection_idle_seconds = 60;
  // Every connection is closed after this long (with a grace for calls in flight); clients
  // reconnect with back-off, and a connection cannot be held open forever.
  int max_connection_age_minutes = 30;
  // Where team snapshots are kept; empty: the embedded store's folder/snapshots, and none on
  // PostgreSQL (devices then replay the log).
  std::filesystem::path snapshot_dir;
  SnapshotPolicy snapshots;
};

}  // namespace nextstep::server
