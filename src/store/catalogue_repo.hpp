#pragma once
// The treatment catalogue of a practice, every version kept (R-CAT). Stateless.

#include <optional>
#include <string>
#include <vector>

#include "domain/catalogue.hpp"
#include "domain/consent.hpp"
#include "store/database.hpp"

namespace huidig::store {

struct TreatmentTypeRecord {
  domain::TreatmentType type;
  bool retired = false;
  Instant created_at{};
  std::string created_by;
};

class CatalogueRepo {
 public:
  void Insert(Tx& tx, const PracticeId& practice, const TreatmentTypeRecord& r) const;
  // The newest version of every type, ordered by regime, category and Dutch name.
  std::vector<TreatmentTypeRecord> Latest(Tx& tx, const PracticeId& practice) const;
  // One version, or the newest when `version` is nullopt.
  std::optional<TreatmentTypeRecord> Find(Tx& tx, const PracticeId& practice, const std::string& key,
                                          std::optional<int> version = std::nullopt) const;

  domain::ReflectionPeriods Reflection(Tx& tx, const PracticeId& practice) const;
  void SetReflection(Tx& tx, const PracticeId& practice, const domain::ReflectionPeriods& p) const;
};

}  // namespace huidig::store
