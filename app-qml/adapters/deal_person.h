// Someone new met at the table, as booking and closing the call add them: a contact at the deal's
// account, with the role they play in the decision.
#pragma once

#include <QString>

#include <functional>
#include <string>

#include "nextstep/pipeline/pipeline.h"

namespace deal_person {

// The store job that adds them at the deal's account, as typed in the sheet (role:
// decision_maker | approver | champion | user | other); it refuses a deal without an account and
// yields the new contact's id.
std::function<nextstep::Result<std::string>(nextstep::Store&)> addJob(const QString& deal_id,
                                                                      const QString& name,
                                                                      const QString& email,
                                                                      const QString& role);

}  // namespace deal_person
