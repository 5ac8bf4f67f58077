// Reading CSV through libcsv: the shapes CRM exports and spreadsheets really have.
#include <gtest/gtest.h>

#include "csv_table.h"

namespace nextstep::data {
namespace {

CsvTable read(std::string_view text, std::optional<char> delimiter = std::nullopt) {
  auto t = readCsv(text, delimiter);
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? *t : CsvTable{};
}

TEST(CsvRead, QuotesDoubledQuotesAndLineBreaksInsideFields) {
  const CsvTable t = read(
      "Name,Note,Amount\r\n"
      "\"Acme, Inc.\",\"She said \"\"yes\"\"\nand then\r\nno\",\"1,000.50\"\r\n"
      "Plain,,7\r\n");
  ASSERT_EQ(t.header, (std::vector<std::string>{"Name", "Note", "Amount"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0], "Acme, Inc.");
  EXPECT_EQ(t.rows[0][1], "She said \"yes\"\nand then\r\nno");
  EXPECT_EQ(t.rows[0][2], "1,000.50");
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"Plain", "", "7"}));
  EXPECT_EQ(t.delimiter, ',');
}

TEST(CsvRead, AByteOrderMarkIsDroppedAndSemicolonsAreDetected) {
  const CsvTable t =
      read("\xEF\xBB\xBF\"Deal - Title\";\"Deal - Value\"\n\"A; B\";\"12.345,67\"\n");
  EXPECT_EQ(t.delimiter, ';');
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0], "Deal - Title");  // no BOM glued to the first name
  EXPECT_EQ(t.rows[0][0], "A; B");
  EXPECT_EQ(t.rows[0][1], "12.345,67");
}

TEST(CsvRead, TabsAndPipesAreDetectedAndADelimiterCanBeGiven) {
  EXPECT_EQ(read("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
  EXPECT_EQ(read("a|b\n1|2\n").rows[0][1], "2");
  // Given: commas in a semicolon file stay inside fields.
  const CsvTable t = read("a,b;c\n1,2;3\n", ';');
  EXPECT_EQ(t.header, (std::vector<std::string>{"a,b", "c"}));
}

TEST(CsvRead, SpacesInsideFieldsAreKeptAndTheLastLineNeedsNoNewline) {
  const CsvTable t = read("Name,City\n Ana , Köln");
  EXPECT_EQ(t.rows[0][0], " Ana ");
  EXPECT_EQ(t.rows[0][1], " Köln");
}

TEST(CsvRead, Windows1252IsConvertedToUtf8) {
  const CsvTable t = read("Name\n\"M\xFCller \x80\"\n");  // ü and € in Windows-1252
  EXPECT_TRUE(t.converted_from_windows_1252);
  EXPECT_EQ(t.rows[0][0], "Müller €");
}

TEST(CsvRead, EmptyAndUtf16FilesAreRefusedWithAReason) {
  EXPECT_FALSE(readCsv("", std::nullopt).ok());
  auto utf16 = readCsv(std::string("\xFF\xFE"
                                   "a\0b\0",
                                   6),
                       std::nullopt);
  ASSERT_FALSE(utf16.ok());
  EXPECT_NE(utf16.error().message.find("UTF-16"), std::string::npos);
}

}  // namespace
}  // namespace nextstep::data
