// The merge every replica runs, written once: creates of one id merged field by field, each
// register last-writer-wins by stamp with concurrent losers archived, edits against a delete
// listed, and the add-wins set. Storage is behind MergeState.
#pragma once

#include <string_view>

#include "nextstep/storage/op.h"
#include "nextstep/sync/merge/merge_state.h"

namespace nextstep::sync {

struct MergeCounts {
  int applied = 0;  // changed the state
  int ignored = 0;  // older than what is held, or held already
};

class Merger {
 public:
  explicit Merger(MergeState& state) : state_(state) {}

  // The fields a create or set writes; a delete or restore writes "deleted". Throws DomainError
  // for a value that does not decode.
  static Fields writtenFields(const RecordSpec& spec, const Op& op);

  // `fields` as writtenFields(op) gives them (a caller may have checked them first).
  void merge(const RecordSpec& spec, const Op& op, const Fields& fields, std::string_view author);

  MergeCounts counts;

 private:
  void mergeCreate(const RecordSpec& spec, const Op& op, const Fields& fields,
                   const IncomingWrite& w);
  void mergeRegister(const RegisterRef& ref, const Fields& fields, const IncomingWrite& w);
  // Delete wins for visibility; an edit made without knowing of the delete is listed, so the
  // record can be restored with it.
  void noteEditsAgainstDelete(const RegisterRef& ref, const Value& incoming,
                              const IncomingWrite& w);
  void mergeMember(const MemberRef& ref, OpKind kind, const IncomingWrite& w);

  MergeState& state_;
};

}  // namespace nextstep::sync
