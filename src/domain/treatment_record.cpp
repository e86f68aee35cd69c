#include "domain/treatment_record.hpp"
#include "domain/text.hpp"

#include <algorithm>
#include <cctype>

#include "common/utf8.hpp"
#include "domain/record_codec.hpp"

namespace huidig::domain {
namespace {

Result<void> Text(std::string_view v, const std::string& field, std::size_t max, bool required = false) {
  // Names, batches and areas are one line; the record's own texts are paragraphs.
  return CheckText(v, field, {max, required, max > 200, 1, "R-TRJ-2"});
}

using TextField = std::pair<const char*, std::string TreatmentRecord::*>;
constexpr TextField kTexts[] = {
    {"device_settings", &TreatmentRecord::device_settings}, {"particulars", &TreatmentRecord::particulars},
    {"result", &TreatmentRecord::result},                   {"evaluation", &TreatmentRecord::evaluation},
    {"attention_points", &TreatmentRecord::attention_points},
    {"aftercare_advice", &TreatmentRecord::aftercare_advice},
};

}  // namespace

std::string_view ToString(ProductKind k) {
  switch (k) {
    case ProductKind::kProduct: return "product";
    case ProductKind::kPigment: return "pigment";
    case ProductKind::kNeedle: return "needle";
  }
  return "product";
}

std::string_view ToString(TreatmentSessionStatus s) { return s == TreatmentSessionStatus::kDraft ? "draft" : "signed"; }

std::optional<TreatmentSessionStatus> ParseTreatmentSessionStatus(std::string_view s) {
  if (s == "draft") return TreatmentSessionStatus::kDraft;
  if (s == "signed") return TreatmentSessionStatus::kSigned;
  return std::nullopt;
}

std::optional<ProductKind> ParseProductKind(std::string_view s) {
  for (auto k : {ProductKind::kProduct, ProductKind::kPigment, ProductKind::kNeedle})
    if (ToString(k) == s) return k;
  return std::nullopt;
}

Result<void> ValidateTreatmentRecord(const TreatmentRecord& r) {
  if (r.body_areas.size() > 20) return Invalid("too_long", "body_areas", "R-TRJ-2");
  for (std::size_t i = 0; i < r.body_areas.size(); ++i) {
    const std::string at = "body_areas[" + std::to_string(i) + "]";
    if (auto ok = Text(r.body_areas[i], at, 100, true); !ok) return ok;
    if (r.body_areas[i].find_first_of("\r\n") != std::string::npos) return Invalid("invalid_value", at, "R-TRJ-2");
  }
  if (r.products.size() > 50) return Invalid("too_long", "products", "R-TRJ-2");
  for (std::size_t i = 0; i < r.products.size(); ++i) {
    const std::string at = "products[" + std::to_string(i) + "]";
    if (auto ok = Text(r.products[i].name, at + ".name", 200, true); !ok) return ok;
    if (auto ok = Text(r.products[i].batch, at + ".batch", 100); !ok) return ok;
  }
  if (r.device_name)
    if (auto ok = Text(*r.device_name, "device.name", 200, true); !ok) return ok;
  for (const auto& [name, member] : kTexts)
    if (auto ok = Text(r.*member, name, 4000); !ok) return ok;
  return {};
}

Result<void> CheckTreatmentRecordComplete(const TreatmentRecord& r, const TreatmentType& type) {
  if (type.regime == Regime::kPmu) {
    // Warenwetbesluit tatoeëren en piercen: pigment and needle batches are recorded.
    for (auto kind : {ProductKind::kPigment, ProductKind::kNeedle}) {
      const bool present = std::any_of(r.products.begin(), r.products.end(), [&](const ProductUse& p) {
        return p.kind == kind && !NormaliseBatch(p.batch).empty();
      });
      if (!present) return Fail(Errc::kFailedPrecondition, "batch_missing", "products", "R-TRJ-2");
    }
  }
  if (type.device_required && (!r.device_name || r.device_name->empty()))
    return Fail(Errc::kFailedPrecondition, "device_missing", "device", "R-TRJ-2");
  return {};
}

std::string NormaliseBatch(std::string_view batch) {
  std::string out;
  for (unsigned char c : batch)
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c >= 0x80) out += static_cast<char>(c);
  return out;
}

std::string EncodeTreatmentRecord(const TreatmentRecord& r) {
  RecordFields fields;
  std::string areas;
  for (const auto& a : r.body_areas) areas += a + '\n';
  fields.emplace_back("body_areas", areas);
  for (const auto& [name, member] : kTexts) fields.emplace_back(name, r.*member);
  return EncodeRecord("session", fields);
}

std::optional<TreatmentRecord> DecodeTreatmentRecord(std::string_view encoded) {
  const auto fields = DecodeRecord("session", encoded);
  if (!fields) return std::nullopt;
  TreatmentRecord r;
  for (const auto& [name, member] : kTexts) {
    const auto it = fields->find(name);
    if (it == fields->end()) return std::nullopt;
    r.*member = it->second;
  }
  const auto it = fields->find("body_areas");
  if (it == fields->end()) return std::nullopt;
  std::string_view areas = it->second;
  while (!areas.empty()) {
    const auto nl = areas.find('\n');
    r.body_areas.emplace_back(areas.substr(0, nl));
    areas.remove_prefix(nl == std::string_view::npos ? areas.size() : nl + 1);
  }
  return r;
}

}  // namespace huidig::domain
