#pragma once
// R-CAT: treatment types with their regime, the category of cosmetic procedures (seed 002),
// and what each type asks of the dossier. The shipped catalogue holds every example of the
// seeds, in Dutch and English.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace huidig::domain {

enum class Regime {
  kBasic,     // outside the Wkkgz (seed 000): records optional
  kWkkgz,     // every other beauty treatment: records mandatory (R-DOS-1)
  kPmu,       // permanent make-up: records mandatory, pigment and needle batches too
  kCosmetic,  // cosmetic procedures of category 1, 2 or 3 (Kwaliteitskader)
};

std::string_view ToString(Regime r);
std::optional<Regime> ParseRegime(std::string_view s);

struct TreatmentType {
  std::string key;      // stable, e.g. "chemical_peel"; a practice's own types get one too
  int version = 1;      // an edit of a used type makes a new version (R-CAT)
  Regime regime = Regime::kBasic;
  int category = 0;     // 1..3 for kCosmetic, 0 otherwise
  std::string name_nl;
  std::string name_en;
  bool visible_results = false;  // photos before and after advised (R-TRJ-3)
  std::vector<std::string> qualifications;  // every one is required to sign (R-STAFF-2)
  bool device_required = false;  // the device used must be recorded
  bool medical_act = false;      // WGBO: sets the retention period (R-RET-1)
};

// R-DOS-1: whether sessions of this regime must be recorded (and so cannot be performed for a
// client who refused record keeping).
bool RecordsRequired(Regime r);

// A type as a practice defines it: names present, category only and always for kCosmetic.
[[nodiscard]] Result<void> ValidateTreatmentType(const TreatmentType& t);

// The codes as stored: "physician,surgeon" (empty: none).
std::string JoinCodes(const std::vector<std::string>& codes);
std::vector<std::string> SplitCodes(std::string_view text);

// The catalogue Huidig ships (version 1 of each type).
const std::vector<TreatmentType>& ShippedCatalogue();

}  // namespace huidig::domain
