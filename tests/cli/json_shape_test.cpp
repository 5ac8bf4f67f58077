// --json output keeps its keys: scripts rely on every key below (docs/cli.md lists them).
#include <set>

#include "cli_process.h"

namespace nextstep::cli_test {
namespace {

using Keys = std::set<std::string>;

Keys keysOf(const nlohmann::json& j) {
  Keys out;
  for (auto it = j.begin(); it != j.end(); ++it) out.insert(it.key());
  return out;
}

const Keys kDeal{"id",         "title",       "account_id",      "account_name",
                 "value",      "stage",       "status",          "owner",
                 "created_at", "lost_reason", "compliance_only", "latest_customer_kind"};
const Keys kMoney{"minor", "currency", "amount"};
const Keys kMeeting{
    "id",    "deal_id",       "start", "end",     "tz",        "local",           "duration_min",
    "place", "agenda",        "goal",  "status",  "booked_at", "booked_at_table", "attendee_ids",
    "plan",  "objective_met", "recap", "event_id"};
const Keys kContact{"id", "account_id", "name", "email", "phone", "role", "title"};
const Keys kAccount{"id",           "name", "industry",   "city",          "owner",
                    "cadence_days", "tz",   "created_at", "last_touch_at", "open_deals"};
const Keys kAction{"id",  "deal_id", "meeting_id", "owner",           "text",
                   "due", "done",    "kind",       "kind_overridden", "created_at"};
const Keys kOutcome{"meeting_id",  "deal_id",       "result",       "no_reason",
                    "reason_text", "probe_answers", "follow_up_on", "what_next",
                    "approvers",   "approve_by",    "recorded_at"};

Keys plus(Keys keys, std::initializer_list<std::string> more) {
  keys.insert(more.begin(), more.end());
  return keys;
}

class JsonShapeTest : public CliTest {
 protected:
  void SetUp() override {
    seedPipeline();
    ok({"note", "add", "--deal", deal_, "--text", "Budget owner is Dana"});
    ok({"touch", "add", "--deal", deal_, "--kind", "call", "--note", "quick check-in"});
    ok({"action", "add", "--deal", deal_, "--owner", "customer", "--text",
        "Share the security questionnaire", "--due", "2026-12-01"});
  }
};

TEST_F(JsonShapeTest, AddPrintsTheIdAlone) {
  const CliRun text = run({"deal", "add", "--title", "Another"});
  EXPECT_TRUE(looksLikeId(text.line())) << text.out;
  EXPECT_EQ(lineCount(text.out), 1);
  const auto j = okJson({"deal", "add", "--title", "And another"});
  EXPECT_EQ(keysOf(j), Keys{"id"});
  EXPECT_TRUE(looksLikeId(j["id"].get<std::string>()));
}

TEST_F(JsonShapeTest, DealShow) {
  const auto j = okJson({"deal", "show", deal_});
  EXPECT_EQ(keysOf(j), (Keys{"deal", "account", "next_step", "people", "actions", "meetings",
                             "outcomes", "temperature", "notes", "touches", "timeline"}));
  EXPECT_EQ(keysOf(j["deal"]), kDeal);
  EXPECT_EQ(keysOf(j["deal"]["value"]), kMoney);
  EXPECT_EQ(j["deal"]["value"]["minor"], 1200050);
  EXPECT_EQ(j["deal"]["value"]["currency"], "EUR");
  EXPECT_EQ(j["deal"]["value"]["amount"], "12000.50");
  EXPECT_EQ(j["deal"]["created_at"], "2026-11-26T09:00:00Z");
  EXPECT_EQ(keysOf(j["account"]), kAccount);
  EXPECT_EQ(keysOf(j["next_step"]), plus(kMeeting, {"attendees"}));
  EXPECT_EQ(keysOf(j["next_step"]["plan"]), (Keys{"primary", "backup", "asks"}));
  EXPECT_EQ(keysOf(j["next_step"]["attendees"][0]), (Keys{"id", "name", "role"}));
  EXPECT_EQ(j["next_step"]["attendees"][0]["role"], "decision_maker");
  EXPECT_EQ(keysOf(j["people"][0]), kContact);
  EXPECT_EQ(keysOf(j["actions"][0]), kAction);
  EXPECT_EQ(j["actions"][0]["kind"], "commitment");
  EXPECT_EQ(j["actions"][0]["due"], "2026-12-01");
  EXPECT_EQ(keysOf(j["meetings"][0]), kMeeting);
  EXPECT_EQ(keysOf(j["notes"][0]),
            (Keys{"id", "deal_id", "account_id", "contact_id", "text", "author", "created_at"}));
  EXPECT_EQ(keysOf(j["touches"][0]),
            (Keys{"id", "account_id", "contact_id", "deal_id", "kind", "at", "note"}));
  EXPECT_EQ(keysOf(j["timeline"][0]), (Keys{"at", "kind", "id", "title", "detail"}));
}

TEST_F(JsonShapeTest, DealListCarriesCountsAndNextSteps) {
  const auto j = okJson({"deal", "list"});
  EXPECT_EQ(keysOf(j), (Keys{"count", "total", "deals"}));
  EXPECT_EQ(j["count"], 1);
  EXPECT_EQ(j["total"], 1);
  EXPECT_EQ(keysOf(j["deals"][0]), plus(kDeal, {"next_step"}));
  EXPECT_EQ(j["deals"][0]["next_step"]["id"], meeting_);
}

TEST_F(JsonShapeTest, MeetingShowAndClose) {
  const auto shown = okJson({"meeting", "show", meeting_});
  EXPECT_EQ(keysOf(shown),
            (Keys{"meeting", "deal", "attendees", "outcome", "temperature", "actions"}));
  EXPECT_EQ(keysOf(shown["meeting"]), kMeeting);
  EXPECT_TRUE(shown["outcome"].is_null());
  now_ = "2026-11-26T13:40:00Z";
  const auto closed = okJson({"meeting", "close", meeting_, "--outcome", "maybe", "--follow-up",
                              "+2w", "--temperature", contact_ + ":yes"});
  EXPECT_EQ(keysOf(closed),
            (Keys{"meeting_id", "deal_id", "outcome_id", "result", "follow_up_on",
                  "follow_up_action_id", "action_ids", "deal_stage", "deal_status", "next_step"}));
  EXPECT_EQ(closed["follow_up_on"], "2026-12-10");
  const auto after = okJson({"meeting", "show", meeting_});
  EXPECT_EQ(keysOf(after["outcome"]), kOutcome);
  EXPECT_EQ(keysOf(after["temperature"][0]),
            (Keys{"id", "meeting_id", "contact_id", "ready", "most_interesting", "to_clarify",
                  "created_at"}));
}

TEST_F(JsonShapeTest, TodayListsEachItemWithItsCount) {
  const auto j = okJson({"today"});
  EXPECT_EQ(keysOf(j), (Keys{"date", "tz", "open_deals", "meetings", "follow_ups_due",
                             "follow_ups_overdue", "outcomes_missing", "need_next_step"}));
  EXPECT_EQ(keysOf(j["meetings"]), (Keys{"count", "meetings"}));
  EXPECT_EQ(keysOf(j["follow_ups_due"]), (Keys{"count", "actions"}));
  EXPECT_EQ(keysOf(j["follow_ups_overdue"]), (Keys{"count", "actions"}));
  EXPECT_EQ(keysOf(j["outcomes_missing"]), (Keys{"count", "meetings"}));
  EXPECT_EQ(keysOf(j["need_next_step"]), (Keys{"count", "deals"}));
  EXPECT_EQ(keysOf(j["meetings"]["meetings"][0]), plus(kMeeting, {"deal_title", "account_name"}));
}

TEST_F(JsonShapeTest, HealthListsEachProblemWithItsCount) {
  ok({"deal", "add", "--title", "Nothing booked", "--account", "Globex"});
  const auto j = okJson({"health"});
  EXPECT_EQ(keysOf(j),
            (Keys{"date", "tz", "open_deals", "with_next_step", "next_step_rate",
                  "booked_at_table_rate", "commitment_rate", "bookings", "commitment_deals",
                  "without_next_step", "overdue", "stale", "held_without_next_step",
                  "compliance_only", "follow_ups", "participants_without_next_step"}));
  EXPECT_EQ(keysOf(j["without_next_step"]), (Keys{"count", "deals"}));
  EXPECT_EQ(j["without_next_step"]["count"], 1);
  EXPECT_EQ(keysOf(j["without_next_step"]["deals"][0]), kDeal);
  EXPECT_EQ(keysOf(j["overdue"]), (Keys{"count", "meetings"}));
  EXPECT_EQ(keysOf(j["stale"]), (Keys{"count", "cadence_days", "accounts"}));
  EXPECT_EQ(keysOf(j["held_without_next_step"]), (Keys{"count", "deals"}));
  EXPECT_EQ(keysOf(j["compliance_only"]), (Keys{"count", "deals"}));
  EXPECT_EQ(keysOf(j["bookings"]), (Keys{"window_days", "count", "at_table"}));
  EXPECT_EQ(keysOf(j["follow_ups"]), (Keys{"due_today", "overdue"}));
  EXPECT_EQ(keysOf(j["participants_without_next_step"]), Keys{"count"});
  EXPECT_DOUBLE_EQ(j["next_step_rate"].get<double>(), 0.5);
  EXPECT_TRUE(j["booked_at_table_rate"].is_number());
  EXPECT_TRUE(j["commitment_rate"].is_number());
}

TEST_F(JsonShapeTest, ListsSettingsSearchAndChanges) {
  const auto accounts = okJson({"account", "list"});
  EXPECT_EQ(keysOf(accounts), (Keys{"count", "accounts"}));
  EXPECT_EQ(keysOf(accounts["accounts"][0]), kAccount);
  const auto contacts = okJson({"contact", "list", "--account", "acme gmbh"});
  EXPECT_EQ(keysOf(contacts), (Keys{"count", "contacts"}));
  EXPECT_EQ(contacts["count"], 1);
  EXPECT_EQ(keysOf(contacts["contacts"][0]), kContact);
  const auto account = okJson({"account", "show", "Acme GmbH"});
  EXPECT_EQ(keysOf(account), (Keys{"account", "contacts", "deals"}));
  const auto contact = okJson({"contact", "show", contact_});
  EXPECT_EQ(keysOf(contact), (Keys{"contact", "account"}));
  const auto settings = okJson({"settings", "show"});
  EXPECT_EQ(keysOf(settings),
            (Keys{"stages", "cadence_days", "working_days", "working_days_bits"}));
  EXPECT_EQ(settings["cadence_days"], 30);
  const auto hits = okJson({"search", "budget"});
  EXPECT_EQ(keysOf(hits), (Keys{"query", "count", "hits"}));
  EXPECT_EQ(keysOf(hits["hits"][0]), (Keys{"kind", "id", "title", "detail", "deal_id"}));
  EXPECT_EQ(hits["hits"][0]["kind"], "note");
  EXPECT_EQ(hits["hits"][0]["deal_id"], deal_);
  const auto changed = okJson({"deal", "set", deal_, "--stage", "proposal"});
  EXPECT_EQ(keysOf(changed), (Keys{"id", "record", "result"}));
  EXPECT_EQ(changed["result"], "updated");
  const auto suggested = okJson({"meeting", "suggest", "--deal", deal_});
  EXPECT_EQ(keysOf(suggested), (Keys{"deal_id", "deal_title", "tz", "zones", "duration_min",
                                     "place", "slots", "agenda_templates", "people"}));
  EXPECT_EQ(keysOf(suggested["zones"][0]), (Keys{"label", "tz"}));
  EXPECT_EQ(keysOf(suggested["slots"][0]), (Keys{"label", "at", "tz"}));
}

TEST_F(JsonShapeTest, GlobalFlagsGoBeforeOrAfterTheCommand) {
  const CliRun after = run({"deal", "list", "--json"});
  const CliRun before = run({"--json", "deal", "list"});
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_EQ(after.out, before.out);
  const CliRun dbAfter = runBare({"deal", "list", "--json", "--db", db_, "--now", now_});
  EXPECT_EQ(dbAfter.exit_code, 0) << dbAfter.err;
  EXPECT_EQ(dbAfter.out, before.out);
}

}  // namespace
}  // namespace nextstep::cli_test
