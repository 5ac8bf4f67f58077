// A real session bus (a private dbus-daemon) with a stand-in for the desktop's notification
// server on it, so the reminders' D-Bus path runs for real in a test: what a notification daemon
// would show is recorded instead.
#pragma once

#include <sys/types.h>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct DBusConnection;

namespace nextstep::testing {

struct ShownNotification {
  std::string app;
  std::string summary;
  std::string body;
  int urgency = -1;  // the "urgency" hint: 0 low, 1 normal, 2 critical
  std::string category;
  std::int32_t timeout_ms = 0;
};

class FakeNotificationService {
 public:
  // Starts the bus; with claim_name, answers as org.freedesktop.Notifications on it.
  explicit FakeNotificationService(bool claim_name = true);
  ~FakeNotificationService();
  FakeNotificationService(const FakeNotificationService&) = delete;
  FakeNotificationService& operator=(const FakeNotificationService&) = delete;

  bool ok() const { return !address_.empty() && connection_ != nullptr; }
  const std::string& error() const { return error_; }
  // For DBUS_SESSION_BUS_ADDRESS.
  const std::string& address() const { return address_; }
  std::vector<ShownNotification> shown();

 private:
  void serve();

  pid_t daemon_ = -1;
  std::string address_;
  std::string error_;
  DBusConnection* connection_ = nullptr;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<ShownNotification> shown_;
  std::thread thread_;
};

}  // namespace nextstep::testing
