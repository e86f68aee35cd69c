// Treatment sessions: a draft, signed once complete (then append-only), addenda, and the
// recall of a batch or a device.

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::domain {

namespace json = boost::json;

Result<ProductUse> tag_invoke(http::ReadTag<ProductUse>, const json::value& v, const std::string& path) {
  ProductUse use;
  std::string kind = "product";
  http::ObjectReader r(v, path, {"kind", "name", "batch"});
  r.Optional("kind", kind).Optional("name", use.name).Optional("batch", use.batch);
  auto done = r.Done(std::move(use));
  if (!done) return done;
  const auto k = ParseProductKind(kind);
  if (!k) return Invalid("invalid_value", http::MemberPath(path, "kind"));
  done->kind = *k;
  return done;
}

}  // namespace huidig::domain

namespace huidig::http {
namespace {

namespace json = boost::json;

struct DeviceUse {
  std::string name;
  std::string settings;
};

Result<DeviceUse> tag_invoke(ReadTag<DeviceUse>, const json::value& v, const std::string& path) {
  DeviceUse d;
  return ObjectReader(v, path, {"name", "settings"})
      .Optional("name", d.name)
      .Optional("settings", d.settings)
      .Done(std::move(d));
}

}  // namespace
}  // namespace huidig::http

namespace huidig::service {

namespace json = boost::json;

Result<TreatmentSessionInput> tag_invoke(http::ReadTag<TreatmentSessionInput>, const json::value& v, const std::string& path) {
  TreatmentSessionInput in;
  auto& r = in.record;
  std::optional<std::optional<http::DeviceUse>> device;
  auto done = http::ObjectReader(v, path, {"performed_at", "body_areas", "products", "device", "particulars",
                                           "result", "evaluation", "attention_points", "aftercare_advice"})
                  .Optional("performed_at", in.performed_at)
                  .Optional("body_areas", r.body_areas)
                  .Optional("products", r.products)
                  .Nullable("device", device)
                  .Optional("particulars", r.particulars)
                  .Optional("result", r.result)
                  .Optional("evaluation", r.evaluation)
                  .Optional("attention_points", r.attention_points)
                  .Optional("aftercare_advice", r.aftercare_advice)
                  .Done(std::move(in));
  if (done && device && *device) {
    done->record.device_name = (*device)->name;
    done->record.device_settings = (*device)->settings;
  }
  return done;
}

void tag_invoke(json::value_from_tag, json::value& jv, const AddendumView& a) {
  jv = {{"id", a.id.value},
        {"author", json::value_from(a.author)},
        {"at", FormatUtc(a.at)},
        {"reason", a.reason},
        {"text", a.text}};
}

void tag_invoke(json::value_from_tag, json::value& jv, const RecallEntry& e) {
  jv = {{"client", json::object{{"id", json::value_from(e.client)}, {"name", e.client_name}}},
        {"location", json::value_from(e.location)},
        {"session", e.session_id.value},
        {"trajectory", e.trajectory_id.value},
        {"performed_at", FormatUtc(e.performed_at)},
        {"product", http::Nullable(e.product)},
        {"batch", http::Nullable(e.batch)},
        {"device", http::Nullable(e.device)}};
}

}  // namespace huidig::service

