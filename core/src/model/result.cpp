#include "nextstep/model/result.h"

namespace nextstep {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kAmbiguous:
      return "ambiguous";
    case ErrorCode::kFailedPrecondition:
      return "failed_precondition";
    case ErrorCode::kCorrupt:
      return "corrupt";
    case ErrorCode::kTooNew:
      return "too_new";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kFull:
      return "disk_full";
    case ErrorCode::kBusy:
      return "busy";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kResourceExhausted:
      return "resource_exhausted";
    case ErrorCode::kCompacted:
      return "compacted";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace nextstep
