#pragma once
// What a treatment session still needs before it may take place, as one rule (R-DOS-1,
// R-CONSENT-1..4). The trajectory's "missing" list and the refusal of a session are both
// this function, so the screen never promises a session that signing then refuses.

#include <optional>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/catalogue.hpp"
#include "domain/client.hpp"

namespace huidig::domain {

// What is on record for the trajectory when a session is (to be) performed.
struct TreatmentSessionFacts {
  Regime regime = Regime::kBasic;
  std::optional<RecordsConsent> records_consent;  // nullopt: not asked yet
  std::vector<Instant> informed_consents;         // when each was signed (R-CONSENT-4)
  std::optional<Instant> consult_at;              // the latest decision consult (R-CONSENT-1)
  std::optional<Instant> decision_at;             // the decision after it (R-CONSENT-2)
  std::vector<Instant> confirmations;             // confirmations signed (R-CONSENT-3)
  Instant session_at{};                           // when the session took place (minutes, as entered)
  std::optional<Instant> recorded_at;             // when it is recorded; session_at when absent
};

struct TreatmentSessionNeed {
  std::string_view code;  // records_refused, records_consent_missing, consent_missing,
                          // consult_missing, decision_missing, confirmation_missing
  std::string_view rule;
};

// Everything the session still needs, in the order the practitioner deals with it; empty
// when it may take place.
std::vector<TreatmentSessionNeed> TreatmentSessionNeeds(const TreatmentSessionFacts& facts);

// The first need as a refusal (kFailedPrecondition, code and rule of the need).
[[nodiscard]] Result<void> CheckTreatmentSessionAllowed(const TreatmentSessionFacts& facts);

}  // namespace huidig::domain
