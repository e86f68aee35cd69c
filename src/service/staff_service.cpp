#include "service/staff_service.hpp"

#include <algorithm>

#include "domain/text.hpp"
#include "service/audited.hpp"
#include "service/setup_service.hpp"

namespace huidig::service {

using domain::Permission;
using domain::Role;

namespace {

// Owners, quality officers and auditors see every location (domain::Actor).
bool SeesEveryLocation(Role role) {
  return role == Role::kOwner || role == Role::kQuality || role == Role::kAuditor;
}

Result<Role> RoleOf(const std::string& name) {
  const auto role = domain::ParseRole(name);
  if (!role) return Invalid(name.empty() ? "required" : "invalid_value", "role", "R-STAFF-3");
  return *role;
}

// The practice's locations named by the ids; every id must be one of them.
Result<std::vector<LocationId>> LocationsOf(const std::vector<std::string>& ids,
                                            const std::vector<store::LocationRecord>& practice) {
  std::vector<LocationId> out;
  for (const auto& id : ids) {
    const bool known = std::any_of(practice.begin(), practice.end(),
                                   [&](const store::LocationRecord& l) { return l.id.value == id; });
    if (!known) return Invalid("invalid_value", "locations", "R-STAFF-3");
    if (std::find(out.begin(), out.end(), LocationId{id}) == out.end()) out.push_back(LocationId{id});
  }
  return out;
}

Result<std::optional<Instant>> AccessUntil(const std::optional<std::string>& text, Instant now) {
  if (!text) return std::optional<Instant>();
  const auto at = ParseRfc3339(*text);
  if (!at || *at <= now) return Invalid("invalid_value", "access_until", "R-STAFF-3");
  return std::optional<Instant>(*at);
}

// The access rules every account must meet after an add or a change.
Result<void> CheckAccess(const store::UserRecord& u) {
  if (u.role == Role::kAuditor && !u.access_expires_at)
    return Invalid("required", "access_until", "R-STAFF-3");
  if (!u.all_locations && u.locations.empty()) return Invalid("required", "locations", "R-STAFF-3");
  return {};
}

audit::Entry UserEntry(const domain::Actor& actor, const char* action, const UserId& user, Instant now) {
  auto e = audit::Entry::For(actor, action, "user", now);
  e.object_id = user.value;
  return e;
}

void SetRole(store::UserRecord& u, Role role, std::vector<LocationId> locations) {
  u.role = role;
  u.all_locations = SeesEveryLocation(role);
  u.locations = u.all_locations ? std::vector<LocationId>{} : std::move(locations);
}

}  // namespace

StaffAccountView ToView(const store::UserRecord& u) {
  return {u.id,        u.display_name, u.email,    u.role, u.all_locations,
          u.locations, !u.disabled,    u.access_expires_at};
}

Result<std::vector<StaffAccountView>> StaffService::Accounts(const domain::Actor& actor) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  return ctx_.db.Read([&](store::Tx& tx) {
    std::vector<StaffAccountView> out;
    for (auto& u : users_.ForPractice(tx, actor.practice)) {
      // ForPractice leaves out the locations; the owner's screen shows them.
      auto full = users_.Find(tx, u.id);
      out.push_back(ToView(full ? *full : u));
    }
    return out;
  });
}

Result<NewStaffAccount> StaffService::Add(const domain::Actor& actor, const StaffInput& in) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  if (auto ok = domain::CheckText(in.name, "name", domain::RequiredLine(200, "R-STAFF-3")); !ok)
    return Fail(ok.error());
  if (in.email.empty()) return Invalid("required", "email", "R-STAFF-3");
  const auto role = RoleOf(in.role);
  if (!role) return Fail(role.error());
  const Instant now = ctx_.clock.Now();
  const auto until = AccessUntil(in.access_until, now);
  if (!until) return Fail(until.error());
  const auto practice_locations =
      ctx_.db.Read([&](store::Tx& tx) { return practices_.Locations(tx, actor.practice); });
  const auto locations = LocationsOf(in.locations, practice_locations);
  if (!locations) return Fail(locations.error());

  store::UserRecord draft;
  SetRole(draft, *role, *locations);
  draft.access_expires_at = *until;
  if (auto ok = CheckAccess(draft); !ok) return Fail(ok.error());

  NewStaff s;
  s.email = in.email;
  s.display_name = in.name;
  s.role = draft.role;
  s.all_locations = draft.all_locations;
  s.locations = draft.locations;
  s.must_change_password = true;  // a one-time password
  s.access_expires_at = draft.access_expires_at;
  auto created = SetupService(ctx_).CreateStaff(actor.practice, s, &actor);
  if (!created) return Fail(created.error());
  const auto user = ctx_.db.Read([&](store::Tx& tx) { return users_.Find(tx, created->id); });
  if (!user) return Fail(Errc::kInternal, "internal");
  return NewStaffAccount{ToView(*user), created->password};
}

