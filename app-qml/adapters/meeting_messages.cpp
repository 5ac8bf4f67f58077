#include "meeting_messages.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUrl>

#include "display_text.h"
#include "nextstep/calendar/invitation.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/meetings/booking.h"

namespace {

using display::qs;

struct SavedInvitation {
  QString path;
  QString subject;
  QStringList invited;
};

QString defaultFolder() {
  QString dir = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
  if (dir.isEmpty()) dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
  if (dir.isEmpty()) dir = QDir::homePath();
  return dir;
}

// The mail client with the file attached, where the desktop offers that (xdg-utils on Linux).
bool composeWithAttachment(const SavedInvitation& saved) {
  const QString xdgEmail = QStandardPaths::findExecutable(QStringLiteral("xdg-email"));
  if (xdgEmail.isEmpty()) return false;
  QStringList args{QStringLiteral("--subject"), saved.subject, QStringLiteral("--attach"),
                   saved.path};
  args += saved.invited;
  return QProcess::startDetached(xdgEmail, args);
}

}  // namespace

MeetingMessages::MeetingMessages(QObject* parent) : QObject(parent), folder_(defaultFolder()) {}

void MeetingMessages::setStore(LocalStore* store) {
  if (store_ == store) return;
  store_ = store;
  Q_EMIT storeChanged();
  findRecapMeeting();
}

void MeetingMessages::setDealId(const QString& id) {
  if (deal_id_ == id) return;
  deal_id_ = id;
  Q_EMIT dealIdChanged();
  findRecapMeeting();
}

void MeetingMessages::setFolder(const QString& folder) {
  if (folder_ == folder) return;
  folder_ = folder;
  Q_EMIT folderChanged();
}

void MeetingMessages::setLaunch(bool launch) {
  if (launch_ == launch) return;
  launch_ = launch;
  Q_EMIT launchChanged();
}

void MeetingMessages::findRecapMeeting() {
  if (!store_ || deal_id_.isEmpty()) {
    if (!recap_meeting_.isEmpty()) {
      recap_meeting_.clear();
      Q_EMIT recapAvailableChanged();
    }
    return;
  }
  store_->read(
      this,
      [deal = deal_id_.toStdString()](nextstep::Store& s) {
        return nextstep::lastHeldMeeting(s, deal);
      },
      [this, asked = deal_id_](const nextstep::Result<std::optional<nextstep::Meeting>>& held) {
        if (asked != deal_id_) return;  // the sheet moved on to another deal meanwhile
        const QString found = held && *held ? qs((*held)->id) : QString();
        if (found == recap_meeting_) return;
        recap_meeting_ = found;
        Q_EMIT recapAvailableChanged();
      });
}

void MeetingMessages::saveInvitation(const QString& meetingId) {
  if (!store_ || meetingId.isEmpty()) return;
  store_->read(
      this,
      [meeting = meetingId.toStdString(),
       folder = folder_](nextstep::Store& s) -> nextstep::Result<SavedInvitation> {
        nextstep::calendar::InvitationRequest request;
        request.meeting = meeting;
        // A cancelled meeting's message is its cancellation, so the customer's calendar agrees.
        auto current = nextstep::getMeeting(s, meeting);
        if (!current) return current.error();
        request.cancel = current->status == nextstep::MeetingStatus::kCancelled;
        const QString path = QDir(folder).filePath(
            QStringLiteral("%1-%2.ics")
                .arg(request.cancel ? QStringLiteral("cancellation") : QStringLiteral("invitation"),
                     qs(meeting).left(8)));
        auto invitation = nextstep::calendar::meetingInvitation(s, request);
        if (!invitation) return invitation.error();
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSaveFile file(path);
        const QByteArray bytes = QByteArray::fromStdString(invitation->ics);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() ||
            !file.commit()) {
          return nextstep::Error{
              nextstep::ErrorCode::kIo,
              "cannot save " + path.toStdString() + ": " + file.errorString().toStdString()};
        }
        SavedInvitation saved{path, {}, {}};
        auto facts = nextstep::calendar::invitationFacts(s, meeting);
        if (facts) saved.subject = qs(facts->deal_title);
        for (const std::string& email : invitation->invited) saved.invited << qs(email);
        return saved;
      },
      [this](const nextstep::Result<SavedInvitation>& saved) {
        if (!saved) {
          // The core names the CLI's ways out; in the app, signing in is the one.
          const bool noSender = saved.error().message.rfind("no organizer email", 0) == 0;
          Q_EMIT failed(noSender ? tr("Sign in under Settings first: the invitation is sent from "
                                      "your address.")
                                 : qs(saved.error().message));
          return;
        }
        bool handedOver = false;
        if (launch_) {
          handedOver = composeWithAttachment(*saved) ||
                       QDesktopServices::openUrl(QUrl::fromLocalFile(saved->path));
        }
        Q_EMIT invitationSaved(saved->path, handedOver);
      });
}

void MeetingMessages::openRecap() {
  if (!store_ || recap_meeting_.isEmpty()) return;
  // A write: the recap makes the rep's reminder on the customer's date when there is none yet.
  store_->write(
      this,
      [meeting = recap_meeting_.toStdString()](nextstep::Store& s) {
        nextstep::calendar::RecapRequest request;
        request.meeting = meeting;
        return nextstep::calendar::meetingRecap(s, request);
      },
      [this](const nextstep::Result<nextstep::calendar::Recap>& recap) {
        if (!recap) {
          Q_EMIT failed(qs(recap.error().message));
          return;
        }
        const QString mailto = qs(nextstep::calendar::recapMailto(*recap));
        if (launch_ && !QDesktopServices::openUrl(QUrl(mailto, QUrl::StrictMode))) {
          Q_EMIT failed(tr("No mail program is set up to send the recap."));
          return;
        }
        Q_EMIT recapOpened(mailto,
                           recap->follow_up_on ? qs(recap->follow_up_on->iso()) : QString());
      });
}
