// Trajectories: the information given, the consult, the decision after the reflection
// period (R-CONSENT-2) and the consents, with what is still missing before a session.

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::service {

namespace json = boost::json;

void tag_invoke(json::value_from_tag, json::value& jv, const ConsultView& c) {
  jv = {{"id", c.id.value},
        {"at", FormatUtc(c.at)},
        {"leaflet_version", c.leaflet_version},
        {"proposed", c.proposed},
        {"intake_version", c.intake_version},
        {"recorded_by", json::value_from(c.recorded_by)},
        {"recorded_at", FormatUtc(c.recorded_at)},
        {"recorded_afterwards", c.recorded_afterwards},
        {"late_reason", http::Nullable(c.late_reason)},
        {"confirmed_at", c.confirmed_at ? json::value(FormatUtc(*c.confirmed_at)) : json::value(nullptr)},
        {"confirmed_by", http::Nullable(c.confirmed_by)}};
}

void tag_invoke(json::value_from_tag, json::value& jv, const DecisionView& d) {
  jv = {{"id", d.id.value}, {"consult", d.consult_id.value}, {"at", FormatUtc(d.at)}, {"recorded_by", json::value_from(d.recorded_by)}};
}

void tag_invoke(json::value_from_tag, json::value& jv, const ConsentView& c) {
  jv = {{"id", c.id.value},
        {"kind", std::string(domain::ToString(c.kind))},
        {"text", c.text},
        {"text_sha256", c.text_sha256},
        {"signature_kind", std::string(domain::ToString(c.signature_kind))},
        {"signed_at", FormatUtc(c.signed_at)},
        {"intake_version", c.intake_version},
        {"recorded_by", json::value_from(c.recorded_by)}};
}

Result<TrajectoryInput> tag_invoke(http::ReadTag<TrajectoryInput>, const json::value& v, const std::string& path) {
  TrajectoryInput in;
  auto& i = in.info;
  return http::ObjectReader(v, path, {"treatment_type", "goal", "expected_result", "planned_sessions", "risks",
                                      "alternatives", "costs", "aftercare", "intake_reviewed"})
      .Required("treatment_type", in.treatment_type)
      .Optional("goal", i.goal)
      .Optional("expected_result", i.expected_result)
      .Optional("planned_sessions", i.planned_sessions)
      .Optional("risks", i.risks)
      .Optional("alternatives", i.alternatives)
      .Optional("costs", i.costs)
      .Optional("aftercare", i.aftercare)
      .Optional("intake_reviewed", in.intake_reviewed)
      .Done(std::move(in));
}

Result<ConsultInput> tag_invoke(http::ReadTag<ConsultInput>, const json::value& v, const std::string& path) {
  ConsultInput in;
  return http::ObjectReader(v, path, {"at", "leaflet_version", "proposed", "late_reason"})
      .Required("at", in.at)
      .Optional("leaflet_version", in.leaflet_version)
      .Optional("proposed", in.proposed)
      .Optional("late_reason", in.late_reason)
      .Done(std::move(in));
}

}  // namespace huidig::service

