#include "deal_commands.h"

#include <optional>
#include <set>
#include <string>

#include "account_commands.h"
#include "change_output.h"
#include "command_tree.h"
#include "contacts_by_id.h"
#include "flag_values.h"
#include "nextstep/model/result.h"
#include "nextstep/model/result_try.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/pipeline/pipeline.h"
#include "nextstep/pipeline/team_settings.h"
#include "pipeline_output.h"
#include "record_lifecycle.h"
#include "session.h"

namespace nextstep::cli {
namespace {

struct DealAddFlags {
  std::string title;
  std::optional<std::string> account;  // id, id prefix or name (created when new)
  std::optional<std::string> value;    // 12000.50
  std::optional<std::string> currency;
  std::optional<std::string> stage;
  std::optional<std::string> owner;
};

struct DealListFlags {
  bool without_next_step = false;
  bool compliance_only = false;
  bool stale = false;
  std::optional<std::string> stage;
  std::optional<std::string> owner;
  std::optional<std::string> account;
  std::optional<std::string> status;  // open|won|lost|all
  std::optional<std::string> limit;
};

struct DealSetFlags {
  std::string id;
  std::optional<std::string> title;
  std::optional<std::string> stage;
  std::optional<std::string> value;
  std::optional<std::string> currency;
  std::optional<std::string> status;
  std::optional<std::string> owner;
  std::optional<std::string> account;
  std::optional<std::string> lost_reason;
};

Result<void> addDealCommand(Session& session, const DealAddFlags& flags);
Result<void> listDealsCommand(Session& session, const DealListFlags& flags);
Result<void> showDealCommand(Session& session, const std::string& id);
Result<void> setDealCommand(Session& session, const DealSetFlags& flags);

Result<void> checkStage(Store& store, const std::string& stage) {
  NEXTSTEP_TRY(auto settings, teamSettings(store));
  if (settings.hasStage(stage)) return {};
  std::string ladder;
  for (const std::string& s : settings.stages) ladder += (ladder.empty() ? "" : ", ") + s;
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

Result<void> addDealCommand(Session& session, const DealAddFlags& flags) {
  NewDeal deal;
  deal.title = flags.title;
  deal.account = flags.account;
  deal.stage = flags.stage;
  deal.owner = flags.owner.value_or("");
  if (flags.value) {
    NEXTSTEP_TRY(auto value, parseAmount("--value", *flags.value));
    deal.value_minor = value;
  }
  if (flags.currency) {
    NEXTSTEP_TRY(auto currency, parseCurrency("--currency", *flags.currency));
    deal.currency = currency;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kCreate));
  NEXTSTEP_TRY(auto id, addDeal(*store, deal));
  emit(session, NewId{id});
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
    NEXTSTEP_TRY(auto limit, parseCount("--limit", *flags.limit, 0, kEveryRecord));
    filter.limit = limit;
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  if (flags.stage) {
    NEXTSTEP_CHECK(checkStage(*store, *flags.stage));
    filter.stage = flags.stage;
  }
  if (flags.account) {
    NEXTSTEP_TRY(auto account, findAccount(*store, *flags.account));
    filter.account_id = account;
  }
  NEXTSTEP_TRY(auto rows, listDeals(*store, filter));
  NEXTSTEP_TRY(auto total, countDeals(*store, filter));
  emit(session, DealList{std::move(rows), total});
  return {};
}

Result<void> showDealCommand(Session& session, const std::string& id) {
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kRead));
  NEXTSTEP_TRY(auto view, dealView(*store, id));
  DealPage page{std::move(view), {}};
  page.contacts = contactsOf(*store, page.view);
  emit(session, page);
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
    NEXTSTEP_TRY(auto value, parseAmount("--value", *flags.value));
    changes.value_minor = value;
  }
  if (flags.currency) {
    NEXTSTEP_TRY(auto currency, parseCurrency("--currency", *flags.currency));
    changes.currency = currency;
  }
  if (flags.status) {
    NEXTSTEP_TRY(auto status, parseChoice<DealStatus>("--status", *flags.status));
    changes.status = status;
  }
  if (!flags.title && !flags.account && !flags.stage && !flags.owner && !flags.lost_reason &&
      !flags.value && !flags.currency && !flags.status) {
    return Error::invalid(
        "nothing to change: give --title, --stage, --value, --currency, --status, --owner, "
        "--account or --lost-reason");
  }
  NEXTSTEP_TRY(auto store, session.store(DatabaseUse::kChange));
  NEXTSTEP_TRY(auto id, findId(*store, RecordType::kDeal, flags.id));
  NEXTSTEP_CHECK(changeDeal(*store, id, changes));
  NEXTSTEP_TRY(auto deal, getDeal(*store, id));
  emit(session, Change{"deal", id, "updated",
                       "Updated deal '" + deal.title + "' (" + deal.stage + ", " +
                           std::string(nameOf(deal.status)) + ")."});
  return {};
}

