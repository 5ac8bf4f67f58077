// The workload as the records a team's devices wrote, in file order: what the loader inserts into
// a device and what the sync benchmarks push to a server.
#pragma once

#include <functional>
#include <string>

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/op.h"
#include "workload_rows.h"

namespace nextstep::bench {

struct RecordVisitor {
  std::function<void(RecordType, const std::string& id, const Fields&)> record;
  std::function<void(const std::string& meeting_id, const std::string& contact_id)> attendee;
};

void visitWorkload(const Workload& w, std::int64_t now_unix, const RecordVisitor& visit);

}  // namespace nextstep::bench
