#include "service_fixture.h"

#include <random>

#include "admin_commands.h"
#include "postgres_cluster.h"
#include "postgres_server_store.h"
#include "sqlite_server_store.h"

namespace nextstep::server::test {

namespace {
std::filesystem::path freshDir() {
  std::random_device rd;
  auto dir = std::filesystem::temp_directory_path() /
             ("nextstep-server-test-" + std::to_string(rd()) + std::to_string(rd()));
  std::filesystem::create_directories(dir);
  return dir;
}
}  // namespace

pb::Stamp stampOf(std::uint64_t hlc, DeviceId device) {
  pb::Stamp s;
  s.set_hlc(hlc);
  s.set_device(device);
  return s;
}

ServiceFixture::ServiceFixture(StoreKind kind, SyncLimits limits)
    : kind_(kind), dir_(freshDir()), limits_(limits) {
  if (kind != StoreKind::kSqlite) {
    nextstep::testing::PostgresCluster* cluster = nextstep::testing::sharedPostgres();
    if (cluster == nullptr) {
      skip_reason_ = nextstep::testing::PostgresCluster::missingReason();
      return;
    }
    store_url_ = cluster->freshDatabase();
  }
  reopenStore();
}

void ServiceFixture::closeStore() {
  service_.reset();
  store_.reset();
}

void ServiceFixture::reopenStore() {
  if (kind_ == StoreKind::kSqlite) {
    auto sqlite = SqliteServerStore::openDirectory(dir_);
    if (!sqlite) throw std::runtime_error(sqlite.error().message);
    store_ = std::move(*sqlite);
  } else {
    auto pg = PostgresServerStore::open(store_url_);
    if (!pg) throw std::runtime_error(pg.error().message);
    store_ = std::move(*pg);
  }
  service_ = std::make_unique<SyncService>(*store_, limits_, [this] { return now_ms_; });
}

void ServiceFixture::SetUp() {
  if (store_ == nullptr) GTEST_SKIP() << skip_reason_;
}

ServiceFixture::~ServiceFixture() {
  service_.reset();
  store_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string ServiceFixture::issueToken(const std::string& team, const std::string& email) {
  auto found = store_->findTeam(team);
  if (found && !*found) {
    EXPECT_TRUE(store_->createTeam(team, now_ms_).ok());
  }
  auto user = store_->findUser(email);
  // A placeholder hash: these users never log in with a password, and Argon2id is slow.
  if (user && !*user) {
    EXPECT_TRUE(store_->addUser(team, email, "not-a-hash", now_ms_).ok());
  }
  auto token = adminIssueToken(*store_, team, email, now_ms_);
  EXPECT_TRUE(token.ok()) << token.error().message;
  return token ? *token : std::string();
}

Caller ServiceFixture::member(const std::string& team, const std::string& email) {
  auto caller = service_->authenticate(issueToken(team, email));
  EXPECT_TRUE(caller.ok()) << caller.error().message;
  return caller ? *caller : Caller{};
}

void ServiceFixture::handshakeOk(Caller& caller, DeviceId device) {
  pb::HandshakeRequest h;
  h.set_protocol_version(1);
  h.set_schema_version(1);
  h.set_device_id(device);
  auto reply = service_->handshake(caller, h);
  ASSERT_TRUE(reply.ok()) << reply.error().message;
}

Caller ServiceFixture::device(const std::string& team, const std::string& email, DeviceId device) {
  Caller c = member(team, email);
  handshakeOk(c, device);
  return c;
}

std::uint64_t ServiceFixture::hlc(std::int64_t offset_ms, std::uint16_t logical) const {
  return packHlc(now_ms_ + offset_ms, logical);
}

pb::Operation ServiceFixture::createDeal(std::uint64_t seq, DeviceId device, const std::string& id,
                                         const std::string& title, std::uint64_t stamp_hlc) const {
  pb::Operation op;
  op.set_device_seq(seq);
  op.set_record_type(static_cast<std::uint32_t>(RecordType::kDeal));
  op.set_record_id(id);
  op.set_kind(pb::OP_KIND_CREATE);
  op.mutable_value()->set_text_value(
      R"({"title":")" + title +
      R"(","value_minor":100,"currency":"EUR","stage":"lead","status":"open","created_at":1})");
  *op.mutable_stamp() = stampOf(stamp_hlc, device);
  return op;
}

pb::Operation ServiceFixture::createMeeting(std::uint64_t seq, DeviceId device,
                                            const std::string& id, std::uint64_t stamp_hlc) const {
  pb::Operation op;
  op.set_device_seq(seq);
  op.set_record_type(static_cast<std::uint32_t>(RecordType::kMeeting));
  op.set_record_id(id);
  op.set_kind(pb::OP_KIND_CREATE);
  op.mutable_value()->set_text_value(
      R"({"deal_id":"d1","start_at":1795000000,"tz":"Europe/Berlin","duration_min":45,)"
      R"("status":"planned","booked_at":1})");
  *op.mutable_stamp() = stampOf(stamp_hlc, device);
  return op;
}

pb::Operation ServiceFixture::setText(std::uint64_t seq, DeviceId device, RecordType type,
                                      const std::string& id, const std::string& key,
                                      const std::string& text, std::uint64_t stamp_hlc,
                                      pb::Stamp base) const {
  pb::Operation op;
  op.set_device_seq(seq);
  op.set_record_type(static_cast<std::uint32_t>(type));
  op.set_record_id(id);
  op.set_kind(pb::OP_KIND_SET);
  op.set_key(key);
  op.mutable_value()->set_text_value(text);
  *op.mutable_stamp() = stampOf(stamp_hlc, device);
  if (base.hlc() != 0) *op.mutable_base() = base;
  return op;
}

pb::PushRequest ServiceFixture::pushOf(std::initializer_list<pb::Operation> ops) const {
  pb::PushRequest r;
  for (const pb::Operation& op : ops) *r.add_operations() = op;
  return r;
}

pb::PushResponse ServiceFixture::pushOk(const Caller& caller, const pb::PushRequest& request) {
  auto reply = service_->push(caller, request);
  EXPECT_TRUE(reply.ok()) << reply.error().message;
  return reply ? *reply : pb::PushResponse{};
}

pb::PullResponse ServiceFixture::pullAll(const Caller& caller) {
  pb::PullRequest r;
  r.set_limit(5000);
  auto reply = service_->pull(caller, r);
  EXPECT_TRUE(reply.ok()) << reply.error().message;
  return reply ? *reply : pb::PullResponse{};
}

}  // namespace nextstep::server::test
