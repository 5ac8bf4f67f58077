// The text form of the results of export, import, backup, restore, recap and remind, for the
// text printer (kept apart so text_printer.cpp stays about the pipeline's pages).
#pragma once

#include <ostream>

#include "printer.h"

namespace nextstep::cli {

void printInvitation(std::ostream& out, const InvitationOutput& o);
void printRecap(std::ostream& out, const RecapOutput& o);
void printImport(std::ostream& out, const data::ImportReport& r);
void printExport(std::ostream& out, const ExportOutput& o);
void printBackup(std::ostream& out, const data::BackupCheck& c);
void printRestore(std::ostream& out, const data::RestoreReport& r);
void printReminders(std::ostream& out, const ReminderRun& run, const TimeZone& zone);

}  // namespace nextstep::cli
