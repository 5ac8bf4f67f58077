#include "nextstep/pipeline/pipeline.h"

#include "nextstep/pipeline/team_settings.h"
#include "nextstep/pipeline/typed_names.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class PipelineTest : public StoreTest {};

TEST_F(PipelineTest, ADealNamingANewAccountCreatesItAndReusesItAfter) {
  const std::string a = unwrap(addDeal(*store_, {.title = "Pilot", .account = "Acme"}));
  const std::string b = unwrap(addDeal(*store_, {.title = "Rollout", .account = "acme"}));
  const Deal da = unwrap(getDeal(*store_, a));
  const Deal db = unwrap(getDeal(*store_, b));
  ASSERT_TRUE(da.account_id);
  EXPECT_EQ(da.account_id, db.account_id);
  EXPECT_EQ(da.account_name, "Acme");
  EXPECT_EQ(scalar("SELECT count(*) FROM accounts"), 1);
  EXPECT_EQ(da.stage, "lead") << "the first rung of the default ladder";
  EXPECT_EQ(da.status, DealStatus::kOpen);
  EXPECT_EQ(unwrap(getAccount(*store_, *da.account_id)).open_deals, 2);
}

TEST_F(PipelineTest, AnAccountNameIsMatchedWithoutRegardToCaseSpacingAndPunctuation) {
  const std::string a = unwrap(addDeal(*store_, {.title = "Pilot", .account = "Acme GmbH"}));
  const auto acme = unwrap(getDeal(*store_, a)).account_id;
  for (const char* typed : {"acme gmbh", "ACME  GmbH", " Acme GmbH. ", "acme-gmbh"}) {
    const std::string d = unwrap(addDeal(*store_, {.title = "More", .account = typed}));
    EXPECT_EQ(unwrap(getDeal(*store_, d)).account_id, acme) << typed;
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM accounts"), 1);
}

TEST_F(PipelineTest, ANearDuplicateAccountIsAskedAboutNotCreated) {
  unwrap(addDeal(*store_, {.title = "Pilot", .account = "Acme GmbH"}));
  for (const char* typed : {"acme", "Acme AG", "ACME Inc."}) {
    auto near = addDeal(*store_, {.title = "Rollout", .account = typed});
    ASSERT_FALSE(near.ok()) << typed;
    EXPECT_EQ(near.error().code, ErrorCode::kFailedPrecondition);
    EXPECT_NE(near.error().message.find("did you mean the account 'Acme GmbH'?"), std::string::npos)
        << near.error().message;
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM accounts"), 1) << "nothing created";
  // Added deliberately, a near name is an account of its own, and then named exactly.
  const std::string other = unwrap(addAccount(*store_, {.name = "Acme"}));
  const std::string d = unwrap(addDeal(*store_, {.title = "Rollout", .account = "acme"}));
  EXPECT_EQ(unwrap(getDeal(*store_, d)).account_id, other);
  // The same name twice is the same company.
  auto twice = addAccount(*store_, {.name = "acme gmbh"});
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.error().message.find("exists already"), std::string::npos);
  // Other companies that only share a first word are not confused with it.
  EXPECT_TRUE(addDeal(*store_, {.title = "X", .account = "Acme Logistics"}).ok());
}

TEST_F(PipelineTest, EveryEditableFieldOfADealChanges) {
  const std::string id = unwrap(addDeal(*store_, {.title = "Pilot", .value_minor = 100}));
  unwrap(changeDeal(*store_, id,
                    {.title = "Pilot, phase 2",
                     .account = "Borealis",
                     .value_minor = 1'200'050,
                     .currency = "CHF",
                     .stage = "proposal",
                     .status = DealStatus::kLost,
                     .owner = "rep-07",
                     .lost_reason = "chose another supplier"}));
  const Deal d = unwrap(getDeal(*store_, id));
  EXPECT_EQ(d.title, "Pilot, phase 2");
  EXPECT_EQ(d.account_name, "Borealis");
  EXPECT_EQ(d.value.minor, 1'200'050);
  EXPECT_EQ(d.value.currency, "CHF");
  EXPECT_EQ(d.stage, "proposal");
  EXPECT_EQ(d.status, DealStatus::kLost);
  EXPECT_EQ(d.owner, "rep-07");
  EXPECT_EQ(d.lost_reason, "chose another supplier");
}

TEST_F(PipelineTest, ALostDealSaysWhyAndReopeningForgetsTheReason) {
  const std::string id = unwrap(addDeal(*store_, {.title = "Pilot"}));
  for (const auto& reason : {std::optional<std::string>(), std::optional<std::string>("  ")}) {
    auto silent = changeDeal(*store_, id, {.status = DealStatus::kLost, .lost_reason = reason});
    ASSERT_FALSE(silent.ok());
    EXPECT_EQ(silent.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(silent.error().message.find("needs a reason"), std::string::npos);
  }
  EXPECT_EQ(unwrap(getDeal(*store_, id)).status, DealStatus::kOpen) << "nothing changed";
  unwrap(changeDeal(*store_, id,
                    {.status = DealStatus::kLost, .lost_reason = " chose another supplier "}));
  EXPECT_EQ(unwrap(getDeal(*store_, id)).lost_reason, "chose another supplier");
  // Marked lost again later (say after a stage fix), the reason it has stands.
  unwrap(changeDeal(*store_, id, {.status = DealStatus::kLost}));
  unwrap(changeDeal(*store_, id, {.status = DealStatus::kOpen}));
  const Deal reopened = unwrap(getDeal(*store_, id));
  EXPECT_EQ(reopened.status, DealStatus::kOpen);
  EXPECT_EQ(reopened.lost_reason, "");
  unwrap(changeDeal(*store_, id, {.status = DealStatus::kWon}));
  EXPECT_EQ(unwrap(getDeal(*store_, id)).status, DealStatus::kWon);
}

TEST_F(PipelineTest, BadInputIsRefusedWithTheReason) {
  auto stage = addDeal(*store_, {.title = "X", .stage = "dreaming"});
  EXPECT_EQ(stage.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(stage.error().message.find("lead, qualified"), std::string::npos)
      << stage.error().message;
  EXPECT_EQ(addDeal(*store_, {.title = "  "}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(addDeal(*store_, {.title = "X", .currency = "euro"}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(addDeal(*store_, {.title = "X", .value_minor = -5}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(changeDeal(*store_, "0123", {.title = "Y"}).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(outboxCount(), 0);
}

TEST_F(PipelineTest, IdsCanBeShortenedToAUniquePrefix) {
  const std::string id = unwrap(addDeal(*store_, {.title = "Pilot"}));
  EXPECT_EQ(unwrap(findId(*store_, RecordType::kDeal, id.substr(0, 8))), id);
  EXPECT_EQ(findId(*store_, RecordType::kDeal, "abc").error().code, ErrorCode::kNotFound)
      << "too short";
  // Two ids made in the same millisecond share their first 13 characters.
  const std::string other = unwrap(addDeal(*store_, {.title = "Other"}));
  ASSERT_EQ(id.substr(0, 13), other.substr(0, 13));
  EXPECT_EQ(findId(*store_, RecordType::kDeal, id.substr(0, 13)).error().code,
            ErrorCode::kAmbiguous);
}

TEST_F(PipelineTest, TheTeamsLadderDecidesTheStages) {
  unwrap(changeTeamSettings(
      *store_, {.stages = std::vector<std::string>{"intro", "demo", "trial"}, .cadence_days = 14}));
  const TeamSettings s = unwrap(teamSettings(*store_));
  EXPECT_EQ(s.cadence_days, 14);
  EXPECT_EQ(s.stageAfter("intro"), "demo");
  EXPECT_EQ(s.stageAfter("trial"), std::nullopt);
  EXPECT_EQ(unwrap(getDeal(*store_, unwrap(addDeal(*store_, {.title = "New"})))).stage, "intro");
  EXPECT_FALSE(addDeal(*store_, {.title = "Old", .stage = "proposal"}).ok());
  EXPECT_FALSE(changeTeamSettings(*store_, {.stages = std::vector<std::string>{"a", "a"}}).ok());
  EXPECT_FALSE(changeTeamSettings(*store_, {.cadence_days = 0}).ok());
}

TEST_F(PipelineTest, ContactsKeepTheirRoleAndAccount) {
  const std::string c = unwrap(addContact(*store_, {.name = "Dana Ito",
                                                    .account = "Acme",
                                                    .email = "dana@acme.example",
                                                    .role = ContactRole::kDecisionMaker,
                                                    .title = "CFO"}));
  Contact got = unwrap(getContact(*store_, c));
  EXPECT_EQ(got.role, ContactRole::kDecisionMaker);
  EXPECT_EQ(got.email, "dana@acme.example");
  unwrap(changeContact(*store_, c, {.role = ContactRole::kChampion, .title = "COO"}));
  got = unwrap(getContact(*store_, c));
  EXPECT_EQ(got.role, ContactRole::kChampion);
  EXPECT_EQ(got.title, "COO");
  EXPECT_EQ(unwrap(listContacts(*store_, got.account_id)).size(), 1u);
}

TEST_F(PipelineTest, AContactsEmailIsAnAddressAnInvitationCanReach) {
  for (const char* bad : {"dana", "dana@acme", "@acme.example", "dana@acme.example.", "a b@c.de"}) {
    auto c = addContact(*store_, {.name = "Dana", .email = bad});
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_NE(c.error().message.find("name@company.com"), std::string::npos) << bad;
  }
  const std::string c =
      unwrap(addContact(*store_, {.name = "Dana", .email = " dana@acme.example "}));
  EXPECT_EQ(changeContact(*store_, c, {.email = "dana at acme"}).error().code,
            ErrorCode::kInvalidArgument);
  unwrap(changeContact(*store_, c, {.email = ""}));  // no address is fine: none is sent
  EXPECT_EQ(unwrap(getContact(*store_, c)).email, "");
}

TEST_F(PipelineTest, AnAccountIsNotRenamedOntoAnother) {
  const std::string acme = unwrap(addAccount(*store_, {.name = "Acme GmbH"}));
  const std::string beta = unwrap(addAccount(*store_, {.name = "Beta"}));
  auto onto = changeAccount(*store_, beta, {.name = "ACME gmbh"});
  ASSERT_FALSE(onto.ok());
  EXPECT_NE(onto.error().message.find("'Acme GmbH' exists already"), std::string::npos);
  unwrap(changeAccount(*store_, acme, {.name = "Acme  GmbH."}));  // its own name, rewritten
  unwrap(changeAccount(*store_, beta, {.name = "Acme"}));         // a near name, deliberately
  const auto near = unwrap(accountNamed(*store_, "acme ag"));
  ASSERT_TRUE(near.has_value());
  EXPECT_FALSE(near->exact);
  const auto same = unwrap(accountNamed(*store_, "ACME"));
  ASSERT_TRUE(same.has_value());
  EXPECT_TRUE(same->exact);
  EXPECT_EQ(same->id, beta);
  EXPECT_FALSE(unwrap(accountNamed(*store_, "Zeta")).has_value());
}

TEST_F(PipelineTest, DealsAreFilteredByWhatIsWrongWithThem) {
  unwrap(addDeal(*store_, {.title = "A"}));
  const std::string won = unwrap(addDeal(*store_, {.title = "B"}));
  unwrap(changeDeal(*store_, won, {.status = DealStatus::kWon}));
  EXPECT_EQ(unwrap(countDeals(*store_, {.without_next_step = true})), 1)
      << "won deals need no next step";
  EXPECT_EQ(unwrap(countDeals(*store_, {.status = std::nullopt})), 2);
  const auto rows = unwrap(listDeals(*store_, {.without_next_step = true}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].deal.title, "A");
  EXPECT_FALSE(rows[0].next_step);
}

}  // namespace
}  // namespace nextstep::testing
