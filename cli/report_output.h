// The results of today, health, settings, search and check, each with its JSON form (to_json)
// and its text form (printText), for emit().
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "day_words.h"
#include "emit.h"
#include "nextstep/follow_up/today.h"
#include "nextstep/health/pipeline_health.h"
#include "nextstep/model/model.h"
#include "nextstep/search/search.h"

namespace nextstep::cli {

struct TodayPage {
  Today today;
};

struct HealthReport {
  PipelineHealth health;
  CivilDate date;
  std::string zone;
  int rate_window_days = 90;
  int cadence_days = 30;
};

struct SettingsPage {
  TeamSettings settings;
};

struct SearchResults {
  std::string query;
  std::vector<SearchHit> hits;
};

struct Integrity {
  std::string path;
  int schema_version = 0;
  std::int64_t pending_changes = 0;
};

NEXTSTEP_RESULT_FORMS(TodayPage);
NEXTSTEP_RESULT_FORMS(HealthReport);
NEXTSTEP_RESULT_FORMS(SettingsPage);
NEXTSTEP_RESULT_FORMS(SearchResults);
NEXTSTEP_RESULT_FORMS(Integrity);

}  // namespace nextstep::cli
