// What the merge needs of a replica's storage. The device keeps records as rows with a clock per
// key; the server keeps one register per key: each implements this, and the rules in Merger run
// unchanged over both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "nextstep/storage/catalog.h"
#include "nextstep/storage/op.h"
#include "nextstep/sync/merge/clocks.h"
#include "nextstep/sync/merge/conflict.h"

namespace nextstep::sync {

// The register a delete or a restore writes (1 deleted, 0 restored).
inline constexpr std::string_view kDeletedKey = "deleted";

// One register of a record: a plain field, a group of fields written together, or "deleted".
struct RegisterRef {
  const RecordSpec& spec;
  std::string_view record_id;
  std::string_view key;
};

struct MemberRef {
  const RecordSpec& spec;
  std::string_view record_id;
  std::string_view set;
  std::string_view member;
};

// The write being merged, as the team's log carries it.
struct IncomingWrite {
  Stamp stamp;
  Stamp base;
  std::string_view author;
};

struct HeldMember {
  MemberClock clock;
  std::string author;   // who made the newest add
  bool stored = false;  // false: the state's start for a member it never saw
};

class MergeState {
 public:
  virtual ~MergeState() = default;

  virtual bool exists(const RecordSpec& spec, std::string_view id) = 0;
  virtual void insert(const RecordSpec& spec, std::string_view id, const Fields& fields,
                      const IncomingWrite& write) = 0;

  // nullopt: the state holds nothing for the register yet.
  virtual std::optional<RegisterClock> clock(const RegisterRef& ref) = 0;
  // The value held, comparable with valueOf().
  virtual Value value(const RegisterRef& ref) = 0;
  // The value a write of `fields` leaves in the register.
  virtual Value valueOf(const RegisterRef& ref, const Fields& fields) = 0;
  // Who wrote the register's value stamped `stamp`.
  virtual std::string writer(const RegisterRef& ref, const Stamp& stamp) = 0;
  virtual void write(const RegisterRef& ref, const Fields& fields, const Value& value,
                     const IncomingWrite& write) = 0;
  virtual void archive(const Conflict& conflict) = 0;

  // The delete's clock while the record is deleted. A state that does not list edits made
  // against deletes (the server's) says nullopt.
  virtual std::optional<RegisterClock> deletion(const RecordSpec& spec, std::string_view id) = 0;
  // The keys other than "deleted" written after `deleted` by another device than its writer's.
  virtual std::vector<std::pair<std::string, Stamp>> keysWrittenAfter(const RecordSpec& spec,
                                                                      std::string_view id,
                                                                      const Stamp& deleted) = 0;

  // `base` is the incoming operation's: a state may start an unseen member from it.
  virtual HeldMember member(const MemberRef& ref, const Stamp& base) = 0;
  virtual void writeMember(const MemberRef& ref, const HeldMember& held) = 0;
};

}  // namespace nextstep::sync
