// The text form of signing in, a sync round, the sync status, the conflicts and the changes set
// aside, and the integrity check, for the text printer.
#pragma once

#include <ostream>
#include <vector>

#include "printer.h"

namespace nextstep::cli {

void printSignedIn(std::ostream& out, const SignIn& r);
void printSyncRound(std::ostream& out, const SyncRun& r);
void printSyncStatus(std::ostream& out, const sync::SyncStatus& st, const TimeZone& zone);
void printConflicts(std::ostream& out, const std::vector<sync::ConflictEntry>& list,
                    const TimeZone& zone);
void printSetAside(std::ostream& out, const std::vector<sync::SetAsideChange>& list,
                   const TimeZone& zone);
void printIntegrity(std::ostream& out, const Integrity& r);

}  // namespace nextstep::cli
