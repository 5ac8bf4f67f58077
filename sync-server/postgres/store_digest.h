// One digest of a store's log and merged state (ops, registers, members), computed the same way
// from either backend's rows, so a copy can be proved equal to its original.
#pragma once

#include <pqxx/pqxx>

#include <string>

#include "nextstep/storage/database.h"

namespace nextstep::server {

std::string storeDigest(Database& sqlite);
std::string storeDigest(pqxx::transaction_base& postgres);

}  // namespace nextstep::server
