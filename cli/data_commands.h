// import csv | export csv | export json | backup | restore: the pipeline in and out.
#pragma once

#include <optional>
#include <string>

#include "nextstep/model/result.h"
#include "session.h"

namespace nextstep::cli {

struct ImportCsvFlags {
  std::string file;
  std::string from;                      // salesforce | hubspot | pipedrive | nextstep
  std::optional<std::string> kind;       // deals | accounts | contacts | activities
  std::optional<std::string> delimiter;  // , ; | tab
  std::optional<std::string> currency;   // for amounts without one
  std::optional<std::string> owner;      // for records without one
  bool dry_run = false;
};

Result<void> importCsvCommand(Session& session, const ImportCsvFlags& flags);
Result<void> exportCsvCommand(Session& session, const std::string& dir);
Result<void> exportJsonCommand(Session& session, const std::string& file);
Result<void> backupCommand(Session& session, const std::string& file);
Result<void> restoreCommand(Session& session, const std::string& file);

}  // namespace nextstep::cli
