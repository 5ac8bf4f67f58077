#include "nextstep/storage/catalog.h"

#include <set>

#include "test_store.h"

namespace nextstep::testing {
namespace {

class CatalogTest : public StoreTest {};

// Every synced field must be a real column, or its writes would fail only at run time.
TEST_F(CatalogTest, EveryFieldIsAColumnOfItsTable) {
  for (const RecordSpec& spec : allRecordSpecs()) {
    std::set<std::string> columns;
    unwrap(store_->read([&](Database& db) {
      auto s = db.prepare("SELECT name FROM pragma_table_xinfo('" + std::string(spec.table) + "')");
      while (s->step()) columns.insert(s->text(0));
    }));
    ASSERT_FALSE(columns.empty()) << spec.table;
    for (const FieldSpec& f : spec.fields) {
      EXPECT_TRUE(columns.count(std::string(f.name))) << spec.table << "." << f.name;
    }
    for (const char* meta : {"id", "deleted", "created_stamp"}) {
      EXPECT_TRUE(columns.count(meta)) << spec.table << "." << meta;
    }
  }
}

TEST_F(CatalogTest, EveryRecordTypeHasOneSpecFoundByNameAndNumber) {
  std::set<std::string_view> names;
  for (const RecordSpec& spec : allRecordSpecs()) {
    EXPECT_TRUE(names.insert(spec.name).second) << spec.name;
    EXPECT_EQ(&specOf(spec.type), &spec);
    EXPECT_EQ(specByName(spec.name), &spec);
    EXPECT_EQ(specByNumber(static_cast<std::uint32_t>(spec.type)), &spec);
  }
  EXPECT_EQ(names.size(), 12u);
  EXPECT_EQ(specByName("nope"), nullptr);
  EXPECT_EQ(specByNumber(99), nullptr);
}

TEST(Catalog, AMeetingsTimeZoneDurationAndPlaceAreOneRegister) {
  const RecordSpec& m = specOf(RecordType::kMeeting);
  for (const char* f : {"start_at", "tz", "duration_min", "place"}) {
    EXPECT_EQ(m.field(f)->clockKey(), "slot") << f;
  }
  EXPECT_EQ(m.field("agenda")->clockKey(), "agenda");
  EXPECT_TRUE(m.isRegister("slot"));
  EXPECT_FALSE(m.isRegister("agenda"));
  EXPECT_EQ(m.set_name, "attendees");
  EXPECT_TRUE(specOf(RecordType::kNote).insert_only);
}

}  // namespace
}  // namespace nextstep::testing
