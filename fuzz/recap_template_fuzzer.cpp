// The recap mail, from a template the rep edits and from what the store holds about the meeting
// (names, titles and notes other people typed). The input is the template, then NUL-separated:
// the deal's title, the attendees ("Name <email>" per line), the meeting's notes, the agreed
// actions (one per line) and the next meeting's place. Nothing may crash: a template that does
// not parse is an error value, and whatever renders must also make a mailto: link and a message.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "nextstep/calendar/recap.h"

namespace nextstep::fuzz {
namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

calendar::RecapFacts factsOf(const std::vector<std::string>& parts) {
  auto part = [&](std::size_t i) { return i < parts.size() ? parts[i] : std::string(); };
  calendar::RecapFacts f;
  f.deal_title = part(1);
  f.account_name = "Acme";
  f.meeting.id = "m1";
  f.meeting.start = instantFromUnix(1'796'115'600);
  f.meeting.tz = "Europe/Berlin";
  for (const std::string& line : split(part(2), '\n')) {
    const std::size_t lt = line.find('<');
    Contact c;
    c.name = line.substr(0, lt);
    if (lt != std::string::npos) c.email = line.substr(lt + 1, line.find('>', lt) - lt - 1);
    f.attendees.push_back(std::move(c));
  }
  f.meeting.recap = part(3);
  for (const std::string& text : split(part(4), '\n')) {
    ActionItem a;
    a.text = text;
    a.due = CivilDate{2026, 12, static_cast<unsigned>(1 + text.size() % 28)};
    (text.size() % 2 == 0 ? f.customer_actions : f.rep_actions).push_back(std::move(a));
  }
  Meeting next = f.meeting;
  next.place = part(5);
  next.start += std::chrono::days(7);
  f.next_meeting = next;
  Outcome o;
  o.follow_up_on = CivilDate{2027, 1, 15};
  f.outcome = o;
  return f;
}

}  // namespace
}  // namespace nextstep::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace nextstep;
  using namespace nextstep::fuzz;
  const std::vector<std::string> parts =
      split(std::string_view(reinterpret_cast<const char*>(data), size), '\0');
  const calendar::RecapFacts facts = factsOf(parts);
  auto recap = calendar::renderRecap(facts, {"rep@team.example", "Rita Rep"}, parts[0]);
  if (!recap) {
    check(recap.error().code == ErrorCode::kInvalidArgument,
          "a bad template is not a bad argument");
    return 0;
  }
  check(!recap->subject.empty(), "a recap without a subject");
  check(!recap->body.empty() && recap->body.back() == '\n', "a recap body without its last line");
  const std::string mailto = calendar::recapMailto(*recap);
  check(mailto.starts_with("mailto:"), "a mailto: link that is not one");
  auto eml = calendar::recapEml(*recap, instantFromUnix(1'796'115'600));
  if (eml) check(eml->find("\r\n\r\n") != std::string::npos, "a message without a body");
  return 0;
}
