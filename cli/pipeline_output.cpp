#include "pipeline_output.h"

#include "nextstep/text/money_text.h"
#include "record_json.h"
#include "text_table.h"
#include "text_tables.h"
#include "text_words.h"

namespace nextstep::cli {

using namespace json_form;

void to_json(Json& j, const DealList& l) {
  j = {{"count", l.rows.size()}, {"total", l.total}, {"deals", json(l.rows)}};
}

void printText(std::ostream& out, const DayWords& words, const DealList& l) {
  if (l.rows.empty()) {
    out << "No deals match.\n";
    return;
  }
  TextTable table({{"ID", kIdWidth},
                   {"TITLE", 32},
                   {"ACCOUNT", 24},
                   {"STAGE", 16},
                   {"STATUS", 6},
                   {"VALUE", 20},
                   {"NEXT STEP", 40},
                   {"", 20}});
  for (const DealRow& r : l.rows) {
    const Deal& d = r.deal;
    std::string next = r.next_step                     ? words.when(r.next_step->start)
                       : d.status == DealStatus::kOpen ? "NONE"
                                                       : "-";
    table.add({d.id, d.title, d.account_name, d.stage, name(d.status), formatMoney(d.value), next,
               d.compliance_only ? "compliance only" : ""});
  }
  table.print(out);
  if (l.total > static_cast<std::int64_t>(l.rows.size())) {
    out << "Showing " << l.rows.size() << " of " << l.total << " deals; --limit 0 shows all.\n";
  }
}

void to_json(Json& j, const DealPage& page) {
  const DealView& v = page.view;
  json nextStep = orNull(v.next_step);
  if (v.next_step) {
    nextStep["attendees"] = list(v.next_step->attendee_ids, [&](const std::string& id) {
      return contactRef(page.contacts, id);
    });
  }
  j = {{"deal", json(v.deal)},         {"account", orNull(v.account)},
       {"next_step", nextStep},        {"people", json(v.people)},
       {"actions", json(v.actions)},   {"meetings", json(v.meetings)},
       {"outcomes", json(v.outcomes)}, {"temperature", json(v.temperature)},
       {"notes", json(v.notes)},       {"touches", json(v.touches)},
       {"timeline", json(v.timeline)}};
}

void printText(std::ostream& out, const DayWords& words, const DealPage& page) {
  const DealView& v = page.view;
  const Deal& d = v.deal;
  out << d.title << '\n';
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"Id", d.id});
  if (v.account) facts.add({"Account", v.account->name + "  (" + v.account->id + ")"});
  facts.add({"Stage", d.stage + " · " + name(d.status)});
  if (!d.lost_reason.empty()) facts.add({"Lost reason", d.lost_reason});
  facts.add({"Value", formatMoney(d.value)});
  if (!d.owner.empty()) facts.add({"Owner", d.owner});
  if (d.compliance_only) {
    facts.add({"At risk", "the customer's recent actions are compliance only (rule 4)"});
  }
  facts.print(out);

  out << "\nNext step\n";
  if (v.next_step) {
    TextTable next = meetingFacts(words, *v.next_step, page.contacts);
    next.add({"Id", v.next_step->id});
    next.print(out);
  } else if (d.status == DealStatus::kOpen) {
    out << "  NONE BOOKED. Every open deal needs one: nextstep meeting book --deal " << d.id
        << " --at YYYY-MM-DDTHH:MM\n";
  } else {
    out << "  none (the deal is " << name(d.status) << ")\n";
  }

  out << "\nPeople\n";
  if (v.people.empty()) {
    out << "  nobody yet: nextstep contact add --name NAME --account "
        << (d.account_id ? *d.account_id : std::string("ACCOUNT")) << '\n';
  } else {
    peopleTable(v.people).print(out);
  }

  out << "\nWho does what\n";
  if (v.actions.empty()) {
    out << "  nothing agreed yet\n";
  } else {
    actionTable(words, v.actions).print(out);
  }

  if (!v.temperature.empty()) {
    out << "\nTemperature\n";
    temperatureTable(v.temperature, page.contacts).print(out);
  }

  out << "\nTimeline\n";
  if (v.timeline.empty()) {
    out << "  nothing yet\n";
  } else {
    TextTable timeline({{"", 40}, {"", 8}, {"", 40}, {"", 80}}, "  ");
    for (const TimelineEntry& e : v.timeline) {
      timeline.add({words.when(e.at), e.kind, e.title, e.detail});
    }
    timeline.print(out);
  }
}

