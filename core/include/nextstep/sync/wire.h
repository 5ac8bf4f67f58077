// Operations to and from their protobuf form: the one place the core's types meet the wire.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nextstep/model/result.h"
#include "nextstep/storage/op.h"
#include "nextstep/sync/v1/sync.pb.h"

namespace nextstep::sync {

namespace pb = ::nextstep::sync::v1;

void toWire(const Op& op, pb::Operation& out);
Value fromWire(const pb::Value& v);
void toWire(const Value& v, pb::Value& out);
Stamp fromWire(const pb::Stamp& s);

// Checks an operation field by field against the catalog and returns it as an Op; errors name
// the field. Whether the stamp's device is the caller's is the server's check, not this one.
// A create's or a register's JSON is decoded to check it; given `decoded`, those fields land
// there (what Merger::writtenFields would decode again), else it stays empty.
Result<Op> fromWire(const pb::Operation& op, std::optional<Fields>* decoded = nullptr);

// Limits a well-formed operation must keep.
inline constexpr std::size_t kMaxRecordIdBytes = 64;
inline constexpr std::size_t kMaxKeyBytes = 64;
inline constexpr std::size_t kMaxValueBytes = 256 * 1024;

// The details of a Pull's OUT_OF_RANGE when the team's log no longer reaches back to the
// cursor: the device starts again from the team's snapshot (other OUT_OF_RANGEs are errors).
inline constexpr std::string_view kLogCompacted = "nextstep.sync.v1.log_compacted";

}  // namespace nextstep::sync
