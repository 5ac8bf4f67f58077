#include "nextstep/sync/sync_account.h"

#include <string_view>

#include "nextstep/model/result_try.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/storage/local_meta.h"

namespace nextstep::sync {
namespace {

constexpr std::string_view kServer = "sync_server";
constexpr std::string_view kEmail = "sync_email";
constexpr std::string_view kToken = "sync_token";
constexpr std::string_view kTeam = "sync_team";
constexpr std::string_view kCaFile = "sync_ca";
constexpr std::string_view kTls = "sync_tls";

AccountFields readFields(Database& db) {
  AccountFields a;
  a.server = local_meta::text(db, kServer);
  a.email = local_meta::text(db, kEmail);
  a.token = local_meta::text(db, kToken);
  a.team = local_meta::text(db, kTeam);
  a.ca_file = local_meta::text(db, kCaFile);
  if (auto tls = local_meta::text(db, kTls)) a.tls = *tls != "0";
  DeviceId device = 0;
  if (auto hex = local_meta::text(db, identity_keys::kTokenDevice);
      hex && parseDeviceId(*hex, device)) {
    a.token_device = device;
  }
  return a;
}

void putText(Database& db, std::string_view key, const std::optional<std::string>& value) {
  if (value) {
    local_meta::put(db, key, Value(*value));
  } else {
    local_meta::erase(db, key);
  }
}

}  // namespace

Result<AccountFields> SyncAccount::read() { return store_.read(readFields); }

Result<void> SyncAccount::update(const std::function<void(AccountFields&)>& change) {
  return store_.write([&](Mutation& m) {
    Database& db = m.db();
    const AccountFields before = readFields(db);
    AccountFields after = before;
    change(after);
    auto put = [&](std::string_view key, const std::optional<std::string>& was,
                   const std::optional<std::string>& now) {
      if (was != now) putText(db, key, now);
    };
    put(kServer, before.server, after.server);
    put(kEmail, before.email, after.email);
    put(kToken, before.token, after.token);
    put(kTeam, before.team, after.team);
    put(kCaFile, before.ca_file, after.ca_file);
    auto tlsText = [](const std::optional<bool>& tls) -> std::optional<std::string> {
      if (!tls) return std::nullopt;
      return *tls ? "1" : "0";
    };
    put(kTls, tlsText(before.tls), tlsText(after.tls));
    auto hex = [](const std::optional<DeviceId>& d) -> std::optional<std::string> {
      if (!d) return std::nullopt;
      return deviceIdToHex(*d);
    };
    put(identity_keys::kTokenDevice, hex(before.token_device), hex(after.token_device));
  });
}

Result<std::optional<std::string>> SyncAccount::token() {
  return store_.read([](Database& db) { return local_meta::text(db, kToken); });
}

Result<DeviceId> SyncAccount::tokenDevice() {
  NEXTSTEP_TRY(auto fields, read());
  return fields.token_device.value_or(store_.deviceId());
}

}  // namespace nextstep::sync
