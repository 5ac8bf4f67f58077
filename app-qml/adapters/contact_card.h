// A contact as every list of people shows them (the deal's people, the directory): name, job
// title, how to reach them and the part they play, decision makers marked.
#pragma once

#include "card_list_model.h"
#include "nextstep/model/model.h"

Card contactCard(const nextstep::Contact& person);
