// The two stores a sync server runs on, for tests parameterised over both:
//   INSTANTIATE_TEST_SUITE_P(Stores, Fixture, everyStore(), storeTestName);
// The PostgreSQL instances' names end in "postgresql", which is how ctest runs them together in
// one process (one PostgreSQL server for all of them).
#pragma once

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace nextstep::testing {

enum class StoreKind { kSqlite, kPostgres };

inline auto everyStore() { return ::testing::Values(StoreKind::kSqlite, StoreKind::kPostgres); }

inline std::string storeName(StoreKind kind) {
  return kind == StoreKind::kSqlite ? "sqlite" : "postgresql";
}

// GoogleTest's (and so ctest's) name of a parameter, instead of its bytes.
inline void PrintTo(StoreKind kind, std::ostream* os) { *os << storeName(kind); }

inline std::string storeTestName(const ::testing::TestParamInfo<StoreKind>& info) {
  return storeName(info.param);
}

}  // namespace nextstep::testing
