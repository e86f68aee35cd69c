#pragma once
// R-CONSENT-2..4 and R-DOS-1 as pure rules: the reflection period between the decision
// consult and the decision, the confirmation on the day, informed consent before the first
// session, and refused record keeping. Calendar days are Europe/Amsterdam days.

#include <array>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "domain/catalogue.hpp"
#include "domain/client.hpp"

namespace huidig::domain {

// Days of reflection per category 1, 2, 3. The law's minimum is 0, 1 and 7 days (seed 002).
struct ReflectionPeriods {
  std::array<int, 3> days{0, 1, 7};
  int ForCategory(int category) const { return days.at(static_cast<std::size_t>(category - 1)); }
};

// A practice's own periods: longer is allowed, shorter never (R-CONSENT-2). Errors name the
// category's field ("category_2").
[[nodiscard]] Result<ReflectionPeriods> PracticeReflectionPeriods(std::array<int, 3> days);

// R-CONSENT-1: a consult stated on an earlier Amsterdam calendar day than it was recorded.
bool RecordedAfterwards(Instant stated_at, Instant recorded_at);
// R-CONSENT-1: a consult's stated time against the moment it is recorded: the same
// Amsterdam day, or an earlier day with a reason (required, field late_reason).
[[nodiscard]] Result<void> CheckConsultTime(Instant stated_at, Instant recorded_at, bool has_reason);
// R-CONSENT-1: what the reflection period counts from: the stated time, or for a consult
// recorded afterwards the moment it was recorded, until another owner confirmed the time.
Instant ReflectionStart(Instant stated_at, Instant recorded_at, bool confirmed);

// The first Amsterdam calendar day on which the decision may be recorded.
Date EarliestDecisionDate(Instant consult_at, int category, const ReflectionPeriods& periods);

// R-CONSENT-2: refused inside the period with code reflection_period_not_elapsed and the
// date in "earliest"; a decision before the consult itself is refused too.
[[nodiscard]] Result<void> CheckDecision(Instant consult_at, Instant decision_at, int category,
                                         const ReflectionPeriods& periods);

// R-CONSENT-6: the intake as the consult saw it and as it is now.
struct IntakeAnswers {
  std::string allergies;
  std::string medication;
  std::string pregnancy;
  std::string skin_conditions;
  std::string contra_indications;
  std::string notes;
};
// The names of the fields that changed, in form order.
std::vector<std::string> ChangedIntakeFields(const IntakeAnswers& before, const IntakeAnswers& now);

}  // namespace huidig::domain
