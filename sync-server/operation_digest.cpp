#include "operation_digest.h"

#include <sodium.h>

#include <cmath>
#include <limits>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

namespace nextstep::server {
namespace pb = ::nextstep::sync::v1;

namespace {

bool isEmpty(const pb::Stamp& s) { return s.hlc() == 0 && s.device() == 0; }

}  // namespace

std::string operationDigest(const pb::Operation& op) {
  pb::Operation canonical = op;
  if (canonical.has_base() && isEmpty(canonical.base())) canonical.clear_base();
  if (canonical.has_stamp() && isEmpty(canonical.stamp())) canonical.clear_stamp();
  if (canonical.has_value()) {
    pb::Value& v = *canonical.mutable_value();
    if (v.kind_case() == pb::Value::KIND_NOT_SET) {
      canonical.clear_value();
    } else if (v.kind_case() == pb::Value::kRealValue && std::isnan(v.real_value())) {
      v.set_real_value(std::numeric_limits<double>::quiet_NaN());
    }
  }
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    canonical.SerializeToCodedStream(&coded);
  }
  std::string digest(16, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(digest.data()), digest.size(),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr,
                     0);
  return digest;
}

}  // namespace nextstep::server
