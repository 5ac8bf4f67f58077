// Bearer tokens and password login against a real store.
#include <gtest/gtest.h>

#include <pqxx/pqxx>
#include "admin_commands.h"
#include "nextstep/storage/database.h"

#include "service_fixture.h"
#include "sqlite_server_store.h"
#include "token_auth.h"

namespace nextstep::server::test {
namespace {

using grpc::StatusCode;

class AuthTest : public ServiceTest {
 protected:
  // A user with a real Argon2id password hash.
  void addUserWithPassword(const std::string& team, const std::string& email,
                           const std::string& password) {
    if (auto t = store_->findTeam(team); t && !*t) {
      ASSERT_TRUE(adminCreateTeam(*store_, team, 1).ok());
    }
    auto added = adminAddUser(*store_, team, email, password, 1);
    ASSERT_TRUE(added.ok()) << added.error().message;
  }
  pb::LoginRequest login(const std::string& email, const std::string& password, DeviceId device) {
    pb::LoginRequest r;
    r.set_email(email);
    r.set_password(password);
    r.set_device_id(device);
    return r;
  }
};

TEST_P(AuthTest, AnIssuedTokenAuthenticatesAsItsUserAndTeam) {
  const std::string token = issueToken("north", "ann@example.com");
  auto caller = service_->authenticate(token);
  ASSERT_TRUE(caller.ok());
  EXPECT_EQ(caller->team_name, "north");
  EXPECT_EQ(caller->email, "ann@example.com");
  EXPECT_FALSE(caller->device.has_value());
}

TEST_P(AuthTest, AMissingOrUnknownTokenIsUnauthenticated) {
  issueToken("north", "ann@example.com");
  EXPECT_EQ(service_->authenticate("").code(), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(service_->authenticate("nst1_nope").code(), StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(service_->authenticate(std::string(4096, 'x')).code(), StatusCode::UNAUTHENTICATED);
}

TEST_P(AuthTest, ARevokedTokenIsUnauthenticated) {
  const std::string token = issueToken("north", "ann@example.com");
  ASSERT_TRUE(service_->authenticate(token).ok());
  auto revoked = adminRevokeTokens(*store_, "ann@example.com");
  ASSERT_TRUE(revoked.ok());
  EXPECT_EQ(*revoked, "revoked 1 token of ann@example.com");
  auto caller = service_->authenticate(token);
  ASSERT_FALSE(caller.ok());
  EXPECT_EQ(caller.error().code, StatusCode::UNAUTHENTICATED);
}

TEST_P(AuthTest, ARecheckFindsARevocationAfterAuthentication) {
  Caller ann = member("north", "ann@example.com");
  EXPECT_FALSE(service_->recheck(ann).has_value());
  ASSERT_TRUE(adminRevokeTokens(*store_, "ann@example.com").ok());
  auto revoked = service_->recheck(ann);
  ASSERT_TRUE(revoked.has_value());
  EXPECT_EQ(revoked->code, StatusCode::UNAUTHENTICATED);
}

TEST_P(AuthTest, OnlyTheTokensHashIsStored) {
  const std::string token = issueToken("north", "ann@example.com");
  std::string stored;
  if (kind_ == StoreKind::kSqlite) {
    auto db = Database::open((dir_ / SqliteServerStore::kFileName).string(), OpenMode::kReadOnly);
    auto s = db->prepare("SELECT token_hash FROM tokens");
    ASSERT_TRUE(s->step());
    stored = s->blob(0);
  } else {
    pqxx::connection db(store_url_);
    pqxx::read_transaction tx(db);
    stored = pqxx::binarystring(tx.exec1("SELECT token_hash FROM tokens")[0]).str();
  }
  EXPECT_EQ(stored, tokenHash(token));
  EXPECT_EQ(stored.find(token), std::string::npos);
}

TEST_P(AuthTest, BearerHeaderParsing) {
  EXPECT_EQ(bearerToken("Bearer abc").value_or(""), "abc");
  EXPECT_EQ(bearerToken("bearer  abc ").value_or(""), "abc");
  EXPECT_FALSE(bearerToken("Basic abc").has_value());
  EXPECT_FALSE(bearerToken("Bearer ").has_value());
  EXPECT_FALSE(bearerToken("").has_value());
}

TEST_P(AuthTest, LoginGivesATokenBoundToTheDevice) {
  addUserWithPassword("north", "ann@example.com", "correct horse");
  auto reply = service_->login(login("ann@example.com", "correct horse", 0x42));
  ASSERT_TRUE(reply.ok()) << reply.error().message;
  EXPECT_EQ(reply->team(), "north");
  auto caller = service_->authenticate(reply->token());
  ASSERT_TRUE(caller.ok());
  EXPECT_EQ(caller->device, DeviceId{0x42});
  // Bound: another device cannot use it.
  pb::HandshakeRequest h;
  h.set_protocol_version(1);
  h.set_schema_version(1);
  h.set_device_id(0x43);
  EXPECT_EQ(service_->handshake(*caller, h).code(), StatusCode::PERMISSION_DENIED);
}

TEST_P(AuthTest, AnUnknownEmailAndAWrongPasswordGetTheSameAnswer) {
  addUserWithPassword("north", "ann@example.com", "correct horse");
  auto wrong = service_->login(login("ann@example.com", "wrong horse", 0x42));
  auto unknown = service_->login(login("bob@example.com", "correct horse", 0x42));
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(unknown.error().code, StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(wrong.error().message, unknown.error().message);
}

TEST_P(AuthTest, LoginChecksTheDevice) {
  addUserWithPassword("north", "ann@example.com", "correct horse");
  addUserWithPassword("north", "bob@example.com", "battery staple");
  EXPECT_EQ(service_->login(login("ann@example.com", "correct horse", 0)).code(),
            StatusCode::INVALID_ARGUMENT);
  ASSERT_TRUE(service_->login(login("ann@example.com", "correct horse", 0x42)).ok());
  auto taken = service_->login(login("bob@example.com", "battery staple", 0x42));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, StatusCode::PERMISSION_DENIED);
  // The refusal does not tell that another user holds the id: the same words as for any device
  // id a user may not take, and nothing about owners.
  for (const char* telling : {"user", "registered", "another", "owner", "belongs"}) {
    EXPECT_EQ(taken.error().message.find(telling), std::string::npos) << taken.error().message;
  }
  auto bob = service_->authenticate(issueToken("north", "bob@example.com"));
  ASSERT_TRUE(bob.ok());
  pb::ForkDeviceRequest fork;
  fork.set_new_device_id(0x42);
  auto fork_taken = service_->forkDevice(*bob, fork);
  ASSERT_FALSE(fork_taken.ok());
  EXPECT_EQ(fork_taken.error().message, taken.error().message);
  EXPECT_EQ(fork_taken.error().code, taken.error().code);
}

TEST_P(AuthTest, AdminCommandsRefuseBadInput) {
  EXPECT_FALSE(adminCreateTeam(*store_, "", 1).ok());
  ASSERT_TRUE(adminCreateTeam(*store_, "north", 1).ok());
  EXPECT_FALSE(adminCreateTeam(*store_, "north", 1).ok());
  EXPECT_FALSE(adminAddUser(*store_, "north", "not-an-email", "long enough", 1).ok());
  EXPECT_FALSE(adminAddUser(*store_, "south", "ann@example.com", "long enough", 1).ok());
  auto short_password = adminAddUser(*store_, "north", "ann@example.com", "short", 1);
  ASSERT_FALSE(short_password.ok());
  EXPECT_NE(short_password.error().message.find("at least 8"), std::string::npos);
  EXPECT_FALSE(adminIssueToken(*store_, "north", "nobody@example.com", 1).ok());
  EXPECT_FALSE(adminRevokeTokens(*store_, "nobody@example.com").ok());
}

INSTANTIATE_TEST_SUITE_P(Stores, AuthTest, everyStore(), storeTestName);

}  // namespace
}  // namespace nextstep::server::test
