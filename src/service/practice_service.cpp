#include "service/practice_service.hpp"

#include "audit/audit_log.hpp"
#include "domain/consent.hpp"

namespace huidig::service {

Result<store::PracticeRecord> PracticeService::UpdateSettings(const domain::Actor& actor,
                                                              const PracticeSettingsChange& change) {
  if (!actor.May(domain::Permission::kPracticeSettings)) return Forbidden();
  if (!change.totp_required && !change.reflection_days) return Invalid("required", "totp_required");
  std::optional<domain::ReflectionPeriods> periods;
  if (change.reflection_days) {
    auto checked = domain::PracticeReflectionPeriods(*change.reflection_days);
    if (!checked) {
      Error e = checked.error();
      e.field = "reflection_days";  // the domain names the category; the API has one field
      return Fail(e);
    }
    periods = *checked;
  }
  const Instant now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> Result<store::PracticeRecord> {
    if (change.totp_required) {
      practices_.SetTotpRequired(tx, actor.practice, *change.totp_required);
      auto e = audit::Entry::For(actor, *change.totp_required ? "totp_required_on" : "totp_required_off",
                                 "practice", now);
      e.object_id = actor.practice.value;
      ctx_.audit.Append(tx, e);
    }
    if (periods) {
      catalogue_.SetReflection(tx, actor.practice, *periods);
      auto e = audit::Entry::For(actor, "update", "reflection_periods", now);
      e.object_id = actor.practice.value;
      ctx_.audit.Append(tx, e);
    }
    auto practice = practices_.Find(tx, actor.practice);
    if (!practice) return NotFound();
    return *practice;
  });
}

}  // namespace huidig::service
