#include "csv_table.h"

#include <csv.h>
#include <iconv.h>

#include <array>
#include <cerrno>
#include <memory>

namespace nextstep::data {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else if (c >= 0x80) {
      return false;
    }
    for (std::size_t k = 1; k <= extra; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += extra + 1;
  }
  return true;
}

Result<std::string> fromWindows1252(std::string_view s) {
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Error::invalid("the file is not UTF-8 and cannot be converted; save it as CSV UTF-8");
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out;
  std::string in(s);
  char* inPtr = in.data();
  std::size_t inLeft = in.size();
  std::array<char, 4096> buf;
  while (inLeft > 0) {
    char* outPtr = buf.data();
    std::size_t outLeft = buf.size();
    const std::size_t rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft);
    out.append(buf.data(), buf.size() - outLeft);
    if (rc == static_cast<std::size_t>(-1) && errno != E2BIG) {
      return Error::invalid("the file is neither UTF-8 nor Windows-1252; save it as CSV UTF-8");
    }
  }
  return out;
}

struct Collector {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

void onField(void* data, std::size_t size, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->current.emplace_back(static_cast<const char*>(data), data == nullptr ? 0 : size);
}

void onRowEnd(int, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->rows.push_back(std::move(c->current));
  c->current.clear();
}

// Fields keep their spaces (a name may end in one); only the delimiter and line ends are special.
int noSpaces(unsigned char) { return 0; }

}  // namespace

char detectDelimiter(std::string_view text) {
  std::array<std::pair<char, int>, 4> counts = {{{',', 0}, {';', 0}, {'\t', 0}, {'|', 0}}};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    for (auto& [d, n] : counts) n += c == d;
  }
  char best = ',';
  int most = 0;
  for (const auto& [d, n] : counts) {
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

Result<CsvTable> readCsv(std::string_view text, std::optional<char> delimiter) {
  CsvTable table;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return Error::invalid("the file is UTF-16 (Excel's \"Unicode text\"); save it as CSV UTF-8");
  }
  std::string converted;
  if (!isUtf8(text)) {
    auto utf8 = fromWindows1252(text);
    if (!utf8) return utf8.error();
    converted = std::move(*utf8);
    text = converted;
    table.converted_from_windows_1252 = true;
  }
  table.delimiter = delimiter.value_or(detectDelimiter(text));

  csv_parser parser;
  if (csv_init(&parser, CSV_APPEND_NULL) != 0) {
    return Error{ErrorCode::kInternal, "libcsv could not start"};
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> freer(&parser, csv_free);
  csv_set_delim(&parser, static_cast<unsigned char>(table.delimiter));
  csv_set_space_func(&parser, noSpaces);
  Collector c;
  if (csv_parse(&parser, text.data(), text.size(), onField, onRowEnd, &c) != text.size() ||
      csv_fini(&parser, onField, onRowEnd, &c) != 0) {
    return Error::invalid(std::string("the file is not CSV: ") + csv_strerror(csv_error(&parser)));
  }
  if (c.rows.empty()) return Error::invalid("the file is empty: a CSV file starts with its header");
  table.header = std::move(c.rows.front());
  c.rows.erase(c.rows.begin());
  table.rows = std::move(c.rows);
  return table;
}

}  // namespace nextstep::data
