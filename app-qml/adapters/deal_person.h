// Someone new met at the table, as booking and closing the call add them: a contact at the deal's
// account, with the role they play in the decision.
#pragma once

#include <QString>

#include <string>

#include "nextstep/pipeline/pipeline.h"

namespace deal_person {

// The contact as typed in the sheet (role: decision_maker | approver | champion | user | other).
nextstep::NewContact typed(const QString& name, const QString& email, const QString& role);
// Adds them at the deal's account; refused when the deal has none.
nextstep::Result<std::string> add(nextstep::Store& store, const std::string& deal_id,
                                  nextstep::NewContact contact);

}  // namespace deal_person
