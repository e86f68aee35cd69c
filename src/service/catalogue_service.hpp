#pragma once
// R-CAT: the practice's treatment catalogue. Everyone on the staff reads it; the owner adds
// types and edits them, each edit a new version. R-CONSENT-2: the practice's reflection
// periods, longer than the law's or equal (set through PracticeService).

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"
#include "store/catalogue_repo.hpp"

namespace huidig::service {

// A version of a treatment type as the catalogue shows it.
struct TreatmentTypeView {
  domain::TreatmentType type;
  bool retired = false;
};

TreatmentTypeView ToView(const store::TreatmentTypeRecord& r);

// A change to a type; fields not sent stay as they were.
struct TreatmentTypeChanges {
  std::optional<std::string> key;  // on create only
  std::optional<std::string> regime;
  std::optional<int> category;
  std::optional<std::string> name_nl;
  std::optional<std::string> name_en;
  std::optional<bool> visible_results;
  std::optional<std::optional<std::string>> qualification;  // one code (older callers); null: none
  std::optional<std::vector<std::string>> qualifications;   // every code required (R-STAFF-2)
  std::optional<bool> device_required;
  std::optional<bool> medical_act;
  std::optional<bool> retired;
};

class CatalogueService {
 public:
  explicit CatalogueService(Context ctx) : ctx_(ctx) {}

  [[nodiscard]] Result<std::vector<TreatmentTypeView>> List(const domain::Actor& actor);
  [[nodiscard]] Result<TreatmentTypeView> Create(const domain::Actor& actor,
                                                          const TreatmentTypeChanges& changes);
  // A new version of the type; earlier versions stay as they were.
  [[nodiscard]] Result<TreatmentTypeView> Update(const domain::Actor& actor,
                                                          const std::string& key,
                                                          const TreatmentTypeChanges& changes);

  [[nodiscard]] Result<domain::ReflectionPeriods> Reflection(const domain::Actor& actor);

  // Version 1 of every shipped type, for a new practice (in the caller's transaction).
  void SeedShipped(store::Tx& tx, const PracticeId& practice, Instant now) const;

 private:
  Context ctx_;
  store::CatalogueRepo repo_;
};

}  // namespace huidig::service
