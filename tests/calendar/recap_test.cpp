// The recap after a meeting (rule 7): its words, its reminder (made once), and its mailto: and .eml
// forms as a mail client reads them (parsed back by Python's standard library).
#include <cstdlib>

#include "calendar_fixture.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/model/ids.h"
#include "nextstep/pipeline/pipeline.h"
#include "python_check.h"

namespace nextstep::testing {
namespace {

using calendar::Recap;
using calendar::RecapRequest;
using nlohmann::json;

class RecapTest : public CalendarTest {
 protected:
  RecapTest() {
    setenv("EMAIL", "", 1);
    meeting_ = book("2026-03-10T10:00", "Europe/Berlin");
    clock_.set(at("2026-03-10T09:50:00Z"));  // the end of the meeting, at the table
    next_ = book("2026-03-24T14:00", "Europe/Berlin");
  }

  CallCloseResult close() {
    CallClose c;
    c.meeting = meeting_;
    c.result = OutcomeResult::kMaybe;
    c.probe_answers = "budget round starts in April";
    c.follow_up = day("2026-04-02");
    c.recap = "We went through the pilot plan; pricing is fine, timing is open.";
    c.actions = {
        {ActionOwner::kCustomer, "Introduce us to the CFO", day("2026-03-17"), std::nullopt},
        {ActionOwner::kCustomer, "Share the fleet list, with VINs", std::nullopt, std::nullopt},
        {ActionOwner::kRep, "Send the revised pilot plan", day("2026-03-12"), std::nullopt},
    };
    return unwrap(closeCall(*store_, c));
  }

  Recap recap(const std::optional<std::string>& tmpl = std::nullopt) {
    RecapRequest r;
    r.meeting = meeting_;
    r.from_email = "rita.rep@nextstep.example";
    r.template_text = tmpl;
    return unwrap(calendar::meetingRecap(*store_, r));
  }

  std::int64_t repActionsDue(const char* date) {
    return unwrap(store_->read([&](Database& db) {
      auto s = db.prepare("SELECT count(*) FROM actions WHERE owner = 'rep' AND due = ?1");
      s->bind(1, date);
      s->step();
      return s->integer(0);
    }));
  }

