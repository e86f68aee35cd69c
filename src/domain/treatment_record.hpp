#pragma once
// R-TRJ-2: the session record (behandelverslag) and its checks; R-DOS-3: once signed it is
// append-only.

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "domain/catalogue.hpp"

namespace huidig::domain {

enum class ProductKind { kProduct, kPigment, kNeedle };
std::string_view ToString(ProductKind k);
std::optional<ProductKind> ParseProductKind(std::string_view s);

// R-DOS-3: a draft can be changed; a signed record only gets addenda.
enum class TreatmentSessionStatus { kDraft, kSigned };
std::string_view ToString(TreatmentSessionStatus s);
std::optional<TreatmentSessionStatus> ParseTreatmentSessionStatus(std::string_view s);

struct ProductUse {
  ProductKind kind = ProductKind::kProduct;
  std::string name;
  std::string batch;  // batch or lot number
};

struct TreatmentRecord {
  std::vector<std::string> body_areas;
  std::vector<ProductUse> products;
  std::optional<std::string> device_name;
  std::string device_settings;
  std::string particulars;       // bijzonderheden
  std::string result;
  std::string evaluation;
  std::string attention_points;  // aandachtspunten
  std::string aftercare_advice;
};

// Shapes and lengths; errors name the field ("products[1].batch").
[[nodiscard]] Result<void> ValidateTreatmentRecord(const TreatmentRecord& r);
// What signing needs beyond that: pigment and needle batches for permanent make-up, the
// device for a type that records one.
[[nodiscard]] Result<void> CheckTreatmentRecordComplete(const TreatmentRecord& r, const TreatmentType& type);

// Batches are matched case-insensitively, ignoring spaces and dashes ("LOT 12-ab" = "lot12ab").
std::string NormaliseBatch(std::string_view batch);

std::string EncodeTreatmentRecord(const TreatmentRecord& r);  // the sealed part
std::optional<TreatmentRecord> DecodeTreatmentRecord(std::string_view encoded);

}  // namespace huidig::domain
