// The rep's day: meetings today in the device's zone, follow-ups due, what is overdue, and the
// deals that need a next step.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/model/model.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct AgendaMeeting {
  Meeting meeting;
  std::string deal_title;
  std::string account_name;
};

struct DueAction {
  ActionItem action;
  std::string deal_title;
  std::string account_name;
};

struct TodayQuery {
  TimeZone zone = TimeZone::local();
  std::optional<std::string> owner;  // one rep's deals; empty: everyone's
  int limit = 50;                    // per list
};

struct Today {
  CivilDate date;
  std::string zone;
  std::vector<AgendaMeeting> meetings;
  std::vector<DueAction> follow_ups_due;  // due today
  std::vector<DueAction> follow_ups_overdue;
  std::int64_t follow_ups_overdue_total = 0;
  std::vector<AgendaMeeting> outcomes_missing;  // ended, still planned: log the outcome
  std::int64_t outcomes_missing_total = 0;
  std::vector<DealRow> need_next_step;
  std::int64_t need_next_step_total = 0;
  std::int64_t open_deals = 0;
};

Result<Today> today(Store& store, const TodayQuery& query);

// Shared by Today and the pipeline health.
std::vector<AgendaMeeting> readAgenda(Statement& s);
std::vector<DueAction> readDueActions(Statement& s);

}  // namespace nextstep
