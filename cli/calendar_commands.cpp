#include "calendar_commands.h"

#include "nextstep/calendar/invitation.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/data/file_bytes.h"
#include "output_file.h"

namespace nextstep::cli {

Result<void> exportIcsCommand(Session& session, const ExportIcsFlags& flags) {
  calendar::InvitationRequest request;
  request.meeting = flags.meeting;
  request.cancel = flags.cancel;
  request.organizer_email = flags.organizer;
  request.organizer_name = flags.organizer_name;
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto invitation = calendar::meetingInvitation(**store, request);
  if (!invitation) return invitation.error();
  if (flags.output) {
    if (auto written = writeOutputFile(*flags.output, invitation->ics); !written) return written;
  }
  session.printer().invitation(InvitationOutput{std::move(*invitation), flags.output});
  return {};
}

Result<void> recapCommand(Session& session, const RecapFlags& flags) {
  if (flags.format != "text" && flags.format != "mailto" && flags.format != "eml") {
    return Error::invalid("--format: '" + flags.format + "' is not one of text|mailto|eml");
  }
  calendar::RecapRequest request;
  request.meeting = flags.meeting;
  request.from_email = flags.from;
  request.from_name = flags.from_name;
  if (flags.template_file) {
    auto text = readFileBytes(*flags.template_file);
    if (!text) return Error::invalid("--template: " + text.error().message);
    request.template_text = std::move(*text);
  }
  // Reading, and at most adding the reminder for the customer's date: the database must exist.
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto recap = calendar::meetingRecap(**store, request);
  if (!recap) return recap.error();

  RecapOutput out;
  out.format = flags.format;
  out.file = flags.output;
  if (flags.format == "mailto") {
    out.content = calendar::recapMailto(*recap) + "\n";
  } else if (flags.format == "eml") {
    auto eml = calendar::recapEml(*recap, session.now());
    if (!eml) return eml.error();
    out.content = std::move(*eml);
  } else {
    out.content = "Subject: " + recap->subject + "\n\n" + recap->body;
  }
  if (flags.output) {
    if (auto written = writeOutputFile(*flags.output, out.content); !written) return written;
  }
  out.recap = std::move(*recap);
  session.printer().recap(out);
  return {};
}

}  // namespace nextstep::cli
