// Every command group doing its job: the fields it changes and what it prints.
#include <map>

#include "cli_process.h"

namespace nextstep::cli_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CommandsTest : public CliTest {};

TEST_F(CommandsTest, DealSetChangesEveryField) {
  seedPipeline();
  const CliRun set =
      run({"deal", "set", deal_.substr(0, 20), "--title", "Rollout for Acme", "--stage", "proposal",
           "--value", "99.9", "--currency", "usd", "--owner", "ben", "--account", "Acme Holding"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_THAT(set.out, HasSubstr("Updated deal 'Rollout for Acme'"));
  auto d = okJson({"deal", "show", deal_})["deal"];
  EXPECT_EQ(d["title"], "Rollout for Acme");
  EXPECT_EQ(d["stage"], "proposal");
  EXPECT_EQ(d["value"]["minor"], 9990);
  EXPECT_EQ(d["value"]["currency"], "USD");
  EXPECT_EQ(d["owner"], "ben");
  EXPECT_EQ(d["account_name"], "Acme Holding");

  ok({"deal", "set", deal_, "--status", "lost", "--lost-reason", "budget frozen"});
  d = okJson({"deal", "show", deal_})["deal"];
  EXPECT_EQ(d["status"], "lost");
  EXPECT_EQ(d["lost_reason"], "budget frozen");
  EXPECT_EQ(okJson({"deal", "list"})["count"], 0);
  EXPECT_EQ(okJson({"deal", "list", "--status", "lost"})["count"], 1);
  EXPECT_EQ(okJson({"deal", "list", "--status", "all"})["count"], 1);
}

TEST_F(CommandsTest, AmountsAreReadExactly) {
  for (const auto& [text, minor] :
       std::vector<std::pair<std::string, int>>{{"12000.50", 1200050},
                                                {"12000.5", 1200050},
                                                {"7", 700},
                                                {"0.05", 5},
                                                {"1_000_000", 100000000}}) {
    const std::string id = ok({"deal", "add", "--title", "x", "--value", text});
    EXPECT_EQ(okJson({"deal", "show", id})["deal"]["value"]["minor"], minor) << text;
  }
}

TEST_F(CommandsTest, DealListFilters) {
  seedPipeline();
  const std::string bare =
      ok({"deal", "add", "--title", "Nothing booked", "--stage", "proposal", "--owner", "ben"});
  EXPECT_EQ(okJson({"deal", "list"})["count"], 2);
  const auto without = okJson({"deal", "list", "--without-next-step"});
  ASSERT_EQ(without["count"], 1);
  EXPECT_EQ(without["deals"][0]["id"], bare);
  EXPECT_EQ(okJson({"deal", "list", "--stage", "proposal"})["deals"][0]["id"], bare);
  EXPECT_EQ(okJson({"deal", "list", "--owner", "anna"})["deals"][0]["id"], deal_);
  EXPECT_EQ(okJson({"deal", "list", "--account", "acme gmbh"})["count"], 1);
  const auto limited = okJson({"deal", "list", "--limit", "1"});
  EXPECT_EQ(limited["count"], 1);
  EXPECT_EQ(limited["total"], 2);
  EXPECT_THAT(run({"deal", "list", "--limit", "1"}).out, HasSubstr("Showing 1 of 2 deals"));
  EXPECT_EQ(okJson({"deal", "list", "--compliance-only"})["count"], 0);
  ok({"action", "add", "--deal", bare, "--owner", "customer", "--text",
      "Send us a proposal with pricing"});
  const auto compliance = okJson({"deal", "list", "--compliance-only"});
  ASSERT_EQ(compliance["count"], 1);
  EXPECT_EQ(compliance["deals"][0]["compliance_only"], true);
  const CliRun text = run({"deal", "list"});
  EXPECT_THAT(text.out, HasSubstr("NONE"));
  EXPECT_THAT(text.out, HasSubstr("compliance only"));
}

TEST_F(CommandsTest, ActionTextsKeepTheirAtSigns) {
  seedPipeline();
  now_ = "2026-11-26T13:40:00Z";
  const auto closed =
      okJson({"meeting", "close", meeting_, "--outcome", "yes", "--customer-action",
              "Introduce us to bob@acme.example", "--customer-action", "Share the board deck@+1w",
              "--rep-action", "Call bob@acme.example back@2026-12-01"});
  ASSERT_EQ(closed["action_ids"].size(), 3u);
  const auto actions = okJson({"meeting", "show", meeting_})["actions"];
  std::map<std::string, nlohmann::json> byText;
  for (const auto& a : actions) byText[a["text"].get<std::string>()] = a;
  ASSERT_TRUE(byText.contains("Introduce us to bob@acme.example"));
  EXPECT_TRUE(byText["Introduce us to bob@acme.example"]["due"].is_null());
  EXPECT_EQ(byText["Share the board deck"]["due"], "2026-12-03");
  EXPECT_EQ(byText["Call bob@acme.example back"]["due"], "2026-12-01");
  EXPECT_EQ(byText["Call bob@acme.example back"]["owner"], "rep");
}

TEST_F(CommandsTest, DeleteAndRestore) {
  seedPipeline();
  const CliRun deleted = run({"deal", "delete", deal_});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  EXPECT_THAT(deleted.out, HasSubstr("nextstep deal restore " + deal_));
  EXPECT_EQ(run({"deal", "show", deal_}).exit_code, 1);
  EXPECT_EQ(okJson({"deal", "restore", deal_})["result"], "restored");
  EXPECT_EQ(okJson({"deal", "show", deal_})["deal"]["title"], "Pilot for Acme");
  ok({"contact", "delete", contact_});
  EXPECT_EQ(okJson({"contact", "list"})["count"], 0);
  ok({"contact", "restore", contact_});
  EXPECT_EQ(okJson({"contact", "list"})["count"], 1);
}

TEST_F(CommandsTest, AccountsAndContacts) {
  const std::string account = ok({"account", "add", "--name", "Initech", "--industry", "Software",
                                  "--city", "Austin", "--cadence-days", "14"});
  auto a = okJson({"account", "show", account})["account"];
  EXPECT_EQ(a["cadence_days"], 14);
  EXPECT_EQ(a["city"], "Austin");
  ok({"account", "set", "initech", "--cadence-days", "team", "--city", "Dallas"});
  a = okJson({"account", "show", "Initech"})["account"];
  EXPECT_TRUE(a["cadence_days"].is_null());
  EXPECT_EQ(a["city"], "Dallas");

  const std::string person = ok({"contact", "add", "--name", "Peter Gibbons", "--account", account,
                                 "--role", "user", "--phone", "+1 555 0100"});
  ok({"contact", "set", person, "--role", "champion", "--email", "peter@initech.example", "--title",
      "Engineer"});
  const auto c = okJson({"contact", "show", person});
  EXPECT_EQ(c["contact"]["role"], "champion");
  EXPECT_EQ(c["contact"]["email"], "peter@initech.example");
  EXPECT_EQ(c["account"]["name"], "Initech");
  const CliRun list = run({"contact", "list", "--account", "Initech"});
  EXPECT_THAT(list.out, HasSubstr("Peter Gibbons"));
  EXPECT_THAT(list.out, HasSubstr("champion"));
  EXPECT_THAT(run({"account", "show", "Initech"}).out, HasSubstr("Peter Gibbons"));
  EXPECT_THAT(run({"account", "list"}).out, HasSubstr("Initech"));
}

TEST_F(CommandsTest, MeetingsAreRescheduledPlannedAndCancelled) {
  seedPipeline();
  const CliRun moved = run({"meeting", "reschedule", meeting_, "--at", "2026-11-27T09:00",
                            "--duration", "1h30m", "--place", "Video call"});
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_THAT(moved.out, HasSubstr("Fri 27 Nov 2026 09:00 CET, 90 min, Video call"));
  ok({"meeting", "plan", meeting_, "--primary", "Meet the decision maker", "--backup",
      "Get the decision maker's name", "--asks", "An introduction"});
  ok({"meeting", "plan", meeting_, "--asks", "An introduction and a date"});
  const auto m = okJson({"meeting", "show", meeting_})["meeting"];
  EXPECT_EQ(m["duration_min"], 90);
  EXPECT_EQ(m["place"], "Video call");
  EXPECT_EQ(m["local"], "2026-11-27T09:00:00+01:00");
  EXPECT_EQ(m["plan"]["primary"], "Meet the decision maker");
  EXPECT_EQ(m["plan"]["backup"], "Get the decision maker's name");
  EXPECT_EQ(m["plan"]["asks"], "An introduction and a date");

  const CliRun suggest = run({"meeting", "suggest", "--deal", deal_});
  ASSERT_EQ(suggest.exit_code, 0) << suggest.err;
  EXPECT_THAT(suggest.out, HasSubstr("Same time next week"));
  EXPECT_THAT(suggest.out, HasSubstr("nextstep meeting book --deal " + deal_));
  const auto slots = okJson({"meeting", "suggest", "--deal", deal_});
  EXPECT_EQ(slots["duration_min"], 90);
  EXPECT_EQ(slots["place"], "Video call");
  EXPECT_EQ(slots["tz"], "Europe/Berlin");
  EXPECT_THAT(slots["slots"][0]["at"].get<std::string>(), ::testing::EndsWith("T09:00"));

  const CliRun cancelled = run({"meeting", "cancel", meeting_});
  ASSERT_EQ(cancelled.exit_code, 0) << cancelled.err;
  EXPECT_THAT(cancelled.out, HasSubstr("has no next step now"));
  EXPECT_EQ(okJson({"deal", "list", "--without-next-step"})["count"], 1);
}

TEST_F(CommandsTest, ActionsNotesAndTouches) {
  seedPipeline();
  const std::string action = ok({"action", "add", "--deal", deal_, "--owner", "customer", "--text",
                                 "Send us testimonials", "--due", "tomorrow"});
  auto a = okJson({"action", "show", action})["action"];
  EXPECT_EQ(a["kind"], "compliance");
  EXPECT_EQ(a["due"], "2026-11-27");
  const CliRun before = run({"deal", "show", deal_});
  EXPECT_THAT(before.out, HasSubstr("! compliance"));
  EXPECT_THAT(before.out, HasSubstr("[ ]"));
  ok({"action", "kind", action, "neutral"});
  ok({"action", "done", action});
  a = okJson({"action", "show", action})["action"];
  EXPECT_EQ(a["kind"], "neutral");
  EXPECT_EQ(a["kind_overridden"], true);
  EXPECT_EQ(a["done"], true);
  ok({"action", "reopen", action});
  EXPECT_EQ(okJson({"action", "show", action})["action"]["done"], false);

  EXPECT_TRUE(looksLikeId(ok({"note", "add", "--account", "Acme GmbH", "--text", "New CFO"})));
  EXPECT_TRUE(looksLikeId(ok({"touch", "add", "--contact", contact_, "--kind", "congratulation",
                              "--at", "2026-11-25T12:00", "--note", "Promotion"})));
  const auto view = okJson({"deal", "show", deal_});
  ASSERT_EQ(view["touches"].size(), 1u);
  EXPECT_EQ(view["touches"][0]["at"], "2026-11-25T11:00:00Z");
  EXPECT_EQ(view["touches"][0]["kind"], "congratulation");
  const CliRun show = run({"deal", "show", deal_});
  EXPECT_THAT(show.out, HasSubstr("[ ]  customer  Send us testimonials"));
  EXPECT_THAT(show.out, HasSubstr("Touch: congratulation"));
}

TEST_F(CommandsTest, ADealKeepsOneNextMeetingUnlessMovedOrAnotherIsChosen) {
  seedPipeline();  // the deal's next meeting is today at 14:00
  const CliRun again = run({"meeting", "book", "--deal", deal_, "--at", "2026-12-03T10:00"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_THAT(again.err, HasSubstr("already has its next meeting"));
  EXPECT_THAT(again.err, HasSubstr("--move or --another"));
  EXPECT_EQ(okJson({"deal", "show", deal_})["meetings"].size(), 1u) << "nothing was written";
  // Moved: the same meeting, at the new time.
  EXPECT_EQ(ok({"meeting", "book", "--deal", deal_, "--at", "2026-12-03T10:00", "--move"}),
            meeting_);
  EXPECT_EQ(okJson({"meeting", "show", meeting_})["meeting"]["start"], "2026-12-03T09:00:00Z");
  // Another, deliberately.
  EXPECT_NE(ok({"meeting", "book", "--deal", deal_, "--at", "2026-12-10T10:00", "--another"}),
            meeting_);
  EXPECT_EQ(okJson({"deal", "show", deal_})["meetings"].size(), 2u);
  EXPECT_EQ(
      run({"meeting", "book", "--deal", deal_, "--at", "2026-12-17T10:00", "--move", "--another"})
          .exit_code,
      2);
}

TEST_F(CommandsTest, EscapeSequencesInWhatTeammatesTypedAreShownNotObeyed) {
  seedPipeline();
  // Recolour, retitle the window, move the cursor: all arrive through sync from anyone.
  const std::string hostile =
      "\x1b[31mred\x1b]0;owned\x07 \xc2\x9b"
      "2J back\rover";
  ok({"deal", "set", deal_, "--title", hostile});
  ok({"note", "add", "--deal", deal_, "--text", hostile});
  const CliRun show = run({"deal", "show", deal_});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, Not(HasSubstr("\x1b")));
  EXPECT_THAT(show.out, Not(HasSubstr("\x07")));
  EXPECT_THAT(show.out, Not(HasSubstr("\r")));
  EXPECT_THAT(show.out, Not(HasSubstr("\xc2\x9b")));
  EXPECT_THAT(show.out, HasSubstr("^[[31mred^[]0;owned^G ?2J back^Mover"));
  // Other non-ASCII text is untouched, and the stored value and JSON keep it exactly.
  ok({"deal", "set", deal_, "--title", "Zürich – Größe"});
  EXPECT_THAT(run({"deal", "show", deal_}).out, HasSubstr("Zürich – Größe"));
  EXPECT_EQ(okJson({"deal", "show", deal_})["notes"][0]["text"], hostile);
}

TEST_F(CommandsTest, AfterTheEventEveryInterestedParticipantGetsANextStep) {
  seedPipeline();
  const std::string other =
      ok({"contact", "add", "--name", "Olga Other", "--account", "Globex", "--role", "user"});
  const std::string bored = ok({"contact", "add", "--name", "Bob Bored", "--account", "Globex"});
  const std::string event = ok({"event", "add", "--kind", "webinar", "--title", "Pilot results",
                                "--at", "2026-11-25T16:00", "--tz", "Europe/Berlin"});
  ok({"event", "participant", "--event", event, "--contact", contact_, "--deal", deal_});
  ok({"event", "participant", "--event", event, "--contact", other});
  ok({"event", "participant", "--event", event, "--contact", bored, "--not-interested"});

  const CliRun show = run({"event", "show", event});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("Olga Other"));
  EXPECT_THAT(show.out, HasSubstr("1 interested participant has no next step"));
  EXPECT_EQ(okJson({"health"})["participants_without_next_step"]["count"], 1);

  // Bob changes his mind at the coffee break, then Olga hers: the count follows both.
  const auto people = okJson({"event", "show", event})["participants"];
  std::string bob, olga;
  for (const auto& p : people) {
    if (p["contact"]["name"] == "Bob Bored") bob = p["id"];
    if (p["contact"]["name"] == "Olga Other") olga = p["id"];
  }
  ASSERT_FALSE(bob.empty());
  ASSERT_FALSE(olga.empty());
  ok({"event", "interest", bob, "--interested"});
  EXPECT_EQ(okJson({"health"})["participants_without_next_step"]["count"], 2);
  ok({"event", "interest", bob, "--not-interested"});
  EXPECT_EQ(okJson({"health"})["participants_without_next_step"]["count"], 1);
  const CliRun neither = run({"event", "interest", olga});
  EXPECT_NE(neither.exit_code, 0);
  EXPECT_THAT(neither.err, HasSubstr("--interested or --not-interested"));

  const auto booked = okJson({"event", "book", event, "--at", "2026-12-01T10:00", "--tz",
                              "Europe/Berlin", "--duration", "20m", "--gap", "10m"});
  ASSERT_EQ(booked["ids"].size(), 1u);
  const auto m = okJson({"meeting", "show", booked["ids"][0]})["meeting"];
  EXPECT_EQ(m["local"], "2026-12-01T10:00:00+01:00");
  EXPECT_EQ(m["event_id"], event);
  EXPECT_EQ(okJson({"health"})["participants_without_next_step"]["count"], 0);
  EXPECT_THAT(run({"event", "list"}).out, HasSubstr("Pilot results"));
  const auto shown = okJson({"event", "show", event});
  EXPECT_EQ(shown["participants"].size(), 3u);
  EXPECT_EQ(shown["event"]["local"], "2026-11-25T16:00:00+01:00");
}

TEST_F(CommandsTest, TeamSettingsShapeTheLadder) {
  const auto set = okJson(
      {"settings", "set", "--stages", "intro, demo ,pilot,contract", "--cadence-days", "21"});
  EXPECT_EQ(set["stages"], (nlohmann::json{"intro", "demo", "pilot", "contract"}));
  EXPECT_EQ(set["cadence_days"], 21);
  const std::string deal = ok({"deal", "add", "--title", "Ladder"});
  EXPECT_EQ(okJson({"deal", "show", deal})["deal"]["stage"], "intro");
  ok({"deal", "set", deal, "--stage", "pilot"});
  EXPECT_THAT(run({"settings", "show"}).out, HasSubstr("intro → demo → pilot → contract"));
  EXPECT_EQ(run({"deal", "set", deal, "--stage", "proposal"}).exit_code, 2);
}

TEST_F(CommandsTest, HealthAndTodayReadWell) {
  seedPipeline();
  ok({"deal", "add", "--title", "Nothing booked", "--account", "Globex"});
  const CliRun health = run({"health"});
  ASSERT_EQ(health.exit_code, 0) << health.err;
  EXPECT_THAT(health.out, HasSubstr("Next step booked"));
  EXPECT_THAT(health.out, HasSubstr("1 of 2 open deals"));
  EXPECT_THAT(health.out, HasSubstr("50%"));
  EXPECT_THAT(health.out, HasSubstr("Without a next step (1)"));
  EXPECT_THAT(health.out, HasSubstr("Nothing booked"));
  const CliRun today = run({"today", "--owner", "anna"});
  EXPECT_THAT(today.out, HasSubstr("Pilot for Acme"));
  EXPECT_THAT(today.out, Not(HasSubstr("Nothing booked")));
}

}  // namespace
}  // namespace nextstep::cli_test
