#include "sync_controller.h"

#include <QLocale>
#include <QSysInfo>
#include <QThread>

#include "display_text.h"
#include "nextstep/storage/catalog.h"
#include "nextstep/storage/device_identity.h"
#include "nextstep/sync/grpc_transport.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/set_aside.h"
#include "nextstep/sync/sync_account.h"

namespace {

namespace sync = nextstep::sync;

struct Account {
  sync::AccountFields fields;
  nextstep::Result<std::int64_t> pending;
};

struct SignInAnswer {
  nextstep::Result<sync::LoginResult> login;
  bool tls = true;
};

// "Deal", "Contact": how a record's kind reads at the start of a line.
QString kindOf(nextstep::RecordType type) {
  QString kind = display::qs(std::string(nextstep::specOf(type).name));
  if (!kind.isEmpty()) kind[0] = kind[0].toUpper();
  return kind;
}

sync::ServerAddress addressOf(const QString& server, bool tls, const QString& ca) {
  return sync::ServerAddress{server.trimmed().toStdString(),
                             ca.isEmpty() ? std::nullopt : std::optional(ca.toStdString()), tls};
}

}  // namespace

SyncController::SyncController(LocalStore& store, QObject* parent)
    : QObject(parent), store_(store) {
  status_.state = sync::SyncState::kOffline;
  refresh_views_.setSingleShot(true);
  refresh_views_.setInterval(1500);
  connect(&refresh_views_, &QTimer::timeout, this, [this]() { store_.notifyChanged(); });
  connect(&store_, &LocalStore::opened, this, &SyncController::loadAccount);
  connect(&store_, &LocalStore::changed, this, &SyncController::refreshPending);
  connect(&store_, &LocalStore::changed, this, &SyncController::loadSetAside);
  if (store_.isOpen()) loadAccount();
}

SyncController::~SyncController() { stopClient(); }

QString SyncController::state() const {
  if (!signedIn()) return QStringLiteral("signed_out");
  return QString::fromUtf8(sync::nameOf(status_.state).data(),
                           static_cast<int>(sync::nameOf(status_.state).size()));
}

bool SyncController::offline() const {
  return signedIn() &&
         (status_.state == sync::SyncState::kOffline || status_.state == sync::SyncState::kError);
}

QString SyncController::stateText() const {
  if (!signedIn()) return tr("On this device only");
  switch (status_.state) {
    case sync::SyncState::kOffline:
      return tr("Offline");
    case sync::SyncState::kConnecting:
      return tr("Connecting…");
    case sync::SyncState::kSyncing:
      return status_.rows_total > 0 ? tr("Syncing %1 of %2")
                                          .arg(QLocale(QLocale::English).toString(rowsDone()),
                                               QLocale(QLocale::English).toString(rowsTotal()))
                                    : tr("Syncing…");
    case sync::SyncState::kUpToDate:
      // Something the server refused is still here: not up to date, and the rep is told why.
      return status_.set_aside > 0
                 ? tr("%n change(s) set aside", "", static_cast<int>(status_.set_aside))
                 : tr("Up to date");
    case sync::SyncState::kError:
      break;
  }
  return tr("Not syncing");
}

QString SyncController::lastSyncedText() const {
  if (!status_.last_synced) return {};
  return tr("Synced %1").arg(display::ago(*status_.last_synced, nextstep::nowInstant()));
}

void SyncController::loadAccount() {
  store_.read(
      this,
      [](nextstep::Store& s) {
        // The same sign-in as `nextstep login` keeps: the app and the CLI share a database.
        auto fields = sync::SyncAccount(s).read();
        return Account{fields ? *fields : sync::AccountFields{}, s.pendingChanges()};
      },
      [this](const Account& a) {
        auto text = [](const std::optional<std::string>& v) {
          return v ? display::qs(*v) : QString();
        };
        server_ = text(a.fields.server);
        email_ = text(a.fields.email);
        token_ = text(a.fields.token);
        team_ = text(a.fields.team);
        ca_ = text(a.fields.ca_file);
        // The CLI's login stores no TLS flag: plain text for a server on this machine, as the
        // CLI does, and TLS for any other.
        tls_ = a.fields.tls ? *a.fields.tls
                            : !(server_.startsWith(QStringLiteral("127.")) ||
                                server_.startsWith(QStringLiteral("localhost:")) ||
                                server_.startsWith(QStringLiteral("[::1]")));
        if (a.pending) status_.pending = *a.pending;
        Q_EMIT accountChanged();
        Q_EMIT statusChanged();
        if (signedIn()) startClient();
      });
  loadSetAside();
}

