// What the deal page shows, read in one go on the store's thread and turned into screen rows
// there, so the GUI thread only swaps lists.
#pragma once

#include <QString>
#include <QVariantMap>

#include <vector>

#include "card_list_model.h"
#include "deal_controller.h"
#include "nextstep/pipeline/deal_view.h"
#include "nextstep/storage/store.h"
#include "nextstep/sync/conflict_archive.h"

struct DealController::Snapshot {
  nextstep::Result<nextstep::DealView> view = nextstep::Error{};
  QVariantMap next_step;
  std::vector<Card> people, actions, timeline, conflicts;
};

DealController::Snapshot readDealSnapshot(nextstep::Store& store, const std::string& deal_id,
                                          const nextstep::TimeZone& zone);
