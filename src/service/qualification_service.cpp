#include "service/qualification_service.hpp"

#include "crypto/crypto.hpp"
#include "domain/calendar.hpp"
#include "service/audited.hpp"

namespace huidig::service {

using domain::Permission;

namespace {

QualificationView ToView(store::QualificationRow r, const std::string& name, domain::Date today) {
  QualificationView v{std::move(r.id), r.user, name, std::move(r.q), false, r.created_at, r.created_by};
  v.valid_today = domain::ValidOn(v.qualification, today);
  return v;
}

Result<domain::Qualification> FromInput(const QualificationInput& in) {
  domain::Qualification q;
  const auto kind = domain::ParseQualificationKind(in.kind);
  if (!kind) return Invalid(in.kind.empty() ? "required" : "invalid_value", "kind", "R-STAFF-1");
  q.kind = *kind;
  q.title = in.title;
  q.covers = in.covers;
  q.big_number = in.big_number;
  const auto from = domain::ParseIsoDate(in.valid_from);
  if (!from) return Invalid(in.valid_from.empty() ? "required" : "invalid_value", "valid_from", "R-STAFF-1");
  q.valid_from = *from;
  if (in.valid_until) {
    const auto until = domain::ParseIsoDate(*in.valid_until);
    if (!until) return Invalid("invalid_value", "valid_until", "R-STAFF-1");
    q.valid_until = *until;
  }
  if (auto ok = domain::ValidateQualification(q); !ok) return Fail(ok.error());
  return q;
}

}  // namespace

Result<std::vector<QualificationView>> QualificationService::Of(const domain::Actor& actor, const UserId& staff) {
  if (!actor.May(Permission::kStaffManage) && staff != actor.user) return Forbidden();
  const auto today = domain::AmsterdamDate(ctx_.clock.Now());
  return ctx_.db.Read([&](store::Tx& tx) -> Result<std::vector<QualificationView>> {
    const auto user = IsUuidV4(staff.value) ? users_.Find(tx, staff) : std::nullopt;
    if (!user || user->practice != actor.practice) return NotFound();
    std::vector<QualificationView> out;
    for (auto& r : qualifications_.ForUser(tx, actor.practice, staff))
      out.push_back(ToView(std::move(r), user->display_name, today));
    return out;
  });
}

Result<QualificationView> QualificationService::Add(const domain::Actor& actor, const UserId& staff,
                                                    const QualificationInput& in) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  auto q = FromInput(in);
  if (!q) return Fail(q.error());
  const Instant now = ctx_.clock.Now();
  return AuditedWrite(ctx_, [&](store::Tx& tx, AuditNotes& notes) -> Result<QualificationView> {
    const auto user = IsUuidV4(staff.value) ? users_.Find(tx, staff) : std::nullopt;
    if (!user || user->practice != actor.practice) return NotFound();
    store::QualificationRow r{crypto::NewUuidV4(), actor.practice, staff, *q, now, actor.user};
    qualifications_.Insert(tx, r);
    auto e = audit::Entry::For(actor, "create", "qualification", now);
    e.object_id = r.id;
    notes.Add(std::move(e));
    return ToView(std::move(r), user->display_name, domain::AmsterdamDate(now));
  });
}

Result<std::vector<QualificationView>> QualificationService::Expiring(const domain::Actor& actor, int days) {
  if (!actor.May(Permission::kStaffManage)) return Forbidden();
  const auto today = domain::AmsterdamDate(ctx_.clock.Now());
  return ctx_.db.Read([&](store::Tx& tx) {
    std::vector<QualificationView> out;
    const auto people = users_.ForPractice(tx, actor.practice);
    for (auto& r : qualifications_.ForPractice(tx, actor.practice)) {
      if (!domain::ExpiresWithin(r.q, today, days)) continue;
      std::string name;
      for (const auto& u : people)
        if (u.id == r.user) name = u.display_name;
      out.push_back(ToView(std::move(r), name, today));
    }
    return out;
  });
}

}  // namespace huidig::service