void SyncController::loadSetAside() {
  store_.read(
      this, [](nextstep::Store& s) { return sync::SetAsideChanges(s).list(); },
      [this](const nextstep::Result<std::vector<sync::SetAsideChange>>& list) {
        if (!list) return;
        QVariantList out;
        for (const sync::SetAsideChange& c : *list) {
          const QString record = display::qs(c.record_title.empty() ? c.record_id : c.record_title);
          out.append(QVariantMap{
              {QStringLiteral("id"), static_cast<qint64>(c.id)},
              {QStringLiteral("record"), QStringLiteral("%1: %2").arg(kindOf(c.type), record)},
              {QStringLiteral("field"), display::qs(c.key)},
              {QStringLiteral("value"), c.kind == nextstep::OpKind::kCreate
                                            ? QString()
                                            : display::qs(nextstep::describe(c.value))},
              {QStringLiteral("reason"), display::qs(c.reason)},
              {QStringLiteral("when"), display::ago(c.set_aside_at, nextstep::nowInstant())}});
        }
        if (out == set_aside_) return;
        set_aside_ = out;
        Q_EMIT setAsideChanged();
        Q_EMIT statusChanged();
      });
}

void SyncController::resendSetAside(qint64 id) {
  store_.write(
      this, [id](nextstep::Store& s) { return sync::SetAsideChanges(s).resend(id); },
      [this](const nextstep::Result<void>&) { syncNow(); });
}

void SyncController::dropSetAside(qint64 id) {
  store_.write(
      this, [id](nextstep::Store& s) { return sync::SetAsideChanges(s).drop(id); },
      [this](const nextstep::Result<void>&) { syncNow(); });
}

void SyncController::refreshPending() {
  if (client_) return;  // the client reports its own count
  store_.read(
      this, [](nextstep::Store& s) { return s.pendingChanges(); },
      [this](const nextstep::Result<std::int64_t>& n) {
        if (n && *n != status_.pending) {
          status_.pending = *n;
          Q_EMIT statusChanged();
        }
      });
}

void SyncController::startClient() {
  stopClient();
  nextstep::Store* store = store_.store();
  if (!store || token_.isEmpty()) return;
  const sync::ServerAddress address = addressOf(server_, tls_, ca_);
  // Several replicas: each session starts at the one that answered last.
  auto preferred = std::make_shared<sync::PreferredServer>();
  auto connect = [address, store,
                  preferred]() -> nextstep::Result<std::unique_ptr<sync::Transport>> {
    // Read at every connection: a database that became a new device has a token of its own.
    auto token = sync::SyncAccount(*store).token();
    if (!token) return token.error();
    if (!*token) return nextstep::Error{nextstep::ErrorCode::kUnauthenticated, "signed out"};
    auto channels = sync::openChannels(address);
    if (!channels) return channels.error();
    return std::unique_ptr<sync::Transport>(
        new sync::GrpcTransport(*channels, **token, std::chrono::seconds(30), preferred));
  };
  // On the sync thread: hand the status to the GUI thread. The client stops before the
  // controller (and its mailbox) goes.
  client_ =
      std::make_unique<sync::SyncClient>(*store, connect, [this](const sync::SyncStatus& status) {
        gui_.post([this, status]() { showStatus(status); });
      });
  // The client pushes promptly after a local write.
  auto* client = client_.get();
  store->setLocalChangeListener([client]() { client->syncNow(); });
  client_->start();
}

