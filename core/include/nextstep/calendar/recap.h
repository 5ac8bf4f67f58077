// The recap after a meeting (rule 7): a thank-you with what the customer said they would do and by
// when, what the rep will do, and the next meeting; from an editable mustache template, as plain
// text, as a mailto: URI (RFC 6068) and as an .eml message (RFC 5322, headers encoded per RFC 2047
// by GMime). Making one also makes sure the customer's date is a reminder, once.
//
// Part of the nextstep_calendar library: what the customer's side receives (invitations, recaps).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nextstep/calendar/invitation.h"
#include "nextstep/model/model.h"
#include "nextstep/model/result.h"
#include "nextstep/storage/store.h"

namespace nextstep::calendar {

struct Recipient {
  std::string name;
  std::string email;
};

// What a recap says, read from the store.
// The meeting being recapped (held), and what came of it.
struct RecapFacts : MeetingContext {
  std::optional<Outcome> outcome;
  std::vector<ActionItem> customer_actions;  // agreed in this meeting
  // Agreed in this meeting, without the follow-up reminder itself (it is the rep's note to self;
  // the recap says the date instead).
  std::vector<ActionItem> rep_actions;
  std::optional<Meeting> next_meeting;  // the deal's next step, booked after this meeting
};

struct Recap {
  Organizer from;
  std::vector<Recipient> to;
  std::vector<std::string> without_email;  // attendees the recap cannot be addressed to
  std::string subject;
  std::string body;  // LF lines
  std::optional<CivilDate> follow_up_on;
  // The rep's reminder on the customer's date: the one the call's close made, or a new one.
  std::optional<std::string> reminder_action_id;
  bool reminder_created = false;
};

// The template the recap uses when the rep has none. Its first line may be "Subject: ...".
std::string_view defaultRecapTemplate();

// Fills the template. Placeholders (mustache; values are inserted as they are, never escaped):
//   {{greeting}} first names of the attendees ("Dana and Jürgen"), {{rep_name}}, {{deal_title}},
//   {{account_name}}, {{meeting_date}}, {{summary}} (the meeting's recap notes), {{follow_up}}
//   (the customer's date), sections {{#customer_actions}}/{{#rep_actions}} with {{text}} and
//   {{due}}, {{#has_customer_actions}}, {{#has_rep_actions}}, and {{#next_meeting}} with {{when}}
//   (on the clocks of its booking zone), {{place}}, {{agenda}}, {{goal}}.
// A template that does not parse is kInvalidArgument naming the problem, and so is one with a
// partial tag ({{>name}}): values are only ever text, never templates of their own.
Result<Recap> renderRecap(const RecapFacts& facts, const Organizer& from,
                          std::string_view template_text);

struct RecapRequest {
  std::string meeting;  // id or unique prefix; it must have been held (its call closed)
  std::optional<std::string> template_text;  // default: defaultRecapTemplate()
  std::optional<std::string> from_email;     // default: as for invitations (sign-in, else $EMAIL)
  std::optional<std::string> from_name;      // default: the deal's owner
};

Result<RecapFacts> recapFacts(Store& store, std::string_view meeting);

// The recap of a held meeting. When the outcome named a follow-up date and no rep action of the
// deal is due that day, it adds one (in one write); otherwise it writes nothing, so making the
// recap again never duplicates the reminder.
Result<Recap> meetingRecap(Store& store, const RecapRequest& request);

// mailto:to1,to2?subject=...&body=... with every byte outside RFC 3986's unreserved set
// percent-encoded (UTF-8), and the body's line breaks as %0D%0A (RFC 6068).
std::string recapMailto(const Recap& recap);

// The recap as a message file: RFC 5322 with CRLF lines, non-ASCII headers encoded per RFC 2047,
// a text/plain; charset=utf-8 body in quoted-printable, and "X-Unsent: 1" so mail clients that
// know it open it as a draft to send.
Result<std::string> recapEml(const Recap& recap, Instant date);

}  // namespace nextstep::calendar
