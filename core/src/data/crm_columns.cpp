#include "crm_columns.h"

#include <cctype>
#include <string_view>

namespace nextstep::data {
namespace {

using S = CrmSource;
using K = ImportKind;
using F = Field;

struct Alias {
  CrmSource source;
  ImportKind kind;
  Field field;
  std::string_view names;  // lower case, separated by '|', in order of preference
};

// The default column names of each CRM's export (report exports use labels, data exports API
// names; both are listed where they differ). docs/import.md is this table in words.
constexpr Alias kAliases[] = {
    // Salesforce: Opportunities, Accounts, Contacts, Tasks and Events reports / Data Export.
    {S::kSalesforce, K::kDeals, F::kTitle, "opportunity name|name"},
    {S::kSalesforce, K::kDeals, F::kAccount, "account name|account|account.name"},
    {S::kSalesforce, K::kDeals, F::kAmount, "amount|amount (converted)"},
    {S::kSalesforce, K::kDeals, F::kCurrency,
     "opportunity currency|amount currency|currency|currencyisocode"},
    {S::kSalesforce, K::kDeals, F::kStage, "stage|stagename|stage name"},
    {S::kSalesforce, K::kDeals, F::kWon, "won|iswon"},
    {S::kSalesforce, K::kDeals, F::kClosed, "closed|isclosed"},
    {S::kSalesforce, K::kDeals, F::kOwner, "opportunity owner|owner|owner name|owner.name"},
    {S::kSalesforce, K::kDeals, F::kLostReason, "loss reason|closed lost reason|lost reason"},
    {S::kSalesforce, K::kAccounts, F::kName, "account name|name"},
    {S::kSalesforce, K::kAccounts, F::kIndustry, "industry"},
    {S::kSalesforce, K::kAccounts, F::kCity,
     "billing city|billingcity|shipping city|shippingcity|city"},
    {S::kSalesforce, K::kAccounts, F::kOwner, "account owner|owner|owner name"},
    {S::kSalesforce, K::kContacts, F::kName, "full name|contact name|name"},
    {S::kSalesforce, K::kContacts, F::kFirstName, "first name|firstname"},
    {S::kSalesforce, K::kContacts, F::kLastName, "last name|lastname"},
    {S::kSalesforce, K::kContacts, F::kEmail, "email"},
    {S::kSalesforce, K::kContacts, F::kPhone, "phone|business phone|mobile|mobilephone"},
    {S::kSalesforce, K::kContacts, F::kJobTitle, "title"},
    {S::kSalesforce, K::kContacts, F::kAccount, "account name|account|account.name"},
    {S::kSalesforce, K::kActivities, F::kSubject, "subject"},
    {S::kSalesforce, K::kActivities, F::kActivityType,
     "task subtype|tasksubtype|event subtype|type|activity type|task/event"},
    {S::kSalesforce, K::kActivities, F::kDate,
     "date|activity date|activitydate|due date|start|start date time|created date"},
    {S::kSalesforce, K::kActivities, F::kNote, "full comments|comments|description"},
    {S::kSalesforce, K::kActivities, F::kDone, "status|closed|isclosed"},
    {S::kSalesforce, K::kActivities, F::kAccount, "account|account name|company / account"},
    {S::kSalesforce, K::kActivities, F::kDeal, "opportunity|opportunity name|related to"},
    {S::kSalesforce, K::kActivities, F::kContact, "contact|contact name|name"},

    // HubSpot: Deals, Companies, Contacts and activity (calls, meetings, notes, tasks) exports.
    {S::kHubspot, K::kDeals, F::kTitle, "deal name|dealname"},
    {S::kHubspot, K::kDeals, F::kAccount,
     "associated company|associated company (primary)|associated company name|company name"},
    {S::kHubspot, K::kDeals, F::kAmount, "amount|amount in company currency"},
    {S::kHubspot, K::kDeals, F::kCurrency, "currency|deal currency code|deal_currency_code"},
    {S::kHubspot, K::kDeals, F::kStage, "deal stage|dealstage"},
    {S::kHubspot, K::kDeals, F::kOwner, "deal owner|hubspot owner|owner"},
    {S::kHubspot, K::kDeals, F::kLostReason, "closed lost reason|closed_lost_reason"},
    {S::kHubspot, K::kAccounts, F::kName, "company name|name"},
    {S::kHubspot, K::kAccounts, F::kIndustry, "industry"},
    {S::kHubspot, K::kAccounts, F::kCity, "city"},
    {S::kHubspot, K::kAccounts, F::kOwner, "company owner|hubspot owner|owner"},
    {S::kHubspot, K::kContacts, F::kFirstName, "first name|firstname"},
    {S::kHubspot, K::kContacts, F::kLastName, "last name|lastname"},
    {S::kHubspot, K::kContacts, F::kName, "name|full name"},
    {S::kHubspot, K::kContacts, F::kEmail, "email"},
    {S::kHubspot, K::kContacts, F::kPhone, "phone number|mobile phone number|phone"},
    {S::kHubspot, K::kContacts, F::kJobTitle, "job title|jobtitle"},
    {S::kHubspot, K::kContacts, F::kAccount,
     "associated company|associated company (primary)|company name|company"},
    {S::kHubspot, K::kActivities, F::kSubject,
     "call title|meeting name|task title|email subject|title|subject"},
    {S::kHubspot, K::kActivities, F::kActivityType, "activity type|type|engagement type"},
    {S::kHubspot, K::kActivities, F::kDate,
     "activity date|meeting start time|due date|create date|timestamp"},
    {S::kHubspot, K::kActivities, F::kNote,
     "call notes|internal meeting notes|note body|notes|body|task notes"},
    {S::kHubspot, K::kActivities, F::kDone, "task status|status"},
    {S::kHubspot, K::kActivities, F::kAccount, "associated company|company name"},
    {S::kHubspot, K::kActivities, F::kDeal, "associated deal|deal name"},
    {S::kHubspot, K::kActivities, F::kContact, "associated contact|contact"},

    // Pipedrive: exports of the Deals, Organizations, People and Activities lists.
    {S::kPipedrive, K::kDeals, F::kTitle, "deal - title|title"},
    {S::kPipedrive, K::kDeals, F::kAccount, "deal - organization|organization"},
    {S::kPipedrive, K::kDeals, F::kAmount, "deal - value|value"},
    {S::kPipedrive, K::kDeals, F::kCurrency,
     "deal - currency|deal - currency of value|currency|currency of value"},
    {S::kPipedrive, K::kDeals, F::kStage, "deal - stage|stage"},
    {S::kPipedrive, K::kDeals, F::kStatus, "deal - status|status"},
    {S::kPipedrive, K::kDeals, F::kOwner, "deal - owner|owner"},
    {S::kPipedrive, K::kDeals, F::kLostReason, "deal - lost reason|lost reason"},
    {S::kPipedrive, K::kAccounts, F::kName, "organization - name|name|organization"},
    {S::kPipedrive, K::kAccounts, F::kIndustry, "organization - industry|industry"},
    {S::kPipedrive, K::kAccounts, F::kCity,
     "organization - address - city/town/village/locality|organization - city|city"},
    {S::kPipedrive, K::kAccounts, F::kOwner, "organization - owner|owner"},
    {S::kPipedrive, K::kContacts, F::kName, "person - name|name"},
    {S::kPipedrive, K::kContacts, F::kFirstName, "person - first name|first name"},
    {S::kPipedrive, K::kContacts, F::kLastName, "person - last name|last name"},
    {S::kPipedrive, K::kContacts, F::kEmail,
     "person - email|person - email - work|email|email - work|person - email - other"},
    {S::kPipedrive, K::kContacts, F::kPhone,
     "person - phone|person - phone - work|person - phone - mobile|phone|phone - work"},
    {S::kPipedrive, K::kContacts, F::kJobTitle, "person - job title|job title"},
    {S::kPipedrive, K::kContacts, F::kAccount, "person - organization|organization"},
    {S::kPipedrive, K::kActivities, F::kSubject, "activity - subject|subject"},
    {S::kPipedrive, K::kActivities, F::kActivityType, "activity - type|type"},
    {S::kPipedrive, K::kActivities, F::kDate, "activity - due date|due date|activity - date"},
    {S::kPipedrive, K::kActivities, F::kNote, "activity - note|note"},
    {S::kPipedrive, K::kActivities, F::kDone, "activity - done|done|activity - status"},
    {S::kPipedrive, K::kActivities, F::kAccount, "activity - organization|organization"},
    {S::kPipedrive, K::kActivities, F::kDeal, "activity - deal|deal"},
    {S::kPipedrive, K::kActivities, F::kContact, "activity - contact person|contact person"},

    // NextStep's own export (export csv): the catalog's field names.
    {S::kNextstep, K::kDeals, F::kTitle, "title"},
    {S::kNextstep, K::kDeals, F::kAccount, "account_name"},
    {S::kNextstep, K::kDeals, F::kValueMinor, "value_minor"},
    {S::kNextstep, K::kDeals, F::kCurrency, "currency"},
    {S::kNextstep, K::kDeals, F::kStage, "stage"},
    {S::kNextstep, K::kDeals, F::kStatus, "status"},
    {S::kNextstep, K::kDeals, F::kOwner, "owner"},
    {S::kNextstep, K::kDeals, F::kLostReason, "lost_reason"},
    {S::kNextstep, K::kAccounts, F::kName, "name"},
    {S::kNextstep, K::kAccounts, F::kIndustry, "industry"},
    {S::kNextstep, K::kAccounts, F::kCity, "city"},
    {S::kNextstep, K::kAccounts, F::kOwner, "owner"},
    {S::kNextstep, K::kAccounts, F::kCadence, "cadence_days"},
    {S::kNextstep, K::kContacts, F::kName, "name"},
    {S::kNextstep, K::kContacts, F::kEmail, "email"},
    {S::kNextstep, K::kContacts, F::kPhone, "phone"},
    {S::kNextstep, K::kContacts, F::kJobTitle, "title"},
    {S::kNextstep, K::kContacts, F::kRole, "role"},
    {S::kNextstep, K::kContacts, F::kAccount, "account_name"},
    {S::kNextstep, K::kActivities, F::kActivityType, "kind"},
    {S::kNextstep, K::kActivities, F::kDate, "at"},
    {S::kNextstep, K::kActivities, F::kNote, "note"},
    {S::kNextstep, K::kActivities, F::kAccount, "account_name"},
    {S::kNextstep, K::kActivities, F::kDeal, "deal_title"},
    {S::kNextstep, K::kActivities, F::kContact, "contact_name"},
};

// The columns that name the record: without one of them a file cannot be of that kind.
bool namesRecord(const ColumnMap& map, ImportKind kind) {
  switch (kind) {
    case K::kDeals:
      return map.column(F::kTitle).has_value();
    case K::kAccounts:
      return map.column(F::kName).has_value();
    case K::kContacts:
      return map.column(F::kName) || map.column(F::kFirstName) || map.column(F::kLastName) ||
             map.column(F::kEmail);
    case K::kActivities:
      return map.column(F::kDate).has_value();
  }
  return false;
}

std::string normalized(std::string_view header) {
  std::string out;
  bool space = false;
  for (char c : header) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::vector<std::string_view> namesOf(std::string_view names) {
  std::vector<std::string_view> out;
  while (!names.empty()) {
    const auto bar = names.find('|');
    out.push_back(names.substr(0, bar));
    if (bar == std::string_view::npos) break;
    names.remove_prefix(bar + 1);
  }
  return out;
}

}  // namespace

ColumnMap mapColumns(CrmSource source, ImportKind kind, const std::vector<std::string>& header) {
  std::vector<std::string> norm;
  for (const std::string& h : header) norm.push_back(normalized(h));
  ColumnMap map;
  std::vector<bool> used(header.size(), false);
  for (const Alias& a : kAliases) {
    if (a.source != source || a.kind != kind || map.columns.contains(a.field)) continue;
    for (std::string_view name : namesOf(a.names)) {
      bool found = false;
      for (std::size_t i = 0; i < norm.size(); ++i) {
        if (!used[i] && norm[i] == name) {
          map.columns[a.field] = static_cast<int>(i);
          used[i] = true;
          found = true;
          break;
        }
      }
      if (found) break;
    }
  }
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (!used[i] && !norm[i].empty() && norm[i] != "id") map.unused_columns.push_back(header[i]);
  }
  return map;
}

std::optional<ImportKind> detectKind(CrmSource source, const std::vector<std::string>& header) {
  std::optional<ImportKind> best;
  std::size_t bestScore = 0;
  bool tie = false;
  for (ImportKind kind : {K::kDeals, K::kAccounts, K::kContacts, K::kActivities}) {
    const ColumnMap map = mapColumns(source, kind, header);
    if (!namesRecord(map, kind)) continue;
    const std::size_t score = map.columns.size();
    if (score > bestScore) {
      best = kind;
      bestScore = score;
      tie = false;
    } else if (score == bestScore) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

}  // namespace nextstep::data
