#include "demo_crm_export.h"

#include <fstream>
#include <stdexcept>

namespace demo {

// What a team moving from HubSpot has: its deals export, with a row the import must skip (no
// title) and a stage that is not on the ladder.
std::string writeCrmExport(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / "hubspot-deals.csv";
  std::ofstream out(path);
  out << "Deal Name,Associated Company,Amount,Deal Currency Code,Deal Stage,Create Date\n"
         "Harbour cranes retrofit,Nordhafen Port Services,\"84,000.00\",EUR,Qualified To Buy,"
         "2026-10-02\n"
         "Cold-chain sensors,Frostline Foods,\"23,500.50\",EUR,Appointment Scheduled,2026-10-14\n"
         "Fleet telematics,Acme Logistics,61000,EUR,Presentation Scheduled,2026-11-03\n"
         ",Borealis Retail,9000,EUR,Qualified To Buy,2026-11-10\n"
         "Warehouse robots pilot,Helix Pharma,150000,USD,Demo Booked,2026-11-21\n";
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  return path.string();
}

}  // namespace demo
