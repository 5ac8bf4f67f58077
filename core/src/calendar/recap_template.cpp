// RecapFacts + a mustache template -> the recap's subject and body.
//
// kainjow/mustache's context stack trips g++ 12's -Wnull-dereference inside its inlined
// std::vector push_back (a false positive in the library's template); the other warnings stay on.
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <kainjow/mustache.hpp>

#include <array>
#include <optional>
#include <string>

#include "nextstep/calendar/recap.h"

namespace nextstep::calendar {
namespace {

namespace mst = kainjow::mustache;

constexpr std::string_view kDefaultTemplate =
    R"(Subject: Thank you for our meeting - {{deal_title}}
Hello {{greeting}},

thank you for your time on {{meeting_date}}.
{{#summary}}

{{summary}}
{{/summary}}
{{#has_customer_actions}}

As agreed, on your side:
{{#customer_actions}}
- {{text}}{{#due}} (by {{due}}){{/due}}
{{/customer_actions}}
{{/has_customer_actions}}
{{#has_rep_actions}}

On my side:
{{#rep_actions}}
- {{text}}{{#due}} (by {{due}}){{/due}}
{{/rep_actions}}
{{/has_rep_actions}}
{{#next_meeting}}

Our next meeting: {{when}}{{#place}}, {{place}}{{/place}}.
{{#agenda}}
Agenda: {{agenda}}
{{/agenda}}
{{/next_meeting}}
{{#follow_up}}

As you suggested, I will get back to you on {{follow_up}}.
{{/follow_up}}

Best regards,
{{rep_name}}
)";

constexpr std::array<const char*, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                 "May",       "June",     "July",     "August",
                                                 "September", "October",  "November", "December"};

// "Thursday 10 December 2026": unambiguous in every country the customer may be in.
std::string longDate(const CivilDate& d) {
  return std::string(kWeekdays[d.weekday()]) + " " + std::to_string(d.day) + " " +
         kMonths[(d.month - 1) % 12] + " " + std::to_string(d.year);
}

TimeZone zoneOf(const Meeting& m) {
  auto z = TimeZone::find(m.tz);
  return z ? *z : TimeZone::utc();
}

std::string firstName(const std::string& name) {
  const auto start = name.find_first_not_of(' ');
  if (start == std::string::npos) return {};
  const auto end = name.find(' ', start);
  return name.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// "Dana", "Dana and Jürgen", "Dana, Jürgen and Kim"; "everyone" for nobody.
std::string greetingOf(const std::vector<Contact>& attendees) {
  std::vector<std::string> names;
  for (const Contact& c : attendees) {
    if (std::string n = firstName(c.name); !n.empty()) names.push_back(std::move(n));
  }
  if (names.empty()) return "everyone";
  std::string out = names.front();
  for (std::size_t i = 1; i < names.size(); ++i) {
    out += (i + 1 == names.size() ? " and " : ", ") + names[i];
  }
  return out;
}

mst::data actionList(const std::vector<ActionItem>& actions) {
  mst::data list{mst::data::type::list};
  for (const ActionItem& a : actions) {
    mst::data item;
    item.set("text", a.text);
    if (a.due) {
      item.set("due", longDate(*a.due));
    } else {
      item.set("due", false);
    }
    list.push_back(item);
  }
  return list;
}

// Text or false: an empty text is a section that is not shown.
mst::data textOrFalse(const std::string& text) {
  if (text.empty()) return mst::data(false);
  return mst::data(text);
}

mst::data contextOf(const RecapFacts& f, const Organizer& from) {
  mst::data ctx;
  ctx.set("greeting", greetingOf(f.attendees));
  ctx.set("rep_name", from.name.empty() ? from.email : from.name);
  ctx.set("deal_title", f.deal_title);
  ctx.set("account_name", f.account_name);
  ctx.set("meeting_date", longDate(zoneOf(f.meeting).toLocal(f.meeting.start).date));
  ctx.set("summary", textOrFalse(f.meeting.recap));
  ctx.set("customer_actions", actionList(f.customer_actions));
  ctx.set("rep_actions", actionList(f.rep_actions));
  ctx.set("has_customer_actions", mst::data(!f.customer_actions.empty()));
  ctx.set("has_rep_actions", mst::data(!f.rep_actions.empty()));
  if (f.outcome && f.outcome->follow_up_on) {
    ctx.set("follow_up", longDate(*f.outcome->follow_up_on));
  } else {
    ctx.set("follow_up", false);
  }
  if (f.next_meeting) {
    const Meeting& n = *f.next_meeting;
    mst::data next;
    next.set("when", formatInZone(n.start, zoneOf(n)));
    next.set("place", textOrFalse(n.place));
    next.set("agenda", textOrFalse(n.agenda));
    next.set("goal", textOrFalse(n.goal));
    ctx.set("next_meeting", next);
  } else {
    ctx.set("next_meeting", false);
  }
  return ctx;
}

// At most one empty line in a row, none at the start or the end: sections that are left out
// must not leave holes in the letter.
std::string tidy(const std::string& text) {
  std::string out;
  int newlines = 0;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      if (out.empty() || ++newlines > 2) continue;
    } else {
      newlines = 0;
    }
    out += c;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out + "\n";
}

// Values are text, never templates. Mustache renders the value a partial tag names
// ({{>summary}}) as a template of its own, so notes other people typed could pull in other
// fields, or include themselves until the stack overflows (found by fuzzing). The tag is
// noted here and the template refused.
class NoPartials : public mst::context<std::string> {
 public:
  using mst::context<std::string>::context;
  const mst::data* get_partial(const std::string& name) const override {
    if (!partial_) partial_ = name;
    return nullptr;
  }
  const std::optional<std::string>& partial() const { return partial_; }

 private:
  mutable std::optional<std::string> partial_;
};

}  // namespace

std::string_view defaultRecapTemplate() { return kDefaultTemplate; }

Result<Recap> renderRecap(const RecapFacts& f, const Organizer& from,
                          std::string_view template_text) {
  mst::mustache tmpl{std::string(template_text)};
  if (!tmpl.is_valid()) return Error::invalid("the recap template: " + tmpl.error_message());
  // Plain text: values go in as they are (mustache would HTML-escape them).
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  const mst::data values = contextOf(f, from);
  NoPartials ctx(&values);
  std::string text = tmpl.render(ctx);
  if (!tmpl.is_valid()) return Error::invalid("the recap template: " + tmpl.error_message());
  if (ctx.partial()) {
    return Error::invalid("the recap template: {{>" + *ctx.partial() +
                          "}} would fill in another template; use {{" + *ctx.partial() + "}}");
  }

  Recap r;
  r.from = from;
  for (const Contact& c : f.attendees) {
    if (c.email.find('@') == std::string::npos) {
      r.without_email.push_back(c.name);
    } else {
      r.to.push_back({c.name, c.email});
    }
  }
  constexpr std::string_view kSubject = "Subject:";
  if (std::string_view(text).starts_with(kSubject)) {
    const auto eol = text.find('\n');
    std::string subject = text.substr(kSubject.size(), eol - kSubject.size());
    const auto b = subject.find_first_not_of(" \t");
    r.subject = b == std::string::npos ? std::string() : subject.substr(b);
    text = eol == std::string::npos ? std::string() : text.substr(eol + 1);
  }
  if (r.subject.empty()) r.subject = "Thank you for our meeting - " + f.deal_title;
  r.body = tidy(text);
  return r;
}

}  // namespace nextstep::calendar
