// Desktop notifications on Linux: the freedesktop.org Notifications service on the session
// D-Bus (org.freedesktop.Notifications), called through libdbus-1. GNOME, KDE, XFCE, dunst and
// mako all implement it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "nextstep/model/result.h"

struct DBusConnection;

namespace nextstep::platform {

struct DesktopNotification {
  std::string summary;  // one line
  std::string body;
  bool urgent = false;  // urgency "critical" (stays until dismissed) instead of "normal"
  int timeout_ms = -1;  // -1: the notification server's default
};

class DesktopNotifier {
 public:
  // A private connection to the session bus. kUnavailable when there is none (no
  // $DBUS_SESSION_BUS_ADDRESS, a headless machine, a service shell).
  static Result<std::unique_ptr<DesktopNotifier>> connect();
  ~DesktopNotifier();
  DesktopNotifier(const DesktopNotifier&) = delete;
  DesktopNotifier& operator=(const DesktopNotifier&) = delete;

  // Shows it; returns the id the notification server gave it. kUnavailable when no notification
  // server runs on the bus.
  Result<std::uint32_t> notify(const DesktopNotification& n);

  // "dunst 1.9.0 (dunst-project)": who shows the notifications, from GetServerInformation.
  Result<std::string> serverName();

 private:
  explicit DesktopNotifier(DBusConnection* bus) : bus_(bus) {}
  DBusConnection* bus_;
};

}  // namespace nextstep::platform
