// The practice: its settings (the owner's) and its locations.

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::service {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const PracticeView& p) {
  jv = {{"id", boost::json::value_from(p.id)},
        {"name", p.name},
        {"totp_required", p.totp_required},
        {"reflection_days", boost::json::value_from(p.reflection_days)},
        {"sign_requires_password", p.sign_requires_password}};
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const LocationView& l) {
  jv = {{"id", boost::json::value_from(l.id)}, {"name", l.name}, {"closed", l.closed}};
}

}  // namespace huidig::service

namespace huidig::http {

// Three whole numbers, one per cosmetic category; which are allowed is the domain's rule.
// (In this namespace, not an unnamed one, so that argument-dependent lookup finds it.)
static Result<std::array<int, 3>> tag_invoke(ReadTag<std::array<int, 3>>, const boost::json::value& v,
                                             const std::string& path) {
  auto all = ReadJson<std::vector<int>>(v, path);
  if (!all) return Fail(all.error());
  if (all->size() != 3) return Invalid("wrong_type", path, "R-SEC-4");
  return std::array<int, 3>{(*all)[0], (*all)[1], (*all)[2]};
}

}  // namespace huidig::http

namespace huidig::service {

Result<PracticeSettingsChange> tag_invoke(http::ReadTag<PracticeSettingsChange>, const boost::json::value& v,
                                          const std::string& path) {
  PracticeSettingsChange ch;
  return http::ObjectReader(v, path, {"totp_required", "reflection_days", "sign_requires_password"})
      .Optional("totp_required", ch.totp_required)
      .Optional("sign_requires_password", ch.sign_requires_password)
      .Optional("reflection_days", ch.reflection_days)
      .Done(std::move(ch));
}

Result<LocationInput> tag_invoke(http::ReadTag<LocationInput>, const boost::json::value& v, const std::string& path) {
  LocationInput in;
  return http::ObjectReader(v, path, {"name"}).Required("name", in.name, "R-SEC-2").Done(std::move(in));
}

Result<LocationChange> tag_invoke(http::ReadTag<LocationChange>, const boost::json::value& v, const std::string& path) {
  LocationChange ch;
  return http::ObjectReader(v, path, {"name", "closed"})
      .Optional("name", ch.name)
      .Optional("closed", ch.closed)
      .Done(std::move(ch));
}

}  // namespace huidig::service

namespace huidig::http {

void AddPracticeRoutes(Routes& routes, service::PracticeService& practice) {
  routes.Add("PATCH", "/api/v1/practice", Access::kFull, [&practice](const Call& c) -> Result<HttpResponse> {
    auto change = ReadBody<service::PracticeSettingsChange>(c.req.body);
    if (!change) return Fail(change.error());
    return Answer(practice.UpdateSettings(c.actor(), *change), c.lang);
  });
  routes.Add("GET", "/api/v1/locations", Access::kFull,
             [&practice](const Call& c) { return AnswerItems(practice.Locations(c.actor()), c.lang); });
  routes.Add("POST", "/api/v1/locations", Access::kFull, [&practice](const Call& c) -> Result<HttpResponse> {
    auto in = ReadBody<service::LocationInput>(c.req.body);
    if (!in) return Fail(in.error());
    return Created(practice.AddLocation(c.actor(), *in), c.lang, "/api/v1/locations",
                   [](const service::LocationView& l) { return l.id; });
  });
  routes.Add("PATCH", "/api/v1/locations/{id}", Access::kFull, [&practice](const Call& c) -> Result<HttpResponse> {
    auto ch = ReadBody<service::LocationChange>(c.req.body);
    if (!ch) return Fail(ch.error());
    return Answer(practice.ChangeLocation(c.actor(), c.ParamId<LocationId>("id"), *ch), c.lang);
  });
}

}  // namespace huidig::http
