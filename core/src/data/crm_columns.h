// Which column of a CRM's export holds which of our fields: each CRM's own default column names
// (docs/import.md lists them), matched without regard to case or surrounding spaces.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "nextstep/data/csv_import.h"

namespace nextstep::data {

enum class Field {
  kTitle,       // a deal's title
  kAccount,     // the account's name (or, for our own export, also account_name)
  kAmount,      // "12,000.50", "USD 12000", "12.000,50 €"
  kValueMinor,  // our own export: cents
  kCurrency,
  kStage,
  kStatus,  // open / won / lost, or a CRM's stage-like status
  kWon,     // true/false columns of Salesforce reports
  kClosed,
  kOwner,
  kLostReason,
  kName,  // a contact's or an account's full name
  kFirstName,
  kLastName,
  kEmail,
  kPhone,
  kJobTitle,
  kRole,
  kIndustry,
  kCity,
  kCadence,
  kSubject,  // an activity's
  kActivityType,
  kDate,
  kNote,
  kDone,
  kDeal,     // the activity's deal, by title
  kContact,  // the activity's contact, by name or email
};

struct ColumnMap {
  std::map<Field, int> columns;             // field -> column index
  std::vector<std::string> unused_columns;  // header names nothing reads
  std::optional<int> column(Field f) const {
    auto it = columns.find(f);
    if (it == columns.end()) return std::nullopt;
    return it->second;
  }
};

ColumnMap mapColumns(CrmSource source, ImportKind kind, const std::vector<std::string>& header);

// The kind whose columns the header has most of, when that is clear (its name column is there
// and no other kind scores as high).
std::optional<ImportKind> detectKind(CrmSource source, const std::vector<std::string>& header);

}  // namespace nextstep::data
