#include "nextstep/sync/identity_token.h"

#include "nextstep/model/result_try.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/sync_account.h"

namespace nextstep::sync {

Result<void> registerIdentity(Store& store, Transport& transport) {
  const DeviceId device = store.deviceId();
  NEXTSTEP_TRY(auto reason, store.read(lastForkReason));
  NEXTSTEP_TRY(auto token,
               transport.forkDevice(device, reason.value_or("this database became a new device")));
  return SyncAccount(store).update([&](AccountFields& a) {
    a.token = token;
    a.token_device = device;
  });
}

}  // namespace nextstep::sync