// The flags of this group's commands, filled by the parser.
struct DealFlags {
  std::string id;
  DealAddFlags deal_add;
  DealListFlags deal_list;
  DealSetFlags deal_set;
};

}  // namespace

void registerDealCommands(CommandTree& tree) {
  DealFlags& f = tree.keep<DealFlags>();
  CLI::App* deal = tree.group("deal", "Deals: the pipeline and its next steps");

  CLI::App* add = tree.leaf(deal, "add", "Add a deal; prints its id",
                            [&f](Session& s) { return addDealCommand(s, f.deal_add); });
  flag(add, "--title", f.deal_add.title, "What is being sold")->required();
  flag(add, "--account", f.deal_add.account, "Account id, id prefix or name (new names are added)",
       "ACCOUNT");
  flag(add, "--value", f.deal_add.value, "Value, e.g. 12000.50", "AMOUNT");
  flag(add, "--currency", f.deal_add.currency, "Three-letter code (default EUR)", "CODE");
  flag(add, "--stage", f.deal_add.stage, "A rung of the team's ladder (default: the first)",
       "STAGE");
  flag(add, "--owner", f.deal_add.owner, "The rep who owns it", "OWNER");

  CLI::App* list = tree.leaf(deal, "list", "List deals, newest first",
                             [&f](Session& s) { return listDealsCommand(s, f.deal_list); });
  list->add_flag("--without-next-step", f.deal_list.without_next_step,
                 "Only open deals with no booked next step");
  list->add_flag("--compliance-only", f.deal_list.compliance_only,
                 "Only deals whose recent customer actions are compliance only");
  list->add_flag("--stale", f.deal_list.stale, "Only deals whose account is past its cadence");
  flag(list, "--stage", f.deal_list.stage, "Only this stage", "STAGE");
  flag(list, "--owner", f.deal_list.owner, "Only this rep's deals", "OWNER");
  flag(list, "--account", f.deal_list.account, "Only this account (id, prefix or name)", "ACCOUNT");
  flag(list, "--status", f.deal_list.status, "open (default), won, lost or all", "STATUS");
  flag(list, "--limit", f.deal_list.limit, "At most N deals (default 100, 0: all)", "N");

  CLI::App* show =
      tree.leaf(deal, "show", "Show a deal: next step, people, who does what, timeline",
                [&f](Session& s) { return showDealCommand(s, f.id); });
  flag(show, "id", f.id, "Deal id or unique prefix", "ID")->required();

  CLI::App* set = tree.leaf(deal, "set", "Change a deal",
                            [&f](Session& s) { return setDealCommand(s, f.deal_set); });
  flag(set, "id", f.deal_set.id, "Deal id or unique prefix", "ID")->required();
  flag(set, "--title", f.deal_set.title, "New title");
  flag(set, "--stage", f.deal_set.stage, "New stage", "STAGE");
  flag(set, "--value", f.deal_set.value, "New value, e.g. 12000.50", "AMOUNT");
  flag(set, "--currency", f.deal_set.currency, "New currency", "CODE");
  flag(set, "--status", f.deal_set.status, "open, won or lost", "STATUS");
  flag(set, "--owner", f.deal_set.owner, "New owner", "OWNER");
  flag(set, "--account", f.deal_set.account, "New account (id, prefix or name)", "ACCOUNT");
  flag(set, "--lost-reason", f.deal_set.lost_reason, "Why it was lost");

  registerDeleteAndRestore(tree, deal, RecordType::kDeal, "a deal", "Deal id or unique prefix");
}

}  // namespace nextstep::cli
