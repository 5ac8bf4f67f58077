#include "deal_commands.h"

#include <set>

#include "account_commands.h"
#include "flag_values.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"

namespace nextstep::cli {
namespace {

Result<void> checkStage(Store& store, const std::string& stage) {
  auto settings = teamSettings(store);
  if (!settings) return settings.error();
  if (settings->hasStage(stage)) return {};
  std::string ladder;
  for (const std::string& s : settings->stages) ladder += (ladder.empty() ? "" : ", ") + s;
  return Error::invalid("--stage: '" + stage + "' is not on the team's ladder (" + ladder + ")");
}

// The contacts a deal's page names: its people, plus attendees and people asked for their
// temperature who are not (or no longer) on the account.
ContactsById contactsOf(Store& store, const DealView& view) {
  ContactsById out;
  for (const Contact& c : view.people) out.emplace(c.id, c);
  std::set<std::string> wanted;
  for (const Meeting& m : view.meetings)
    wanted.insert(m.attendee_ids.begin(), m.attendee_ids.end());
  for (const TemperatureCheck& t : view.temperature) wanted.insert(t.contact_id);
  for (const std::string& id : wanted) {
    if (out.contains(id)) continue;
    if (auto c = getContact(store, id)) out.emplace(id, *c);
  }
  return out;
}

}  // namespace

Result<void> addDealCommand(Session& session, const DealAddFlags& flags) {
  NewDeal deal;
  deal.title = flags.title;
  deal.account = flags.account;
  deal.stage = flags.stage;
  deal.owner = flags.owner.value_or("");
  if (flags.value) {
    auto value = parseAmount("--value", *flags.value);
    if (!value) return value.error();
    deal.value_minor = *value;
  }
  if (flags.currency) {
    auto currency = parseCurrency("--currency", *flags.currency);
    if (!currency) return currency.error();
    deal.currency = *currency;
  }
  auto store = session.store(DatabaseUse::kCreate);
  if (!store) return store.error();
  auto id = addDeal(**store, deal);
  if (!id) return id.error();
  session.printer().newId(*id);
  return {};
}

Result<void> listDealsCommand(Session& session, const DealListFlags& flags) {
  DealFilter filter;
  filter.without_next_step = flags.without_next_step;
  filter.compliance_only = flags.compliance_only;
  filter.stale = flags.stale;
  filter.owner = flags.owner;
  if (flags.status && *flags.status == "all") {
    filter.status = std::nullopt;
  } else if (flags.status) {
    auto status = parseChoice<DealStatus>("--status", *flags.status);
    if (!status) {
      return Error::invalid("--status: '" + *flags.status + "' is not one of " +
                            choicesOf<DealStatus>() + "|all");
    }
    filter.status = *status;
  }
  if (flags.limit) {
    auto limit = parseCount("--limit", *flags.limit, 0, kEveryRecord);
    if (!limit) return limit.error();
    filter.limit = *limit;
  }
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  if (flags.stage) {
    if (auto ok = checkStage(**store, *flags.stage); !ok) return ok.error();
    filter.stage = flags.stage;
  }
  if (flags.account) {
    auto account = findAccount(**store, *flags.account);
    if (!account) return account.error();
    filter.account_id = *account;
  }
  auto rows = listDeals(**store, filter);
  if (!rows) return rows.error();
  auto total = countDeals(**store, filter);
  if (!total) return total.error();
  session.printer().dealList(DealList{std::move(*rows), *total});
  return {};
}

Result<void> showDealCommand(Session& session, const std::string& id) {
  auto store = session.store(DatabaseUse::kRead);
  if (!store) return store.error();
  auto view = dealView(**store, id);
  if (!view) return view.error();
  DealPage page{std::move(*view), {}};
  page.contacts = contactsOf(**store, page.view);
  session.printer().deal(page);
  return {};
}

Result<void> setDealCommand(Session& session, const DealSetFlags& flags) {
  DealChanges changes;
  changes.title = flags.title;
  changes.account = flags.account;
  changes.stage = flags.stage;
  changes.owner = flags.owner;
  changes.lost_reason = flags.lost_reason;
  if (flags.value) {
    auto value = parseAmount("--value", *flags.value);
    if (!value) return value.error();
    changes.value_minor = *value;
  }
  if (flags.currency) {
    auto currency = parseCurrency("--currency", *flags.currency);
    if (!currency) return currency.error();
    changes.currency = *currency;
  }
  if (flags.status) {
    auto status = parseChoice<DealStatus>("--status", *flags.status);
    if (!status) return status.error();
    changes.status = *status;
  }
  if (!flags.title && !flags.account && !flags.stage && !flags.owner && !flags.lost_reason &&
      !flags.value && !flags.currency && !flags.status) {
    return Error::invalid(
        "nothing to change: give --title, --stage, --value, --currency, --status, --owner, "
        "--account or --lost-reason");
  }
  auto store = session.store(DatabaseUse::kChange);
  if (!store) return store.error();
  auto id = findId(**store, RecordType::kDeal, flags.id);
  if (!id) return id.error();
  if (auto changed = changeDeal(**store, *id, changes); !changed) return changed.error();
  auto deal = getDeal(**store, *id);
  if (!deal) return deal.error();
  session.printer().changed(Change{"deal", *id, "updated",
                                   "Updated deal '" + deal->title + "' (" + deal->stage + ", " +
                                       std::string(nameOf(deal->status)) + ")."});
  return {};
}

}  // namespace nextstep::cli
