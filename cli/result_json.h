// The --json form of the results of export, import, backup, restore, recap and remind (keys in
// docs/cli.md), for the JSON printer.
#pragma once

#include <nlohmann/json.hpp>

#include "printer.h"

namespace nextstep::cli {

nlohmann::ordered_json invitationJson(const InvitationOutput& o);
nlohmann::ordered_json recapJson(const RecapOutput& o);
nlohmann::ordered_json importJson(const data::ImportReport& r);
nlohmann::ordered_json exportJson(const ExportOutput& o);
nlohmann::ordered_json backupJson(const data::BackupCheck& c);
nlohmann::ordered_json restoreJson(const data::RestoreReport& r);
nlohmann::ordered_json remindersJson(const ReminderRun& run);

}  // namespace nextstep::cli
