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

}  // namespace huidig::service

namespace huidig::http {

void AddStaffRoutes(Routes& routes, service::PracticeService& practice, service::StaffService& staff) {
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
