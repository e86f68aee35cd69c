#include "domain/catalogue.hpp"

#include "domain/qualification.hpp"
#include "domain/text.hpp"

#include <algorithm>
#include <utility>

#include "common/utf8.hpp"

namespace huidig::domain {

std::string_view ToString(Regime r) {
  switch (r) {
    case Regime::kBasic: return "basic";
    case Regime::kWkkgz: return "wkkgz";
    case Regime::kPmu: return "pmu";
    case Regime::kCosmetic: return "cosmetic";
  }
  return "basic";
}

std::optional<Regime> ParseRegime(std::string_view s) {
  for (Regime r : {Regime::kBasic, Regime::kWkkgz, Regime::kPmu, Regime::kCosmetic})
    if (ToString(r) == s) return r;
  return std::nullopt;
}

bool RecordsRequired(Regime r) { return r != Regime::kBasic; }

Result<void> ValidateTreatmentType(const TreatmentType& t) {
  auto valid_key = [](const std::string& k) {
    return !k.empty() && k.size() <= 64 && std::all_of(k.begin(), k.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
  };
  // Errors name the fields as the API has them: the key is the type's "id".
  if (!valid_key(t.key)) return Invalid("invalid_value", "id", "R-CAT");
  for (const auto& [name, field] : {std::pair{&t.name_nl, "name_nl"}, std::pair{&t.name_en, "name_en"}}) {
    if (auto ok = CheckText(*name, field, RequiredLine(200, "R-CAT")); !ok) return ok;
  }
  if (t.regime == Regime::kCosmetic ? (t.category < 1 || t.category > 3) : t.category != 0)
    return Invalid("invalid_value", "category", "R-CAT");
  for (std::size_t i = 0; i < t.qualifications.size(); ++i)
    if (!IsQualificationCode(t.qualifications[i]))
      return Invalid("invalid_value", "qualifications[" + std::to_string(i) + "]", "R-STAFF-2");
  return {};
}

std::string JoinCodes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

std::vector<std::string> SplitCodes(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    const auto end = std::min(text.find(',', start), text.size());
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

const std::vector<TreatmentType>& ShippedCatalogue() {
  using R = Regime;
  // key, regime, category, nl, en, visible results, qualification, device, medical act
  static const std::vector<TreatmentType> kCatalogue = [] {
    struct Row {
      const char* key;
      Regime regime;
      int category;
      const char* nl;
      const char* en;
      bool visible;
      const char* qualification;
      bool device;
      bool medical;
    };
    const Row rows[] = {
        // Seed 000: treatments outside the Wkkgz.
        {"skin_care", R::kBasic, 0, "Aanbrengen van huidverzorgende crèmes of maskers",
         "Applying skin-care creams or masks", false, "", false, false},
        {"relaxation_massage", R::kBasic, 0, "Ontspanningsmassage", "Relaxation massage", false, "",
         false, false},
        {"make_up", R::kBasic, 0, "Aanbrengen van make-up", "Applying make-up", false, "", false, false},
        {"eyebrow_shaping", R::kBasic, 0, "Epileren of harsen van wenkbrauwen",
         "Epilating or waxing eyebrows", false, "", false, false},
        {"body_waxing", R::kBasic, 0, "Harsen van andere lichaamsdelen", "Waxing other body parts",
         false, "", false, false},
        {"lash_brow_tinting", R::kBasic, 0, "Verven van wimpers of wenkbrauwen",
         "Dyeing lashes or brows", false, "", false, false},
        {"manicure", R::kBasic, 0, "Manicure (niet medisch)", "Manicure (not medical)", false, "", false,
         false},
        {"pedicure", R::kBasic, 0, "Pedicure (niet medisch)", "Pedicure (not medical)", false, "", false,
         false},
        // Every other beauty treatment falls under the Wkkgz.
        {"chemical_peel", R::kWkkgz, 0, "Chemische peeling", "Chemical peel", true,
         "beauty_specialist", false, false},
        {"microdermabrasion", R::kWkkgz, 0, "Microdermabrasie", "Microdermabrasion", true,
         "beauty_specialist", true, false},
        {"microneedling", R::kWkkgz, 0, "Microneedling", "Microneedling", true, "beauty_specialist",
         true, false},
        {"ipl_hair_removal", R::kWkkgz, 0, "IPL-ontharing", "IPL hair removal", true,
         "ipl_laser_certificate", true, false},
        {"laser_hair_removal", R::kWkkgz, 0, "Laserontharing", "Laser hair removal", true,
         "ipl_laser_certificate", true, false},
        {"electrolysis", R::kWkkgz, 0, "Elektrisch ontharen (elektrolyse)", "Electrolysis", true,
         "electrolysis_certificate", true, false},
        // Permanent make-up: Warenwetbesluit tatoeëren en piercen.
        {"pmu_brows", R::kPmu, 0, "Permanente make-up wenkbrauwen", "Permanent make-up: brows", true,
         "pmu_licence", true, false},
        {"pmu_lips", R::kPmu, 0, "Permanente make-up lippen", "Permanent make-up: lips", true,
         "pmu_licence", true, false},
        {"pmu_eyeliner", R::kPmu, 0, "Permanente make-up eyeliner", "Permanent make-up: eyeliner", true,
         "pmu_licence", true, false},
        // Seed 002, category 1: low complexity, no reflection period.
        {"superficial_resurfacing", R::kCosmetic, 1, "Oppervlakkige resurfacing",
         "Superficial resurfacing", true, "physician", true, true},
        {"resorbable_filler", R::kCosmetic, 1, "Resorbeerbare fillers", "Resorbable fillers", true,
         "physician", false, true},
        {"botulinum_toxin", R::kCosmetic, 1, "Botulinetoxine-injecties (Botox)",
         "Botulinum toxin injections", true, "physician", false, true},
        {"energy_based_device", R::kCosmetic, 1, "Energy Based Devices (EBD)",
         "Energy based devices (EBD)", true, "physician", true, true},
        // Category 2: medium complexity, at least one day.
        {"medium_resurfacing", R::kCosmetic, 2, "Medium resurfacing", "Medium resurfacing", true,
         "physician", true, true},
        {"scar_correction", R::kCosmetic, 2, "Littekencorrectie", "Scar correction", true, "surgeon",
         false, true},
        {"upper_eyelid_correction", R::kCosmetic, 2, "Bovenooglidcorrectie", "Upper eyelid correction",
         true, "surgeon", false, true},
        {"limited_genital_surgery", R::kCosmetic, 2, "Beperkte genitale chirurgie",
         "Limited genital surgery", true, "surgeon", false, true},
        {"limited_lipofilling", R::kCosmetic, 2, "Beperkte lipofilling (vetinjectie)",
         "Limited lipofilling (fat injection)", true, "surgeon", false, true},
        // Category 3: high complexity, at least one week.
        {"deep_resurfacing", R::kCosmetic, 3, "Diepe resurfacing", "Deep resurfacing", true, "surgeon",
         true, true},
        {"abdominoplasty", R::kCosmetic, 3, "Buikwandcorrectie", "Abdominoplasty", true, "surgeon",
         false, true},
        {"breast_surgery_mwl", R::kCosmetic, 3, "Borstchirurgie na Massive Weight Loss",
         "Breast surgery after massive weight loss", true, "surgeon", false, true},
        {"face_neck_lift", R::kCosmetic, 3, "Face- en halslift", "Face and neck lift", true, "surgeon",
         false, true},
        {"lower_eyelid_correction", R::kCosmetic, 3, "Onderooglidcorrectie", "Lower eyelid correction",
         true, "surgeon", false, true},
        {"body_sculpting", R::kCosmetic, 3, "Body sculpturing", "Body sculpting", true, "surgeon", false,
         true},
        {"buttock_augmentation", R::kCosmetic, 3, "Bilvergroting", "Buttock augmentation", true,
         "surgeon", false, true},
    };
    std::vector<TreatmentType> out;
    for (const auto& r : rows)
      out.push_back({r.key, 1, r.regime, r.category, r.nl, r.en, r.visible, SplitCodes(r.qualification), r.device,
                     r.medical});
    return out;
  }();
  return kCatalogue;
}

}  // namespace huidig::domain
