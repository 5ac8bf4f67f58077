// The rep's own address, as the customer sees it on invitations and recaps.
#pragma once

#include <string>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::calendar {

// The email this device signed in to the team's server with (its SyncAccount, kept by
// `nextstep login` and the app), else $EMAIL, else empty.
Result<std::string> repEmail(Store& store);

}  // namespace nextstep::calendar
