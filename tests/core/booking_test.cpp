#include "nextstep/meetings/booking.h"

#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class BookingTest : public StoreTest {
 protected:
  std::string deal_ = unwrap(addDeal(*store_, NewDeal{.title = "Pilot", .account = "Acme"}));
  std::string contact_ = unwrap(addContact(
      *store_,
      NewContact{.name = "Dana Ito", .account = "Acme", .role = ContactRole::kDecisionMaker}));

  std::string book(const char* when, const char* tz = "Europe/Berlin", int minutes = 45,
                   WhenPlanned when_planned = WhenPlanned::kRefuse) {
    BookingRequest r;
    r.when_planned = when_planned;
    r.deal = deal_;
    r.at = local(when);
    r.tz = tz;
    r.duration_min = minutes;
    r.place = "Acme HQ";
    r.agenda = "Recap";
    r.goal = "Meet the CFO";
    r.attendees = {contact_};
    return unwrap(bookMeeting(*store_, r));
  }
};

TEST_F(BookingTest, StoresTheInstantAndTheZoneItWasBookedIn) {
  const std::string id = book("2026-12-03T14:00");
  const Meeting m = unwrap(getMeeting(*store_, id));
  EXPECT_EQ(formatUtc(m.start), "2026-12-03T13:00:00Z");  // CET is UTC+1 in December
  EXPECT_EQ(m.tz, "Europe/Berlin");
  EXPECT_EQ(m.duration_min, 45);
  EXPECT_EQ(m.place, "Acme HQ");
  EXPECT_EQ(m.goal, "Meet the CFO");
  EXPECT_EQ(m.status, MeetingStatus::kPlanned);
  EXPECT_EQ(m.attendee_ids, std::vector<std::string>{contact_});
  EXPECT_FALSE(m.booked_at_table.has_value())
      << "the deal's first meeting has no table to be booked at";
}

TEST_F(BookingTest, ShowsAtTheRightHourInAnotherZone) {
  const Meeting m = unwrap(getMeeting(*store_, book("2026-12-03T14:00")));
  const TimeZone ny = unwrap(TimeZone::find("America/New_York"));
  EXPECT_EQ(ny.toLocal(m.start).iso(), "2026-12-03T08:00");
}

}  // namespace
}  // namespace nextstep::testing

