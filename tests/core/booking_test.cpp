#include "nextstep/booking.h"

#include "nextstep/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class BookingTest : public StoreTest {
 protected:
  std::string deal_ = unwrap(addDeal(*store_, NewDeal{.title = "Pilot", .account = "Acme"}));
  std::string contact_ = unwrap(addContact(*store_, NewContact{.name = "Dana Ito", .account = "Acme",
                                                               .role = ContactRole::kDecisionMaker}));

  std::string book(const char* when, const char* tz = "Europe/Berlin", int minutes = 45) {
    BookingRequest r;
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
  EXPECT_FALSE(m.booked_at_table.has_value()) << "the deal's first meeting has no table to be booked at";
}

TEST_F(BookingTest, ShowsAtTheRightHourInAnotherZone) {
  const Meeting m = unwrap(getMeeting(*store_, book("2026-12-03T14:00")));
  const TimeZone ny = unwrap(TimeZone::find("America/New_York"));
  EXPECT_EQ(ny.toLocal(m.start).iso(), "2026-12-03T08:00");
}

}  // namespace
}  // namespace nextstep::testing
