#include "nextstep/meetings/action_classifier.h"

#include <gtest/gtest.h>

namespace nextstep {
namespace {

struct Case {
  const char* text;
  ActionKind kind;
  const char* pattern;
};

// DOMAIN.md rule 4's own examples, then everyday phrasings of them.
const Case kCustomerCases[] = {
    {"Meet the other stakeholders from operations", ActionKind::kCommitment, "meet_stakeholders"},
    {"Go through the proposal together with us on Friday", ActionKind::kCommitment,
     "review_proposal_together"},
    {"Share the spend data for last year", ActionKind::kCommitment, "share_documents"},
    {"Introduce us to the CFO", ActionKind::kCommitment, "introduce_decision_maker"},
    {"Invite the plant manager to the workshop", ActionKind::kCommitment, "meet_stakeholders"},
    {"Sign the pilot agreement", ActionKind::kCommitment, "decide"},
    {"Send a proposal", ActionKind::kCompliance, "send_proposal"},
    {"Wants testimonials from other logistics firms", ActionKind::kCompliance, "testimonials"},
    {"An outline of the implementation process", ActionKind::kCompliance, "process_outline"},
    {"Free access for two weeks", ActionKind::kCompliance, "free_trial"},
    {"Asked us to share some case studies", ActionKind::kCompliance, "testimonials"},
    {"Requested more information on security", ActionKind::kCompliance, "more_information"},
    {"Think about it", ActionKind::kNeutral, ""},
};

TEST(ActionClassifier, ClassesCustomerActionsByTheCatalogue) {
  for (const Case& c : kCustomerCases) {
    const ActionClass got = classifyAction(ActionOwner::kCustomer, c.text);
    EXPECT_EQ(got.kind, c.kind) << c.text;
    EXPECT_EQ(got.pattern_id, c.pattern) << c.text;
  }
}

TEST(ActionClassifier, IgnoresCase) {
  EXPECT_EQ(classifyAction(ActionOwner::kCustomer, "INTRODUCE US TO THE CEO").kind,
            ActionKind::kCommitment);
}

TEST(ActionClassifier, TheRepsOwnToDosAreNeutral) {
  EXPECT_EQ(classifyAction(ActionOwner::kRep, "Send a proposal").kind, ActionKind::kNeutral);
}

TEST(ActionClassifier, EveryCatalogueEntryHasALabelAndPhrases) {
  for (const ActionPattern& p : actionCatalogue()) {
    EXPECT_FALSE(p.label.empty()) << p.id;
    EXPECT_FALSE(p.phrases.empty()) << p.id;
    EXPECT_NE(p.kind, ActionKind::kNeutral) << p.id;
  }
}

}  // namespace
}  // namespace nextstep
