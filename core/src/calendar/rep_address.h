// The rep's own address, as the customer sees it on invitations and recaps.
#pragma once

#include <string>

#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::calendar {

// The email this device signed in to the team's server with (local_meta sync_email, kept by
// `nextstep login`), else $EMAIL, else empty.
Result<std::string> repEmail(Store& store);

}  // namespace nextstep::calendar
