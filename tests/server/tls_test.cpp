// TLS with a real certificate, and plaintext only where it is safe.
#include <gtest/gtest.h>

#include "nextstep/data/file_bytes.h"
#include "server_process.h"

namespace nextstep::server::test {
namespace {

class TlsTest : public ProcessTest {
 protected:
  void makeCertificate() {
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost "
        "-addext \"subjectAltName=DNS:localhost,IP:127.0.0.1\" -keyout " +
        key_ + " -out " + cert_ + " 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
  }
  std::string cert_;
  std::string key_;
};

TEST_F(TlsTest, ServesTlsAndRefusesPlaintextClients) {
  makeCertificate();
  const std::string ann = userToken("north", "ann@example.com");
  startServer({"--tls-cert", cert_, "--tls-key", key_});
  grpc::SslCredentialsOptions trust;
  trust.pem_root_certs = readFileBytes(cert_).value();
  auto secure = stub(grpc::SslCredentials(trust));
  EXPECT_EQ(handshake(*secure, ann, 0xa1).team(), "north");

  auto plain = stub(grpc::InsecureChannelCredentials());
  pb::PullResponse pulled;
  const grpc::Status status = plain->Pull(context(ann, 3).get(), pb::PullRequest{}, &pulled);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, PlaintextOffLoopbackIsRefusedUnlessInsecure) {
  const CommandRun refused = runProgram({"--data", data_.string(), "--listen", "0.0.0.0:0"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("loopback"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.out, "");

  startServer({"--listen", "0.0.0.0:0", "--insecure"});
  EXPECT_EQ(server_->address().rfind("0.0.0.0:", 0), 0u);
}

TEST_F(TlsTest, UnreadableTlsFilesAreAClearError) {
  const CommandRun missing =
      runProgram({"--data", data_.string(), "--listen", "127.0.0.1:0", "--tls-cert",
                  (dir_ / "none.pem").string(), "--tls-key", (dir_ / "none.key").string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("the TLS certificate: cannot read " + (dir_ / "none.pem").string() +
                             ": No such file"),
            std::string::npos)
      << missing.err;
  const CommandRun half =
      runProgram({"--data", data_.string(), "--tls-cert", (dir_ / "none.pem").string()});
  EXPECT_EQ(half.exit_code, 2);
  EXPECT_NE(half.err.find("go together"), std::string::npos) << half.err;
}

}  // namespace
}  // namespace nextstep::server::test
