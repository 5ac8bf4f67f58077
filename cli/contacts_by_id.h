// Contacts by id, to name the attendees and the people asked for their temperature.
#pragma once

#include <map>
#include <string>

#include "nextstep/model/model.h"

namespace nextstep::cli {

using ContactsById = std::map<std::string, Contact>;

}  // namespace nextstep::cli
