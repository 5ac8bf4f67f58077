// The results of export, import, backup, restore, recap and remind, each with its JSON form
// (to_json; keys in docs/cli.md) and its text form (printText), for emit().
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "day_words.h"
#include "emit.h"
#include "nextstep/calendar/invitation.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/data/backup.h"
#include "nextstep/data/csv_import.h"
#include "nextstep/data/export.h"
#include "nextstep/follow_up/reminders.h"

namespace nextstep::cli {

// export ics: the file's text goes to standard output unless it went to `file`.
struct InvitationOutput {
  calendar::Invitation invitation;
  std::optional<std::string> file;
};

// recap: `content` is the chosen format's text; it goes to standard output unless to `file`.
struct RecapOutput {
  calendar::Recap recap;
  std::string format;  // text | mailto | eml
  std::string content;
  std::optional<std::string> file;
};

struct ImportResult {
  data::ImportReport report;
};

struct ExportOutput {
  std::string format;  // csv | json
  std::string target;  // the folder or the file
  data::ExportSummary summary;
};

struct BackupResult {
  data::BackupCheck check;
};

struct RestoreResult {
  data::RestoreReport report;
};

struct ReminderRun {
  std::vector<Reminder> reminders;
  std::string via;     // desktop | printed | listed
  std::string notice;  // why they were printed instead of shown
};

NEXTSTEP_RESULT_FORMS(InvitationOutput);
NEXTSTEP_RESULT_FORMS(RecapOutput);
NEXTSTEP_RESULT_FORMS(ImportResult);
NEXTSTEP_RESULT_FORMS(ExportOutput);
NEXTSTEP_RESULT_FORMS(BackupResult);
NEXTSTEP_RESULT_FORMS(RestoreResult);
NEXTSTEP_RESULT_FORMS(ReminderRun);

}  // namespace nextstep::cli
