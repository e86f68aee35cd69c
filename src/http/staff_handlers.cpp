// The team (R-STAFF-3): everyone's names and roles, so records can name their authors; for
// the owner also their accounts: email, locations, access, and adding and changing them.

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::service {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& jv, const StaffMemberView& s) {
  jv = {{"id", json::value_from(s.id)},
        {"name", s.display_name},
        {"display_name", s.display_name},
        {"role", std::string(domain::RoleName(s.role))},
        {"active", s.active}};
}

void tag_invoke(json::value_from_tag, json::value& jv, const StaffAccountView& s) {
  jv = {{"id", json::value_from(s.id)},
        {"name", s.name},
        {"display_name", s.name},
        {"email", s.email},
        {"role", std::string(domain::RoleName(s.role))},
        {"all_locations", s.all_locations},
        {"locations", json::value_from(s.locations)},
        {"active", s.active},
        {"access_until", s.access_until ? json::value(FormatUtc(*s.access_until)) : json::value(nullptr)}};
}

void tag_invoke(json::value_from_tag, json::value& jv, const NewStaffAccount& n) {
  jv = json::value_from(n.staff);
  jv.as_object()["one_time_password"] = n.one_time_password;
}

Result<StaffInput> tag_invoke(http::ReadTag<StaffInput>, const json::value& v, const std::string& path) {
  StaffInput in;
  return http::ObjectReader(v, path, {"name", "email", "role", "locations", "access_until"})
      .Required("name", in.name, "R-STAFF-3")
      .Required("email", in.email, "R-STAFF-3")
      .Required("role", in.role, "R-STAFF-3")
      .Optional("locations", in.locations)
      .Optional("access_until", in.access_until)
      .Done(std::move(in));
}

Result<StaffChange> tag_invoke(http::ReadTag<StaffChange>, const json::value& v, const std::string& path) {
  StaffChange ch;
  return http::ObjectReader(v, path, {"active", "role", "locations", "access_until"})
      .Optional("active", ch.active)
      .Optional("role", ch.role)
      .Optional("locations", ch.locations)
      .Nullable("access_until", ch.access_until)
      .Done(std::move(ch));
}

void tag_invoke(json::value_from_tag, json::value& jv, const QualificationView& v) {
  const auto& q = v.qualification;
  jv = {{"id", v.id},
        {"staff", json::value_from(v.staff)},
        {"staff_name", v.staff_name},
        {"kind", std::string(domain::ToString(q.kind))},
        {"title", q.title},
        {"covers", json::value_from(q.covers)},
        {"big_number", http::Nullable(q.big_number)},
        {"valid_from", domain::FormatDate(q.valid_from)},
        {"valid_until", q.valid_until ? json::value(domain::FormatDate(*q.valid_until)) : json::value(nullptr)},
        {"valid_today", v.valid_today},
        {"created_at", FormatUtc(v.created_at)},
        {"created_by", json::value_from(v.created_by)}};
}

Result<QualificationInput> tag_invoke(http::ReadTag<QualificationInput>, const json::value& v, const std::string& path) {
  QualificationInput in;
  return http::ObjectReader(v, path, {"kind", "title", "covers", "big_number", "valid_from", "valid_until"})
      .Required("kind", in.kind, "R-STAFF-1")
      .Required("title", in.title, "R-STAFF-1")
      .Required("covers", in.covers, "R-STAFF-1")
      .Optional("big_number", in.big_number)
      .Required("valid_from", in.valid_from, "R-STAFF-1")
      .Optional("valid_until", in.valid_until)
      .Done(std::move(in));
}

}  // namespace huidig::service

namespace huidig::http {

void AddStaffRoutes(Routes& routes, service::PracticeService& practice, service::StaffService& staff,
                    service::QualificationService& qualifications) {
  routes.Add("GET", "/api/v1/staff/{id}/qualifications", Access::kFull, [&qualifications](const Call& c) {
    return AnswerItems(qualifications.Of(c.actor(), c.ParamId<UserId>("id")), c.lang);
  });
  routes.Add("POST", "/api/v1/staff/{id}/qualifications", Access::kFull,
             [&qualifications](const Call& c) -> Result<HttpResponse> {
               auto in = ReadBody<service::QualificationInput>(c.req.body);
               if (!in) return Fail(in.error());
               const auto staff = c.ParamId<UserId>("id");
               return Created(qualifications.Add(c.actor(), staff, *in), c.lang,
                              "/api/v1/staff/" + staff.value + "/qualifications",
                              [](const service::QualificationView& v) { return v.id; });
             });
  routes.Add("GET", "/api/v1/qualifications/expiring", Access::kFull, [&qualifications](const Call& c) -> Result<HttpResponse> {
    std::optional<int> days;
    if (auto ok = QueryReader(c.req).Int("days", days, 1, 366).Done(true); !ok) return Fail(ok.error());
    return AnswerItems(qualifications.Expiring(c.actor(), days.value_or(60)), c.lang);
  });
  // The owner sees the accounts; everyone else the names and roles only.
  routes.Add("GET", "/api/v1/staff", Access::kFull, [&practice, &staff](const Call& c) {
    if (c.actor().May(domain::Permission::kStaffManage)) return AnswerItems(staff.Accounts(c.actor()), c.lang);
    return AnswerItems(practice.Staff(c.actor()), c.lang);
  });
  routes.Add("POST", "/api/v1/staff", Access::kFull, [&staff](const Call& c) -> Result<HttpResponse> {
    auto in = ReadBody<service::StaffInput>(c.req.body);
    if (!in) return Fail(in.error());
    return Created(staff.Add(c.actor(), *in), c.lang, "/api/v1/staff",
                   [](const service::NewStaffAccount& n) { return n.staff.id; });
  });
  routes.Add("PATCH", "/api/v1/staff/{id}", Access::kFull, [&staff](const Call& c) -> Result<HttpResponse> {
    auto ch = ReadBody<service::StaffChange>(c.req.body);
    if (!ch) return Fail(ch.error());
    return Answer(staff.Change(c.actor(), c.ParamId<UserId>("id"), *ch), c.lang);
  });
  routes.Add("POST", "/api/v1/staff/{id}/password-reset", Access::kFull, [&staff](const Call& c) {
    return Answer(staff.ResetPassword(c.actor(), c.ParamId<UserId>("id")), c.lang);
  });
  routes.Add("POST", "/api/v1/staff/{id}/totp-reset", Access::kFull, [&staff](const Call& c) {
    return Answer(staff.ResetTotp(c.actor(), c.ParamId<UserId>("id")), c.lang);
  });
}

}  // namespace huidig::http
