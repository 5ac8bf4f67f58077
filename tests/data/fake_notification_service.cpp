#include "fake_notification_service.h"

#include <dbus/dbus.h>
#include <signal.h>
#include <sys/wait.h>

#include <sstream>

#include "child_process.h"

namespace nextstep::testing {
namespace {

constexpr const char* kName = "org.freedesktop.Notifications";
constexpr const char* kInterface = "org.freedesktop.Notifications";

std::string stringArg(DBusMessageIter* it) {
  const char* s = "";
  if (dbus_message_iter_get_arg_type(it) == DBUS_TYPE_STRING) dbus_message_iter_get_basic(it, &s);
  dbus_message_iter_next(it);
  return s;
}

// Notify(app, replaces_id, icon, summary, body, actions, hints, timeout), as the spec lists them.
ShownNotification readNotify(DBusMessage* call) {
  ShownNotification n;
  DBusMessageIter it;
  if (!dbus_message_iter_init(call, &it)) return n;
  n.app = stringArg(&it);
  dbus_message_iter_next(&it);  // replaces_id
  stringArg(&it);               // icon
  n.summary = stringArg(&it);
  n.body = stringArg(&it);
  dbus_message_iter_next(&it);  // actions
  if (dbus_message_iter_get_arg_type(&it) == DBUS_TYPE_ARRAY) {
    DBusMessageIter hints;
    dbus_message_iter_recurse(&it, &hints);
    while (dbus_message_iter_get_arg_type(&hints) == DBUS_TYPE_DICT_ENTRY) {
      DBusMessageIter entry, variant;
      dbus_message_iter_recurse(&hints, &entry);
      const std::string key = stringArg(&entry);
      dbus_message_iter_recurse(&entry, &variant);
      if (key == "urgency" && dbus_message_iter_get_arg_type(&variant) == DBUS_TYPE_BYTE) {
        unsigned char u = 0;
        dbus_message_iter_get_basic(&variant, &u);
        n.urgency = u;
      } else if (key == "category") {
        n.category = stringArg(&variant);
      }
      dbus_message_iter_next(&hints);
    }
  }
  dbus_message_iter_next(&it);
  if (dbus_message_iter_get_arg_type(&it) == DBUS_TYPE_INT32) {
    dbus_int32_t t = 0;
    dbus_message_iter_get_basic(&it, &t);
    n.timeout_ms = t;
  }
  return n;
}

}  // namespace

FakeNotificationService::FakeNotificationService(bool claim_name) {
  const ProgramRun bus = runProgram("/usr/bin/dbus-daemon",
                                    {"--session", "--fork", "--print-address=1", "--print-pid=1"});
  std::istringstream lines(bus.out);
  std::string pid;
  std::getline(lines, address_);
  std::getline(lines, pid);
  if (bus.exit_code != 0 || address_.empty() || pid.empty()) {
    error_ = "dbus-daemon did not start (apt-get install dbus-daemon): " + bus.err;
    address_.clear();
    return;
  }
  daemon_ = static_cast<pid_t>(std::stol(pid));
  DBusError err;
  dbus_error_init(&err);
  connection_ = dbus_connection_open_private(address_.c_str(), &err);
  if (connection_ == nullptr || !dbus_bus_register(connection_, &err)) {
    error_ = std::string("cannot join the test bus: ") + (err.message ? err.message : "");
    dbus_error_free(&err);
    return;
  }
  dbus_connection_set_exit_on_disconnect(connection_, FALSE);
  if (claim_name && dbus_bus_request_name(connection_, kName, DBUS_NAME_FLAG_DO_NOT_QUEUE, &err) !=
                        DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER) {
    error_ = std::string("cannot own ") + kName + ": " + (err.message ? err.message : "");
    dbus_error_free(&err);
    return;
  }
  thread_ = std::thread([this] { serve(); });
}

FakeNotificationService::~FakeNotificationService() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  if (connection_ != nullptr) {
    dbus_connection_close(connection_);
    dbus_connection_unref(connection_);
  }
  if (daemon_ > 0) ::kill(daemon_, SIGTERM);  // --fork: not our child, nothing to reap
}

std::vector<ShownNotification> FakeNotificationService::shown() {
  std::lock_guard lock(mu_);
  return shown_;
}

void FakeNotificationService::serve() {
  dbus_uint32_t next_id = 0;
  while (!stop_) {
    dbus_connection_read_write(connection_, 50);
    while (DBusMessage* call = dbus_connection_pop_message(connection_)) {
      DBusMessage* reply = nullptr;
      if (dbus_message_is_method_call(call, kInterface, "Notify")) {
        ShownNotification n = readNotify(call);
        {
          std::lock_guard lock(mu_);
          shown_.push_back(std::move(n));
        }
        reply = dbus_message_new_method_return(call);
        const dbus_uint32_t id = ++next_id;
        dbus_message_append_args(reply, DBUS_TYPE_UINT32, &id, DBUS_TYPE_INVALID);
      } else if (dbus_message_is_method_call(call, kInterface, "GetServerInformation")) {
        reply = dbus_message_new_method_return(call);
        const char* name = "fake-notifications";
        const char* vendor = "nextstep-tests";
        const char* version = "1.0";
        const char* spec = "1.2";
        dbus_message_append_args(reply, DBUS_TYPE_STRING, &name, DBUS_TYPE_STRING, &vendor,
                                 DBUS_TYPE_STRING, &version, DBUS_TYPE_STRING, &spec,
                                 DBUS_TYPE_INVALID);
      } else if (dbus_message_get_type(call) == DBUS_MESSAGE_TYPE_METHOD_CALL) {
        reply = dbus_message_new_error(call, DBUS_ERROR_UNKNOWN_METHOD, "not in this fake");
      }
      if (reply != nullptr) {
        dbus_connection_send(connection_, reply, nullptr);
        dbus_message_unref(reply);
      }
      dbus_message_unref(call);
    }
  }
}

}  // namespace nextstep::testing
