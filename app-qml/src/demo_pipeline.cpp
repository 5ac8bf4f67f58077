#include "demo_pipeline.h"

#include <chrono>
#include <stdexcept>

#include "demo_crm_export.h"
#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/meetings/actions.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/meetings/call_close.h"
#include "nextstep/meetings/events.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/sync/replica.h"

namespace demo {
namespace {

using namespace std::chrono_literals;
using nextstep::CivilDate;
using nextstep::CivilDateTime;
using nextstep::Instant;

std::int64_t systemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Unwraps a core result or stops the demo with its message.
template <typename T>
T must(nextstep::Result<T> r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
  return std::move(*r);
}
void must(nextstep::Result<void> r, const char* what) {
  if (!r) throw std::runtime_error(std::string(what) + ": " + r.error().message);
}

struct Builder {
  nextstep::Store& store;
  DemoClock& clock;
  const nextstep::TimeZone& zone;
  CivilDate today;

  CivilDateTime at(int day_offset, int hour, int minute = 0) const {
    return {today.plusDays(day_offset), hour, minute};
  }
  Instant instant(int day_offset, int hour, int minute = 0) const {
    return *zone.toInstant(at(day_offset, hour, minute));
  }
  void goTo(int day_offset, int hour, int minute = 0) {
    clock.set(instant(day_offset, hour, minute));
  }

