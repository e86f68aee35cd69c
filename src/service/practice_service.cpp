#include "service/practice_service.hpp"

#include "audit/audit_log.hpp"
#include "domain/consent.hpp"

namespace huidig::service {

PracticeView ToView(const store::PracticeRecord& p) {
  return {p.id, p.name, p.totp_required, p.reflection_days};
}

LocationView ToView(const store::LocationRecord& l) { return {l.id, l.name}; }

Result<PracticeView> PracticeService::UpdateSettings(const domain::Actor& actor,
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
  return ctx_.db.Write([&](store::Tx& tx) -> Result<PracticeView> {
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
    return ToView(*practice);
  });
}

Result<std::vector<LocationView>> PracticeService::Locations(const domain::Actor& actor) {
  return ctx_.db.Read([&](store::Tx& tx) {
    std::vector<LocationView> out;
    for (const auto& l : practices_.Locations(tx, actor.practice))
      if (actor.AtLocation(l.id)) out.push_back(ToView(l));
    return out;
  });
}

Result<std::vector<StaffMemberView>> PracticeService::Staff(const domain::Actor& actor) {
  if (!actor.May(domain::Permission::kStaffDirectory)) return Forbidden();
  return ctx_.db.Read([&](store::Tx& tx) {
    std::vector<StaffMemberView> out;
    for (const auto& u : users_.ForPractice(tx, actor.practice))
      out.push_back({u.id, u.display_name, u.role, !u.disabled});
    return out;
  });
}

}  // namespace huidig::service
