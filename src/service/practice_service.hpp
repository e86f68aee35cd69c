#pragma once
// The practice's own settings, changed by its owner: whether everyone needs a second factor
// (R-SEC-1) and reflection periods longer than the law's (R-CONSENT-2). A change is one
// transaction: every setting it names is written, with its audit entry, or none is.

#include <array>
#include <optional>

#include "common/result.hpp"
#include "domain/access.hpp"
#include "service/context.hpp"
#include "store/catalogue_repo.hpp"
#include "store/records.hpp"
#include "store/staff_repo.hpp"

namespace huidig::service {

// Settings not named stay as they are.
struct PracticeSettingsChange {
  std::optional<bool> totp_required;
  std::optional<std::array<int, 3>> reflection_days;  // per cosmetic category 1..3
};

class PracticeService {
 public:
  explicit PracticeService(Context ctx) : ctx_(ctx) {}

  // Errors: forbidden (not the owner), required (nothing named; field totp_required),
  // shorter_than_law or invalid_value (field reflection_days).
  [[nodiscard]] Result<store::PracticeRecord> UpdateSettings(const domain::Actor& actor,
                                                            const PracticeSettingsChange& change);

 private:
  Context ctx_;
  store::PracticeRepo practices_;
  store::CatalogueRepo catalogue_;
};

}  // namespace huidig::service