namespace huidig::http {
namespace {

namespace json = boost::json;

json::value ProductJson(const domain::ProductUse& p) {
  return {{"kind", std::string(domain::ToString(p.kind))}, {"name", p.name}, {"batch", p.batch}};
}

struct AddendumBody {
  std::string reason;
  std::string text;
};

Result<AddendumBody> tag_invoke(ReadTag<AddendumBody>, const json::value& v, const std::string& path) {
  AddendumBody b;
  return ObjectReader(v, path, {"reason", "text"}).Optional("reason", b.reason).Optional("text", b.text).Done(std::move(b));
}

// Signing: no body, or the signer's password where the practice asks for it.
struct SignBody {
  std::optional<std::string> password;
};

Result<SignBody> tag_invoke(ReadTag<SignBody>, const json::value& v, const std::string& path) {
  SignBody b;
  return ObjectReader(v, path, {"password"}).Optional("password", b.password).Done(std::move(b));
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& jv, const Localized<service::TreatmentSessionView>& l) {
  const auto& s = l.value;
  json::array products;
  for (const auto& p : s.record.products) products.push_back(ProductJson(p));
  jv = {{"id", s.id.value},
        {"trajectory", s.trajectory_id.value},
        {"client", json::value_from(s.client)},
        {"status", domain::ToString(s.status)},
        {"performed_at", FormatUtc(s.performed_at)},
        {"practitioner", json::value_from(s.practitioner)},
        {"treatment_type", TreatmentTypeRef(s.type.type, l.lang)},
        {"body_areas", json::value_from(s.record.body_areas)},
        {"products", std::move(products)},
        {"device", s.record.device_name ? json::value(json::object{{"name", *s.record.device_name},
                                                                    {"settings", s.record.device_settings}})
                                        : json::value(nullptr)},
        {"particulars", s.record.particulars},
        {"result", s.record.result},
        {"evaluation", s.record.evaluation},
        {"attention_points", s.record.attention_points},
        {"aftercare_advice", s.record.aftercare_advice},
        {"signed_at", s.signed_at ? json::value(FormatUtc(*s.signed_at)) : json::value(nullptr)},
        {"signed_by", Nullable(s.signed_by)},
        {"addenda", json::value_from(s.addenda)},
        {"created_at", FormatUtc(s.created_at)},
        {"updated_at", FormatUtc(s.updated_at)}};
}

void AddTreatmentSessionRoutes(Routes& routes, service::TreatmentSessionService& sessions) {
  auto& s = sessions;
  routes.Add("POST", "/api/v1/trajectories/{id}/sessions", Access::kFull, [&s](const Call& c) -> Result<HttpResponse> {
    auto in = ReadBody<service::TreatmentSessionInput>(c.req.body);
    if (!in) return Fail(in.error());
    return Created(s.Create(c.actor(), c.ParamId<TrajectoryId>("id"), *in), c.lang, "/api/v1/sessions",
                   [](const service::TreatmentSessionView& v) { return v.id; });
  });
  routes.Add("GET", "/api/v1/sessions/{id}", Access::kFull,
             [&s](const Call& c) { return Answer(s.Get(c.actor(), c.ParamId<TreatmentSessionId>("id")), c.lang); });
  routes.Add("PATCH", "/api/v1/sessions/{id}", Access::kFull, [&s](const Call& c) -> Result<HttpResponse> {
    auto in = ReadBody<service::TreatmentSessionInput>(c.req.body);
    if (!in) return Fail(in.error());
    return Answer(s.Update(c.actor(), c.ParamId<TreatmentSessionId>("id"), *in), c.lang);
  });
  routes.Add("POST", "/api/v1/sessions/{id}/sign", Access::kFull, [&s](const Call& c) -> Result<HttpResponse> {
    auto body = ReadOptionalBody<SignBody>(c.req.body);
    if (!body) return Fail(body.error());
    return Answer(s.Sign(c.actor(), c.ParamId<TreatmentSessionId>("id"), body->password), c.lang);
  });
  routes.Add("POST", "/api/v1/sessions/{id}/discard", Access::kFull, [&s](const Call& c) -> Result<HttpResponse> {
    if (auto ok = s.Discard(c.actor(), c.ParamId<TreatmentSessionId>("id")); !ok) return Fail(ok.error());
    return NoContent();
  });
  routes.Add("POST", "/api/v1/sessions/{id}/addenda", Access::kFull, [&s](const Call& c) -> Result<HttpResponse> {
    auto body = ReadBody<AddendumBody>(c.req.body);
    if (!body) return Fail(body.error());
    return Answer(s.AddAddendum(c.actor(), c.ParamId<TreatmentSessionId>("id"), body->reason, body->text), c.lang, 201);
  });
  routes.Add("GET", "/api/v1/recall", Access::kFull, [&s](const Call& c) -> Result<HttpResponse> {
    std::optional<std::string> batch, device;
    if (auto ok = QueryReader(c.req).Text("batch", batch).Text("device", device).Done(true); !ok)
      return Fail(ok.error());
    return AnswerItems(s.Recall(c.actor(), batch, device), c.lang);
  });
}

}  // namespace huidig::http
