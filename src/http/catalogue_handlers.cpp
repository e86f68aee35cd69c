// The catalogue of treatment types (R-CAT): every role reads it, the owner changes it.

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::http {

namespace json = boost::json;

json::object TreatmentTypeRef(const domain::TreatmentType& t, Lang lang) {
  return {{"id", t.key}, {"version", t.version}, {"name", lang == Lang::kEn ? t.name_en : t.name_nl}};
}

namespace {

json::value Category(int category) { return category == 0 ? json::value(nullptr) : json::value(category); }

}  // namespace

void tag_invoke(json::value_from_tag, json::value& jv, const Localized<service::TreatmentTypeView>& v) {
  const auto& t = v.value.type;
  auto o = TreatmentTypeRef(t, v.lang);
  o["regime"] = std::string(domain::ToString(t.regime));
  o["category"] = Category(t.category);
  o["name_nl"] = t.name_nl;
  o["name_en"] = t.name_en;
  o["visible_results"] = t.visible_results;
  o["qualification"] = t.qualifications.empty() ? json::value(nullptr) : json::value(t.qualifications.front());
  o["qualifications"] = json::value_from(t.qualifications);
  o["device_required"] = t.device_required;
  o["medical_act"] = t.medical_act;
  o["retired"] = v.value.retired;
  jv = std::move(o);
}

}  // namespace huidig::http

namespace huidig::service {

Result<TreatmentTypeChanges> tag_invoke(http::ReadTag<TreatmentTypeChanges>, const boost::json::value& v,
                                        const std::string& path) {
  TreatmentTypeChanges ch;
  http::ObjectReader r(v, path, {"id", "regime", "category", "name_nl", "name_en", "visible_results",
                                 "qualification", "qualifications", "device_required", "medical_act", "retired"});
  r.Optional("id", ch.key)
      .Optional("regime", ch.regime)
      .Optional("name_nl", ch.name_nl)
      .Optional("name_en", ch.name_en)
      .Nullable("qualification", ch.qualification)
      .Optional("qualifications", ch.qualifications)
      .Optional("visible_results", ch.visible_results)
      .Optional("device_required", ch.device_required)
      .Optional("medical_act", ch.medical_act)
      .Optional("retired", ch.retired);
  // null: no category. Any int reaches the catalogue's rule (R-CAT).
  std::optional<std::optional<int>> category;
  r.Nullable("category", category);
  if (category) ch.category = category->value_or(0);
  return r.Done(std::move(ch));
}

}  // namespace huidig::service

namespace huidig::http {

void AddCatalogueRoutes(Routes& routes, service::CatalogueService& catalogue) {
  routes.Add("GET", "/api/v1/treatment-types", Access::kFull,
             [&catalogue](const Call& c) { return AnswerItems(catalogue.List(c.actor()), c.lang); });
  routes.Add("POST", "/api/v1/treatment-types", Access::kFull, [&catalogue](const Call& c) -> Result<HttpResponse> {
    auto ch = ReadBody<service::TreatmentTypeChanges>(c.req.body);
    if (!ch) return Fail(ch.error());
    return Created(catalogue.Create(c.actor(), *ch), c.lang, "/api/v1/treatment-types",
                   [](const service::TreatmentTypeView& v) { return v.type.key; });
  });
  routes.Add("PATCH", "/api/v1/treatment-types/{id}", Access::kFull, [&catalogue](const Call& c) -> Result<HttpResponse> {
    auto ch = ReadBody<service::TreatmentTypeChanges>(c.req.body);
    if (!ch) return Fail(ch.error());
    return Answer(catalogue.Update(c.actor(), c.Param("id"), *ch), c.lang);
  });
}

}  // namespace huidig::http
