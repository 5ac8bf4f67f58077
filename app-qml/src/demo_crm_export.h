// The demo's CRM export: a HubSpot deals file to try the import with.
#pragma once

#include <filesystem>
#include <string>

namespace demo {

// Writes `dir`/hubspot-deals.csv and returns its path; throws when it cannot.
std::string writeCrmExport(const std::filesystem::path& dir);

}  // namespace demo