namespace nextstep::testing {
namespace {

TEST_F(BookingTest, BookedDuringThePreviousMeetingCountsAsAtTheTable) {
  book("2026-11-26T10:00");                // 09:00Z to 09:45Z; the clock says 09:00Z
  clock_.set(at("2026-11-26T09:30:00Z"));  // in the meeting
  const Meeting during = unwrap(getMeeting(*store_, book("2026-12-03T10:00")));
  EXPECT_EQ(during.booked_at_table, true);
  clock_.set(at("2026-11-26T09:59:00Z"));  // 14 minutes after it ended
  EXPECT_EQ(unwrap(getMeeting(*store_, book("2026-12-04T10:00", "Europe/Berlin", 45,
                                            WhenPlanned::kAddAnother)))
                .booked_at_table,
            true);
}

TEST_F(BookingTest, ADealKeepsOneNextMeetingUnlessTheRepChoosesAnother) {
  const std::string first = book("2026-12-03T10:00");
  // Booking again without a choice is refused and names the meeting the deal already has.
  BookingRequest again{.deal = deal_, .at = local("2026-12-10T15:00"), .tz = "Europe/Berlin"};
  auto refused = bookMeeting(*store_, again);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message.find("already has its next meeting"), std::string::npos)
      << refused.error().message;
  // Moving it keeps the one meeting (and so its invitation) at the new time, with its agenda.
  again.when_planned = WhenPlanned::kMove;
  EXPECT_EQ(unwrap(bookMeeting(*store_, again)), first);
  const Meeting moved = unwrap(getMeeting(*store_, first));
  EXPECT_EQ(formatUtc(moved.start), "2026-12-10T14:00:00Z");
  EXPECT_EQ(moved.agenda, "Recap");
  EXPECT_EQ(moved.duration_min, 45);
  // Another, deliberately, is a second meeting.
  again.at = local("2026-12-17T15:00");
  again.when_planned = WhenPlanned::kAddAnother;
  EXPECT_NE(unwrap(bookMeeting(*store_, again)), first);
  // A meeting that has started is the one the rep is in: the next one is booked during it.
  clock_.set(at("2026-12-10T14:10:00Z"));
  again.at = local("2026-12-11T09:00");
  again.when_planned = WhenPlanned::kRefuse;
  EXPECT_FALSE(bookMeeting(*store_, again).ok()) << "the meeting on the 17th is still ahead";
  unwrap(cancelMeeting(
      *store_, unwrap(bookingDefaults(*store_, deal_, unwrap(TimeZone::find("UTC")))).planned->id));
  EXPECT_TRUE(bookMeeting(*store_, again).ok());
}

TEST_F(BookingTest, ADealWithItsNextMeetingAheadIsOfferedTimesAfterIt) {
  book("2026-12-07T14:00");  // a Monday, ten days ahead
  const BookingDefaults d =
      unwrap(bookingDefaults(*store_, deal_, unwrap(TimeZone::find("Europe/Berlin"))));
  ASSERT_TRUE(d.planned);
  EXPECT_EQ(formatUtc(d.planned->start), "2026-12-07T13:00:00Z");
  ASSERT_GE(d.slots.size(), 2u);
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-14T14:00") << "never the meeting's own slot";
  EXPECT_EQ(d.slots[1].at.iso(), "2026-12-21T14:00");
}

TEST_F(BookingTest, BookedLaterDoesNotCount) {
  book("2026-11-26T10:00");
  clock_.set(at("2026-11-26T10:01:00Z"));  // 16 minutes after the end
  EXPECT_EQ(unwrap(getMeeting(*store_, book("2026-12-03T10:00"))).booked_at_table, false);
}

TEST_F(BookingTest, ANextStepIsInTheFuture) {
  auto r =
      bookMeeting(*store_, {.deal = deal_, .at = local("2026-11-20T10:00"), .tz = "Europe/Berlin"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("over"), std::string::npos);
}

TEST_F(BookingTest, RefusesBadZonesAndSkippedTimesAndClosedDeals) {
  EXPECT_EQ(
      bookMeeting(*store_, {.deal = deal_, .at = local("2027-03-28T02:30"), .tz = "Europe/Berlin"})
          .error()
          .code,
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(bookMeeting(*store_, {.deal = deal_, .at = local("2026-12-03T10:00"), .tz = "Berlin"})
                .error()
                .code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      bookMeeting(*store_,
                  {.deal = deal_, .at = local("2026-12-03T10:00"), .tz = "UTC", .duration_min = 0})
          .error()
          .code,
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(
      bookMeeting(
          *store_,
          {.deal = deal_, .at = local("2026-12-03T10:00"), .tz = "UTC", .attendees = {"ffffffff"}})
          .error()
          .code,
      ErrorCode::kNotFound);
  unwrap(changeDeal(*store_, deal_, {.status = DealStatus::kWon}));
  EXPECT_EQ(bookMeeting(*store_, {.deal = deal_, .at = local("2026-12-03T10:00"), .tz = "UTC"})
                .error()
                .code,
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(scalar("SELECT count(*) FROM meetings"), 0);
}

TEST_F(BookingTest, SuggestedSlotsAreOnTheQuarterHourOnWorkingDaysInOfficeHours) {
  const TimeZone berlin = unwrap(TimeZone::find("Europe/Berlin"));
  // No meeting yet: the slots start from the clock, a Sunday at 15:44 in Berlin.
  clock_.set(at("2026-12-06T14:44:00Z"));
  BookingDefaults d = unwrap(bookingDefaults(*store_, deal_, berlin));
  ASSERT_GE(d.slots.size(), 2u);
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-14T15:45") << "Monday, not Sunday; not 15:44";
  EXPECT_EQ(d.slots[1].at.iso(), "2026-12-21T15:45");
  // Late in the evening, the suggestion is the morning.
  clock_.set(at("2026-12-08T19:40:00Z"));  // Tuesday 20:40
  d = unwrap(bookingDefaults(*store_, deal_, berlin));
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-15T09:00");
  // After a meeting booked at an odd minute, its hour is kept, rounded up to the quarter.
  clock_.set(at("2026-11-20T08:00:00Z"));
  book("2026-11-28T10:05");  // a Saturday
  clock_.set(at("2026-11-29T08:00:00Z"));
  d = unwrap(bookingDefaults(*store_, deal_, berlin));
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-07T10:15");
  EXPECT_EQ(d.slots[1].at.iso(), "2026-12-14T10:15");
}

TEST_F(BookingTest, TheLastMeetingsDurationAndPlaceAreTheDefaults) {
  book("2026-12-01T10:00", "Europe/Berlin", 60);
  const std::string id = unwrap(bookMeeting(*store_, {.deal = deal_,
                                                      .at = local("2026-12-08T10:00"),
                                                      .tz = "Europe/Berlin",
                                                      .when_planned = WhenPlanned::kAddAnother}));
  const Meeting m = unwrap(getMeeting(*store_, id));
  EXPECT_EQ(m.duration_min, 60);
  EXPECT_EQ(m.place, "Acme HQ");
}

TEST_F(BookingTest, SuggestsTheSameSlotNextWeekAndTheCustomersPeople) {
  book("2026-11-26T10:00");  // Thursday
  const BookingDefaults d =
      unwrap(bookingDefaults(*store_, deal_, unwrap(TimeZone::find("Asia/Tokyo"))));
  ASSERT_GE(d.slots.size(), 2u);
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-03T10:00");
  EXPECT_EQ(d.slots[1].at.iso(), "2026-12-10T10:00");
  EXPECT_EQ(d.tz, "Europe/Berlin") << "the zone the deal's meetings are booked in";
  EXPECT_EQ(d.duration_min, 45);
  EXPECT_EQ(d.place, "Acme HQ");
  ASSERT_EQ(d.people.size(), 1u);
  EXPECT_EQ(d.people[0].role, ContactRole::kDecisionMaker);
  EXPECT_FALSE(d.agenda_templates.empty());
}

TEST_F(BookingTest, RescheduleMovesTimeZoneAndPlaceTogether) {
  const std::string id = book("2026-12-03T14:00");
  unwrap(rescheduleMeeting(
      *store_, id, {.at = local("2026-12-04T09:00"), .tz = "America/New_York", .place = "Video"}));
  const Meeting m = unwrap(getMeeting(*store_, id));
  EXPECT_EQ(formatUtc(m.start), "2026-12-04T14:00:00Z");
  EXPECT_EQ(m.tz, "America/New_York");
  EXPECT_EQ(m.place, "Video");
  EXPECT_EQ(m.duration_min, 45);
  EXPECT_EQ(scalar("SELECT count(*) FROM outbox WHERE key = 'slot'"), 1) << "one register write";
}

TEST_F(BookingTest, CancellingRemovesTheNextStep) {
  const std::string id = book("2026-12-03T14:00");
  EXPECT_EQ(unwrap(countDeals(*store_, {.without_next_step = true})), 0);
  unwrap(cancelMeeting(*store_, id));
  EXPECT_EQ(unwrap(countDeals(*store_, {.without_next_step = true})), 1);
  EXPECT_EQ(unwrap(getMeeting(*store_, id)).status, MeetingStatus::kCancelled);
}

TEST_F(BookingTest, APreCallPlanHasAPrimaryAndABackup) {
  const std::string id = book("2026-12-03T14:00");
  unwrap(planMeeting(*store_, id,
                     {"Meeting with the CFO", "The CFO's name and number", "Intro to the CFO"}));
  const Meeting m = unwrap(getMeeting(*store_, id));
  EXPECT_EQ(m.plan_primary, "Meeting with the CFO");
  EXPECT_EQ(m.plan_backup, "The CFO's name and number");
  EXPECT_EQ(m.plan_asks, "Intro to the CFO");
  EXPECT_FALSE(planMeeting(*store_, id, {"", "only a backup", ""}).ok());
}

}  // namespace
}  // namespace nextstep::testing