Result<StaffAccountView> StaffService::Change(const domain::Actor& actor, const UserId& id,
                                              const StaffChange& change) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  if (!change.active && !change.role && !change.locations && !change.access_until)
    return Invalid("required", "active", "R-STAFF-3");
  std::optional<Role> role;
  if (change.role) {
    auto r = RoleOf(*change.role);
    if (!r) return Fail(r.error());
    role = *r;
  }
  const Instant now = ctx_.clock.Now();
  std::optional<std::optional<Instant>> until;
  if (change.access_until) {
    auto u = AccessUntil(*change.access_until, now);
    if (!u) return Fail(u.error());
    until = *u;
  }
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<StaffAccountView> {
    auto u = Colleague(tx, notes, actor, id, "update", now);
    if (!u) return Fail(u.error());
    // The owner cannot lock themselves out; another owner can.
    if (u->id == actor.user && ((change.active && !*change.active) || (role && *role != u->role)))
      return Fail(Errc::kFailedPrecondition, "own_account", "active", "R-STAFF-3");
    std::vector<LocationId> locations = u->locations;
    if (change.locations) {
      auto l = LocationsOf(*change.locations, practices_.Locations(tx, actor.practice));
      if (!l) return Fail(l.error());
      locations = *l;
    }
    const bool was_active = !u->disabled;
    SetRole(*u, role.value_or(u->role), std::move(locations));
    if (until) u->access_expires_at = *until;
    if (change.active) u->disabled = !*change.active;
    if (auto ok = CheckAccess(*u); !ok) return Fail(ok.error());
    u->updated_at = now;
    users_.UpdateAccess(tx, *u);
    // Disabled: every open session of the account ends now, not at its next expiry.
    if (u->disabled) login_sessions_.DeleteForUser(tx, u->id);
    const char* action = u->disabled && was_active ? "disable" : !u->disabled && !was_active ? "enable" : "update";
    notes.Add(UserEntry(actor, action, u->id, now));
    return ToView(*u);
  });
}

Result<NewStaffAccount> StaffService::ResetPassword(const domain::Actor& actor, const UserId& id) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  // Hashed before the write: Argon2 takes a while and the writer serves everyone.
  std::string password = SetupService::GeneratePassword();
  const std::string hash = ctx_.hasher.Hash(password);
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<NewStaffAccount> {
    auto u = Colleague(tx, notes, actor, id, "password_reset", now);
    if (!u) return Fail(u.error());
    if (u->id == actor.user) return Fail(Errc::kFailedPrecondition, "own_account", "id", "R-STAFF-3");
    users_.SetPassword(tx, u->id, hash, /*must_change=*/true, now);
    login_sessions_.DeleteForUser(tx, u->id);
    notes.Add(UserEntry(actor, "password_reset", u->id, now));
    return NewStaffAccount{ToView(*u), password};
  });
}

Result<StaffAccountView> StaffService::ResetTotp(const domain::Actor& actor, const UserId& id) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<StaffAccountView> {
    auto u = Colleague(tx, notes, actor, id, "totp_reset", now);
    if (!u) return Fail(u.error());
    if (u->id == actor.user) return Fail(Errc::kFailedPrecondition, "own_account", "id", "R-STAFF-3");
    users_.ClearTotp(tx, u->id, now);
    login_sessions_.DeleteForUser(tx, u->id);
    notes.Add(UserEntry(actor, "totp_reset", u->id, now));
    return ToView(*u);
  });
}

Result<store::UserRecord> StaffService::Colleague(store::Tx& tx, AuditNotes& notes,
                                                   const domain::Actor& actor, const UserId& id,
                                                   const char* action, Instant now) {
  auto u = IsUuidV4(id.value) ? users_.Find(tx, id) : std::nullopt;
  if (!u || u->practice != actor.practice) {
    notes.Add(audit::Entry::For(actor, action, "user", now, audit::Outcome::kRefused));
    return NotFound();
  }
  return std::move(*u);
}

}  // namespace huidig::service
