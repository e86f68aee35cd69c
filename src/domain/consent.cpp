#include "domain/consent.hpp"

#include "domain/calendar.hpp"

namespace huidig::domain {

Result<ReflectionPeriods> PracticeReflectionPeriods(std::array<int, 3> days) {
  const ReflectionPeriods law;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const std::string field = "category_" + std::to_string(i + 1);
    if (days[i] < law.days[i]) return Invalid("shorter_than_law", field, "R-CONSENT-2");
    if (days[i] > 365) return Invalid("invalid_value", field, "R-CONSENT-2");
  }
  return ReflectionPeriods{days};
}

bool RecordedAfterwards(Instant stated_at, Instant recorded_at) {
  return AmsterdamDate(stated_at) < AmsterdamDate(recorded_at);
}

Result<void> CheckConsultTime(Instant stated_at, Instant recorded_at, bool has_reason) {
  if (RecordedAfterwards(stated_at, recorded_at) && !has_reason)
    return Invalid("required", "late_reason", "R-CONSENT-1");
  return {};
}

Instant ReflectionStart(Instant stated_at, Instant recorded_at, bool confirmed) {
  return RecordedAfterwards(stated_at, recorded_at) && !confirmed ? recorded_at : stated_at;
}

Date EarliestDecisionDate(Instant consult_at, int category, const ReflectionPeriods& periods) {
  const auto day = std::chrono::sys_days(AmsterdamDate(consult_at));
  return Date(day + std::chrono::days(periods.ForCategory(category)));
}

Result<void> CheckDecision(Instant consult_at, Instant decision_at, int category,
                           const ReflectionPeriods& periods) {
  if (category < 1 || category > 3) return Invalid("invalid_value", "category", "R-CONSENT-2");
  if (decision_at < consult_at) return Invalid("before_consult", "at", "R-CONSENT-2");
  const Date earliest = EarliestDecisionDate(consult_at, category, periods);
  if (AmsterdamDate(decision_at) < earliest)
    return Fail(Error{Errc::kFailedPrecondition, "reflection_period_not_elapsed", {}, "R-CONSENT-2", {}}
                    .With("earliest", FormatDate(earliest)));
  return {};
}

std::vector<std::string> ChangedIntakeFields(const IntakeAnswers& a, const IntakeAnswers& b) {
  std::vector<std::string> out;
  auto check = [&](const std::string& x, const std::string& y, const char* name) {
    if (x != y) out.emplace_back(name);
  };
  check(a.allergies, b.allergies, "allergies");
  check(a.medication, b.medication, "medication");
  check(a.pregnancy, b.pregnancy, "pregnancy");
  check(a.skin_conditions, b.skin_conditions, "skin_conditions");
  check(a.contra_indications, b.contra_indications, "contra_indications");
  check(a.notes, b.notes, "notes");
  return out;
}

}  // namespace huidig::domain
