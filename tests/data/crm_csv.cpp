#include "crm_csv.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <set>

namespace nextstep::testing {
namespace {

std::string q(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string line(const std::vector<std::string>& fields, char delimiter, const char* eol) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += delimiter;
    out += q(fields[i]);
  }
  return out + eol;
}

std::string usAmount(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d,%03d.%02d", 10 + i % 90, (i * 37) % 1000, i % 100);
  return buf;
}

std::string account(int i) { return "Account " + std::to_string(i % 300) + " GmbH"; }

}  // namespace

CrmFile salesforceOpportunities(int rows) {
  static const std::array<const char*, 10> stages = {
      "Prospecting",         "Qualification",       "Needs Analysis",       "Value Proposition",
      "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review",
      "Closed Won",          "Closed Lost"};
  CrmFile f;
  f.text = line({"Opportunity Name", "Account Name", "Amount", "Stage", "Close Date",
                 "Opportunity Owner", "Probability (%)", "Lead Source"},
                ',', "\r\n");
  std::set<std::string> imported;
  for (int i = 1; i <= rows; ++i) {
    std::string name = "Opportunity " + std::to_string(i);
    std::string amount = usAmount(i);
    std::string acct = account(i);
    if (i % 89 == 0) {  // the row before again: the same title at the same account
      name = "Opportunity " + std::to_string(i - 1);
      acct = account(i - 1);
    }
    if (i % 97 == 0) name.clear();
    if (i % 101 == 0) amount = "call me";
    if (name.empty() || amount == "call me" || !imported.insert(name + "|" + acct).second) {
      ++f.skipped;
    }
    f.text += line({name, acct, amount, stages[static_cast<std::size_t>(i) % stages.size()],
                    "03/31/2027", "Rita Rep", "50", "Web"},
                   ',', "\r\n");
    ++f.rows;
  }
  f.reasons = {"no deal title", "not a number", "duplicate"};
  return f;
}

CrmFile hubspotDeals(int rows) {
  static const std::array<const char*, 7> stages = {"appointmentscheduled",
                                                    "qualifiedtobuy",
                                                    "presentationscheduled",
                                                    "decisionmakerboughtin",
                                                    "contractsent",
                                                    "closedwon",
                                                    "closedlost"};
  CrmFile f;
  f.text = line({"Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Deal owner",
                 "Associated Company", "Pipeline", "Create Date"},
                ',', "\n");
  for (int i = 1; i <= rows; ++i) {
    std::string name = "Deal " + std::to_string(i);
    if (i % 7 == 0) name += "\n(renewal, \"phase 2\")";  // a line break and quotes inside a field
    f.text +=
        line({std::to_string(9000 + i), name, stages[static_cast<std::size_t>(i) % stages.size()],
              std::to_string(1000 + i) + ".5", "2027-03-31", "Rita Rep", account(i),
              "Sales Pipeline", "2026-01-15 10:00"},
             ',', "\n");
    ++f.rows;
  }
  return f;
}

CrmFile pipedriveDeals(int rows) {
  static const std::array<const char*, 5> stages = {"Lead In", "Contact Made", "Demo Scheduled",
                                                    "Proposal Made", "Negotiations Started"};
  static const std::array<const char*, 4> statuses = {"open", "open", "won", "lost"};
  CrmFile f;
  f.text = "\xEF\xBB\xBF" +
           line({"Deal - ID", "Deal - Title", "Deal - Organization", "Deal - Contact person",
                 "Deal - Value", "Deal - Currency", "Deal - Pipeline", "Deal - Stage",
                 "Deal - Status", "Deal - Owner", "Deal - Lost reason"},
                ';', "\r\n");
  for (int i = 1; i <= rows; ++i) {
    char value[32];
    std::snprintf(value, sizeof value, "%d.%03d,%02d", 1 + i % 50, (i * 13) % 1000, i % 100);
    const std::string status = statuses[static_cast<std::size_t>(i) % statuses.size()];
    std::string currency = i % 3 == 0 ? "USD" : "EUR";
    if (i % 250 == 0) {
      currency = "Euro";  // not an ISO code
      ++f.skipped;
    }
    f.text += line({std::to_string(i), "Pipedrive deal; " + std::to_string(i), account(i),
                    "Person " + std::to_string(i), value, currency, "Pipeline",
                    stages[static_cast<std::size_t>(i) % stages.size()], status, "Rita Rep",
                    status == "lost" ? "Chose another supplier" : ""},
                   ';', "\r\n");
    ++f.rows;
  }
  f.reasons = {"three-letter"};
  return f;
}

CrmFile salesforceContacts(int rows) {
  CrmFile f;
  f.text =
      line({"First Name", "Last Name", "Account Name", "Title", "Email", "Phone"}, ',', "\r\n");
  std::set<std::string> emails;
  for (int i = 1; i <= rows; ++i) {
    std::string email = "person" + std::to_string(i) + "@example.com";
    if (i % 50 == 0) email = "PERSON" + std::to_string(i - 1) + "@Example.com";  // other case
    if (i % 333 == 0) email = "person at example.com";
    std::string key;
    for (char c : email) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (email.find('@') == std::string::npos || !emails.insert(key).second) ++f.skipped;
    f.text += line({"Zoë", "Müller " + std::to_string(i), account(i), "Head of Fleet", email,
                    "+49 221 " + std::to_string(100000 + i)},
                   ',', "\r\n");
    ++f.rows;
  }
  f.reasons = {"duplicate", "not an address"};
  return f;
}

CrmFile hubspotCompanies(int rows) {
  CrmFile f;
  f.text = line({"Record ID", "Company name", "Industry", "City", "Company owner", "Create Date"},
                ',', "\n");
  for (int i = 0; i < rows; ++i) {
    f.text +=
        line({std::to_string(100 + i), account(i), "Logistics", "Köln", "Rita Rep", "2025-11-01"},
             ',', "\n");
    ++f.rows;
    if (i >= 300) ++f.skipped;  // account(i) repeats every 300
  }
  f.reasons = {"duplicate"};
  return f;
}

CrmFile pipedriveActivities(int rows) {
  CrmFile f;
  f.text = line({"Activity - Subject", "Activity - Type", "Activity - Due date", "Activity - Note",
                 "Activity - Done", "Activity - Organization", "Activity - Deal"},
                ',', "\r\n");
  for (int i = 1; i <= rows; ++i) {
    const bool open = i % 4 == 0;
    const std::string date =
        open ? "2027-01-" + std::string(i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1)
             : "2026-10-" + std::string(i % 28 + 1 < 10 ? "0" : "") + std::to_string(i % 28 + 1) +
                   " 10:30";
    f.text += line({"Call about the pilot " + std::to_string(i), i % 2 ? "Call" : "Meeting", date,
                    "Notes, with a comma", open ? "Not done" : "Done", account(i),
                    "Pipedrive deal; " + std::to_string(i)},
                   ',', "\r\n");
    ++f.rows;
  }
  return f;
}

}  // namespace nextstep::testing
