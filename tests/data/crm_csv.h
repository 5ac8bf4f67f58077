// CSV files as Salesforce, HubSpot and Pipedrive export them (their default column names), made
// up row by row with a known number of rows that must be skipped and why.
#pragma once

#include <string>
#include <vector>

namespace nextstep::testing {

struct CrmFile {
  std::string text;
  int rows = 0;                      // data rows
  int skipped = 0;                   // rows the import must skip
  std::vector<std::string> reasons;  // a word from each kind of skip reason
};

// `rows` opportunities of a Salesforce report: CRLF, quoted, US amounts, with a row missing its
// name every 97 rows, an amount that is not a number every 101, a duplicate every 89.
CrmFile salesforceOpportunities(int rows);
// HubSpot's deals export: LF, internal stage names, a line break inside quotes every 7 rows.
CrmFile hubspotDeals(int rows);
// Pipedrive's deals export as Excel saves it in Europe: a BOM, ';' delimiters, "12.345,67".
CrmFile pipedriveDeals(int rows);
// Salesforce contacts: a duplicate email every 50 rows, a bad email every 333.
CrmFile salesforceContacts(int rows);
// HubSpot companies.
CrmFile hubspotCompanies(int rows);
// Pipedrive activities: done calls and meetings of the deals above, and open tasks ahead.
CrmFile pipedriveActivities(int rows);

}  // namespace nextstep::testing
