#include "random_edit.h"

#include <string>
#include <vector>

#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "nextstep/storage/record_reads.h"

namespace nextstep::sim {
namespace {

std::string pick(std::mt19937_64& rng, const std::vector<std::string>& from) {
  if (from.empty()) return "";
  std::uniform_int_distribution<std::size_t> d(0, from.size() - 1);
  return from[d(rng)];
}

std::vector<std::string> ids(Store& store, const char* sql) {
  return store
      .read([&](Database& db) {
        std::vector<std::string> out;
        auto s = db.prepare(sql);
        while (s->step()) out.push_back(s->text(0));
        return out;
      })
      .value();
}

}  // namespace

bool randomEdit(Store& s, std::mt19937_64& rng, std::int64_t now_ms) {
  const auto deals = ids(s, "SELECT id FROM deals WHERE deleted = 0 ORDER BY id LIMIT 12");
  const auto contacts = ids(s, "SELECT id FROM contacts WHERE deleted = 0 ORDER BY id LIMIT 12");
  const auto meetings = ids(
      s, "SELECT id FROM meetings WHERE deleted = 0 AND status = 'planned' ORDER BY id LIMIT 12");
  const auto deleted = ids(s, "SELECT id FROM deals WHERE deleted = 1 ORDER BY id LIMIT 5");
  static const std::vector<std::string> kStages = {"lead", "qualified", "discovery", "proposal",
                                                   "negotiation"};
  static const std::vector<std::string> kPlaces = {"HQ", "Video call", "Cafe", "Plant"};
  std::uniform_int_distribution<int> action(0, 13);
  const std::string deal = pick(rng, deals);
  const std::string contact = pick(rng, contacts);
  const std::string meeting = pick(rng, meetings);
  const int n = static_cast<int>(rng() % 1000);
  bool ok = true;
  switch (action(rng)) {
    case 0:
      ok =
          addDeal(s, {.title = "Deal " + std::to_string(n), .account = n % 2 ? "Acme" : "Borealis"})
              .ok();
      break;
    case 1:
    case 2:
      ok = !deal.empty() && changeDeal(s, deal, {.stage = pick(rng, kStages)}).ok();
      break;
    case 3:
      ok = !deal.empty() &&
           changeDeal(s, deal, {.title = "Renamed " + std::to_string(n), .value_minor = n * 100})
               .ok();
      break;
    case 4:
      ok = addContact(
               s, {.name = "Person " + std::to_string(n), .account = n % 2 ? "Acme" : "Borealis"})
               .ok();
      break;
    case 5: {
      const std::int64_t day = 1 + n % 20;
      const CivilDateTime at =
          TimeZone::utc().toLocal(instantFromUnix(now_ms / 1000 + day * 86400));
      ok = !deal.empty() &&
           bookMeeting(s, {.deal = deal,
                           .at = {at.date, 9 + n % 8, 0},
                           .tz = "Europe/Berlin",
                           .place = pick(rng, kPlaces),
                           .attendees = contact.empty() ? std::vector<std::string>{}
                                                        : std::vector<std::string>{contact}})
               .ok();
      break;
    }
    case 6:
      ok = !meeting.empty() && rescheduleMeeting(s, meeting, {.place = pick(rng, kPlaces)}).ok();
      break;
    case 7:
      ok = !meeting.empty() && !contact.empty() &&
           (n % 2 ? addAttendee(s, meeting, contact) : removeAttendee(s, meeting, contact)).ok();
      break;
    case 8:
      ok = !deal.empty() && deleteRecord(s, RecordType::kDeal, deal).ok();
      break;
    case 9:
      ok = !deleted.empty() && restoreRecord(s, RecordType::kDeal, pick(rng, deleted)).ok();
      break;
    case 10:
      ok = !deal.empty() && addNote(s, {.deal = deal, .text = "Note " + std::to_string(n)}).ok();
      break;
    case 11:
      ok = !deal.empty() &&
           addAction(s, {.deal = deal,
                         .owner = ActionOwner::kCustomer,
                         .text = n % 2 ? "Send a proposal" : "Introduce us to the CFO"})
               .ok();
      break;
    case 12:
      ok = !meeting.empty() && closeCall(s, {.meeting = meeting,
                                             .result = OutcomeResult::kYes,
                                             .recap = "Recap " + std::to_string(n)})
                                   .ok();
      break;
    case 13:
      ok = changeTeamSettings(s, {.cadence_days = 10 + n % 50}).ok();
      break;
  }
  return ok;
}

}  // namespace nextstep::sim
