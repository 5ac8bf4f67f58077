#include "live_writes.h"

#include <stdexcept>

#include "bench_now.h"

namespace nextstep::bench {

void createLiveDeal(Store& store, const std::string& id, int n) {
  auto written = store.write([&](Mutation& m) {
    m.create(RecordType::kDeal, id,
             {{"title", Value("Live deal " + std::to_string(n))},
              {"value_minor", Value(std::int64_t{0})},
              {"currency", Value("EUR")},
              {"stage", Value("lead")},
              {"status", Value("open")},
              {"created_at", Value(std::int64_t{kNowUnix})}});
  });
  if (!written) throw std::runtime_error("A could not write: " + written.error().message);
}

}  // namespace nextstep::bench