  std::string account(const char* name, const char* industry, const char* city,
                      std::optional<int> cadence = std::nullopt, const char* tz = "") {
    return must(nextstep::addAccount(store, {name, industry, city, "sam", cadence, tz}), "account");
  }
  std::string contact(const std::string& account_id, const char* name, const char* title,
                      nextstep::ContactRole role, const char* email) {
    nextstep::NewContact c;
    c.name = name;
    c.account = account_id;
    c.title = title;
    c.role = role;
    c.email = email;
    return must(nextstep::addContact(store, c), "contact");
  }
  std::string deal(const std::string& account_id, const char* title, std::int64_t euros,
                   const char* stage) {
    nextstep::NewDeal d;
    d.title = title;
    d.account = account_id;
    d.value_minor = euros * 100;
    d.stage = stage;
    d.owner = "sam";
    return must(nextstep::addDeal(store, d), "deal");
  }
  std::string book(const std::string& deal_id, CivilDateTime when, int minutes, const char* place,
                   const char* agenda, const char* goal, std::vector<std::string> attendees) {
    nextstep::BookingRequest r;
    r.deal = deal_id;
    r.at = when;
    r.tz = zone.name();
    r.duration_min = minutes;
    r.place = place;
    r.agenda = agenda;
    r.goal = goal;
    r.attendees = std::move(attendees);
    return must(nextstep::bookMeeting(store, r), "booking");
  }
  std::string action(const std::string& deal_id, nextstep::ActionOwner owner, const char* text,
                     std::optional<CivilDate> due) {
    nextstep::NewAction a;
    a.deal = deal_id;
    a.owner = owner;
    a.text = text;
    a.due = due;
    return must(nextstep::addAction(store, a), "action");
  }
  void note(const std::string& deal_id, const char* text) {
    nextstep::NewNote n;
    n.deal = deal_id;
    n.text = text;
    n.author = "sam@northwind.example";
    must(nextstep::addNote(store, n), "note");
  }
  void touch(const std::string& account_id, nextstep::TouchKind kind, const char* note) {
    nextstep::NewTouch t;
    t.account = account_id;
    t.kind = kind;
    t.note = note;
    must(nextstep::logTouch(store, t), "touch");
  }
};

// Another device of the team (Jordan's laptop) edits the Acme deal's value while this one does
// too: sync keeps the later write and archives the other, which the deal page offers to restore.
void makeConflict(nextstep::Store& mine, DemoClock& clock, const std::string& deal_id,
                  const std::filesystem::path& scratch_dir) {
  namespace sync = nextstep::sync;
  std::filesystem::create_directories(scratch_dir);
  const auto theirs_path = scratch_dir / "jordan-laptop.db";
  std::filesystem::remove(theirs_path);
  auto theirs =
      must(nextstep::Store::open({theirs_path.string(), true, clock.wall()}), "second device");
  sync::Replica my_replica(mine);
  sync::Replica their_replica(*theirs);
  std::uint64_t version = 0;
  // Jordan's laptop receives everything this device wrote so far.
  const auto mine_so_far = must(my_replica.outbox().next(100000), "outbox");
  std::vector<sync::RemoteOp> page;
  for (const auto& op : mine_so_far) page.push_back({++version, op, "sam@northwind.example"});
  must(their_replica.apply(page, version), "apply to the second device");

  const Instant now = clock.demoNow();
  clock.set(now - 3h);
  nextstep::DealChanges mineChange;
  mineChange.value_minor = 5'200'000;
  must(nextstep::changeDeal(mine, deal_id, mineChange), "my edit");
  clock.set(now - 2h);
  nextstep::DealChanges theirChange;
  theirChange.value_minor = 4'800'000;
  must(nextstep::changeDeal(*theirs, deal_id, theirChange), "their edit");

  // Jordan's edit arrives here.
  auto theirs_ops = must(their_replica.outbox().next(1000), "their outbox");
  page.clear();
  for (const auto& op : theirs_ops) page.push_back({++version, op, "jordan@northwind.example"});
  must(my_replica.apply(page, version), "apply Jordan's edit");
  theirs.reset();
  std::filesystem::remove(theirs_path);
}

// The team's server has everything so far, but set one change of this device aside (written
// while the phone's date was days ahead): Settings lists it with Send again and Drop.
void makeSetAside(nextstep::Store& mine, const std::string& deal_id) {
  namespace sync = nextstep::sync;
  nextstep::DealChanges change;
  change.title = "Fleet dispatch suite, all depots";
  must(nextstep::changeDeal(mine, deal_id, change), "a change the server refuses");
  sync::Replica replica(mine);
  const auto outbox = must(replica.outbox().next(100000), "outbox");
  const std::int64_t last = outbox.back().seq;
  must(replica.outbox().acknowledge(last,
                                    {{last, "operation " + std::to_string(last) +
                                                ": stamp is 259200000 ms ahead of the server's "
                                                "clock; at most 300000 ms are accepted"}}),
       "set aside");
}

}  // namespace

DemoClock::DemoClock(const nextstep::TimeZone& zone)
    : offset_ms_(std::make_shared<std::atomic<std::int64_t>>(0)) {
  const auto real = nextstep::nowInstant();
  const CivilDate today = zone.toLocal(real).date;
  auto ten_twenty = zone.toInstant({today, 10, 20});
  demo_now_ = ten_twenty ? *ten_twenty : real;
  demo_offset_ms_ = nextstep::toUnix(demo_now_) * 1000 - systemMillis();
  offset_ms_->store(demo_offset_ms_);
}

nextstep::HybridClock::WallClock DemoClock::wall() const {
  auto offset = offset_ms_;
  return [offset]() { return systemMillis() + offset->load(); };
}

Instant DemoClock::now() const {
  return nextstep::instantFromUnix((systemMillis() + offset_ms_->load()) / 1000);
}

void DemoClock::set(Instant t) { offset_ms_->store(nextstep::toUnix(t) * 1000 - systemMillis()); }

void DemoClock::resume() { offset_ms_->store(demo_offset_ms_); }

nextstep::Result<DemoIds> fillDemoPipeline(nextstep::Store& store, DemoClock& clock,
                                           const nextstep::TimeZone& zone,
                                           const std::filesystem::path& scratch_dir) {
  using Role = nextstep::ContactRole;
  using Owner = nextstep::ActionOwner;
  try {
    Builder b{store, clock, zone, zone.toLocal(clock.demoNow()).date};
    DemoIds ids;

    // Sixty days ago: the accounts and their people.
    b.goTo(-60, 9);
    const auto acme = b.account("Acme Logistics", "Logistics", "Rotterdam");
    const auto acmeDm =
        b.contact(acme, "Maria Jansen", "COO", Role::kDecisionMaker, "maria.jansen@acme.example");
    const auto acmeCh = b.contact(acme, "Tom de Vries", "Head of Planning", Role::kChampion,
                                  "tom.devries@acme.example");
    const auto acmeAp =
        b.contact(acme, "Eva Smit", "CFO", Role::kApprover, "eva.smit@acme.example");
    const auto borealis = b.account("Borealis Foods", "Food", "Oslo");
    const auto borDm = b.contact(borealis, "Ingrid Berg", "Supply Chain Director",
                                 Role::kDecisionMaker, "ingrid.berg@borealis.example");
    b.contact(borealis, "Lars Nilsen", "Planner", Role::kUser, "lars.nilsen@borealis.example");
    const auto cobalt = b.account("Cobalt Health", "Healthcare", "Lyon");
    const auto cobDm = b.contact(cobalt, "Claire Martin", "Operations Director",
                                 Role::kDecisionMaker, "claire.martin@cobalt.example");
    const auto cobCh = b.contact(cobalt, "Hugo Bernard", "Logistics Lead", Role::kChampion,
                                 "hugo.bernard@cobalt.example");
    const auto delta = b.account("Delta Freight", "Transport", "Hamburg");
    const auto delDm = b.contact(delta, "Jonas Weber", "Managing Director", Role::kDecisionMaker,
                                 "jonas.weber@delta.example");
    const auto delUs =
        b.contact(delta, "Mia Schulz", "Dispatcher", Role::kUser, "mia.schulz@delta.example");
    // In another zone than the rep's, so booking offers its clock.
    const auto evergreen =
        b.account("Evergreen Retail", "Retail", "Dublin", std::nullopt, "Europe/Dublin");
    const auto evDm = b.contact(evergreen, "Siobhan Kelly", "VP Operations", Role::kDecisionMaker,
                                "siobhan.kelly@evergreen.example");
    const auto fjord = b.account("Fjord Energy", "Energy", "Bergen");
    const auto fjDm =
        b.contact(fjord, "Erik Hansen", "CEO", Role::kDecisionMaker, "erik.hansen@fjord.example");
    const auto granite = b.account("Granite Insurance", "Insurance", "Zurich");
    b.contact(granite, "Lukas Meier", "Head of Procurement", Role::kDecisionMaker,
              "lukas.meier@granite.example");
    const auto helix = b.account("Helix Labs", "Biotech", "Cambridge");
    const auto helDm = b.contact(helix, "Priya Shah", "Head of Lab Operations",
                                 Role::kDecisionMaker, "priya.shah@helix.example");
    const auto helUs =
        b.contact(helix, "Oliver Brown", "Lab Manager", Role::kUser, "oliver.brown@helix.example");

    // The deals, across the ladder.
    const auto acmeDeal = b.deal(acme, "Route planning rollout", 50'000, "proposal");
    const auto borDeal = b.deal(borealis, "Cold-chain tracking", 86'000, "discovery");
    const auto cobDeal = b.deal(cobalt, "Hospital supply pilot", 34'000, "qualified");
    const auto delDeal = b.deal(delta, "Fleet dispatch suite", 120'000, "negotiation");
    const auto evDeal = b.deal(evergreen, "Store replenishment", 42'000, "discovery");
    const auto fjDeal = b.deal(fjord, "Field service scheduling", 64'000, "qualified");
    const auto grDeal = b.deal(granite, "Claims logistics", 28'000, "lead");
    const auto helDeal = b.deal(helix, "Sample logistics", 18'000, "proposal");
    const auto acme2 = b.deal(acme, "Warehouse add-on", 15'000, "lead");
    const auto bor2 = b.deal(borealis, "Driver app licences", 9'500, "verbal");
    b.touch(granite, nextstep::TouchKind::kCall, "Intro call; asked to come back after budget");

    // Two weeks ago: the first Acme meeting, closed with a Maybe and the next step booked at
    // the table.
    b.goTo(-15, 9);
    const auto acmeM1 = b.book(acmeDeal, b.at(-14, 10), 60, "Acme HQ, Rotterdam",
                               "Discovery: current planning process and pain points",
                               "Agree a pilot scope", {acmeDm, acmeCh});
    b.goTo(-14, 10, 50);
    nextstep::CallClose acmeClose;
    acmeClose.meeting = acmeM1;
    acmeClose.result = nextstep::OutcomeResult::kMaybe;
    acmeClose.probe_answers = "Budget for next year is set in the board meeting in three weeks";
    acmeClose.follow_up = b.today.plusDays(9);
    acmeClose.recap = "Planning takes two days a week; Maria wants it in hours. Pilot in Q1.";
    acmeClose.objective_met = nextstep::ObjectiveMet::kBackup;
    acmeClose.what_next = "Go through the proposal with the CFO";
    acmeClose.approvers = "Eva Smit (CFO)";
    acmeClose.approve_by = b.today.plusDays(12);
    acmeClose.temperature = {
        {acmeDm, "Cutting planning time", "Integration with their TMS", nextstep::Readiness::kYes}};
    acmeClose.actions = {
        {Owner::kCustomer, "Introduce us to the CFO", b.today.plusDays(-2), std::nullopt},
        {Owner::kCustomer, "Share last year's route data", b.today.plusDays(-5), std::nullopt},
        {Owner::kRep, "Send the pilot outline", b.today, std::nullopt}};
    must(nextstep::closeCall(store, acmeClose), "close Acme");
    b.goTo(-14, 11, 2);
    b.book(acmeDeal, b.at(2, 14), 60, "Acme HQ, Rotterdam",
           "Go through the proposal together; open points; decision process and timeline",
           "CFO agrees the pilot budget", {acmeDm, acmeAp, acmeCh});
    b.note(acmeDeal, "Tom is pushing internally; Eva wants a payback under 12 months.");

    // Borealis: a Yes a week ago, next step booked the day after (not at the table).
    b.goTo(-8, 9);
    const auto borM1 = b.book(borDeal, b.at(-7, 13), 45, "Video call", "Requirements walkthrough",
                              "Confirm the requirements", {borDm});
    b.goTo(-7, 13, 50);
    nextstep::CallClose borClose;
    borClose.meeting = borM1;
    borClose.result = nextstep::OutcomeResult::kYes;
    borClose.recap = "Requirements confirmed; Ingrid wants a workshop with her planners.";
    borClose.actions = {{Owner::kCustomer, "Set up a workshop with the planners",
                         b.today.plusDays(3), std::nullopt}};
    must(nextstep::closeCall(store, borClose), "close Borealis");
    b.goTo(-6, 9, 30);
    b.book(borDeal, b.at(3, 9, 30), 90, "Borealis, Oslo",
           "Workshop: requirements, success criteria, pilot scope", "Pilot scope signed off",
           {borDm});

    // Evergreen: a good conversation that ended without a next step (rule 9).
    b.goTo(-5, 8);
    const auto evM1 = b.book(evDeal, b.at(-4, 15), 30, "Phone", "First call",
                             "Understand their replenishment", {evDm});
    b.goTo(-4, 15, 40);
    nextstep::CallClose evClose;
    evClose.meeting = evM1;
    evClose.result = nextstep::OutcomeResult::kYes;
    evClose.recap = "Friendly call; Siobhan liked the demo video.";
    must(nextstep::closeCall(store, evClose), "close Evergreen");

    // Helix: compliance only (rule 4).
    b.goTo(-3, 10);
    b.action(helDeal, Owner::kCustomer, "Send us a proposal", b.today.plusDays(-1));
    b.action(helDeal, Owner::kCustomer, "Send testimonials from other labs", b.today.plusDays(2));
    b.note(helDeal, "Priya asked for pricing only; no meeting with the lab director yet.");

    // Delta: met yesterday, outcome not logged yet; plus the next meeting this afternoon.
    b.goTo(-2, 9);
    b.book(delDeal, b.at(-1, 14), 60, "Delta Freight, Hamburg", "Contract terms",
           "Agree the commercial terms", {delDm, delUs});
    b.goTo(-1, 14, 50);  // booked at the table, during yesterday's meeting (rules 1 and 2)
    ids.upcoming_meeting =
        b.book(delDeal, b.at(0, 15, 30), 45, "Video call",
               "Go through the proposal together; open points; decision process and timeline",
               "Verbal yes on the contract", {delDm});
    must(
        nextstep::planMeeting(store, ids.upcoming_meeting,
                              {"Verbal yes on the contract", "Jonas names the date the board signs",
                               "Introduce us to the board; share the fleet data"}),
        "plan Delta");

    // Fjord: booked for tomorrow. Cobalt: in progress now.
    b.goTo(-1, 16);
    b.book(fjDeal, b.at(1, 11), 30, "Video call", "Meet the decision maker",
           "Erik agrees a discovery workshop", {fjDm});
    ids.meeting_in_progress = b.book(cobDeal, b.at(0, 10), 30, "Cobalt Health, Lyon",
                                     "Recap of our last meeting; your questions; agree the next "
                                     "step and who does what",
                                     "Pilot with one hospital", {cobDm, cobCh});
    must(nextstep::planMeeting(store, ids.meeting_in_progress,
                               {"Pilot with one hospital agreed", "Claire names the pilot site",
                                "Meet the procurement lead; share volumes"}),
         "plan Cobalt");

    // The webinar two days ago and who came.
    b.goTo(-3, 12);
    nextstep::NewEvent webinar;
    webinar.kind = nextstep::EventKind::kWebinar;
    webinar.title = "Route planning live demo";
    webinar.at = b.at(-2, 16);
    webinar.tz = zone.name();
    webinar.place = "Online";
    ids.event = must(nextstep::addEvent(store, webinar), "event");
    const auto p = [&](const std::string& contact, std::optional<std::string> deal) {
      must(nextstep::addParticipant(store, {ids.event, contact, std::move(deal), true}),
           "participant");
    };
    p(acmeCh, acmeDeal);
    p(borDm, borDeal);
    p(helUs, helDeal);
    p(fjDm, fjDeal);
    p(evDm, evDeal);

    // Today's to-dos and touches.
    b.goTo(-1, 17);
    b.action(fjDeal, Owner::kRep, "Send Erik the case study", b.today);
    b.action(grDeal, Owner::kRep, "Call Lukas about the budget", b.today.plusDays(-6));
    b.touch(acme, nextstep::TouchKind::kEmail, "Sent the pilot outline draft");
    b.touch(borealis, nextstep::TouchKind::kCongratulation, "Congratulated on the new site");
    b.note(cobDeal, "Claire is under pressure to cut ward stock-outs before winter.");
    b.note(delDeal, "Jonas wants the contract signed before their fiscal year ends.");

    clock.resume();
    makeConflict(store, clock, acmeDeal, scratch_dir);
    makeSetAside(store, delDeal);
    clock.resume();
    ids.deal_with_conflict = acmeDeal;
    ids.deal_to_book = evDeal;
    ids.crm_export = writeCrmExport(scratch_dir);
    (void)acme2;
    (void)bor2;
    (void)helDm;
    (void)cobCh;
    return ids;
  } catch (const std::exception& e) {
    clock.resume();
    return nextstep::Error{nextstep::ErrorCode::kInternal, e.what()};
  }
}

}  // namespace demo
