// Photos: uploaded as an image body, stored sealed without metadata (R-PHOTO-3), and served
// back only to those who may read the dossier, never into a cache.

#include "http/handlers.hpp"
#include "http/view_json.hpp"

namespace huidig::service {

void tag_invoke(boost::json::value_from_tag, boost::json::value& jv, const PhotoView& p) {
  jv = {{"id", p.id.value},
        {"client", boost::json::value_from(p.client)},
        {"phase", domain::ToString(p.phase)},
        {"area", p.body_area},
        {"session", http::Nullable(p.session_id)},
        {"trajectory", http::Nullable(p.trajectory_id)},
        {"width", p.width},
        {"height", p.height},
        {"uploaded_at", FormatUtc(p.uploaded_at)},
        {"uploaded_by", boost::json::value_from(p.uploaded_by)}};
}

}  // namespace huidig::service

namespace huidig::http {
namespace {

Result<HttpResponse> Image(const Result<service::PhotoImage>& img) {
  if (!img) return Fail(img.error());
  HttpResponse r;
  r.Set("Content-Type", "image/jpeg");
  r.Set("Cache-Control", "no-store");  // never in a browser or proxy cache
  r.Set("Content-Disposition", "inline");
  r.body = img->jpeg;
  return r;
}

}  // namespace

void AddPhotoRoutes(Routes& routes, service::PhotoService& photos) {
  auto& p = photos;
  routes.Add("POST", "/api/v1/clients/{id}/photos", Access::kFull, [&p](const Call& c) -> Result<HttpResponse> {
    service::PhotoUpload up;
    std::optional<std::string> phase, area;
    auto ok = QueryReader(c.req)
                  .Text("phase", phase)
                  .Text("area", area)
                  .Text("session", up.session_id)
                  .Text("trajectory", up.trajectory_id)
                  .Done(true);
    if (!ok) return Fail(ok.error());
    if (!phase || phase->empty()) return Invalid("required", "phase", "R-PHOTO-4");
    up.phase = *phase;
    up.body_area = area.value_or("");
    return Created(p.Upload(c.actor(), c.Param("id"), up, c.req.body), c.lang, "/api/v1/photos",
                   [](const service::PhotoView& v) { return v.id; });
  }, Work::kUpload);
  routes.Add("GET", "/api/v1/clients/{id}/photos", Access::kFull,
             [&p](const Call& c) { return AnswerItems(p.List(c.actor(), c.Param("id")), c.lang); });
  routes.Add("GET", "/api/v1/photos/{id}", Access::kFull,
             [&p](const Call& c) { return Image(p.Open(c.actor(), c.ParamId<PhotoId>("id"), "image")); });
  routes.Add("GET", "/api/v1/photos/{id}/thumbnail", Access::kFull,
             [&p](const Call& c) { return Image(p.Open(c.actor(), c.ParamId<PhotoId>("id"), "thumbnail")); });
}

}  // namespace huidig::http