  std::string meeting_;
  std::string next_;
};

TEST_F(RecapTest, ThanksSummarisesBothSidesAndNamesTheNextMeeting) {
  close();
  const Recap r = recap();
  EXPECT_EQ(r.subject, "Thank you for our meeting - Fleet renewal, phase 2");
  EXPECT_EQ(r.from.email, "rita.rep@nextstep.example");
  EXPECT_EQ(r.from.name, "Rita Rep");
  ASSERT_EQ(r.to.size(), 2u);
  EXPECT_EQ(r.to[0].name, "Jürgen Müller");
  EXPECT_EQ(r.without_email, std::vector<std::string>{"Kim Nomail"});
  EXPECT_EQ(r.body,
            "Hello Jürgen, Zoë and Kim,\n"
            "\n"
            "thank you for your time on Tuesday 10 March 2026.\n"
            "\n"
            "We went through the pilot plan; pricing is fine, timing is open.\n"
            "\n"
            "As agreed, on your side:\n"
            "- Introduce us to the CFO (by Tuesday 17 March 2026)\n"
            "- Share the fleet list, with VINs\n"
            "\n"
            "On my side:\n"
            "- Send the revised pilot plan (by Thursday 12 March 2026)\n"
            "\n"
            "Our next meeting: Tue 24 Mar 2026 14:00 CET, Werk 2, Halle 3; Tor B.\n"
            "Agenda: Walk-through, pricing; next steps\n"
            "\n"
            "As you suggested, I will get back to you on Thursday 2 April 2026.\n"
            "\n"
            "Best regards,\n"
            "Rita Rep\n");
}

TEST_F(RecapTest, TheCustomersDateIsOneReminderHoweverOftenTheRecapIsMade) {
  const CallCloseResult closed = close();
  ASSERT_TRUE(closed.follow_up_action_id);
  EXPECT_EQ(repActionsDue("2026-04-02"), 1);

  const Recap first = recap();
  EXPECT_EQ(first.follow_up_on, day("2026-04-02"));
  EXPECT_EQ(first.reminder_action_id, closed.follow_up_action_id);
  EXPECT_FALSE(first.reminder_created);
  const Recap second = recap();
  EXPECT_EQ(second.reminder_action_id, closed.follow_up_action_id);
  EXPECT_EQ(repActionsDue("2026-04-02"), 1);
  // The reminder is the rep's note to self: the letter says the date instead.
  EXPECT_EQ(first.body.find("Follow up:"), std::string::npos);
}

TEST_F(RecapTest, AnOutcomeWithoutItsReminderGetsOneOnce) {
  // An outcome that came without its reminder (recorded before reminders were made, or synced
  // without it): the recap adds the reminder, and only once.
  unwrap(store_->write([&](Mutation& m) {
    m.update(RecordType::kMeeting, meeting_, {{"status", Value("held")}});
    m.create(RecordType::kOutcome, meeting_,
             {{"meeting_id", Value(meeting_)},
              {"deal_id", Value(deal_)},
              {"result", Value("maybe")},
              {"probe_answers", Value("after the board meeting")},
              {"follow_up_on", Value("2026-04-20")},
              {"recorded_at", Value(toUnix(clock_.now()))}});
  }));
  EXPECT_EQ(repActionsDue("2026-04-20"), 0);
  const std::int64_t outboxBefore = unwrap(store_->pendingChanges());
  const Recap first = recap();
  EXPECT_TRUE(first.reminder_created);
  ASSERT_TRUE(first.reminder_action_id);
  EXPECT_EQ(repActionsDue("2026-04-20"), 1);
  EXPECT_GT(unwrap(store_->pendingChanges()), outboxBefore);  // it syncs like any action

  const Recap second = recap();
  EXPECT_FALSE(second.reminder_created);
  EXPECT_EQ(second.reminder_action_id, first.reminder_action_id);
  EXPECT_EQ(repActionsDue("2026-04-20"), 1);
}

TEST_F(RecapTest, OnlyAHeldMeetingHasARecap) {
  RecapRequest r{.meeting = meeting_};
  auto planned = calendar::meetingRecap(*store_, r);
  ASSERT_FALSE(planned.ok());
  EXPECT_EQ(planned.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(planned.error().message.find("close the call"), std::string::npos);
}

TEST_F(RecapTest, TheRepsOwnTemplateIsFilledAsPlainText) {
  close();
  const Recap r = recap(
      "Subject: Danke, {{greeting}}!\n"
      "{{#customer_actions}}* {{text}}{{#due}} / {{due}}{{/due}}\n{{/customer_actions}}"
      "{{#next_meeting}}Next: {{when}}{{/next_meeting}}\n"
      "<{{rep_name}}> & {{account_name}}\n");
  EXPECT_EQ(r.subject, "Danke, Jürgen, Zoë and Kim!");
  EXPECT_EQ(r.body,
            "* Introduce us to the CFO / Tuesday 17 March 2026\n"
            "* Share the fleet list, with VINs\n"
            "Next: Tue 24 Mar 2026 14:00 CET\n"
            "<Rita Rep> & Müller & Söhne GmbH\n");  // nothing HTML-escaped

  RecapRequest bad{.meeting = meeting_, .template_text = "{{#customer_actions}} unclosed"};
  auto refused = calendar::meetingRecap(*store_, bad);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
}

TEST_F(RecapTest, TheMailtoLinkDecodesToTheSameLetter) {
  close();
  const Recap r = recap();
  const std::string uri = calendar::recapMailto(r);
  EXPECT_TRUE(uri.starts_with("mailto:juergen.mueller@example.de,zoe@example.com?subject="));
  const json py = runPythonCheck("check_mail.py", {"mailto", save("recap.url", uri)});
  EXPECT_EQ(py["ascii_only"], true);
  EXPECT_EQ(py["has_space"], false);
  EXPECT_EQ(py["to"], json::array({"juergen.mueller@example.de", "zoe@example.com"}));
  EXPECT_EQ(py["subject"], r.subject);
  std::string crlf;
  for (char c : r.body) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(py["body"], crlf);  // RFC 6068: line breaks as %0D%0A
  EXPECT_NE(uri.find("%0D%0A"), std::string::npos);
}

TEST_F(RecapTest, TheMessageFileIsMimeWithEncodedHeaders) {
  unwrap(changeDeal(*store_, deal_, {.title = "Flottenerneuerung – Phase 2"}));
  close();
  const Recap r = recap();
  const std::string eml = unwrap(calendar::recapEml(r, at("2026-03-10T10:05:00Z")));
  const json py = runPythonCheck("check_mail.py", {"eml", save("recap.eml", eml)});
  EXPECT_EQ(py["crlf_only"], true);
  EXPECT_EQ(py["headers_ascii"], true);  // RFC 2047 took care of the umlauts and the dash
  EXPECT_LE(py["max_line_octets"].get<int>(), 998);
  EXPECT_EQ(py["subject"], "Thank you for our meeting - Flottenerneuerung – Phase 2");
  EXPECT_TRUE(py["raw_subject"].get<std::string>().find("=?") != std::string::npos);
  EXPECT_EQ(py["from"][0]["email"], "rita.rep@nextstep.example");
  EXPECT_EQ(py["from"][0]["name"], "Rita Rep");
  ASSERT_EQ(py["to"].size(), 2u);
  EXPECT_EQ(py["to"][0]["name"], "Jürgen Müller");
  EXPECT_EQ(py["to"][0]["email"], "juergen.mueller@example.de");
  EXPECT_EQ(py["to"][1]["name"], "Zoë O'Brien-Łukasiewicz");
  EXPECT_EQ(py["content_type"], "text/plain");
  EXPECT_EQ(py["charset"], "utf-8");
  EXPECT_EQ(py["transfer_encoding"], "quoted-printable");
  EXPECT_EQ(py["mime_version"], "1.0");
  EXPECT_EQ(py["x_unsent"], "1");
  EXPECT_EQ(py["has_date"], true);
  EXPECT_EQ(py["has_message_id"], true);
  std::string body = py["body"].get<std::string>();
  std::string crlfless;
  for (char c : body) {
    if (c != '\r') crlfless += c;
  }
  EXPECT_EQ(crlfless, r.body);
}

// Found by fuzzing (fuzz/corpus/recap_template/partial-of-itself): mustache fills a partial tag
// with the value of that name as a template, so a deal title of "{{>deal_title}}" overflowed the
// stack, and notes could pull in other fields. Values are only ever text.
TEST(RecapTemplate, AValueIsNeverATemplateSoPartialTagsAreRefused) {
  calendar::RecapFacts f;
  f.deal_title = "{{>deal_title}}";
  f.meeting.recap = "{{rep_name}}";
  f.meeting.tz = "Europe/Berlin";
  const calendar::Organizer from{"rita.rep@nextstep.example", "Rita"};

  for (const char* tmpl : {"{{>deal_title}}", "Notes: {{>summary}}", "{{=<% %>=}}<%>summary%>"}) {
    auto r = calendar::renderRecap(f, from, tmpl);
    ASSERT_FALSE(r.ok()) << tmpl;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("{{>"), std::string::npos) << r.error().message;
  }
  const Recap plain = unwrap(calendar::renderRecap(f, from, "{{deal_title}} {{summary}}"));
  EXPECT_EQ(plain.body, "{{>deal_title}} {{rep_name}}\n");
}

}  // namespace
}  // namespace nextstep::testing