void to_json(Json& j, const AccountList& result) {
  const std::vector<Account>& accounts = result.accounts;
  j = {{"count", accounts.size()}, {"accounts", json(accounts)}};
}

void printText(std::ostream& out, const DayWords& words, const AccountList& result) {
  const std::vector<Account>& accounts = result.accounts;
  if (accounts.empty()) {
    out << "No accounts.\n";
    return;
  }
  TextTable table({{"ID", kIdWidth},
                   {"NAME", 32},
                   {"INDUSTRY", 20},
                   {"CITY", 20},
                   {"OPEN DEALS", 10},
                   {"LAST TOUCH", 30}});
  for (const Account& a : accounts) {
    table.add({a.id, a.name, a.industry, a.city, std::to_string(a.open_deals),
               a.last_touch_at ? words.dayOf(*a.last_touch_at) : "never"});
  }
  table.print(out);
}

void to_json(Json& j, const AccountPage& page) {
  j = {{"account", json(page.account)},
       {"contacts", json(page.contacts)},
       {"deals", json(page.deals)}};
}

void printText(std::ostream& out, const DayWords& words, const AccountPage& page) {
  const Account& a = page.account;
  out << a.name << '\n';
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"Id", a.id});
  if (!a.industry.empty()) facts.add({"Industry", a.industry});
  if (!a.city.empty()) facts.add({"City", a.city});
  if (!a.owner.empty()) facts.add({"Owner", a.owner});
  facts.add({"Cadence", a.cadence_days ? "a touch every " + plural(*a.cadence_days, "day", "days")
                                       : "the team's"});
  if (!a.tz.empty()) facts.add({"Zone", a.tz});
  facts.add({"Last touch", a.last_touch_at ? words.dayOf(*a.last_touch_at) : "never"});
  facts.add({"Open deals", std::to_string(a.open_deals)});
  facts.print(out);
  out << "\nContacts\n";
  if (page.contacts.empty()) {
    out << "  none\n";
  } else {
    peopleTable(page.contacts).print(out);
  }
  out << "\nDeals\n";
  if (page.deals.empty()) {
    out << "  none\n";
  } else {
    TextTable table({{"", kIdWidth}, {"", 32}, {"", 16}, {"", 6}, {"", 20}, {"", 40}}, "  ");
    for (const DealRow& r : page.deals) {
      const Deal& d = r.deal;
      table.add({d.id, d.title, d.stage, name(d.status), formatMoney(d.value),
                 r.next_step                     ? "next: " + words.when(r.next_step->start)
                 : d.status == DealStatus::kOpen ? "NO NEXT STEP"
                                                 : ""});
    }
    table.print(out);
  }
}

void to_json(Json& j, const ContactList& l) {
  j = {{"count", l.contacts.size()}, {"contacts", json(l.contacts)}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const ContactList& l) {
  if (l.contacts.empty()) {
    out << "No contacts.\n";
    return;
  }
  TextTable table({{"ID", kIdWidth},
                   {"NAME", 28},
                   {"ROLE", 14},
                   {"TITLE", 20},
                   {"ACCOUNT", 24},
                   {"EMAIL", 32},
                   {"PHONE", 20}});
  for (const Contact& c : l.contacts) {
    std::string account;
    if (c.account_id) {
      auto it = l.account_names.find(*c.account_id);
      account = it != l.account_names.end() ? it->second : *c.account_id;
    }
    table.add({c.id, c.name, spaced(name(c.role)), c.title, account, c.email, c.phone});
  }
  table.print(out);
}

void to_json(Json& j, const ContactPage& page) {
  j = {{"contact", json(page.contact)}, {"account", orNull(page.account)}};
}

void printText(std::ostream& out, const DayWords& /*words*/, const ContactPage& page) {
  const Contact& c = page.contact;
  out << c.name << '\n';
  TextTable facts({{"", 12}, {"", 200}}, "  ");
  facts.add({"Id", c.id});
  facts.add({"Role", spaced(name(c.role))});
  if (!c.title.empty()) facts.add({"Title", c.title});
  if (page.account) facts.add({"Account", page.account->name + "  (" + page.account->id + ")"});
  if (!c.email.empty()) facts.add({"Email", c.email});
  if (!c.phone.empty()) facts.add({"Phone", c.phone});
  facts.print(out);
}

}  // namespace nextstep::cli
