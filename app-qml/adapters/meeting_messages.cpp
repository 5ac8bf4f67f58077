#include "meeting_messages.h"

void MeetingMessages::saveInvitation(const QString& meetingId) {
  Q_UNUSED(meetingId)
  Q_EMIT failed(tr("Invitations can't be exported in this version yet."));
}

void MeetingMessages::openRecap(const QString& meetingId) {
  Q_UNUSED(meetingId)
  Q_EMIT failed(tr("Recaps can't be sent from this version yet."));
}
