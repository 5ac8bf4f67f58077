#include "calendar_commands.h"

#include <optional>
#include <string>

#include "command_tree.h"
#include "data_output.h"
#include "nextstep/calendar/invitation.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/data/file_bytes.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "output_file.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct ExportIcsFlags {
  std::string meeting;
  std::optional<std::string> output;  // default: standard output
  bool cancel = false;
  std::optional<std::string> organizer;       // email; default: the sign-in, else $EMAIL
  std::optional<std::string> organizer_name;  // default: the deal's owner
};

struct RecapFlags {
  std::string meeting;
  std::string format = "text";  // text | mailto | eml
  std::optional<std::string> output;
  std::optional<std::string> template_file;
  std::optional<std::string> from;       // email
  std::optional<std::string> from_name;  // default: the deal's owner
};

Result<void> exportIcsCommand(Session& session, const ExportIcsFlags& flags);
Result<void> recapCommand(Session& session, const RecapFlags& flags);

Result<void> exportIcsCommand(Session& session, const ExportIcsFlags& flags) {
  calendar::InvitationRequest request;
  request.meeting = flags.meeting;
  request.cancel = flags.cancel;
  request.organizer_email = flags.organizer;
  request.organizer_name = flags.organizer_name;
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto invitation, calendar::meetingInvitation(*store, request));
  if (flags.output) {
    if (auto written = writeOutputFile(*flags.output, invitation.ics); !written) return written;
  }
  emit(session, InvitationOutput{std::move(invitation), flags.output});
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
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto recap, calendar::meetingRecap(*store, request));

  RecapOutput out;
  out.format = flags.format;
  out.file = flags.output;
  if (flags.format == "mailto") {
    out.content = calendar::recapMailto(recap) + "\n";
  } else if (flags.format == "eml") {
    NEXTSTEP_TRY(auto eml, calendar::recapEml(recap, session.now()));
    out.content = std::move(eml);
  } else {
    out.content = "Subject: " + recap.subject + "\n\n" + recap.body;
  }
  if (flags.output) {
    if (auto written = writeOutputFile(*flags.output, out.content); !written) return written;
  }
  out.recap = std::move(recap);
  emit(session, out);
  return {};
}

}  // namespace

void registerInvitationExport(CommandTree& tree, CLI::App* export_group) {
  ExportIcsFlags& f = tree.keep<ExportIcsFlags>();
  CLI::App* ics =
      tree.leaf(export_group, "ics", "A meeting's calendar invitation (iCalendar, RFC 5545)",
                [&f](Session& s) { return exportIcsCommand(s, f); });
  flag(ics, "id", f.meeting, "Meeting id or unique prefix", "ID")->required();
  flag(ics, "-o,--output", f.output, "Write it to FILE instead of standard output", "FILE");
  ics->add_flag("--cancel", f.cancel, "The cancellation (METHOD:CANCEL) of a cancelled meeting");
  flag(ics, "--organizer", f.organizer,
       "The rep's email (default: the one signed in with, else $EMAIL)", "EMAIL");
  flag(ics, "--organizer-name", f.organizer_name, "The rep's name (default: the deal's owner)",
       "NAME");
}

void registerRecapCommand(CommandTree& tree) {
  RecapFlags& r = tree.keep<RecapFlags>();
  CLI::App* recap = tree.leaf("recap", "The thank-you and summary after a held meeting (rule 7)",
                              [&r](Session& s) { return recapCommand(s, r); });
  flag(recap, "id", r.meeting, "Meeting id or unique prefix", "ID")->required();
  flag(recap, "--format", r.format, "text (default), a mailto: link, or an .eml message",
       "text|mailto|eml");
  flag(recap, "-o,--output", r.output, "Write it to FILE instead of standard output", "FILE");
  flag(recap, "--template", r.template_file, "Your template (mustache; see docs/cli.md)", "FILE");
  flag(recap, "--from", r.from, "The rep's email (default: the one signed in with, else $EMAIL)",
       "EMAIL");
  flag(recap, "--from-name", r.from_name, "The rep's name (default: the deal's owner)", "NAME");
}

}  // namespace nextstep::cli
