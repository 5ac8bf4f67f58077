// The rep's day from the first deal to the follow-up: add, book, look, close with a Maybe, and
// find the follow-up on the customer's date.
#include "cli_process.h"

namespace nextstep::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class GoldenPathTest : public CliTest {};

TEST_F(GoldenPathTest, FromTheFirstDealToTheFollowUp) {
  seedPipeline();

  // deal show: the next step on top, the people with their roles.
  const CliRun show = run({"deal", "show", deal_});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("Pilot for Acme"));
  EXPECT_THAT(show.out, HasSubstr("Next step"));
  EXPECT_THAT(show.out, HasSubstr("Thu 26 Nov 2026 14:00 CET"));
  EXPECT_THAT(show.out, HasSubstr("Dana Decider (decision maker)"));
  EXPECT_THAT(show.out, HasSubstr("€12,000.50"));
  EXPECT_LT(show.out.find("Next step"), show.out.find("People"));

  // today: the meeting is on the agenda, nothing is missing.
  const CliRun today = run({"today"});
  ASSERT_EQ(today.exit_code, 0) << today.err;
  EXPECT_THAT(today.out, HasSubstr("Today, Thu 26 Nov 2026 (Europe/Berlin)"));
  EXPECT_THAT(today.out, HasSubstr("14:00–14:45"));
  EXPECT_THAT(today.out, HasSubstr(meeting_));

  // health: every open deal has its next step.
  const auto health = okJson({"health"});
  EXPECT_EQ(health["open_deals"], 1);
  EXPECT_EQ(health["without_next_step"]["count"], 0);
  EXPECT_DOUBLE_EQ(health["next_step_rate"].get<double>(), 1.0);

  // The meeting ends at 14:45 Berlin; the rep closes it at the table with a Maybe.
  now_ = "2026-11-26T13:40:00Z";
  const auto closed =
      okJson({"meeting", "close", meeting_, "--outcome", "maybe", "--probe",
              "the budget process starts in December", "--follow-up", "2026-12-10", "--temperature",
              contact_ + ":unsure:the pilot:pricing", "--customer-action",
              "Introduce us to the CFO@2026-12-05", "--rep-action", "Send the recap@tomorrow",
              "--recap", "Good talk about the pilot"});
  EXPECT_EQ(closed["result"], "maybe");
  EXPECT_EQ(closed["follow_up_on"], "2026-12-10");
  EXPECT_TRUE(looksLikeId(closed["follow_up_action_id"].get<std::string>()));
  EXPECT_EQ(closed["action_ids"].size(), 2u);
  EXPECT_TRUE(closed["next_step"].is_null());

  // The deal now lacks a next step, and says so.
  const auto afterClose = okJson({"deal", "show", deal_});
  EXPECT_TRUE(afterClose["next_step"].is_null());
  EXPECT_EQ(afterClose["outcomes"][0]["result"], "maybe");
  EXPECT_EQ(afterClose["outcomes"][0]["follow_up_on"], "2026-12-10");
  EXPECT_EQ(afterClose["temperature"][0]["ready"], "unsure");
  EXPECT_THAT(run({"deal", "show", deal_}).out, HasSubstr("NONE BOOKED"));

  // On the customer's date the follow-up is due today.
  now_ = "2026-12-10T08:00:00Z";
  const auto day = okJson({"today"});
  EXPECT_EQ(day["date"], "2026-12-10");
  ASSERT_EQ(day["follow_ups_due"]["count"], 1);
  const auto& due = day["follow_ups_due"]["actions"][0];
  EXPECT_EQ(due["id"], closed["follow_up_action_id"]);
  EXPECT_EQ(due["due"], "2026-12-10");
  EXPECT_EQ(due["deal_title"], "Pilot for Acme");
  EXPECT_THAT(due["text"].get<std::string>(), HasSubstr("the budget process starts in December"));
  EXPECT_EQ(day["need_next_step"]["count"], 1);
  EXPECT_EQ(day["need_next_step"]["deals"][0]["id"], deal_);
  // The rep's own recap action from the call is overdue by then.
  EXPECT_EQ(day["follow_ups_overdue"]["count"], 1);
  const CliRun todayText = run({"today"});
  EXPECT_THAT(todayText.out, HasSubstr("Follow-ups due today"));
  EXPECT_THAT(todayText.out, HasSubstr("(today)"));

  // search finds the deal by the starts of its words.
  const auto hits = okJson({"search", "acm", "pil"});
  ASSERT_GE(hits["hits"].size(), 1u);
  EXPECT_EQ(hits["hits"][0]["kind"], "deal");
  EXPECT_EQ(hits["hits"][0]["id"], deal_);
  EXPECT_THAT(run({"search", "Dana"}).out, HasSubstr(contact_));
  EXPECT_THAT(run({"search", "zebra"}).out, HasSubstr("Nothing found"));

  // Booking the next step fixes the headline again.
  ok({"meeting", "book", "--deal", deal_, "--at", "2026-12-17T14:00"});
  const auto healthAfter = okJson({"health"});
  EXPECT_EQ(healthAfter["without_next_step"]["count"], 0);
  EXPECT_THAT(run({"deal", "show", deal_}).out, Not(HasSubstr("NONE BOOKED")));
}

TEST_F(GoldenPathTest, ANoKeepsItsReasonAndAYesMovesTheDealUp) {
  seedPipeline();
  now_ = "2026-11-26T13:40:00Z";
  const auto yes = okJson({"meeting", "close", meeting_, "--outcome", "yes", "--objective",
                           "primary", "--what-next", "a pilot in January", "--approvers",
                           "the board", "--approve-by", "2026-12-15"});
  EXPECT_EQ(yes["deal_stage"], "qualified");
  const auto meeting = okJson({"meeting", "show", meeting_});
  EXPECT_EQ(meeting["meeting"]["status"], "held");
  EXPECT_EQ(meeting["meeting"]["objective_met"], "primary");
  EXPECT_EQ(meeting["outcome"]["approvers"], "the board");
  EXPECT_EQ(meeting["outcome"]["approve_by"], "2026-12-15");

  const std::string next = ok({"meeting", "book", "--deal", deal_, "--at", "2026-12-01T10:00"});
  // Booked within minutes of the last meeting's end: at the table.
  EXPECT_EQ(okJson({"meeting", "show", next})["meeting"]["booked_at_table"], true);
  now_ = "2026-12-01T09:50:00Z";
  const auto no = okJson({"meeting", "close", next, "--outcome", "no", "--reason", "other_supplier",
                          "--reason-text", "went with Globex"});
  EXPECT_EQ(no["result"], "no");
  const auto view = okJson({"deal", "show", deal_});
  EXPECT_EQ(view["outcomes"][0]["no_reason"], "other_supplier");
  EXPECT_EQ(view["outcomes"][0]["reason_text"], "went with Globex");
}

}  // namespace
}  // namespace nextstep::cli_test
