#include "remote_applier.h"

#include "nextstep/storage/record_reads.h"

namespace nextstep::sync {
namespace {

// A remote stamp further ahead of our clock than this does not drag our clock along.
constexpr std::int64_t kMaxObservedAheadMs = 5 * 60 * 1000;

}  // namespace

void RemoteApplier::apply(std::span<const RemoteOp> page) {
  std::vector<RecordKey> touched;
  touched.reserve(page.size());
  for (const RemoteOp& r : page) {
    // A type this version does not know fails the page when it is merged.
    if (specByNumber(static_cast<std::uint32_t>(r.op.type)) != nullptr)
      touched.push_back(RecordKey{r.op.type, r.op.record_id});
  }
  state_.expect(touched);
  for (const RemoteOp& r : page) merge(r);
  if (merger_.counts.applied > 0 && db_.scalar("SELECT count(*) FROM parked_ops") > 0)
    retryParked();
  state_.flush();
}

void RemoteApplier::merge(const RemoteOp& r) {
  clock_.observe(r.op.stamp.hlc, kMaxObservedAheadMs);
  state_.rememberAuthor(r.op.stamp.device, r.author);
  // Merged like anyone's: a restored or copied database may not hold what its identity wrote
  // since (the merge finds the rest duplicates of what is here).
  if (r.op.stamp.device == self_) ++own_;
  // The server checks operations against its own catalog, which may be newer than ours: what
  // this version cannot read fails the page, it is not guessed at (found by fuzzing).
  const RecordSpec* known = specByNumber(static_cast<std::uint32_t>(r.op.type));
  if (known == nullptr) unreadable(r, "record type " + std::to_string(static_cast<int>(r.op.type)));
  const RecordSpec& spec = *known;
  const std::string& id = r.op.record_id;
  Fields fields;
  switch (r.op.kind) {
    case OpKind::kCreate:
      fields = Merger::writtenFields(spec, r.op);
      // Also when the id is here already: the create then merges into it field by field, and a
      // field it wins may name a parent that has not arrived, as a set may (found by fuzzing).
      if (missingParent(fields)) return park(r);
      break;
    case OpKind::kSet:
    case OpKind::kDelete:
    case OpKind::kRestore:
      if (!state_.clock({spec, id, r.op.key})) return park(r);
      if (r.op.kind == OpKind::kSet && !spec.isRegister(r.op.key)) {
        const FieldSpec* field = spec.field(r.op.key);
        if (field == nullptr || !field->reg.empty())
          unreadable(r, std::string(spec.name) + " field '" + r.op.key + "'");
      }
      fields = Merger::writtenFields(spec, r.op);
      if (r.op.kind == OpKind::kSet && missingParent(fields)) return park(r);
      break;
    case OpKind::kAdd:
    case OpKind::kRemove:
      if (!state_.exists(spec, id)) return park(r);
      break;
  }
  merger_.merge(spec, r.op, fields, r.author);
  if (r.op.kind == OpKind::kCreate) known_.insert(knownKey(r.op.type, id));
}

ApplyStats RemoteApplier::stats() const {
  ApplyStats s;
  s.applied = merger_.counts.applied;
  s.ignored = merger_.counts.ignored;
  s.conflicts = state_.archived;
  s.parked = parked_;
  s.own = own_;
  return s;
}

// Parked operations whose record or parents have arrived since; one pass, in log order.
void RemoteApplier::retryParked() {
  std::vector<RemoteOp> parked;
  {
    auto s = db_.prepare(
        "SELECT version, type, record_id, kind, key, value, stamp, base, author FROM parked_ops "
        "ORDER BY version");
    while (s->step()) parked.push_back(readParked(*s));
  }
  for (const RemoteOp& r : parked) {
    auto d = db_.prepare("DELETE FROM parked_ops WHERE version = ?1");
    d->bind(1, static_cast<std::int64_t>(r.version));
    d->run();
    --parked_;
    merge(r);
  }
}

void RemoteApplier::unreadable(const RemoteOp& r, const std::string& what) {
  fail(ErrorCode::kInvalidArgument, "operation " + std::to_string(r.version) +
                                        " of the team's log has " + what +
                                        ", unknown to this version; update NextStep to sync");
}

RemoteOp RemoteApplier::readParked(const Statement& s) {
  RemoteOp r;
  r.version = static_cast<std::uint64_t>(s.integer(0));
  r.op.type = static_cast<RecordType>(s.integer(1));
  r.op.record_id = s.text(2);
  r.op.kind = static_cast<OpKind>(s.integer(3));
  r.op.key = s.text(4);
  r.op.value = s.value(5);
  r.op.stamp = records::columnStamp(s, 6);
  r.op.base = records::columnStamp(s, 7);
  r.author = s.text(8);
  return r;
}

void RemoteApplier::park(const RemoteOp& r) {
  auto s = db_.prepare(
      "INSERT OR REPLACE INTO parked_ops(version, type, record_id, kind, key, value, stamp, "
      "base, author) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  s->bindAll(static_cast<std::int64_t>(r.version), static_cast<std::int64_t>(r.op.type),
             r.op.record_id, static_cast<std::int64_t>(r.op.kind), r.op.key, r.op.value);
  records::bindStamp(*s, 7, r.op.stamp);
  records::bindStamp(*s, 8, r.op.base);
  s->bind(9, r.author);
  s->run();
  ++parked_;
}

// A reference to a record this device has not received yet cannot be written (foreign keys).
// Parents usually arrive in the same page just before their children: remember what exists.
bool RemoteApplier::missingParent(const Fields& fields) {
  for (const FieldValue& f : fields) {
    const auto target = refTarget(f.name);
    if (!target || isNull(f.value)) continue;
    const std::string& id = std::get<std::string>(f.value);
    if (known_.count(knownKey(*target, id)) > 0) continue;
    if (!records::exists(db_, specOf(*target), id)) return true;
    known_.insert(knownKey(*target, id));
  }
  return false;
}

// By type and id: an id of another type is no parent (a deal naming a meeting as its account
// must be parked, not written; found by fuzzing).
std::string RemoteApplier::knownKey(RecordType type, std::string_view id) {
  return std::to_string(static_cast<int>(type)) + ':' + std::string(id);
}

}  // namespace nextstep::sync
