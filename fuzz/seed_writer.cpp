// Writes the seed corpus (fuzz/corpus/<target>/) from the product's own output: the operations a
// device writes for a real session, the CRM exports the import tests use, and the default recap
// template. Not a fuzz target; build it on demand (`cmake --build --preset fuzz --target
// fuzz_seed_writer`) and run it with the corpus folder.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "crm_csv.h"
#include "fuzz_check.h"
#include "nextstep/calendar/recap.h"
#include "nextstep/meetings/booking.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/storage/mutation.h"
#include "nextstep/storage/store.h"
#include "nextstep/sync/replica.h"
#include "nextstep/sync/wire.h"

namespace nextstep::fuzz {
namespace {

namespace pb = ::nextstep::sync::v1;
namespace fs = std::filesystem;

template <typename T>
T unwrap(Result<T> r) {
  if (!r) {
    std::fprintf(stderr, "seed_writer: %s\n", r.error().message.c_str());
    std::exit(1);
  }
  return std::move(*r);
}
void unwrap(Result<void> r) {
  if (!r) {
    std::fprintf(stderr, "seed_writer: %s\n", r.error().message.c_str());
    std::exit(1);
  }
}

void write(const fs::path& file, const std::string& bytes) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << bytes;
}

// A rep's session on one device: a deal, a contact, a meeting with them, edits, a delete and a
// restore, an attendee removed. Its outbox, stamped as device `device`.
std::vector<Op> session(const fs::path& file, DeviceId device) {
  auto store = unwrap(Store::open({file.string(), true, [] { return kNowMs; }}));
  const std::string deal = unwrap(addDeal(
      *store, {.title = "Pilot", .account = "Acme", .value_minor = 500000, .owner = "rita"}));
  const std::string dana =
      unwrap(addContact(*store, {.name = "Dana", .account = "Acme", .email = "dana@acme.example"}));
  const std::string kim = unwrap(addContact(*store, {.name = "Kim", .account = "Acme"}));
  const std::string m = unwrap(bookMeeting(*store, {.deal = deal,
                                                    .at = {{2026, 12, 8}, 10, 0},
                                                    .tz = "Europe/Berlin",
                                                    .place = "HQ",
                                                    .agenda = "Scope",
                                                    .attendees = {dana, kim}}));
  unwrap(changeDeal(*store, deal, {.title = "Pilot 2", .value_minor = 750000}));
  unwrap(changeContact(*store, kim, {.email = "kim@acme.example"}));
  unwrap(store->write([&](Mutation& mu) { mu.removeMember(RecordType::kMeeting, m, kim); }));
  unwrap(deleteRecord(*store, RecordType::kContact, kim));
  unwrap(restoreRecord(*store, RecordType::kContact, kim));
  std::vector<Op> ops = unwrap(sync::Replica(*store).outbox().next(1000));
  for (Op& op : ops) {
    op.stamp.device = device;
    if (!op.base.isZero()) op.base.device = device;
  }
  return ops;
}

void pushSeeds(const fs::path& dir, const std::vector<Op>& ops) {
  pb::PushRequest all;
  for (const Op& op : ops) sync::toWire(op, *all.add_operations());
  write(dir / "session", all.SerializeAsString());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    pb::PushRequest one;
    sync::toWire(ops[i], *one.add_operations());
    one.mutable_operations(0)->set_device_seq(1);
    write(dir / ("op-" + std::to_string(i + 1) + "-" + std::string(nameOf(ops[i].kind))),
          one.SerializeAsString());
  }
}

void mergeSeeds(const fs::path& dir, const std::vector<Op>& a, const std::vector<Op>& b) {
  auto page = [](const std::vector<const std::vector<Op>*>& devices, bool reversed) {
    pb::PullResponse out;
    std::uint64_t version = 0;
    for (const auto* ops : devices) {
      for (std::size_t k = 0; k < ops->size(); ++k) {
        const Op& op = (*ops)[reversed ? ops->size() - 1 - k : k];
        pb::LoggedOperation* logged = out.add_operations();
        logged->set_version(++version);
        logged->set_author(op.stamp.device == 1 ? "ana@team.example" : "ben@team.example");
        sync::toWire(op, *logged->mutable_operation());
      }
    }
    out.set_next_cursor(version);
    out.set_head(version);
    return out.SerializeAsString();
  };
  write(dir / "one-device", page({&a}, false));
  write(dir / "children-first", page({&a}, true));
  write(dir / "two-devices", page({&a, &b}, false));
}

void csvSeeds(const fs::path& dir) {
  using namespace nextstep::testing;
  // The option byte (csv_import_fuzzer.cpp): CRM in bits 0-1, kind from the header (4 << 2).
  const struct {
    const char* name;
    CrmFile file;
    char options;
  } files[] = {
      {"salesforce-opportunities", salesforceOpportunities(12), 0 | 16},
      {"hubspot-deals", hubspotDeals(12), 1 | 16},
      {"pipedrive-deals", pipedriveDeals(12), 2 | 16},
      {"salesforce-contacts", salesforceContacts(12), 0 | 16},
      {"hubspot-companies", hubspotCompanies(12), 1 | 16},
      {"pipedrive-activities", pipedriveActivities(12), 2 | 16},
  };
  for (const auto& f : files) write(dir / f.name, std::string(1, f.options) + f.file.text);
}

void recapSeeds(const fs::path& dir) {
  const char nul = '\0';
  std::string parts = std::string(calendar::defaultRecapTemplate()) + nul + "Pilot" + nul +
                      "Dana Smith <dana@acme.example>\nJürgen <juergen@acme.example>\nKim" + nul +
                      "We agreed on the scope." + nul + "Send the offer\nCheck the budget" + nul +
                      "HQ, Room 4";
  write(dir / "default-template", parts);
  write(dir / "subject-only", "Subject: {{deal_title}} {{=<% %>=}}<% greeting %>");
}

}  // namespace
}  // namespace nextstep::fuzz

int main(int argc, char** argv) {
  using namespace nextstep::fuzz;
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seed_writer CORPUS_DIR\n");
    return 2;
  }
  const fs::path corpus = argv[1];
  const fs::path scratch = fs::temp_directory_path() / "nextstep-seed-writer";
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  const auto a = session(scratch / "a.db", 1);
  const auto b = session(scratch / "b.db", 2);
  pushSeeds(corpus / "push_batch", a);
  mergeSeeds(corpus / "remote_merge", a, b);
  csvSeeds(corpus / "csv_import");
  recapSeeds(corpus / "recap_template");
  fs::remove_all(scratch);
  return 0;
}
