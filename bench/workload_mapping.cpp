#include "workload_mapping.h"

#include <algorithm>
#include <stdexcept>

namespace nextstep::bench {
namespace {

constexpr std::int64_t kWeek = 7 * 86400;

Value text(const std::string& s) { return Value(s); }
Value integer(std::int64_t i) { return Value(i); }
Value flag(bool b) { return Value(std::int64_t{b ? 1 : 0}); }

}  // namespace

std::vector<MeetingFacts> meetingFacts(const std::vector<WorkloadMeeting>& meetings,
                                       std::int64_t now_unix) {
  // Each deal's meetings in order of start (ties by position in the file).
  std::unordered_map<std::string_view, std::vector<std::size_t>> byDeal;
  for (std::size_t i = 0; i < meetings.size(); ++i) byDeal[meetings[i].deal_id].push_back(i);

  std::vector<MeetingFacts> out(meetings.size());
  for (std::size_t i = 0; i < meetings.size(); ++i) {
    const WorkloadMeeting& m = meetings[i];
    out[i].end_at = m.start + 60 * m.duration_min;
    out[i].status = out[i].end_at <= now_unix ? "held" : "planned";
  }
  for (auto& [deal, order] : byDeal) {
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return meetings[a].start < meetings[b].start;
    });
    for (std::size_t k = 0; k < order.size(); ++k) {
      const WorkloadMeeting& m = meetings[order[k]];
      MeetingFacts& f = out[order[k]];
      std::int64_t booked = m.start - kWeek;
      if (k > 0) {
        f.booked_at_table = m.booked_at_table;
        if (m.booked_at_table) booked = std::min(out[order[k - 1]].end_at, m.start);
      }
      f.booked_at = std::min(booked, now_unix);
    }
  }
  return out;
}

Fields accountFields(const WorkloadAccount& a) {
  return {{"name", text(a.name)},
          {"industry", text(a.industry)},
          {"city", text(a.city)},
          {"owner", text(a.owner)},
          {"cadence_days", integer(a.cadence_days)},
          {"created_at", integer(a.created_at)}};
}

Fields contactFields(const WorkloadContact& c) {
  return {{"account_id", text(c.account_id)}, {"name", text(c.name)}, {"email", text(c.email)},
          {"phone", text(c.phone)},           {"role", text(c.role)}, {"title", text(c.title)}};
}

Fields dealFields(const WorkloadDeal& d) {
  const bool closed = d.stage == "won" || d.stage == "lost";
  return {{"account_id", text(d.account_id)},
          {"title", text(d.title)},
          {"value_minor", integer(d.value * 100)},
          {"currency", text(d.currency)},
          {"stage", Value(std::string(closed ? "verbal" : d.stage))},
          {"status", text(d.status)},
          {"owner", text(d.owner)},
          {"created_at", integer(d.created_at)}};
}

Fields meetingFields(const WorkloadMeeting& m, const MeetingFacts& facts) {
  return {{"deal_id", text(m.deal_id)},
          {"start_at", integer(m.start)},
          {"tz", text(m.tz)},
          {"duration_min", integer(m.duration_min)},
          {"place", text(m.place)},
          {"agenda", text(m.agenda)},
          {"status", Value(std::string(facts.status))},
          {"booked_at", integer(facts.booked_at)},
          {"booked_at_table", facts.booked_at_table ? flag(*facts.booked_at_table) : Value()}};
}

Fields actionFields(const WorkloadAction& a, const MeetingEnds& ends, std::int64_t now_unix) {
  const auto end = ends.find(a.meeting_id);
  if (end == ends.end()) throw std::runtime_error("action " + a.id + ": unknown meeting");
  return {{"deal_id", text(a.deal_id)},
          {"meeting_id", text(a.meeting_id)},
          {"owner", text(a.owner)},
          {"text", text(a.text)},
          {"due", text(a.due)},
          {"done", flag(a.done)},
          {"kind", text(a.kind)},
          {"kind_overridden", flag(false)},
          {"created_at", integer(std::min(end->second, now_unix))}};
}

Fields noteFields(const WorkloadNote& n) {
  return {
      {"deal_id", text(n.deal_id)}, {"text", text(n.text)}, {"created_at", integer(n.created_at)}};
}

}  // namespace nextstep::bench
