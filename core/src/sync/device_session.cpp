#include "nextstep/sync/device_session.h"

#include "nextstep/catalog.h"
#include "nextstep/device_identity.h"

namespace nextstep::sync {
namespace {

constexpr char kRestoredReason[] =
    "the server holds newer changes of this device than this database: it was restored from an "
    "older copy, so it continues as a new device";

// The identity the stored token was issued to; nullopt when not known (then it is ours).
Result<std::optional<DeviceId>> tokenDevice(Replica& replica) {
  auto hex = replica.setting(identity_keys::kTokenDevice);
  if (!hex) return hex.error();
  DeviceId id = 0;
  if (!*hex || !parseDeviceId(**hex, id)) return std::optional<DeviceId>();
  return std::optional<DeviceId>(id);
}

Result<void> setTokenDevice(Replica& replica, DeviceId device) {
  return replica.setSetting(identity_keys::kTokenDevice, deviceIdToHex(device));
}

// A token of the new identity's own, kept where every sync of this database finds it.
Result<void> registerIdentity(Replica& replica, Transport& transport, DeviceId device,
                              std::string_view reason) {
  auto token = transport.forkDevice(device, reason);
  if (!token) return token.error();
  if (auto ok = replica.setSetting("sync_token", *token); !ok) return ok;
  return setTokenDevice(replica, device);
}

Result<std::string> forkReason(Replica& replica) {
  auto reason = replica.setting(identity_keys::kForkReason);
  if (!reason) return reason.error();
  return reason->value_or("this database became a new device");
}

Result<ServerHello> handshake(Replica& replica, Transport& transport) {
  auto last = replica.lastSeq();
  if (!last) return last.error();
  return transport.handshake(replica.store().deviceId(), kCatalogVersion, *last);
}

Result<ServerHello> boundedBy(Replica& replica, Result<ServerHello> hello) {
  if (!hello) return hello;
  if (auto bound = replica.boundClock(hello->server_time_ms, hello->max_clock_ahead_ms); !bound)
    return bound.error();
  return hello;
}

}  // namespace

Result<ServerHello> beginSession(Replica& replica, Transport& transport) {
  const DeviceId device = replica.store().deviceId();
  auto issued_to = tokenDevice(replica);
  if (!issued_to) return issued_to.error();
  if (*issued_to && **issued_to != device) {
    auto reason = forkReason(replica);
    if (!reason) return reason.error();
    if (auto ok = registerIdentity(replica, transport, device, *reason); !ok) return ok.error();
  }
  auto hello = handshake(replica, transport);
  if (!hello) return hello;
  if (hello->device_reused) return continueAsNewDevice(replica, transport, kRestoredReason);
  if (!*issued_to) {
    if (auto ok = setTokenDevice(replica, device); !ok) return ok.error();
  }
  return boundedBy(replica, std::move(hello));
}

Result<ServerHello> continueAsNewDevice(Replica& replica, Transport& transport,
                                        std::string_view reason) {
  auto fork = replica.store().forkDevice(reason);
  if (!fork) return fork.error();
  if (auto ok = registerIdentity(replica, transport, fork->to, reason); !ok) return ok.error();
  auto hello = handshake(replica, transport);
  if (hello && hello->device_reused) {
    return Error{ErrorCode::kInternal,
                 "the server still finds this device's numbers used after it became a new device"};
  }
  return boundedBy(replica, std::move(hello));
}

}  // namespace nextstep::sync