namespace huidig::http {
namespace {

namespace json = boost::json;

struct Signature {
  std::string kind;
  std::string value;
};

Result<Signature> tag_invoke(ReadTag<Signature>, const json::value& v, const std::string& path) {
  Signature s;
  return ObjectReader(v, path, {"kind", "value"}).Optional("kind", s.kind).Optional("value", s.value).Done(std::move(s));
}

struct ConsentBody {
  service::ConsentInput input;
};

Result<ConsentBody> tag_invoke(ReadTag<ConsentBody>, const json::value& v, const std::string& path) {
  ConsentBody b;
  auto& in = b.input;
  Signature sig;
  auto r = ObjectReader(v, path, {"kind", "text", "signature", "intake_changes_reviewed"})
               .Optional("kind", in.kind)
               .Optional("text", in.text)
               .Required("signature", sig, "R-CONSENT-5")
               .Optional("intake_changes_reviewed", in.intake_changes_reviewed)
               .Done(std::move(b));
  if (r) r->input.signature_kind = std::move(sig.kind), r->input.signature = std::move(sig.value);
  return r;
}

// The decision may be recorded now (no body) or afterwards (`at`).
struct DecisionBody {
  std::optional<std::string> at;
};

Result<DecisionBody> tag_invoke(ReadTag<DecisionBody>, const json::value& v, const std::string& path) {
  DecisionBody b;
  return ObjectReader(v, path, {"at"}).Optional("at", b.at).Done(std::move(b));
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& jv, const Localized<service::TrajectoryView>& l) {
  const auto& v = l.value;
  const auto& type = v.type.type;
  auto type_ref = TreatmentTypeRef(type, l.lang);
  type_ref["regime"] = std::string(domain::ToString(type.regime));
  type_ref["category"] = type.category == 0 ? json::value(nullptr) : json::value(type.category);
  json::array sessions;
  for (const auto& s : v.sessions) sessions.push_back(json::value_from(Localized<service::TreatmentSessionView>{s, l.lang}));
  jv = {{"id", v.id.value},
        {"client", json::value_from(v.client)},
        {"location", json::value_from(v.location)},
        {"treatment_type", std::move(type_ref)},
        {"goal", v.info.goal},
        {"expected_result", v.info.expected_result},
        {"planned_sessions", v.info.planned_sessions},
        {"risks", v.info.risks},
        {"alternatives", v.info.alternatives},
        {"costs", v.info.costs},
        {"aftercare", v.info.aftercare},
        {"intake_version", v.intake_version},
        {"created_at", FormatUtc(v.created_at)},
        {"created_by", json::value_from(v.created_by)},
        {"consults", json::value_from(v.consults)},
        {"decisions", json::value_from(v.decisions)},
        {"consents", json::value_from(v.consents)},
        {"sessions", std::move(sessions)},
        {"missing", json::value_from(v.missing)},
        {"earliest_decision", Nullable(v.earliest_decision)},
        {"intake_changed_since_consult", json::value_from(v.intake_changed_since_consult)},
        {"photo_flags", json::value_from(v.photo_flags)}};
}

void AddTrajectoryRoutes(Routes& routes, service::TrajectoryService& trajectories) {
  auto& t = trajectories;
  routes.Add("GET", "/api/v1/clients/{id}/trajectories", Access::kFull,
             [&t](const Call& c) { return AnswerItems(t.List(c.actor(), c.Param("id")), c.lang); });
  routes.Add("POST", "/api/v1/clients/{id}/trajectories", Access::kFull, [&t](const Call& c) -> Result<HttpResponse> {
    auto in = ReadBody<service::TrajectoryInput>(c.req.body);
    if (!in) return Fail(in.error());
    return Created(t.Create(c.actor(), c.Param("id"), *in), c.lang, "/api/v1/trajectories",
                   [](const service::TrajectoryView& v) { return v.id; });
  });
  routes.Add("GET", "/api/v1/trajectories/{id}", Access::kFull,
             [&t](const Call& c) { return Answer(t.Get(c.actor(), c.ParamId<TrajectoryId>("id")), c.lang); });
  routes.Add("POST", "/api/v1/trajectories/{id}/consult", Access::kFull, [&t](const Call& c) -> Result<HttpResponse> {
    auto in = ReadBody<service::ConsultInput>(c.req.body);
    if (!in) return Fail(in.error());
    return Answer(t.RecordConsult(c.actor(), c.ParamId<TrajectoryId>("id"), *in), c.lang, 201);
  });
  routes.Add("POST", "/api/v1/trajectories/{id}/consult/confirm", Access::kFull, [&t](const Call& c) {
    return Answer(t.ConfirmConsult(c.actor(), c.ParamId<TrajectoryId>("id")), c.lang);
  });
  routes.Add("POST", "/api/v1/trajectories/{id}/decision", Access::kFull, [&t](const Call& c) -> Result<HttpResponse> {
    auto body = ReadOptionalBody<DecisionBody>(c.req.body);
    if (!body) return Fail(body.error());
    return Answer(t.RecordDecision(c.actor(), c.ParamId<TrajectoryId>("id"), body->at), c.lang, 201);
  });
  routes.Add("POST", "/api/v1/trajectories/{id}/consents", Access::kFull, [&t](const Call& c) -> Result<HttpResponse> {
    auto body = ReadBody<ConsentBody>(c.req.body);
    if (!body) return Fail(body.error());
    return Answer(t.AddConsent(c.actor(), c.ParamId<TrajectoryId>("id"), body->input), c.lang, 201);
  });
}

}  // namespace huidig::http
