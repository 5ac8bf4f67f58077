// A SyncService over a real store, SQLite in a fresh temporary folder or PostgreSQL in a fresh
// schema of a server the tests start, with a settable clock and builders for well-formed
// operations.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "caller.h"
#include "nextstep/storage/catalog.h"
#include "server_store.h"
#include "store_kind.h"
#include "sync_service.h"

namespace nextstep::server::test {

// The devices the tests push from, one id each for every test file.
inline constexpr DeviceId kAnn = 0xa1;
inline constexpr DeviceId kBob = 0xb0b;
inline constexpr DeviceId kEve = 0xe1;
inline constexpr DeviceId kPhone = 0xd1;
inline constexpr DeviceId kPhoneRestored = 0xd2;
inline constexpr DeviceId kLaptop = 0xe2;

using nextstep::testing::everyStore;
using nextstep::testing::StoreKind;
using nextstep::testing::storeName;
using nextstep::testing::storeTestName;

class ServiceFixture : public ::testing::Test {
 protected:
  explicit ServiceFixture(StoreKind kind, SyncLimits limits = {});
  ~ServiceFixture() override;
  // Skips the test, saying why, when its store cannot run here (PostgreSQL not installed).
  void SetUp() override;

  // A user of the team (created when new) with a fresh token, authenticated but not bound.
  Caller member(const std::string& team, const std::string& email);
  // member(), then a handshake from the device.
  Caller device(const std::string& team, const std::string& email, DeviceId device);
  std::string issueToken(const std::string& team, const std::string& email);
  void handshakeOk(Caller& caller, DeviceId device);

  std::uint64_t hlc(std::int64_t offset_ms = 0, std::uint16_t logical = 0) const;

  // A deal's create with its required fields.
  pb::Operation createDeal(std::uint64_t seq, DeviceId device, const std::string& id,
                           const std::string& title, std::uint64_t stamp_hlc) const;
  // A meeting's create on deal d1 with its required fields.
  pb::Operation createMeeting(std::uint64_t seq, DeviceId device, const std::string& id,
                              std::uint64_t stamp_hlc) const;
  pb::Operation setText(std::uint64_t seq, DeviceId device, RecordType type, const std::string& id,
                        const std::string& key, const std::string& text, std::uint64_t stamp_hlc,
                        pb::Stamp base = {}) const;
  pb::PushRequest pushOf(std::initializer_list<pb::Operation> ops) const;
  pb::PushResponse pushOk(const Caller& caller, const pb::PushRequest& request);
  pb::PullResponse pullAll(const Caller& caller);
  // Closes the store (and the service over it); reopenStore() opens it again, migrating it.
  void closeStore();
  void reopenStore();

  StoreKind kind_;
  std::filesystem::path dir_;
  std::string store_url_;  // the PostgreSQL store's; empty for SQLite's
  std::string skip_reason_;
  std::unique_ptr<ServerStore> store_;
  std::unique_ptr<SyncService> service_;
  std::int64_t now_ms_ = 1'795'000'000'000;  // 2026-11-19
  SyncLimits limits_;
};

// A ServiceFixture on the store its parameter names: TEST_P, instantiated over everyStore().
class ServiceTest : public ServiceFixture, public ::testing::WithParamInterface<StoreKind> {
 protected:
  explicit ServiceTest(SyncLimits limits = {}) : ServiceFixture(GetParam(), limits) {}
};

pb::Stamp stampOf(std::uint64_t hlc, DeviceId device);

}  // namespace nextstep::server::test
