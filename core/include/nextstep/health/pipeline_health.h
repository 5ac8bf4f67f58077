// The numbers a team looks at (DOMAIN.md): what is wrong in the pipeline and the three rates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nextstep/follow_up/today.h"
#include "nextstep/model/model.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/storage/store.h"

namespace nextstep {

struct HealthQuery {
  TimeZone zone = TimeZone::local();
  std::optional<std::string> owner;
  int limit = 20;             // items listed per problem; counts are always complete
  int rate_window_days = 90;  // bookings counted for the at-the-table rate
};

struct StaleAccount {
  Account account;
  std::int64_t days_since_touch = 0;  // -1: never touched
  int cadence_days = 30;
};

struct PipelineHealth {
  std::int64_t open_deals = 0;
  std::int64_t with_next_step = 0;

  std::int64_t without_next_step_total = 0;  // rule 1
  std::vector<DealRow> without_next_step;
  std::int64_t overdue_total = 0;  // next steps in the past with no outcome logged
  std::vector<AgendaMeeting> overdue;
  std::int64_t follow_ups_due_today = 0;  // rule 7
  std::int64_t follow_ups_overdue = 0;
  std::int64_t stale_total = 0;  // rule 8: customers past the touch cadence
  std::vector<StaleAccount> stale;
  std::int64_t held_without_next_total = 0;  // rule 9
  std::vector<Deal> held_without_next;
  std::int64_t compliance_only_total = 0;  // rule 4
  std::vector<Deal> compliance_only;
  std::int64_t participants_without_next_step = 0;  // rule 10

  std::int64_t booked_total = 0;  // bookings in the window that followed an earlier meeting
  std::int64_t booked_at_table = 0;
  std::int64_t commitment_deals = 0;  // open deals whose latest customer action is a commitment

  double next_step_rate = 0;  // the headline
  double booked_at_table_rate = 0;
  double commitment_rate = 0;
};

Result<PipelineHealth> pipelineHealth(Store& store, const HealthQuery& query);

}  // namespace nextstep
