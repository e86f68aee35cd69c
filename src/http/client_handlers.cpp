// Clients: search, register, read and change identity and contact data (and, for those who
// may read the dossier, the record-keeping choice and the photo preference).

#include "http/handlers.hpp"
#include "http/json_read.hpp"
#include "http/view_json.hpp"

namespace huidig::service {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const ClientView& v) {
  namespace json = boost::json;
  const auto& c = v.client;
  json::object o{{"id", json::value_from(c.id)},
                 {"given_name", c.given_name},
                 {"name_prefix", http::Nullable(c.name_prefix)},
                 {"family_name", c.family_name},
                 {"date_of_birth", domain::FormatDate(c.date_of_birth)},
                 {"phone", http::Nullable(c.phone)},
                 {"email", http::Nullable(c.email)},
                 {"location", json::value_from(c.location)},
                 {"created_at", FormatUtc(c.created_at)},
                 {"updated_at", FormatUtc(c.updated_at)}};
  if (v.dossier) {  // not for the front desk (role table)
    o["records_consent"] =
        c.records_consent ? json::value(std::string(domain::ToString(*c.records_consent))) : json::value(nullptr);
    o["photo_preference"] =
        c.photo_preference ? json::value(std::string(domain::ToString(*c.photo_preference))) : json::value(nullptr);
  }
  jv = std::move(o);
}

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const ClientChangeView& v) {
  namespace json = boost::json;
  json::array changes;
  for (const auto& c : v.changes)
    changes.push_back({{"field", c.field}, {"from", http::Nullable(c.from)}, {"to", http::Nullable(c.to)}});
  jv = {{"at", FormatUtc(v.at)}, {"by", json::value_from(v.by)}, {"by_name", v.by_name}, {"changes", std::move(changes)}};
}

}  // namespace huidig::service

namespace huidig::domain {

// A create or a merge patch: required fields may not be null, optional ones may (null clears).
Result<ClientChanges> tag_invoke(http::ReadTag<ClientChanges>, const boost::json::value& v, const std::string& path) {
  ClientChanges ch;
  return http::ObjectReader(v, path, {"given_name", "name_prefix", "family_name", "date_of_birth", "phone",
                                      "email", "location", "records_consent", "photo_preference"})
      .Optional("given_name", ch.given_name)
      .Optional("family_name", ch.family_name)
      .Optional("date_of_birth", ch.date_of_birth)
      .Optional("location", ch.location)
      .Nullable("name_prefix", ch.name_prefix)
      .Nullable("phone", ch.phone)
      .Nullable("email", ch.email)
      .Nullable("records_consent", ch.records_consent)
      .Nullable("photo_preference", ch.photo_preference)
      .Done(std::move(ch));
}

}  // namespace huidig::domain

namespace huidig::http {

void AddClientRoutes(Routes& routes, service::ClientService& clients) {
  routes.Add("GET", "/api/v1/clients", Access::kFull, [&clients](const Call& c) -> Result<HttpResponse> {
    service::ClientSearch s;
    std::optional<std::string> q;
    std::optional<int> limit, offset;
    auto ok = QueryReader(c.req)
                  .Text("q", q)
                  .Text("location", s.location)
                  .Int("limit", limit, 1, 200)
                  .Int("offset", offset, 0, 1'000'000)
                  .Done(true);
    if (!ok) return Fail(ok.error());
    s.q = q.value_or("");
    if (limit) s.limit = *limit;
    if (offset) s.offset = *offset;
    return AnswerItems(clients.Search(c.actor(), s), c.lang);
  });
  routes.Add("POST", "/api/v1/clients", Access::kFull, [&clients](const Call& c) -> Result<HttpResponse> {
    auto ch = ReadBody<domain::ClientChanges>(c.req.body);
    if (!ch) return Fail(ch.error());
    return Created(clients.Create(c.actor(), *ch), c.lang, "/api/v1/clients",
                   [](const service::ClientView& v) { return v.client.id.value; });
  });
  routes.Add("GET", "/api/v1/clients/{id}", Access::kFull,
             [&clients](const Call& c) { return Answer(clients.Get(c.actor(), c.Param("id")), c.lang); });
  routes.Add("GET", "/api/v1/clients/{id}/history", Access::kFull, [&clients](const Call& c) {
    return AnswerItems(clients.History(c.actor(), c.Param("id")), c.lang);
  });
  routes.Add("PATCH", "/api/v1/clients/{id}", Access::kFull, [&clients](const Call& c) -> Result<HttpResponse> {
    auto ch = ReadBody<domain::ClientChanges>(c.req.body);
    if (!ch) return Fail(ch.error());
    return Answer(clients.Update(c.actor(), c.Param("id"), *ch), c.lang);
  });
}

}  // namespace huidig::http
