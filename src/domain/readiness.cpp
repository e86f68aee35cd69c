#include "domain/readiness.hpp"

#include <algorithm>

#include "domain/calendar.hpp"

namespace huidig::domain {

std::vector<TreatmentSessionNeed> TreatmentSessionNeeds(const TreatmentSessionFacts& f) {
  std::vector<TreatmentSessionNeed> out;
  if (RecordsRequired(f.regime)) {
    // Seed 000: who refuses record keeping cannot receive these treatments.
    if (f.records_consent == RecordsConsent::kRefused)
      out.push_back({"records_refused", "R-DOS-1"});
    else if (!f.records_consent)
      out.push_back({"records_consent_missing", "R-DOS-1"});
  }
  switch (f.regime) {
    case Regime::kBasic:
      break;
    case Regime::kWkkgz:
    case Regime::kPmu:
      // Signed before the session took place.
      if (std::none_of(f.informed_consents.begin(), f.informed_consents.end(),
                       [&](Instant c) { return c <= f.session_at; }))
        out.push_back({"consent_missing", "R-CONSENT-4"});
      break;
    case Regime::kCosmetic: {
      if (!f.decision_at) {
        out.push_back(f.consult_at ? TreatmentSessionNeed{"decision_missing", "R-CONSENT-2"}
                                   : TreatmentSessionNeed{"consult_missing", "R-CONSENT-1"});
        break;
      }
      // Confirmed on the day of the session, after the decision, and before the session was
      // recorded (its time is entered to the minute, so it may read a little earlier).
      const Date day = AmsterdamDate(f.session_at);
      const Instant recorded = f.recorded_at.value_or(f.session_at);
      if (std::none_of(f.confirmations.begin(), f.confirmations.end(), [&](Instant c) {
            return c >= *f.decision_at && c <= recorded && AmsterdamDate(c) == day;
          }))
        out.push_back({"confirmation_missing", "R-CONSENT-3"});
      break;
    }
  }
  return out;
}

Result<void> CheckTreatmentSessionAllowed(const TreatmentSessionFacts& facts) {
  const auto needs = TreatmentSessionNeeds(facts);
  if (needs.empty()) return {};
  return Fail(Errc::kFailedPrecondition, std::string(needs.front().code), {},
              std::string(needs.front().rule));
}

}  // namespace huidig::domain
