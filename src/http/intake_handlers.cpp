// The intake (anamnese): every change is a new version; the history stays readable.

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::domain {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const IntakeAnswers& a) {
  jv = {{"allergies", a.allergies},
        {"medication", a.medication},
        {"pregnancy", a.pregnancy},
        {"skin_conditions", a.skin_conditions},
        {"contra_indications", a.contra_indications},
        {"notes", a.notes}};
}

// A field left out is empty.
Result<IntakeAnswers> tag_invoke(http::ReadTag<IntakeAnswers>, const boost::json::value& v, const std::string& path) {
  IntakeAnswers a;
  return http::ObjectReader(v, path, {"allergies", "medication", "pregnancy", "skin_conditions",
                                      "contra_indications", "notes"})
      .Optional("allergies", a.allergies)
      .Optional("medication", a.medication)
      .Optional("pregnancy", a.pregnancy)
      .Optional("skin_conditions", a.skin_conditions)
      .Optional("contra_indications", a.contra_indications)
      .Optional("notes", a.notes)
      .Done(std::move(a));
}

}  // namespace huidig::domain

namespace huidig::service {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const IntakeVersion& v) {
  jv = {{"version", v.version},
        {"author", boost::json::value_from(v.author)},
        {"created_at", FormatUtc(v.created_at)},
        {"answers", boost::json::value_from(v.answers)}};
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const IntakeHistory& h) {
  jv = {{"current", h.versions.empty() ? boost::json::value(nullptr) : boost::json::value_from(h.versions.back())},
        {"versions", boost::json::value_from(h.versions)}};
}

}  // namespace huidig::service

namespace huidig::http {

void AddIntakeRoutes(Routes& routes, service::IntakeService& intake) {
  routes.Add("GET", "/api/v1/clients/{id}/intake", Access::kFull,
             [&intake](const Call& c) { return Answer(intake.History(c.actor(), c.Param("id")), c.lang); });
  routes.Add("POST", "/api/v1/clients/{id}/intake", Access::kFull, [&intake](const Call& c) -> Result<HttpResponse> {
    auto answers = ReadBody<domain::IntakeAnswers>(c.req.body);
    if (!answers) return Fail(answers.error());
    return Answer(intake.Add(c.actor(), c.Param("id"), *answers), c.lang, 201);
  });
}

}  // namespace huidig::http
