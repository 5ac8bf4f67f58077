#include "calendar_fixture.h"

#include <fstream>

#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"

namespace nextstep::testing {

CalendarTest::CalendarTest() : clock_(at("2026-03-01T09:00:00Z")) {
  store_ = unwrap(Store::open({dir_.file("nextstep.db"), true, clock_.wall()}));
  account_ = unwrap(addAccount(*store_, {.name = "Müller & Söhne GmbH", .city = "Köln"}));
  deal_ = unwrap(addDeal(*store_, {.title = "Fleet renewal, phase 2",
                                   .account = account_,
                                   .value_minor = 4'500'000,
                                   .owner = "Rita Rep"}));
  juergen_ = unwrap(addContact(*store_, {.name = "Jürgen Müller",
                                         .account = account_,
                                         .email = "juergen.mueller@example.de",
                                         .role = ContactRole::kDecisionMaker}));
  zoe_ = unwrap(addContact(*store_, {.name = "Zoë O'Brien-Łukasiewicz",
                                     .account = account_,
                                     .email = "zoe@example.com",
                                     .role = ContactRole::kUser}));
  kim_ = unwrap(addContact(
      *store_, {.name = "Kim Nomail", .account = account_, .role = ContactRole::kChampion}));
}

CalendarTest::~CalendarTest() = default;

std::string CalendarTest::book(const char* local_time, const char* tz, int minutes) {
  BookingRequest r;
  r.deal = deal_;
  r.at = local(local_time);
  r.tz = tz;
  r.duration_min = minutes;
  r.place = "Werk 2, Halle 3; Tor B";
  r.agenda = "Walk-through, pricing; next steps";
  r.goal = "Decision on the pilot scope";
  r.attendees = {juergen_, zoe_, kim_};
  // Invitation tests book several independent meetings on one deal; rule 1 is the booking tests'.
  r.when_planned = WhenPlanned::kAddAnother;
  return unwrap(bookMeeting(*store_, r));
}

std::string CalendarTest::save(const std::string& name, const std::string& text) const {
  const std::string path = dir_.file(name);
  std::ofstream out(path, std::ios::binary);
  out << text;
  return path;
}

}  // namespace nextstep::testing
