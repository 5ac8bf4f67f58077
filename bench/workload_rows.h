// The rows of the shared benchmark workload (../shared/bench/workload.js), read from its JSON Lines
// into plain structs. Field names follow the generator; times are unix seconds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace nextstep::bench {

struct WorkloadAccount {
  std::string id, name, industry, city, owner;
  std::int64_t cadence_days = 0;
  std::int64_t created_at = 0;
};

struct WorkloadContact {
  std::string id, account_id, name, email, phone, role, title;
};

struct WorkloadDeal {
  std::string id, account_id, title, stage, status, currency, owner;
  std::int64_t value = 0;  // whole currency units
  std::int64_t created_at = 0;
};

struct WorkloadMeeting {
  std::string id, deal_id;
  std::vector<std::string> attendee_ids;
  std::int64_t start = 0;
  std::string tz;
  std::int64_t duration_min = 0;
  std::string place, agenda;
  bool booked_at_table = false;
};

struct WorkloadAction {
  std::string id, deal_id, meeting_id, owner, text, due, kind;
  bool done = false;
};

struct WorkloadNote {
  std::string id, deal_id, text;
  std::int64_t created_at = 0;
};

struct Workload {
  std::vector<WorkloadAccount> accounts;
  std::vector<WorkloadContact> contacts;
  std::vector<WorkloadDeal> deals;
  std::vector<WorkloadMeeting> meetings;
  std::vector<WorkloadAction> actions;
  std::vector<WorkloadNote> notes;
  std::int64_t bytes = 0;
  std::string sha256;  // hex, of the bytes read

  std::int64_t rows() const;
  std::int64_t attendees() const;
};

// Reads and hashes the whole file. Throws std::runtime_error on a malformed row.
Workload readWorkload(const std::filesystem::path& jsonl);

}  // namespace nextstep::bench
