#include "nextstep/search/search.h"

#include "nextstep/follow_up/notes_touches.h"
#include "nextstep/pipeline/pipeline.h"
#include "test_store.h"

namespace nextstep::testing {
namespace {

class SearchTest : public StoreTest {
 protected:
  std::vector<std::string> kinds(const char* q) {
    std::vector<std::string> out;
    for (const SearchHit& h : unwrap(search(*store_, q))) out.push_back(h.kind + ":" + h.title);
    return out;
  }
};

TEST_F(SearchTest, FindsDealsAccountsContactsAndNotesByWordPrefixes) {
  const std::string deal =
      unwrap(addDeal(*store_, {.title = "Fleet telematics pilot", .account = "Fjord Logistics"}));
  unwrap(addContact(
      *store_,
      {.name = "Ines Novák", .account = "Fjord Logistics", .email = "ines@fjord.example"}));
  unwrap(addNote(*store_, {.deal = deal, .text = "Budget approved for the Q1 rollout"}));
  EXPECT_EQ(kinds("telemat"), std::vector<std::string>{"deal:Fleet telematics pilot"});
  EXPECT_EQ(kinds("fjord log"), std::vector<std::string>{"account:Fjord Logistics"});
  EXPECT_EQ(kinds("novak"), std::vector<std::string>{"contact:Ines Novák"}) << "diacritics fold";
  const auto notes = unwrap(search(*store_, "rollout"));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "note");
  EXPECT_EQ(notes[0].title, "Fleet telematics pilot");
  EXPECT_EQ(notes[0].deal_id, deal);
}

TEST_F(SearchTest, FollowsRenamesAndDeletes) {
  const std::string deal = unwrap(addDeal(*store_, {.title = "Warehouse pilot"}));
  unwrap(changeDeal(*store_, deal, {.title = "Harbour rollout"}));
  EXPECT_TRUE(kinds("warehouse").empty());
  EXPECT_EQ(kinds("harbour").size(), 1u);
  unwrap(deleteRecord(*store_, RecordType::kDeal, deal));
  EXPECT_TRUE(kinds("harbour").empty());
  unwrap(restoreRecord(*store_, RecordType::kDeal, deal));
  EXPECT_EQ(kinds("harbour").size(), 1u);
}

TEST_F(SearchTest, QuerySyntaxIsTakenAsPlainWords) {
  unwrap(addDeal(*store_, {.title = "O'Brien \"special\" deal"}));
  EXPECT_EQ(kinds("o'brien").size(), 1u);
  EXPECT_EQ(kinds("\"special* OR NEAR(").size(), 0u);
  EXPECT_EQ(ftsQuery("a-b c"), "\"a\"* \"b\"* \"c\"*");
  EXPECT_EQ(search(*store_, " ** ").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace nextstep::testing
