// Where a booking's suggestions come from beyond the last meeting: the team's working days and
// the zones on offer (the rep's, the account's, the last meeting's).
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class BookingZoneTest : public StoreTest {
 protected:
  std::string account_ = unwrap(addAccount(*store_, NewAccount{.name = "Harbour Freight Inc"}));
  std::string deal_ = unwrap(addDeal(*store_, NewDeal{.title = "Cranes", .account = account_}));
  TimeZone berlin_ = unwrap(TimeZone::find("Europe/Berlin"));

  std::vector<std::string> zonesOffered(const BookingDefaults& d) {
    std::vector<std::string> out;
    for (const ZoneChoice& z : d.zones) out.push_back(z.label + " " + z.tz);
    return out;
  }
};

TEST_F(BookingZoneTest, SlotsFallOnTheTeamsWorkingDays) {
  clock_.set(at("2026-12-04T10:00:00Z"));  // Friday 11:00 in Berlin
  BookingDefaults d = unwrap(bookingDefaults(*store_, deal_, berlin_));
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-11T11:00") << "Friday is a working day by default";

  unwrap(changeTeamSettings(*store_, {.working_days = unwrap(WorkingDays::parse("sun-thu"))}));
  d = unwrap(bookingDefaults(*store_, deal_, berlin_));
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-13T11:00") << "a Sunday-to-Thursday team";
  EXPECT_EQ(d.slots[1].at.iso(), "2026-12-20T11:00");
  EXPECT_EQ(unwrap(teamSettings(*store_)).working_days.text(), "Sun-Thu");
  EXPECT_EQ(scalar("SELECT working_days FROM settings WHERE id = 'team'"), 31);
}

TEST_F(BookingZoneTest, WorkingDaysOutOfRangeFromAnotherDeviceReadAsMondayToFriday) {
  unwrap(changeTeamSettings(*store_, {.working_days = unwrap(WorkingDays::parse("sat"))}));
  // Merged as sent (a CHECK would stop the device's sync at that page), read as the default.
  unwrap(store_->write(
      [](Mutation& m) { m.db().exec("UPDATE settings SET working_days = 0 WHERE id = 'team'"); }));
  EXPECT_EQ(unwrap(teamSettings(*store_)).working_days, WorkingDays());
}

TEST_F(BookingZoneTest, ACadenceChangeDoesNotWriteTheWorkingDays) {
  unwrap(changeTeamSettings(*store_, {.cadence_days = 21}));
  EXPECT_EQ(scalar("SELECT count(*) FROM outbox WHERE key = 'working_days'"), 0)
      << "a teammate's change of the days is not raced by the default";
  unwrap(changeTeamSettings(*store_, {.working_days = unwrap(WorkingDays::parse("mon-thu"))}));
  unwrap(changeTeamSettings(*store_, {.cadence_days = 14}));
  EXPECT_EQ(scalar("SELECT count(*) FROM outbox WHERE key = 'working_days'"), 1);
  EXPECT_EQ(unwrap(teamSettings(*store_)).working_days.text(), "Mon-Thu");
}

TEST_F(BookingZoneTest, OffersTheAccountsZoneAndSuggestsOnItsClock) {
  clock_.set(at("2026-12-04T10:00:00Z"));
  BookingDefaults d = unwrap(bookingDefaults(*store_, deal_, berlin_));
  EXPECT_EQ(zonesOffered(d), std::vector<std::string>{"Yours Europe/Berlin"})
      << "an account without a zone offers only the rep's";

  // Typed as a rep would at the table: the city, in any case.
  unwrap(changeAccount(*store_, account_, {.tz = "new york"}));
  EXPECT_EQ(unwrap(getAccount(*store_, account_)).tz, "America/New_York");
  d = unwrap(bookingDefaults(*store_, deal_, berlin_));
  EXPECT_EQ(d.tz, "Europe/Berlin") << "the rep's zone stays the default";
  EXPECT_EQ(zonesOffered(d), (std::vector<std::string>{"Yours Europe/Berlin",
                                                       "Harbour Freight Inc's America/New_York"}));

  // Chosen, the slots are office hours on the customer's clock: 10:00Z is 05:00 in New York,
  // before office hours, so the suggestion is 09:00 there.
  d = unwrap(bookingDefaults(*store_, deal_, berlin_, "America/New_York"));
  EXPECT_EQ(d.tz, "America/New_York");
  EXPECT_EQ(d.slots[0].tz, "America/New_York");
  EXPECT_EQ(d.slots[0].at.iso(), "2026-12-11T09:00");
  EXPECT_EQ(d.zones.size(), 2u) << "a chosen zone already on offer is not offered twice";

  EXPECT_EQ(bookingDefaults(*store_, deal_, berlin_, "Mars/Olympus").error().code,
            ErrorCode::kInvalidArgument);
}

TEST_F(BookingZoneTest, AnAccountsZoneIsAZoneOrNothing) {
  EXPECT_EQ(changeAccount(*store_, account_, {.tz = "Atlantis"}).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(unwrap(getAccount(*store_, account_)).tz.empty()) << "nothing half-written";
  const std::string tokyo =
      unwrap(addAccount(*store_, NewAccount{.name = "Kansai Robotics", .tz = "Asia/Tokyo"}));
  EXPECT_EQ(unwrap(getAccount(*store_, tokyo)).tz, "Asia/Tokyo");
  unwrap(changeAccount(*store_, tokyo, {.tz = ""}));
  EXPECT_TRUE(unwrap(getAccount(*store_, tokyo)).tz.empty()) << "emptied, it is cleared";
  EXPECT_EQ(scalar("SELECT count(*) FROM accounts WHERE tz IS NULL"), 2);
}

TEST_F(BookingZoneTest, TheLastMeetingsZoneIsOfferedAndKept) {
  clock_.set(at("2026-11-20T08:00:00Z"));
  unwrap(
      bookMeeting(*store_, {.deal = deal_, .at = local("2026-11-26T10:00"), .tz = "Asia/Tokyo"}));
  const BookingDefaults d = unwrap(bookingDefaults(*store_, deal_, berlin_));
  EXPECT_EQ(d.tz, "Asia/Tokyo");
  EXPECT_EQ(zonesOffered(d),
            (std::vector<std::string>{"Yours Europe/Berlin", "The last meeting's Asia/Tokyo"}));
}

}  // namespace
}  // namespace nextstep::testing
