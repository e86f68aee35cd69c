#pragma once
// Staff qualifications (R-STAFF-1). Stateless; every method takes its transaction.

#include <string>
#include <vector>

#include "domain/qualification.hpp"
#include "store/database.hpp"

namespace huidig::store {

struct QualificationRow {
  std::string id;
  PracticeId practice;
  UserId user;
  domain::Qualification q;
  Instant created_at{};
  UserId created_by;
};

class QualificationRepo {
 public:
  void Insert(Tx& tx, const QualificationRow& r) const;
  // One staff member's, by the day they start.
  std::vector<QualificationRow> ForUser(Tx& tx, const PracticeId& practice, const UserId& user) const;
  // The practice's, by the day they end (open-ended last).
  std::vector<QualificationRow> ForPractice(Tx& tx, const PracticeId& practice) const;
};

}  // namespace huidig::store
