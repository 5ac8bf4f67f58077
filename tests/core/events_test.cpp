#include "nextstep/meetings/events.h"

#include "nextstep/health/pipeline_health.h"
#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class EventsTest : public StoreTest {
 protected:
  std::string event_ =
      unwrap(addEvent(*store_, {EventKind::kDemo, "Live demo", local("2026-11-25T14:00"),
                                "Europe/Berlin", "Berlin"}));
  std::string dana_ = unwrap(addContact(*store_, {.name = "Dana", .account = "Acme"}));
  std::string eli_ = unwrap(addContact(*store_, {.name = "Eli", .account = "Borealis"}));
  std::string finn_ = unwrap(addContact(*store_, {.name = "Finn", .account = "Cobalt"}));
};

TEST_F(EventsTest, EveryInterestedParticipantGetsANextStepInOneGo) {
  const std::string acmeDeal = unwrap(addDeal(*store_, {.title = "Acme pilot", .account = "Acme"}));
  unwrap(addParticipant(*store_, {.event = event_, .contact = dana_, .deal = acmeDeal}));
  unwrap(addParticipant(*store_, {.event = event_, .contact = eli_}));
  unwrap(addParticipant(*store_, {.event = event_, .contact = finn_, .interested = false}));

  const auto ids = unwrap(bookParticipants(*store_, {.event = event_,
                                                     .first = local("2026-12-01T09:00"),
                                                     .tz = "Europe/Berlin",
                                                     .duration_min = 30,
                                                     .gap_min = 15,
                                                     .place = "Video call",
                                                     .agenda = "Your questions from the demo"}));
  ASSERT_EQ(ids.size(), 2u);
  const auto people = unwrap(participantsOf(*store_, event_));
  ASSERT_EQ(people.size(), 3u);
  for (const ParticipantStatus& p : people) {
    EXPECT_EQ(p.next_step.has_value(), p.participant.interested) << p.contact.name;
  }
  // Dana's meeting is on her deal; Eli got a deal of his own.
  EXPECT_EQ(people[0].next_step->deal_id, acmeDeal);
  EXPECT_EQ(formatUtc(people[0].next_step->start), "2026-12-01T08:00:00Z");
  EXPECT_EQ(formatUtc(people[1].next_step->start), "2026-12-01T08:45:00Z");
  EXPECT_NE(unwrap(getDeal(*store_, people[1].next_step->deal_id)).title.find("Live demo"),
            std::string::npos);
  EXPECT_EQ(people[1].next_step->event_id, event_);
  EXPECT_EQ(unwrap(pipelineHealth(*store_, {})).participants_without_next_step, 0);

  auto again = bookParticipants(
      *store_, {.event = event_, .first = local("2026-12-02T09:00"), .tz = "Europe/Berlin"});
  EXPECT_EQ(again.error().code, ErrorCode::kFailedPrecondition) << "nobody left to book";
}

TEST_F(EventsTest, AParticipantIsListedOnce) {
  unwrap(addParticipant(*store_, {.event = event_, .contact = dana_}));
  EXPECT_FALSE(addParticipant(*store_, {.event = event_, .contact = dana_}).ok());
}

TEST_F(EventsTest, SomeoneNotInterestedAfterAllNeedsNoNextStepUntilTheyAreAgain) {
  const std::string dana = unwrap(addParticipant(*store_, {.event = event_, .contact = dana_}));
  unwrap(addParticipant(*store_, {.event = event_, .contact = eli_}));
  EXPECT_EQ(unwrap(pipelineHealth(*store_, {})).participants_without_next_step, 2);

  unwrap(setParticipantInterest(*store_, dana, false));
  EXPECT_EQ(unwrap(pipelineHealth(*store_, {})).participants_without_next_step, 1);
  const auto booked = unwrap(bookParticipants(
      *store_, {.event = event_, .first = local("2026-12-01T09:00"), .tz = "Europe/Berlin"}));
  EXPECT_EQ(booked.size(), 1u) << "only Eli is booked";
  for (const ParticipantStatus& p : unwrap(participantsOf(*store_, event_))) {
    EXPECT_EQ(p.next_step.has_value(), p.contact.name == "Eli") << p.contact.name;
  }

  unwrap(setParticipantInterest(*store_, dana, true));
  EXPECT_EQ(unwrap(pipelineHealth(*store_, {})).participants_without_next_step, 1) << "Dana again";
  EXPECT_EQ(setParticipantInterest(*store_, "no-such-participant", false).error().code,
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace nextstep::testing