void SyncController::stopClient() {
  if (!client_) return;
  if (auto* store = store_.store()) store->setLocalChangeListener({});
  client_->stop();
  client_.reset();
}

void SyncController::showStatus(const sync::SyncStatus& status) {
  const bool caughtUp =
      status.state == sync::SyncState::kUpToDate && status_.state != sync::SyncState::kUpToDate;
  const bool progressed = status.rows_done != status_.rows_done;
  status_ = status;
  Q_EMIT statusChanged();
  // Remote changes arrived: the views reload (at once when caught up, else now and then).
  if (caughtUp) {
    store_.notifyChanged();
  } else if (progressed && !refresh_views_.isActive()) {
    refresh_views_.start();
  }
}

void SyncController::signIn(const QString& server, bool tls, const QString& email,
                            const QString& password) {
  nextstep::Store* opened = store_.store();
  if (signing_in_ || opened == nullptr) return;
  // One address, or several replicas separated by commas: said at once when it is neither.
  if (auto targets = sync::serverTargets(server.trimmed().toStdString()); !targets) {
    sign_in_error_ = display::qs(targets.error().message);
    Q_EMIT signingInChanged();
    return;
  }
  signing_in_ = true;
  sign_in_error_.clear();
  Q_EMIT signingInChanged();
  const sync::ServerAddress address = addressOf(server, tls, {});
  const std::string user = email.trimmed().toStdString();
  const std::string secret = password.toStdString();
  const nextstep::DeviceId device = opened->deviceId();
  const std::string device_name = QSysInfo::machineHostName().toStdString();
  QPointer<SyncController> self(this);
  QThread* worker = QThread::create([=]() {
    SignInAnswer answer{nextstep::Error{}, tls};
    auto channels = sync::openChannels(address);
    answer.login = channels ? sync::login(*channels, user, secret, device, device_name)
                            : nextstep::Result<sync::LoginResult>(channels.error());
    QMetaObject::invokeMethod(
        self.data(),
        [self, answer, server, email]() {
          if (SyncController* me = self.data()) {
            me->finishSignIn(answer.login, answer.tls, server, email);
          }
        },
        Qt::QueuedConnection);
  });
  connect(worker, &QThread::finished, worker, &QObject::deleteLater);
  worker->start();
}

void SyncController::finishSignIn(const nextstep::Result<sync::LoginResult>& login, bool tls,
                                  const QString& server, const QString& email) {
  signing_in_ = false;
  if (!login) {
    sign_in_error_ = display::qs(sync::explainSyncError(login.error()));
    Q_EMIT signingInChanged();
    return;
  }
  server_ = server.trimmed();
  email_ = email.trimmed();
  token_ = display::qs(login->token);
  team_ = display::qs(login->team);
  tls_ = tls;
  Q_EMIT signingInChanged();
  Q_EMIT accountChanged();
  Q_EMIT signedInNow();
  sync::AccountFields account{.server = server_.toStdString(),
                              .email = email_.toStdString(),
                              .token = login->token,
                              .team = login->team,
                              .tls = tls};
  store_.read(
      this,
      [account](nextstep::Store& s) mutable {
        // Login bound the token to the device that signed in.
        account.token_device = s.deviceId();
        return sync::SyncAccount(s).update([&](sync::AccountFields& a) { a = account; });
      },
      [this](const nextstep::Result<void>&) { startClient(); });
}

void SyncController::signOut() {
  stopClient();
  token_.clear();
  status_ = {};
  Q_EMIT accountChanged();
  Q_EMIT statusChanged();
  store_.read(
      this,
      [](nextstep::Store& s) {
        (void)sync::SyncAccount(s).update([](sync::AccountFields& a) { a.token.reset(); });
        return s.pendingChanges();
      },
      [this](const nextstep::Result<std::int64_t>& n) {
        if (n) status_.pending = *n;
        Q_EMIT statusChanged();
      });
}

void SyncController::syncNow() {
  if (client_) client_->syncNow();
}
