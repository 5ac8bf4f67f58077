// How the workload's rows become NextStep records: the fields a cold sync would have written for
// each row, with the facts the generator leaves open (meeting status, booking time, action
// creation time) derived deterministically from the benchmark's fixed now.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nextstep/storage/op.h"
#include "workload_rows.h"

namespace nextstep::bench {

// What a meeting's place in its deal's history and the fixed now say about it.
struct MeetingFacts {
  std::int64_t end_at = 0;
  std::string_view status;  // "held" when it ended before now, else "planned"
  // Booked at the end of the deal's previous meeting when the workload says "at the table" (and
  // there is one), else a week before it starts; never after now.
  std::int64_t booked_at = 0;
  // Empty for a deal's first meeting: there was no table to book it at (as bookMeeting records).
  std::optional<bool> booked_at_table;
};

// One entry per meeting, in the same order.
std::vector<MeetingFacts> meetingFacts(const std::vector<WorkloadMeeting>& meetings,
                                       std::int64_t now_unix);

// Meeting id -> end, for dating the actions agreed in it.
using MeetingEnds = std::unordered_map<std::string_view, std::int64_t>;

Fields accountFields(const WorkloadAccount& a);
Fields contactFields(const WorkloadContact& c);
// Won and lost deals sit on the ladder's last rung ("verbal") with status won or lost.
Fields dealFields(const WorkloadDeal& d);
Fields meetingFields(const WorkloadMeeting& m, const MeetingFacts& facts);
// Created when its meeting ended (or now, for meetings still ahead); never reclassified.
Fields actionFields(const WorkloadAction& a, const MeetingEnds& ends, std::int64_t now_unix);
Fields noteFields(const WorkloadNote& n);

}  // namespace nextstep::bench
