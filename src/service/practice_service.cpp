#include "service/practice_service.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "crypto/crypto.hpp"
#include "domain/text.hpp"
#include "service/audited.hpp"
#include "domain/consent.hpp"

namespace huidig::service {

PracticeView ToView(const store::PracticeRecord& p) {
  return {p.id, p.name, p.totp_required, p.reflection_days, p.sign_requires_password};
}

LocationView ToView(const store::LocationRecord& l) { return {l.id, l.name, l.closed_at.has_value()}; }

namespace {

Result<std::string> LocationName(const std::string& name) {
  if (auto ok = domain::CheckText(name, "name", domain::RequiredLine(100, "R-SEC-2")); !ok) return Fail(ok.error());
  return name;
}

bool NameTaken(const std::vector<store::LocationRecord>& all, const std::string& name, const LocationId* except) {
  return std::any_of(all.begin(), all.end(), [&](const store::LocationRecord& l) {
    return l.name == name && !(except && l.id == *except);
  });
}

audit::Entry LocationEntry(const domain::Actor& actor, const char* action, const LocationId& id, Instant now) {
  auto e = audit::Entry::For(actor, action, "location", now);
  e.location = id;
  e.object_id = id.value;
  return e;
}

}  // namespace

Result<LocationView> PracticeService::AddLocation(const domain::Actor& actor, const LocationInput& in) {
  if (!actor.May(domain::Permission::kPracticeSettings)) return Forbidden();
  auto name = LocationName(in.name);
  if (!name) return Fail(name.error());
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<LocationView> {
    if (NameTaken(practices_.Locations(tx, actor.practice), *name, nullptr))
      return Fail(Errc::kConflict, "name_taken", "name");
    store::LocationRecord l{crypto::NewId<LocationId>(), actor.practice, *name, std::nullopt};
    practices_.InsertLocation(tx, l, now);
    notes.Add(LocationEntry(actor, "create", l.id, now));
    return ToView(l);
  });
}

Result<LocationView> PracticeService::ChangeLocation(const domain::Actor& actor, const LocationId& id,
                                                     const LocationChange& change) {
  if (!actor.May(domain::Permission::kPracticeSettings)) return Forbidden();
  if (!change.name && !change.closed) return Invalid("required", "name");
  std::optional<std::string> name;
  if (change.name) {
    auto n = LocationName(*change.name);
    if (!n) return Fail(n.error());
    name = *n;
  }
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<LocationView> {
    auto all = practices_.Locations(tx, actor.practice);
    auto it = std::find_if(all.begin(), all.end(), [&](const store::LocationRecord& l) { return l.id == id; });
    if (it == all.end()) return NotFound();
    store::LocationRecord l = *it;
    if (name && NameTaken(all, *name, &l.id)) return Fail(Errc::kConflict, "name_taken", "name");
    const bool was_closed = l.closed_at.has_value();
    if (name) l.name = *name;
    if (change.closed && *change.closed != was_closed) l.closed_at = *change.closed ? std::optional(now) : std::nullopt;
    if (l.closed_at && !was_closed) {
      const auto open = std::count_if(all.begin(), all.end(), [](const store::LocationRecord& x) { return !x.closed_at; });
      if (open <= 1) return Fail(Errc::kFailedPrecondition, "last_open_location", "closed");
    }
    practices_.UpdateLocation(tx, l);
    const char* action = l.closed_at && !was_closed ? "close" : !l.closed_at && was_closed ? "reopen" : "update";
    notes.Add(LocationEntry(actor, action, l.id, now));
    return ToView(l);
  });
}

Result<PracticeView> PracticeService::UpdateSettings(const domain::Actor& actor,
                                                              const PracticeSettingsChange& change) {
  if (!actor.May(domain::Permission::kPracticeSettings)) return Forbidden();
  if (!change.totp_required && !change.reflection_days && !change.sign_requires_password)
    return Invalid("required", "totp_required");
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
    if (change.sign_requires_password) {
      practices_.SetSignRequiresPassword(tx, actor.practice, *change.sign_requires_password);
      auto e = audit::Entry::For(actor, *change.sign_requires_password ? "sign_password_on" : "sign_password_off",
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
