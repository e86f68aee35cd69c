#pragma once
// Intake versions, sealed (R-DOS, R-SEC-3). Append-only: there is no update or delete.

#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/ids.hpp"
#include "store/database.hpp"

namespace huidig::store {

struct IntakeRow {
  ClientId client;
  int version = 0;
  PracticeId practice;
  LocationId location;
  std::string answers_sealed;
  UserId author;
  Instant created_at{};
};

class IntakeRepo {
 public:
  void Insert(Tx& tx, const IntakeRow& row) const;
  // Every version, oldest first.
  std::vector<IntakeRow> All(Tx& tx, const PracticeId& practice, const ClientId& client) const;
};

}  // namespace huidig::store
