// A deal as every list shows it (Today, Health, an account's deals): title, account, stage and
// value. The list then sets what is its own: the tone, the flag, a subtitle of its choosing.
#pragma once

#include "card_list_model.h"
#include "nextstep/pipeline/pipeline.h"

Card dealCard(const nextstep::DealRow& row);
