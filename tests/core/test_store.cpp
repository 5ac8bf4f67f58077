#include "test_store.h"

#include <random>

namespace nextstep::testing {

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() /
          ("nextstep-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Instant at(const char* utc_iso) {
  auto r = parseUtc(utc_iso);
  if (!r) throw std::runtime_error(r.error().message);
  return *r;
}

CivilDateTime local(const char* iso) {
  auto r = CivilDateTime::parse(iso);
  if (!r) throw std::runtime_error(r.error().message);
  return *r;
}

CivilDate day(const char* iso) {
  auto r = CivilDate::parse(iso);
  if (!r) throw std::runtime_error(r.error().message);
  return *r;
}

StoreTest::StoreTest() : clock_(at("2026-11-26T09:00:00Z")), path_(dir_.file("nextstep.db")) {
  store_ = unwrap(Store::open({path_, true, clock_.wall()}));
}

StoreTest::~StoreTest() = default;

void StoreTest::TearDown() {
  if (store_) {
    auto ok = store_->checkIntegrity();
    EXPECT_TRUE(ok.ok()) << (ok.ok() ? "" : ok.error().message);
  }
}

void StoreTest::reopen() {
  store_.reset();
  store_ = unwrap(Store::open({path_, false, clock_.wall()}));
}

std::int64_t StoreTest::scalar(const std::string& sql) {
  return unwrap(store_->read([&](Database& db) { return db.scalar(sql); }));
}

}  // namespace nextstep::testing
