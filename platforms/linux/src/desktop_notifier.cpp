#include "nextstep/platform/desktop_notifier.h"

#include <dbus/dbus.h>

namespace nextstep::platform {
namespace {

constexpr const char* kService = "org.freedesktop.Notifications";
constexpr const char* kPath = "/org/freedesktop/Notifications";
constexpr const char* kInterface = "org.freedesktop.Notifications";
constexpr int kCallTimeoutMs = 5000;

// A DBusError that frees itself.
class BusError {
 public:
  BusError() { dbus_error_init(&e_); }
  ~BusError() { dbus_error_free(&e_); }
  BusError(const BusError&) = delete;
  BusError& operator=(const BusError&) = delete;
  DBusError* get() { return &e_; }
  bool set() const { return dbus_error_is_set(&e_) != 0; }
  std::string text() const {
    return std::string(e_.name != nullptr ? e_.name : "") + ": " +
           (e_.message != nullptr ? e_.message : "");
  }

 private:
  DBusError e_;
};

struct MessageUnref {
  void operator()(DBusMessage* m) const { dbus_message_unref(m); }
};
using Message = std::unique_ptr<DBusMessage, MessageUnref>;

// One {sv} entry of the hints dictionary.
template <typename T>
bool addHint(DBusMessageIter* dict, const char* key, int type, const char* signature, T value) {
  DBusMessageIter entry, variant;
  return dbus_message_iter_open_container(dict, DBUS_TYPE_DICT_ENTRY, nullptr, &entry) &&
         dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key) &&
         dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, signature, &variant) &&
         dbus_message_iter_append_basic(&variant, type, &value) &&
         dbus_message_iter_close_container(&entry, &variant) &&
         dbus_message_iter_close_container(dict, &entry);
}

Result<Message> call(DBusConnection* bus, DBusMessage* request) {
  BusError err;
  DBusMessage* reply =
      dbus_connection_send_with_reply_and_block(bus, request, kCallTimeoutMs, err.get());
  if (reply == nullptr) {
    return Error{ErrorCode::kUnavailable, "no desktop notification service (" + err.text() + ")"};
  }
  return Message(reply);
}

}  // namespace

Result<std::unique_ptr<DesktopNotifier>> DesktopNotifier::connect() {
  BusError err;
  // Private: ours to close, and libdbus must not exit the process when the bus goes away.
  DBusConnection* bus = dbus_bus_get_private(DBUS_BUS_SESSION, err.get());
  if (bus == nullptr || err.set()) {
    return Error{ErrorCode::kUnavailable, "no session bus (" + err.text() + ")"};
  }
  dbus_connection_set_exit_on_disconnect(bus, FALSE);
  return std::unique_ptr<DesktopNotifier>(new DesktopNotifier(bus));
}

DesktopNotifier::~DesktopNotifier() {
  dbus_connection_close(bus_);
  dbus_connection_unref(bus_);
}

Result<std::uint32_t> DesktopNotifier::notify(const DesktopNotification& n) {
  Message request(dbus_message_new_method_call(kService, kPath, kInterface, "Notify"));
  if (!request) return Error{ErrorCode::kInternal, "out of memory"};
  const char* app = "NextStep";
  const dbus_uint32_t replaces = 0;
  const char* icon = "appointment-soon";
  const char* summary = n.summary.c_str();
  const char* body = n.body.c_str();
  const dbus_int32_t timeout = n.timeout_ms;

  DBusMessageIter args, actions, hints;
  dbus_message_iter_init_append(request.get(), &args);
  bool ok = dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &app) &&
            dbus_message_iter_append_basic(&args, DBUS_TYPE_UINT32, &replaces) &&
            dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &icon) &&
            dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &summary) &&
            dbus_message_iter_append_basic(&args, DBUS_TYPE_STRING, &body) &&
            dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "s", &actions) &&
            dbus_message_iter_close_container(&args, &actions) &&
            dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &hints);
  if (ok) {
    const unsigned char urgency = n.urgent ? 2 : 1;
    const char* category = "x-nextstep.reminder";
    // The installed .desktop entry (app-qml/desktop): its name and icon head the notification.
    const char* desktop = "app.nextstep.NextStep";
    ok = addHint(&hints, "urgency", DBUS_TYPE_BYTE, "y", urgency) &&
         addHint(&hints, "category", DBUS_TYPE_STRING, "s", category) &&
         addHint(&hints, "desktop-entry", DBUS_TYPE_STRING, "s", desktop) &&
         dbus_message_iter_close_container(&args, &hints) &&
         dbus_message_iter_append_basic(&args, DBUS_TYPE_INT32, &timeout);
  }
  if (!ok) return Error{ErrorCode::kInternal, "cannot build the Notify call"};

  auto reply = call(bus_, request.get());
  if (!reply) return reply.error();
  dbus_uint32_t id = 0;
  BusError err;
  if (!dbus_message_get_args(reply->get(), err.get(), DBUS_TYPE_UINT32, &id, DBUS_TYPE_INVALID)) {
    return Error{ErrorCode::kInternal, "unexpected reply to Notify (" + err.text() + ")"};
  }
  return static_cast<std::uint32_t>(id);
}

Result<std::string> DesktopNotifier::serverName() {
  Message request(
      dbus_message_new_method_call(kService, kPath, kInterface, "GetServerInformation"));
  if (!request) return Error{ErrorCode::kInternal, "out of memory"};
  auto reply = call(bus_, request.get());
  if (!reply) return reply.error();
  const char* name = nullptr;
  const char* vendor = nullptr;
  const char* version = nullptr;
  const char* spec = nullptr;
  BusError err;
  if (!dbus_message_get_args(reply->get(), err.get(), DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING,
                             &vendor, DBUS_TYPE_STRING, &version, DBUS_TYPE_STRING, &spec,
                             DBUS_TYPE_INVALID)) {
    return Error{ErrorCode::kInternal, "unexpected reply (" + err.text() + ")"};
  }
  return std::string(name) + " " + version + " (" + vendor + ")";
}

}  // namespace nextstep::platform
