// The server's merged state as the shared Merger sees it: one register per key (a create's fields
// under the key ""), set members and conflicts, all through the push's transaction, so any
// backend's PushTransaction merges alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "nextstep/storage/op.h"
#include "nextstep/sync/merge/merge_state.h"
#include "server_store.h"

namespace nextstep::server {

struct AcceptedOp {
  TeamId team = 0;
  const Op& op;
  std::uint64_t version = 0;
  const std::string& author;
  std::int64_t now_ms = 0;
  // The op's fields as its check decoded them (a create, a register); null: decoded here.
  const Fields* fields = nullptr;
};

// Inside the push's transaction; throws what the transaction throws.
void mergeAccepted(PushTransaction& tx, const AcceptedOp& accepted);

class PushMergeState final : public sync::MergeState {
 public:
  PushMergeState(PushTransaction& tx, const AcceptedOp& accepted) : tx_(tx), accepted_(accepted) {}

  bool exists(const RecordSpec& spec, std::string_view id) override;
  void insert(const RecordSpec& spec, std::string_view id, const Fields& fields,
              const sync::IncomingWrite& write) override;
  std::optional<sync::RegisterClock> clock(const sync::RegisterRef& ref) override;
  Value value(const sync::RegisterRef& ref) override;
  Value valueOf(const sync::RegisterRef& ref, const Fields& fields) override;
  std::string writer(const sync::RegisterRef& ref, const Stamp& stamp) override;
  void write(const sync::RegisterRef& ref, const Fields& fields, const Value& value,
             const sync::IncomingWrite& write) override;
  void archive(const sync::Conflict& conflict) override;
  std::optional<sync::RegisterClock> deletion(const RecordSpec& spec, std::string_view id) override;
  std::vector<std::pair<std::string, Stamp>> keysWrittenAfter(const RecordSpec& spec,
                                                              std::string_view id,
                                                              const Stamp& deleted) override;
  sync::HeldMember member(const sync::MemberRef& ref, const Stamp& base) override;
  void writeMember(const sync::MemberRef& ref, const sync::HeldMember& held) override;

 private:
  struct Held {
    sync::RegisterClock clock;
    Value value;
    std::string author;
  };
  // A key's register, else the create's (a create's writer saw nothing); read once per key.
  const std::optional<Held>& held(const sync::RegisterRef& ref);
  void put(const RegisterKey& key, const Value& value, const sync::IncomingWrite& write);

  PushTransaction& tx_;
  const AcceptedOp& accepted_;
  std::optional<RegisterKey> held_key_;
  std::optional<Held> held_;
};

}  // namespace nextstep::server
